import { useState } from 'react';
import { loadDemoData } from '../../lib/db/demo';
import { getDb } from '../../lib/db';
import { openOptionsPage } from '../../lib/platform';
import { useSettings } from '../providers/SettingsContext';
import { useToast } from '../providers/toast';

/** First-run screen on every page: load demo data, import a CSV, or open a CRM page. */
export function EmptyState({ compact = false }: { compact?: boolean }) {
  const { t, settings, save } = useSettings();
  const show = useToast((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      const counts = await loadDemoData(getDb(), Date.now());
      await save({ ...settings, demoLoadedAt: Date.now(), fxRates: { USD: 36, ...settings.fxRates } });
      show(t('empty.demoLoaded', counts));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={compact ? 'empty empty-compact' : 'empty'} aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <ol className="empty-steps">
        <li>
          <button type="button" className="primary" onClick={loadDemo} disabled={busy} data-testid="load-demo">
            {busy ? t('empty.loadingDemo') : t('empty.demo')}
          </button>
          <p className="help">{t('empty.demo.help')}</p>
        </li>
        <li>
          <button type="button" onClick={() => void openOptionsPage()}>
            {t('empty.import')}
          </button>
          <p className="help">{t('empty.import.help')}</p>
        </li>
        <li>
          <strong>{t('empty.crm')}</strong>
          <p className="help">{t('empty.crm.help')}</p>
        </li>
      </ol>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="help">{t('app.offline')}</p>
    </section>
  );
}
