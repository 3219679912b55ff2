/**
 * A frozen copy of the engine as it was before touches were stored (it joins book.activities
 * itself). The property test in touches.test.ts checks nextActions(withTouches(book)) against it.
 */
import type { Book } from '../../../lib/domain/book';
import { fromDayNumber } from '../../../lib/domain/dates';
import { convertMinor } from '../../../lib/domain/money';
import type { IsoDate } from '../../../lib/domain/primitives';
import type { ActionState, Activity, Deal } from '../../../lib/domain/records';
import { IdIndex, tailHash } from '../../../lib/actions/ids';
import { MEETING_LEAD_DAYS, SUGGESTION, URGENCY, type ActionKind, type ActionOptions, type NextAction } from '../../../lib/actions';

// The shapes and the per-kind tables are shared with the live engine: only the algorithm is frozen.
export type { ActionKind, ActionOptions, NextAction, SuggestionKind } from '../../../lib/actions';
export { MEETING_LEAD_DAYS, SUGGESTION, URGENCY } from '../../../lib/actions';

/** The old engine's input: it joined activities and contacts itself. */
export type ActionBook = Pick<
  Book,
  'deals' | 'leads' | 'accounts' | 'activities' | 'csat' | 'products' | 'actionStates' | 'contacts'
>;

const MS_PER_DAY = 86_400_000;
const NONE = -1; // instants are non-negative, so -1 means "no activity"

// An activity's most specific link (see the pass over activities).
const LINK_DEAL = 1;
const LINK_ACCOUNT = 2;
const LINK_CONTACT = 3;
/** Characters of an older activity's link hashed for the pass-2 filter (enough to tell ids apart). */
const OLD_TAIL = 8;
const UNRESOLVED = -2;
// Why an open deal waits for pass 2.
const PENDING_STALE = 1;
const PENDING_MEETING = 2;
// 2^20 bits (128 KiB): stays in cache; a few thousand marked records leave most activities rejected.
const BITSET_MASK = (1 << 20) - 1;
const BITSET_WORDS = (BITSET_MASK + 1) >>> 5;

/**
 * Whether the AE's answer hides an action. `triggerAt` is the instant the action's
 * condition started (start of the first local day it fires).
 * - snoozed: hidden while now < until; with no `until` it behaves like done.
 * - done: hidden while state.at >= triggerAt, so the same condition stays dismissed
 *   but a recurrence (a later trigger) shows again.
 */
export function isHiddenByState(state: ActionState | undefined, triggerAt: number, now: number): boolean {
  if (!state) return false;
  if (state.status === 'snoozed' && state.until !== null) return now < state.until;
  return state.at >= triggerAt;
}

