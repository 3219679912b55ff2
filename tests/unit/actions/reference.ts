import { fromDayNumber, toDayNumber } from '../../../lib/domain/dates';
import type { ActionOptions } from '../../../lib/actions';
import type { TestBook } from './fixtures';

/**
 * A deliberately naive reading of the README for the three rules that depend on
 * activities (stale_deal, closing_without_meeting, customer_untouched): plain Maps,
 * one pass, no window. The engine on touches derived by withTouches must agree with it exactly.
 */
export interface RefAction {
  key: string;
  due: string;
  reason: { key: string; params: Record<string, string | number> };
}

const DAY = 86_400_000;

export function referenceActivityActions(book: TestBook, opts: ActionOptions): RefAction[] {
  const tzMs = (opts.tzOffsetMinutes ?? 0) * 60_000;
  const dayOf = (t: number) => Math.floor((t + tzMs) / DAY);
  const today = toDayNumber(opts.today);
  const { staleDealDays, customerTouchDays } = opts.thresholds;
  const deals = new Map(book.deals.map((d) => [d.id, d]));
  const accounts = new Map(book.accounts.map((a) => [a.id, a]));
  const contacts = new Map(book.contacts.map((c) => [c.id, c]));

  const dealLast = new Map<string, number>(); // day
  const dealMeeting = new Map<string, number>(); // instant
  const accountLast = new Map<string, number>(); // day
  const touchAccount = (id: string | null, day: number) => {
    if (id === null || !accounts.has(id)) return;
    if (day > (accountLast.get(id) ?? -Infinity)) accountLast.set(id, day);
  };

  for (const a of book.activities) {
    let t: number | null = a.kind === 'task' ? a.completedAt : a.at;
    if (t !== null && t > opts.now) t = null;
    // The most specific link that is set decides.
    if (a.dealId !== null) {
      const deal = deals.get(a.dealId);
      if (!deal) continue;
      if (t !== null) {
        const day = dayOf(t);
        if (day > (dealLast.get(deal.id) ?? -Infinity)) dealLast.set(deal.id, day);
        touchAccount(deal.accountId, day);
      }
      if (a.kind === 'meeting' && a.outcome !== 'no_show' && a.at > (dealMeeting.get(deal.id) ?? -Infinity)) {
        dealMeeting.set(deal.id, a.at);
      }
    } else if (a.accountId !== null) {
      if (t !== null) touchAccount(a.accountId, dayOf(t));
    } else if (a.contactId !== null) {
      const c = contacts.get(a.contactId);
      if (c && t !== null) touchAccount(c.accountId, dayOf(t));
    }
  }

  const out: RefAction[] = [];
  const hasWon = new Set<string>();
  for (const deal of deals.values()) {
    if (deal.status === 'won' && deal.accountId !== null && accounts.has(deal.accountId)) {
      hasWon.add(deal.accountId);
      if (deal.closeOn !== null && toDayNumber(deal.closeOn) <= today) touchAccount(deal.accountId, toDayNumber(deal.closeOn));
    }
  }
  // Deals in array order, the later of two with one id replacing the earlier (as a Map does).
  for (const deal of book.deals) {
    if (deals.get(deal.id) !== deal || deal.status !== 'open') continue;
    // No created date: no known age. Stale by the last touch alone; with no touch either, not judged.
    const created = deal.createdOn === null ? undefined : toDayNumber(deal.createdOn);
    const last = dealLast.get(deal.id);
    const fresh = created === undefined ? last : last !== undefined && last > created ? last : created;
    if (fresh !== undefined && today - fresh > staleDealDays) {
      const due = fromDayNumber(fresh + staleDealDays);
      out.push(
        created !== undefined && (last === undefined || last < created)
          ? { key: `stale_deal:${deal.id}`, due, reason: { key: 'actions.reason.stale_deal.never', params: { deal: deal.name, days: today - created, createdOn: deal.createdOn! } } }
          : { key: `stale_deal:${deal.id}`, due, reason: { key: 'actions.reason.stale_deal', params: { deal: deal.name, days: today - last!, lastActivity: fromDayNumber(last!) } } },
      );
    }
    if (deal.closeOn !== null) {
      const close = toDayNumber(deal.closeOn);
      const start = toDayNumber(opts.period.start);
      if (close >= today && close >= start && close <= toDayNumber(opts.period.end)) {
        const m = dealMeeting.get(deal.id);
        // With no created date any meeting counts, and the trigger is the period's start.
        if (m === undefined || (created !== undefined && dayOf(m) < created)) {
          const trigger = created === undefined ? start : Math.max(start, created);
          out.push({
            key: `closing_without_meeting:${deal.id}`,
            due: fromDayNumber(Math.max(close - 7, trigger)),
            reason: { key: 'actions.reason.closing_without_meeting', params: { deal: deal.name, closeOn: deal.closeOn, days: close - today } },
          });
        }
      }
    }
  }
  for (const acc of book.accounts) {
    if (accounts.get(acc.id) !== acc) continue;
    const churned = acc.churnedOn !== null && toDayNumber(acc.churnedOn) <= today;
    const since = acc.customerSince === null ? null : toDayNumber(acc.customerSince);
    if (churned || !(hasWon.has(acc.id) || (since !== null && since <= today))) continue;
    let last = accountLast.get(acc.id);
    if (since !== null && since <= today && (last === undefined || since > last)) last = since;
    if (last !== undefined && today - last > customerTouchDays) {
      out.push({
        key: `customer_untouched:${acc.id}`,
        due: fromDayNumber(last + customerTouchDays),
        reason: { key: 'actions.reason.customer_untouched', params: { account: acc.name, days: today - last, lastTouch: fromDayNumber(last) } },
      });
    }
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
