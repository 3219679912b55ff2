import { openOptionsPage } from '../../lib/platform/panel';
import { useLoadDemo, type DemoLoader } from '../data/useLoadDemo';
import { useT } from '../providers/settings-context';

/**
 * First-run screen on every page: load demo data, import a CSV, or open a CRM page. `loadDemo`
 * is lib/platform/demo.ts in a page; the popup, which has no database code, asks the background.
 */
export function EmptyState({ compact = false, loadDemo }: { compact?: boolean; loadDemo: DemoLoader }) {
  const t = useT();
  const { load, busy, error } = useLoadDemo(loadDemo);
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