/** Deterministic ranking: urgency desc, amount desc, due asc, key asc. */
export function compareActions(a: NextAction, b: NextAction): number {
  return (
    b.urgency - a.urgency ||
    b.amountAtStakeMinor - a.amountAtStakeMinor ||
    (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

export function nextActions(book: ActionBook, opts: ActionOptions): NextAction[] {
  const { now, thresholds, reportingCurrency, fxRates } = opts;
  const tzMs = (opts.tzOffsetMinutes ?? 0) * 60_000;
  const today = toDayNumber(opts.today);
  const periodStart = toDayNumber(opts.period.start);
  const periodEnd = toDayNumber(opts.period.end);
  const dayStart = (day: number) => day * MS_PER_DAY - tzMs;
  const dayOf = (instant: number) => Math.floor((instant + tzMs) / MS_PER_DAY);
  const toReporting = (minor: number | null, currency: string | null): number =>
    minor === null ? 0 : (convertMinor(minor, currency ?? reportingCurrency, reportingCurrency, fxRates) ?? 0);

  const states = new Map<string, ActionState>();
  for (const s of book.actionStates) states.set(s.id, s);

  const out: NextAction[] = [];
  const push = (
    kind: ActionKind,
    record: NextAction['record'],
    key: string,
    triggerDay: number,
    due: number,
    amountAtStakeMinor: number,
    reasonKey: string,
    params: Record<string, string | number>,
  ) => {
    if (states.size > 0 && isHiddenByState(states.get(key), dayStart(triggerDay), now)) return;
    const suggestion = SUGGESTION[kind];
    out.push({
      key,
      kind,
      record,
      reason: { key: reasonKey, params },
      due: fromDayNumber(due),
      urgency: URGENCY[kind],
      amountAtStakeMinor,
      suggestion: { kind: suggestion, labelKey: `actions.suggest.${suggestion}` },
    });
  };

  // ------------------------------------------------------------ indexes
  const deals = book.deals;
  const nDeals = deals.length;
  const accounts = book.accounts;
  const nAcc = accounts.length;
  const contacts = book.contacts;
  const nCon = contacts.length;
  const dealIdx = new IdIndex(deals);
  const accountIdx = new IdIndex(accounts);
  const contactIdx = new IdIndex(contacts);
  const contactAcc = new Int32Array(nCon);
  for (let c = 0; c < nCon; c++) {
    const id = contacts[c]!.accountId;
    contactAcc[c] = id === null ? NONE : accountIdx.find(id);
  }

  // The window: a touch on or after `windowDay` settles "is this deal stale / this customer
  // untouched" on its own, so only activities from then on are joined to their records here.
  // Older ones matter only for the few records the window leaves unsettled (pass 2).
  const staleDays = thresholds.staleDealDays;
  const touchDays = thresholds.customerTouchDays;
  const windowDay = today - Math.min(staleDays, touchDays);
  const windowAt = dayStart(windowDay);

  // Latest touch instant per record (NONE = none seen) and the latest non-no-show meeting per deal.
  const dealLast = new Float64Array(nDeals).fill(NONE);
  const dealMeeting = new Float64Array(nDeals).fill(NONE);
  const accountLast = new Float64Array(nAcc).fill(NONE);
  const contactLast = new Float64Array(nCon).fill(NONE);

  // ------------------------------------------------------------ pass 1 over activities
  // An activity counts for its most specific link: its deal (and through it the deal's account),
  // else its account, else its contact's account. Older activities are not joined here (nor is
  // their kind read): a short hash of their link is kept so pass 2 finds the few that concern
  // a record the window left unsettled.
  const acts = book.activities;
  const nActs = acts.length;
  const j: Join = {
    windowAt,
    now,
    dealIdx,
    accountIdx,
    contactIdx,
    dealLast,
    dealMeeting,
    accountLast,
    contactLast,
    oldHash: new Int32Array(nActs),
    oldLink: new Uint8Array(nActs),
  };
  const nOld = joinRecent(acts, j);

  // Per-account facts (as local days; NONE = none), from touches in the window so far.
  const accountTouchDay = new Int32Array(nAcc).fill(NONE);
  const accountHasWon = new Uint8Array(nAcc);
  const accountWonMinor = new Float64Array(nAcc);
  const wonProducts: (Set<string> | undefined)[] = new Array(nAcc);
  for (let x = 0; x < nAcc; x++) if (accountLast[x]! !== NONE) accountTouchDay[x] = dayOf(accountLast[x]!);
  for (let c = 0; c < nCon; c++) {
    const x = contactAcc[c]!;
    if (contactLast[c]! === NONE || x < 0) continue;
    const day = dayOf(contactLast[c]!);
    if (day > accountTouchDay[x]!) accountTouchDay[x] = day;
  }

  // Active catalogue, by id and by lower-cased name (line items captured without a product id).
  const activeById = new Set<string>();
  const activeByName = new Map<string, string>();
  for (const p of book.products) {
    if (!p.active) continue;
    activeById.add(p.id);
    activeByName.set(p.name.trim().toLowerCase(), p.id);
  }

  // ------------------------------------------------------------ deal rules
  // The deal's account index, resolved when first needed (UNRESOLVED until then).
  const dealAcc = new Int32Array(nDeals).fill(UNRESOLVED);
  const accountOfDeal = (d: number): number => {
    let x = dealAcc[d]!;
    if (x === UNRESOLVED) {
      const id = deals[d]!.accountId;
      x = dealAcc[d] = id === null ? NONE : accountIdx.find(id);
    }
    return x;
  };
  // PENDING_* flags of open deals whose stale / meeting rule needs activities older than the window.
  const dealPending = new Uint8Array(nDeals);
  const pending: number[] = [];
  for (let i = 0; i < nDeals; i++) {
    const deal = deals[i]!;
    const status = deal.status;
    const lastAt = dealLast[i]!;
    const lastDay = lastAt === NONE ? NONE : dayOf(lastAt);
    // Only a touch in the window or a win tells the account something here.
    if (lastAt !== NONE || status === 'won') {
      const x = accountOfDeal(i);
      if (x >= 0) {
        if (lastDay > accountTouchDay[x]!) accountTouchDay[x] = lastDay;
        if (status === 'won') foldWon(deal, x);
      }
    }
    if (status !== 'open') continue;

    // Built only when a rule fires: most open deals need no action.
    let record: NextAction['record'] | null = null;
    let amount = 0;

    if (deal.nextStepDue !== null) {
      const due = toDayNumber(deal.nextStepDue);
      if (due < today) {
        record = { table: 'deals', id: deal.id, name: deal.name };
        amount = toReporting(deal.amountMinor, deal.currency);
        push('overdue_next_step', record, `overdue_next_step:${deal.id}`, due + 1, due, amount,
          deal.nextStep ? 'actions.reason.overdue_next_step' : 'actions.reason.overdue_next_step.untitled',
          { deal: deal.name, nextStep: deal.nextStep ?? '', due: deal.nextStepDue, days: today - due });
      }
    }

    const closeDay = deal.closeOn === null ? NONE : toDayNumber(deal.closeOn);
    if (closeDay !== NONE && closeDay < today) {
      if (record === null) {
        record = { table: 'deals', id: deal.id, name: deal.name };
        amount = toReporting(deal.amountMinor, deal.currency);
      }
      push('close_date_passed', record, `close_date_passed:${deal.id}`, closeDay + 1, closeDay, amount,
        'actions.reason.close_date_passed', { deal: deal.name, closeOn: deal.closeOn!, days: today - closeDay });
    }

    // No touch in the window: the exact last touch (for the reason and due date) is older, unless
    // the deal is younger than the window, when older touches predate it and do not count.
    // Kept in step with the live engine: no created date = no known age (NONE; see lib/actions/README.md).
    const createdDay = deal.createdOn == null ? NONE : toDayNumber(deal.createdOn);
    let flags = 0;
    if (lastAt === NONE && createdDay < windowDay) flags |= PENDING_STALE;
    else staleRule(deal, record, amount, lastDay, createdDay);

    // Closing in the selected period, not yet past.
    if (closeDay !== NONE && closeDay >= today && closeDay >= periodStart && closeDay <= periodEnd) {
      if (dealMeeting[i]! === NONE && createdDay < windowDay) flags |= PENDING_MEETING;
      else meetingRule(deal, record, amount, dealMeeting[i]!, closeDay, createdDay);
    }
    if (flags !== 0) {
      dealPending[i] = flags;
      pending.push(i);
    }
  }

  /** Stale: the newer of the last touch and the creation day is more than N days ago. */
  function staleRule(deal: Deal, record: NextAction['record'] | null, amount: number, lastDay: number, createdDay: number) {
    const freshDay = lastDay > createdDay ? lastDay : createdDay;
    if (freshDay === NONE || today - freshDay <= staleDays) return;
    if (record === null) {
      record = { table: 'deals', id: deal.id, name: deal.name };
      amount = toReporting(deal.amountMinor, deal.currency);
    }
    const due = freshDay + staleDays;
    if (lastDay === NONE || lastDay < createdDay) {
      push('stale_deal', record, `stale_deal:${deal.id}`, due + 1, due, amount, 'actions.reason.stale_deal.never',
        { deal: deal.name, days: today - createdDay, createdOn: deal.createdOn! });
    } else {
      push('stale_deal', record, `stale_deal:${deal.id}`, due + 1, due, amount, 'actions.reason.stale_deal',
        { deal: deal.name, days: today - lastDay, lastActivity: fromDayNumber(lastDay) });
    }
  }

  /** No meeting (held or booked) since the deal was created. */
  function meetingRule(
    deal: Deal,
    record: NextAction['record'] | null,
    amount: number,
    meetingAt: number,
    closeDay: number,
    createdDay: number,
  ) {
    if (meetingAt !== NONE && dayOf(meetingAt) >= createdDay) return;
    if (record === null) {
      record = { table: 'deals', id: deal.id, name: deal.name };
      amount = toReporting(deal.amountMinor, deal.currency);
    }
    const trigger = periodStart > createdDay ? periodStart : createdDay;
    const wanted = closeDay - MEETING_LEAD_DAYS;
    push('closing_without_meeting', record, `closing_without_meeting:${deal.id}`, trigger,
      wanted > trigger ? wanted : trigger, amount, 'actions.reason.closing_without_meeting',
      { deal: deal.name, closeOn: deal.closeOn!, days: closeDay - today });
  }

  function foldWon(deal: Deal, x: number) {
    accountHasWon[x] = 1;
    accountWonMinor[x] = accountWonMinor[x]! + toReporting(deal.amountMinor, deal.currency);
    // Winning is a touch: the close day counts as contact with the customer.
    if (deal.closeOn !== null) {
      const d = toDayNumber(deal.closeOn);
      if (d <= today && d > accountTouchDay[x]!) accountTouchDay[x] = d;
    }
    if (!accounts[x]!.isTarget) return; // penetration only matters for cross-sell targets
    for (const li of deal.lineItems) {
      const pid =
        li.productId !== null && activeById.has(li.productId)
          ? li.productId
          : activeByName.get(li.productName.trim().toLowerCase());
      if (pid === undefined) continue;
      (wonProducts[x] ??= new Set()).add(pid);
    }
  }

  // ------------------------------------------------------------ customers
  const isCustomer = new Uint8Array(nAcc);
  const sinceDay = new Int32Array(nAcc);
  // Customers with no touch in the window: their exact last touch is older (pass 2).
  const accountPending = new Uint8Array(nAcc);
  let nPendingAcc = 0;
  for (let x = 0; x < nAcc; x++) {
    const acc = accounts[x]!;
    const churned = acc.churnedOn !== null && toDayNumber(acc.churnedOn) <= today;
    const since = acc.customerSince === null ? NONE : toDayNumber(acc.customerSince);
    sinceDay[x] = since;
    if (churned || !(accountHasWon[x] === 1 || (since !== NONE && since <= today))) continue;
    isCustomer[x] = 1;
    const known = since <= today && since > accountTouchDay[x]! ? since : accountTouchDay[x]!;
    if (known < windowDay) {
      accountPending[x] = 1;
      nPendingAcc++;
    }
  }

  // ------------------------------------------------------------ pass 2: older activities, unsettled records only
  if (nOld > 0 && (pending.length > 0 || nPendingAcc > 0)) {
    // A bitset over (link type, short hash) of the records concerned: most older activities are
    // rejected on their hash without being read again.
    const bits = new Int32Array(BITSET_WORDS);
    const mark = (type: number, id: string) => {
      const h = (tailHash(id, OLD_TAIL) + Math.imul(type, 0x3c6ef372)) & BITSET_MASK;
      bits[h >>> 5]! |= 1 << (h & 31);
    };
    for (const i of pending) mark(LINK_DEAL, deals[i]!.id);
    if (nPendingAcc > 0) {
      for (let x = 0; x < nAcc; x++) if (accountPending[x] === 1) mark(LINK_ACCOUNT, accounts[x]!.id);
      for (let d = 0; d < nDeals; d++) {
        const x = accountOfDeal(d);
        if (x >= 0 && accountPending[x] === 1) mark(LINK_DEAL, deals[d]!.id);
      }
      for (let c = 0; c < nCon; c++) {
        const x = contactAcc[c]!;
        if (x >= 0 && accountPending[x] === 1) mark(LINK_CONTACT, contacts[c]!.id);
      }
    }
    joinOlder(acts, j, bits, dealPending, accountPending, accountTouchDay, nPendingAcc > 0 ? accountOfDeal : null, contactAcc, tzMs);
  }

  for (const i of pending) {
    const deal = deals[i]!;
    const flags = dealPending[i]!;
    const createdDay = deal.createdOn == null ? NONE : toDayNumber(deal.createdOn);
    if ((flags & PENDING_STALE) !== 0) {
      const lastAt = dealLast[i]!;
      staleRule(deal, null, 0, lastAt === NONE ? NONE : dayOf(lastAt), createdDay);
    }
    if ((flags & PENDING_MEETING) !== 0) {
      meetingRule(deal, null, 0, dealMeeting[i]!, toDayNumber(deal.closeOn!), createdDay);
    }
  }

  // ------------------------------------------------------------ leads
  const leadDays = thresholds.leadConversionDays;
  for (const lead of book.leads) {
    if (lead.qualifiedOn === null || lead.convertedDealId !== null || lead.convertedOn !== null) continue;
    if (lead.disqualifiedOn !== null) continue;
    const q = toDayNumber(lead.qualifiedOn);
    const due = q + leadDays;
    if (due < today) {
      push('lead_not_converted', { table: 'leads', id: lead.id, name: lead.name }, `lead_not_converted:${lead.id}`,
        due + 1, due, 0, 'actions.reason.lead_not_converted',
        { lead: lead.name, company: lead.company ?? '', qualifiedOn: lead.qualifiedOn, days: today - q });
    }
  }

  // ------------------------------------------------------------ accounts
  const potentials: number[] = [];
  const potentialOf = new Float64Array(nAcc);
  for (let x = 0; x < nAcc; x++) {
    const acc = accounts[x]!;
    if (acc.isTarget && acc.potentialMinor !== null && acc.potentialMinor > 0) {
      const p = toReporting(acc.potentialMinor, acc.potentialCurrency);
      potentialOf[x] = p;
      if (p > 0) potentials.push(p);
    }
  }
  // "High potential" = top half of target accounts by potential (at or above the upper median).
  potentials.sort((a, b) => a - b);
  const highPotential = potentials.length > 0 ? potentials[potentials.length >> 1]! : Infinity;
  const catalogue = activeById.size;

  for (let x = 0; x < nAcc; x++) {
    if (isCustomer[x] === 0) continue;
    const acc = accounts[x]!;
    const record = { table: 'accounts' as const, id: acc.id, name: acc.name };
    const atRisk = accountWonMinor[x]!;

    // Becoming a customer counts as a touch, like winning a deal does.
    let last = accountTouchDay[x]!;
    const since = sinceDay[x]!;
    if (since <= today && since > last) last = since;
    if (last !== NONE && today - last > touchDays) {
      const due = last + touchDays;
      push('customer_untouched', record, `customer_untouched:${acc.id}`, due + 1, due, atRisk,
        'actions.reason.customer_untouched', { account: acc.name, days: today - last, lastTouch: fromDayNumber(last) });
    }

    const potential = potentialOf[x]!;
    if (acc.isTarget && catalogue > 0 && potential > 0 && potential >= highPotential) {
      const bought = wonProducts[x]?.size ?? 0;
      const penetration = bought / catalogue;
      if (penetration < thresholds.lowPenetration) {
        // Not time-bound: "done" dismisses it for the selected period.
        push('cross_sell', record, `cross_sell:${acc.id}`, periodStart, today, potential,
          'actions.reason.cross_sell', {
            account: acc.name,
            bought,
            catalogue,
            penetration,
            potentialMinor: potential,
            currency: reportingCurrency,
          });
      }
    }
  }

  // ------------------------------------------------------------ CSAT
  if (book.csat.length > 0) {
    for (const r of book.csat) {
      if (r.score > 2 || r.followedUpAt !== null) continue;
      const on = toDayNumber(r.on);
      if (on > today) continue;
      const x = accountIdx.find(r.accountId);
      const accName = x < 0 ? r.accountId : accounts[x]!.name;
      push('low_csat', { table: 'csat', id: r.id, name: accName }, `low_csat:${r.id}`, on, on,
        x < 0 ? 0 : accountWonMinor[x]!, 'actions.reason.low_csat',
        { account: accName, score: r.score, on: r.on, comment: r.comment });
    }
  }

  // ------------------------------------------------------------ coverage
  const cov = opts.coverage;
  if (cov && cov.remainingQuotaMinor > 0) {
    const ratio = cov.ratio ?? cov.openPipelineMinor / cov.remainingQuotaMinor;
    const target = thresholds.coverageTarget;
    if (ratio < target) {
      const gap = Math.max(0, Math.round(target * cov.remainingQuotaMinor - cov.openPipelineMinor));
      const start = opts.period.start;
      push('low_coverage', { table: 'quotas', id: start, name: `${start} – ${opts.period.end}` },
        `low_coverage:${start}`, periodStart, today, gap, 'actions.reason.low_coverage', {
          ratio,
          target,
          remainingQuotaMinor: cov.remainingQuotaMinor,
          openPipelineMinor: cov.openPipelineMinor,
          gapMinor: gap,
          currency: reportingCurrency,
        });
    }
  }

  out.sort(compareActions);
  if (opts.limit !== undefined && opts.limit >= 0 && opts.limit < out.length) out.length = opts.limit;
  return out;
}

/** What the passes over activities read and fill (a plain object: the hot loops capture nothing). */
interface Join {
  windowAt: number;
  now: number;
  dealIdx: IdIndex;
  accountIdx: IdIndex;
  contactIdx: IdIndex;
  /** Latest touch instant per deal / account / contact (NONE = none seen). */
  dealLast: Float64Array;
  /** Latest non-no-show meeting instant per deal (held or booked). */
  dealMeeting: Float64Array;
  accountLast: Float64Array;
  contactLast: Float64Array;
  /** Per activity left for pass 2: short hash of its link, and its LINK_* (0 = none). */
  oldHash: Int32Array;
  oldLink: Uint8Array;
}

/**
 * Pass 1: joins the activities from the window on to their records; marks the older ones for
 * pass 2 with a short hash of their link (without reading their kind). Returns how many.
 * An activity counts for its most specific link: its deal (and through it the deal's account),
 * else its account, else its contact's account.
 */
function joinRecent(acts: readonly Activity[], j: Join): number {
  const { windowAt, now, dealIdx, accountIdx, contactIdx, dealLast, dealMeeting, accountLast, contactLast, oldHash, oldLink } = j;
  const nActs = acts.length;
  let nOld = 0;
  for (let i = 0; i < nActs; i++) {
    const a = acts[i]!;
    const at = a.at;
    const done = a.completedAt;
    let link = a.dealId;
    let type = LINK_DEAL;
    if (link === null) {
      link = a.accountId;
      type = LINK_ACCOUNT;
      if (link === null) {
        link = a.contactId;
        type = LINK_CONTACT;
        if (link === null) continue;
      }
    }
    // Touch and meeting instants are `at` or `completedAt`: both before the window = an older activity.
    if (at < windowAt && (done === null || done < windowAt)) {
      oldHash[i] = tailHash(link, OLD_TAIL);
      oldLink[i] = type;
      nOld++;
      continue;
    }
    let t: number;
    let meeting = false;
    if (a.kind === 'task') {
      // An open task is a to-do, not a touch; a completed one touched when ticked off.
      t = done === null ? NONE : done;
    } else {
      t = at;
      // A booked meeting counts for "closing without meeting": it is what the action asks for.
      meeting = type === LINK_DEAL && a.kind === 'meeting' && a.outcome !== 'no_show';
    }
    if (t > now) t = NONE; // scheduled, not happened yet
    const recentTouch = t !== NONE && t >= windowAt;
    const recentMeeting = meeting && at >= windowAt;
    if (!recentTouch && !recentMeeting) {
      // Completed before the window (a task opened in it but ticked off earlier, clock skew...).
      if (t !== NONE || meeting) {
        oldHash[i] = tailHash(link, OLD_TAIL);
        oldLink[i] = type;
        nOld++;
      }
      continue;
    }
    if (type === LINK_DEAL) {
      const d = dealIdx.find(link);
      if (d >= 0) {
        if (recentTouch && t > dealLast[d]!) dealLast[d] = t;
        if (recentMeeting && at > dealMeeting[d]!) dealMeeting[d] = at;
      }
    } else if (type === LINK_ACCOUNT) {
      const x = accountIdx.find(link);
      if (x >= 0 && t > accountLast[x]!) accountLast[x] = t;
    } else {
      const c = contactIdx.find(link);
      if (c >= 0 && t > contactLast[c]!) contactLast[c] = t;
    }
  }

  return nOld;
}

/**
 * Pass 2: the older activities whose link hash is in `bits` (those of records the window left
 * unsettled) are read again and joined exactly: latest touch and meeting of pending deals, latest
 * touch day of pending accounts (through their deals, themselves and their contacts).
 */
function joinOlder(
  acts: readonly Activity[],
  j: Join,
  bits: Int32Array,
  dealPending: Uint8Array,
  accountPending: Uint8Array,
  accountTouchDay: Int32Array,
  accountOfDeal: ((d: number) => number) | null,
  contactAcc: Int32Array,
  tzMs: number,
): void {
  const { now, dealIdx, accountIdx, contactIdx, dealLast, dealMeeting, oldHash, oldLink } = j;
  const nActs = acts.length;
  for (let i = 0; i < nActs; i++) {
    const type = oldLink[i]!;
    if (type === 0) continue;
    const h = (oldHash[i]! + Math.imul(type, 0x3c6ef372)) & BITSET_MASK;
    if ((bits[h >>> 5]! & (1 << (h & 31))) === 0) continue;
    const a = acts[i]!;
    const at = a.at;
    let t: number;
    let meeting = false;
    if (a.kind === 'task') {
      const done = a.completedAt;
      t = done === null ? NONE : done;
    } else {
      t = at;
      meeting = type === LINK_DEAL && a.kind === 'meeting' && a.outcome !== 'no_show';
    }
    if (t > now) t = NONE;
    let x: number;
    if (type === LINK_DEAL) {
      const d = dealIdx.find(a.dealId!);
      if (d < 0) continue;
      if (dealPending[d] !== 0) {
        if (t > dealLast[d]!) dealLast[d] = t;
        if (meeting && at > dealMeeting[d]!) dealMeeting[d] = at;
      }
      x = accountOfDeal === null ? NONE : accountOfDeal(d);
    } else if (type === LINK_ACCOUNT) {
      x = accountIdx.find(a.accountId!);
    } else {
      const c = contactIdx.find(a.contactId!);
      x = c < 0 ? NONE : contactAcc[c]!;
    }
    if (x >= 0 && accountPending[x] === 1 && t !== NONE) {
      const day = Math.floor((t + tzMs) / MS_PER_DAY);
      if (day > accountTouchDay[x]!) accountTouchDay[x] = day;
    }
  }
}

// ------------------------------------------------------------------ helpers

/**
 * Day number of a `YYYY-MM-DD` string (days since 1970-01-01), by arithmetic on
 * char codes: same result as domain/dates toDayNumber, without the slices and
 * Date.UTC that dominate 100k-deal loops. Howard Hinnant's days_from_civil.
 */
function toDayNumber(d: IsoDate): number {
  const y0 =
    (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + (d.charCodeAt(3) - 48);
  const m = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  const day = (d.charCodeAt(8) - 48) * 10 + (d.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
