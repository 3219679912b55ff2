import { useLiveQuery } from 'dexie-react-hooks';
import { countDeals, getDb } from '../../lib/db';
import { openCockpit } from '../../lib/platform';
import { QuickLogForm } from '../quicklog/QuickLogForm';
import { useT } from '../providers/SettingsContext';
import { ToastHost } from '../ui/Toast';
import { EmptyState } from '../ui/EmptyState';

/** Toolbar popup: quick-log first; an empty book also gets the first-run choices. */
export function PopupApp() {
  const t = useT();
  const dealCount = useLiveQuery(() => countDeals(getDb()), []);
  return (
    <main className="popup-main">
      <header className="bar">
        <h1>{t('log.title')}</h1>
        <button
          type="button"
          onClick={async () => {
            if (await openCockpit()) window.close();
          }}
        >
          {t('log.openPanel')}
        </button>
      </header>
      {dealCount === 0 && <EmptyState compact />}
      <QuickLogForm />
      <ToastHost />
    </main>
  );
}
