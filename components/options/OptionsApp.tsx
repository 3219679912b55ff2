import { useT } from '../providers/SettingsContext';
import { ToastHost } from '../ui/Toast';
import { CatalogueEditors } from './catalogue';
import { DataSection } from './DataSection';
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
          <a href="#data-title">{t('options.nav.data')}</a>
        </nav>
      </header>
      <SettingsForm />
      <QuotaEditor />
      <CatalogueEditors />
      <DataSection />
      <ToastHost />
    </main>
  );
}
