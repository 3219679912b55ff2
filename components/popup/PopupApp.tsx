import { useCallback, useEffect, useState } from 'react';
import { openCockpit } from '../../lib/platform/panel';
import { useQuickLogBackend } from '../quicklog/backend';
import { QuickLogForm } from '../quicklog/QuickLogForm';
import type { QuickLogOpened } from '../../lib/quicklog/backend';
import type { PopupParams } from '../../lib/quicklog/params';
import { useT } from '../providers/settings-context';
import type { DemoLoader } from '../data/useLoadDemo';
import { EmptyState } from '../ui/EmptyState';
import { ToastHost } from '../ui/Toast';


export { popupParams, type PopupParams } from '../../lib/quicklog/params';

/** Toolbar popup: quick-log first; an empty book also gets the first-run choices. */
export function PopupApp({
  params = { dealId: null, kind: null, tabId: null },
  onClose = () => window.close(),
  opened,
  loadDemo,
}: {
  params?: PopupParams;
  onClose?: () => void;
  /** The first-run screen's demo load (the background does it for the popup). */
  loadDemo: DemoLoader;
  /** The form's opening read, answered or on its way (see QuickLogForm's `opened`). */
  opened?: QuickLogOpened | Promise<QuickLogOpened>;
}) {
  const t = useT();
  const backend = useQuickLogBackend();
  // Counted at open and after each log: an empty book shows the first-run choices.
  const [dealCount, setDealCount] = useState<number | null>(null);
  const recount = useCallback(() => void backend.countDeals().then(setDealCount, () => setDealCount(null)), [backend]);
  useEffect(recount, [recount]);
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
      {dealCount === 0 && (
        <EmptyState
          compact
          loadDemo={async (now) => {
            const counts = await loadDemo(now);
            recount();
            return counts;
          }}
        />
      )}
      <QuickLogForm initialDealId={params.dealId} initialKind={params.kind ?? 'call'} tabId={params.tabId} opened={opened} onClose={onClose} onLogged={recount} />
      <ToastHost />
    </main>
  );
}
