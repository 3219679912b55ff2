/**
 * The quick log's reads and writes against the book in this context: the side panel runs it in
 * the page; the background runs it for the popup (entrypoints/background/quicklog.ts answers the
 * popup's messages with it). Every write goes through lib/db.
 */
import type { QuickLogBackend, QuickLogOpened, QuickLogOpenRequest } from '../quicklog/backend';
import { getDb } from '../db';
import { countDeals } from '../db/queries';
import { dealTargetById, loadOpenDeals, matchCapture, searchTargets, suggestedTargets, type DealEntry } from '../db/quicklog';
import { quickLog, undoQuickLog } from '../db/writes';
import type { LogTarget } from '../domain/quicklog';
import { activeTabId } from './active-tab';
import { signalBookChanged } from './badge';
import { getCapture } from './captures';
import { discardDraft, readDraft, saveDraft, type QuickLogDraft } from './draft';
import { clearTimer, readTimer, startTimer, stopTimer } from './timer';

/** A draft's target as it is now in the book (renamed: the new name; gone: null). */
async function reloadTarget(target: NonNullable<QuickLogDraft['target']>): Promise<LogTarget | null> {
  const db = getDb();
  if (target.kind === 'deal') return dealTargetById(db, target.id);
  if (target.kind === 'account') {
    const a = await db.accounts.get(target.id);
    return a ? { kind: 'account', id: a.id, name: a.name, detail: target.detail, dealId: null, accountId: a.id, contactId: null } : null;
  }
  const c = await db.contacts.get(target.id);
  return c ? { kind: 'contact', id: c.id, name: c.name, detail: target.detail, dealId: null, accountId: c.accountId, contactId: c.id } : null;
}

/**
 * The open deals of the latest open of the form, read at its first query. A cache, not state: a
 * worker that slept reads them again (the popup's opens are seconds long; a write made meanwhile
 * shows at the next open, as when the list lived in the popup).
 */
let openDeals: { openId: string; deals: Promise<DealEntry[]> } | null = null;

export const quickLogService: QuickLogBackend & {
  /** `selfTabId`: the asking page's own tab, when the caller knows it (the background: the sender's). */
  open(req: QuickLogOpenRequest, selfTabId?: number | null): Promise<QuickLogOpened>;
} = {
  async open({ keepDraft, dealId, tabId }, selfTabId?: number | null): Promise<QuickLogOpened> {
    const db = getDb();
    // The tab is looked up beside the draft and the timer (unused if a draft is kept): the popup
    // waits on this read, and each is a round trip to the browser.
    const [draft, timer, tab] = await Promise.all([keepDraft ? readDraft() : null, readTimer(), dealId ? null : activeTabId(tabId, selfTabId)]);
    if (draft) return { draft, timer, target: draft.target ? await reloadTarget(draft.target) : null, fromPage: null };
    if (dealId) return { draft: null, timer, target: await dealTargetById(db, dealId), fromPage: null };
    const stored = tab === null ? null : await getCapture(tab);
    const match = stored && 'capture' in stored ? await matchCapture(db, stored.capture) : null;
    return { draft: null, timer, target: null, fromPage: match && (match.target || match.suggest) ? match : null };
  },
  suggested: (today) => suggestedTargets(getDb(), today),
  async search(query, today, openId) {
    if (openDeals?.openId !== openId) {
      const deals = loadOpenDeals(getDb());
      openDeals = { openId, deals };
      // A failed read is not kept: the next query tries again.
      deals.catch(() => {
        if (openDeals?.deals === deals) openDeals = null;
      });
    }
    return searchTargets(getDb(), query, await openDeals.deals, today);
  },
  async log(input, now) {
    const result = await quickLog(getDb(), input, now);
    void signalBookChanged();
    return result;
  },
  async undo(result, now) {
    await undoQuickLog(getDb(), result, now);
    void signalBookChanged();
  },
  saveDraft,
  discardDraft,
  startTimer,
  stopTimer,
  clearTimer,
  countDeals: () => countDeals(getDb()),
};
