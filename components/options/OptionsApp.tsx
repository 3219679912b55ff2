import { useT } from '../providers/settings-context';
import { ToastHost } from '../ui/Toast';
import { CaptureSettings } from './CaptureSettings';
import { CatalogueEditors } from './catalogue';
import { DataSection } from './DataSection';
import { BackupSection } from './io/BackupSection';
import { ExportSection } from './io/ExportSection';
import { ImportSection } from './io/ImportSection';
import { MailSettings } from './MailSettings';
import { QuotaEditor } from './QuotaEditor';
import { SettingsForm } from './SettingsForm';

export function OptionsApp() {
  const t = useT();
  return (
    <main className="options-main">
      <header>
        <h1>{t('options.title')}</h1>
        <p className="help">{t('app.offline')}</p>
        <nav>
          <a href="#settings-title">{t('options.nav.settings')}</a>
          <a href="#quota-title">{t('options.nav.quotas')}</a>
          <a href="#stages-title">{t('settings.stages.title')}</a>
          <a href="#products-title">{t('settings.products.title')}</a>
          <a href="#spend-title">{t('settings.spend.title')}</a>
          <a href="#import-title">{t('ioui.import.title')}</a>
          <a href="#export-title">{t('ioui.export.title')}</a>
          <a href="#backup-title">{t('io.backup.title')}</a>
          <a href="#data-title">{t('options.nav.data')}</a>
        </nav>
      </header>
      <SettingsForm />
      <CaptureSettings />
      <MailSettings />
      <ImportSection />
      <ExportSection />
      <QuotaEditor />
      <CatalogueEditors />
      <BackupSection />
      <DataSection />
      <ToastHost />
    </main>
  );
}
