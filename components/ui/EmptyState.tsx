import { openOptionsPage } from '../../lib/platform';
import { useLoadDemo } from '../data/useLoadDemo';
import { useT } from '../providers/settings-context';

/** First-run screen on every page: load demo data, import a CSV, or open a CRM page. */
export function EmptyState({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { load, busy, error } = useLoadDemo();
  return (
    <section className={compact ? 'empty empty-compact' : 'empty'} aria-labelledby="empty-title">
      <h2 id="empty-title">{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <ol className="empty-steps">
        <li>
          <button type="button" className="primary" onClick={() => void load()} disabled={busy} data-testid="load-demo">
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
