import type { Book } from '../domain/book';
import { fromDayNumber } from '../domain/dates';
import { convertMinor, currencyExponent, type FxRates } from '../domain/money';
import type { IsoDate } from '../domain/primitives';
import type { ActionState, Deal } from '../domain/records';
import type { Thresholds } from '../settings/schema';

/**
 * The next-action rules engine: a pure function of the book and "now".
 * Rules, urgency tiers, due dates and the snooze/done semantics are documented
 * in ./README.md; keep the two in step.
 */

export type ActionKind =
  | 'overdue_next_step'
  | 'close_date_passed'
  | 'stale_deal'
  | 'closing_without_meeting'
  | 'lead_not_converted'
  | 'customer_untouched'
  | 'low_csat'
  | 'cross_sell'
  | 'low_coverage';

export type SuggestionKind =
  | 'log_call'
  | 'log_meeting'
  | 'log_email'
  | 'update_close_date'
  | 'set_next_step'
  | 'convert_lead'
  | 'follow_up_csat'
  | 'plan_cross_sell'
  | 'prospect';

export interface NextAction {
  /** Stable: `${kind}:${recordId}` (low_coverage: `low_coverage:${period.start}`); the ActionState id. */
  key: string;
  kind: ActionKind;
  record: { table: 'deals' | 'leads' | 'accounts' | 'csat' | 'quotas'; id: string; name: string };
  /** i18n key in lib/i18n/messages/actions.ts and its params (raw numbers; `*Minor` are money beside `currency`). */
  reason: { key: string; params: Record<string, string | number> };
  /** When it should be done; overdue ones keep their original due date. */
  due: IsoDate;
  /** Integer tier, higher = more urgent (see URGENCY). */
  urgency: number;
  /** In reporting-currency minor units; 0 when unknown or no FX rate. */
  amountAtStakeMinor: number;
  suggestion: { kind: SuggestionKind; labelKey: string };
}

export interface ActionOptions {
  /** Epoch ms. */
  now: number;
  /** Local date of `now` in the AE's time zone (the caller computes it). */
  today: IsoDate;
  /**
   * Minutes east of UTC of the AE's time zone (Bangkok +420; that is
   * `-new Date().getTimezoneOffset()`), used to turn activity instants into
   * local days and local days back into instants. Default 0 = days are UTC days.
   */
  tzOffsetMinutes?: number;
  thresholds: Thresholds;
  reportingCurrency: string;
  fxRates: FxRates;
  /** The selected period, for "closing this period". */
  period: { start: IsoDate; end: IsoDate };
  /** From the KPI engine's pipeline_coverage, in reporting-currency minor units. */
  coverage?: { ratio: number | null; remainingQuotaMinor: number; openPipelineMinor: number } | null;
  /** Default: all. */
  limit?: number;
}

/**
 * What the engine reads. Not activities nor contacts: what they say about deals and accounts
 * is stored on them (`lastTouchAt`, `lastMeetingAt`; see ./touches.ts), kept by every write.
 */
export type ActionBook = Pick<Book, 'deals' | 'leads' | 'accounts' | 'csat' | 'products' | 'actionStates'>;

/** Urgency tiers, one per rule; ties inside a tier are broken by amount at stake. */
export const URGENCY: Readonly<Record<ActionKind, number>> = {
  overdue_next_step: 9, // a promise to the buyer was missed
  low_csat: 8, // an unhappy customer is waiting for an answer
  close_date_passed: 7, // the forecast is wrong today
  closing_without_meeting: 6, // revenue this period with no live conversation
  stale_deal: 5,
  lead_not_converted: 4,
  customer_untouched: 3, // retention risk builds slowly
  low_coverage: 2,
  cross_sell: 1,
};

export const SUGGESTION: Readonly<Record<ActionKind, SuggestionKind>> = {
  overdue_next_step: 'set_next_step',
  close_date_passed: 'update_close_date',
  stale_deal: 'log_call',
  closing_without_meeting: 'log_meeting',
  lead_not_converted: 'convert_lead',
  customer_untouched: 'log_email',
  low_csat: 'follow_up_csat',
  cross_sell: 'plan_cross_sell',
  low_coverage: 'prospect',
};

/** One shared, frozen suggestion per kind: thousands of actions need no object of their own. */
const SUGGEST = Object.fromEntries(
  (Object.keys(SUGGESTION) as ActionKind[]).map((k) => [
    k,
    Object.freeze({ kind: SUGGESTION[k], labelKey: `actions.suggest.${SUGGESTION[k]}` }),
  ]),
) as unknown as Readonly<Record<ActionKind, NextAction['suggestion']>>;

/** A closing deal should have its meeting at least this many days before the close date. */
export const MEETING_LEAD_DAYS = 7;

const MS_PER_DAY = 86_400_000;
const NONE = -1; // instants and day numbers here are non-negative, so -1 means "none"

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
  // convertMinor's arithmetic, with its lookups (rate, exponents: keyed by fresh currency
  // strings, which each hash anew) done once per currency code, keyed by the code's letters.
  const fx = new Map<number, { div: number; rate: number; mul: number } | null>();
  const SAME = { div: 1, rate: 1, mul: 1 };
  const toReporting = (minor: number | null, currency: string | null): number => {
    if (minor === null) return 0;
    const from = currency ?? reportingCurrency;
    if (from.length !== 3) return convertMinor(minor, from, reportingCurrency, fxRates) ?? 0;
    const code = from.charCodeAt(0) * 65536 + from.charCodeAt(1) * 256 + from.charCodeAt(2);
    let f = fx.get(code);
    if (f === undefined) {
      const rate = fxRates[from];
      f =
        from === reportingCurrency
          ? SAME
          : rate === undefined || !(rate > 0)
            ? null
            : { div: 10 ** currencyExponent(from), rate, mul: 10 ** currencyExponent(reportingCurrency) };
      fx.set(code, f);
    }
    if (f === null) return 0;
    if (f === SAME) return minor;
    return Math.round((minor / f.div) * f.rate * f.mul);
  };

  // Thousands of actions share a few hundred due days: format each day once.
  const dates = new Map<number, IsoDate>();
  const dateOf = (day: number): IsoDate => {
    let s = dates.get(day);
    if (s === undefined) dates.set(day, (s = fromDayNumber(day)));
    return s;
  };

  // The AE's answers by kind, then by record id (a state's id is `${kind}:${recordId}`), so a
  // candidate is looked up by its record id only when its kind has answers at all: the key
  // itself is a concatenation that would have to be flattened and hashed for every candidate.
  const states = new Map<string, Map<string, ActionState>>();
  for (const s of book.actionStates) {
    const colon = s.id.indexOf(':');
    if (colon < 0) continue;
    const kind = s.id.slice(0, colon);
    let byId = states.get(kind);
    if (byId === undefined) states.set(kind, (byId = new Map()));
    byId.set(s.id.slice(colon + 1), s);
  }

  const out: NextAction[] = [];
  let dueDays = new Int32Array(1024); // out[i]'s due as a day number, for the sort
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
    if (states.size > 0) {
      const byId = states.get(kind);
      if (byId !== undefined && isHiddenByState(byId.get(record.id), dayStart(triggerDay), now)) return;
    }
    const at = out.length;
    if (at === dueDays.length) {
      const wider = new Int32Array(at * 2);
      wider.set(dueDays);
      dueDays = wider;
    }
    dueDays[at] = due;
    out.push({
      key,
      kind,
      record,
      reason: { key: reasonKey, params },
      due: dateOf(due),
      urgency: URGENCY[kind],
      amountAtStakeMinor,
      suggestion: SUGGEST[kind],
    });
  };

  // ------------------------------------------------------------ indexes
  // The join of activities to records is stored on them (lastTouchAt / lastMeetingAt, kept by
  // every write: see ./touches.ts), so the engine reads no activity and no contact.
  const deals = book.deals;
  const nDeals = deals.length;
  const accounts = book.accounts;
  const nAcc = accounts.length;
  // A Map, not IdIndex: measured faster for a few thousand keys looked up by fresh strings.
  const accountIdx = new Map<string, number>();
  const accountIsTarget = new Uint8Array(nAcc);
  for (let x = 0; x < nAcc; x++) {
    const acc = accounts[x]!;
    accountIdx.set(acc.id, x);
    if (acc.isTarget) accountIsTarget[x] = 1;
  }
  const staleDays = thresholds.staleDealDays;
  const touchDays = thresholds.customerTouchDays;

  // Per-account facts (as local days; NONE = none). Undefined (a record stored before the
  // field existed) reads as null.
  const accountTouchDay = new Int32Array(nAcc).fill(NONE);
  const accountHasWon = new Uint8Array(nAcc);
  const accountWonMinor = new Float64Array(nAcc);
  // Won deals of target accounts, folded into products bought only where cross-sell is weighed.
  const wonDeals: (Deal[] | undefined)[] = new Array(nAcc);
  for (let x = 0; x < nAcc; x++) {
    const t = accounts[x]!.lastTouchAt;
    if (t != null) accountTouchDay[x] = dayOf(t);
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
  for (let i = 0; i < nDeals; i++) {
    const deal = deals[i]!;
    const status = deal.status;
    if (status === 'won') {
      const id = deal.accountId;
      const x = id === null ? NONE : (accountIdx.get(id) ?? NONE);
      if (x >= 0) foldWon(deal, x);
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

    // No created date (the source did not say): the deal has no known age and none is guessed.
    // Stale then goes by the last touch alone (not judged with no touch either); any meeting
    // counts as one "since creation".
    const createdDay = deal.createdOn == null ? NONE : toDayNumber(deal.createdOn);
    const lastAt = deal.lastTouchAt;
    const lastDay = lastAt == null ? NONE : dayOf(lastAt);

    // Stale: the newer of the last touch and the creation day is more than N days ago.
    const freshDay = lastDay > createdDay ? lastDay : createdDay;
    if (freshDay !== NONE && today - freshDay > staleDays) {
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
          { deal: deal.name, days: today - lastDay, lastActivity: dateOf(lastDay) });
      }
    }

    // Closing in the selected period, not yet past, with no meeting (held or booked) since creation.
    if (closeDay !== NONE && closeDay >= today && closeDay >= periodStart && closeDay <= periodEnd) {
      const meetingAt = deal.lastMeetingAt;
      if (meetingAt == null || dayOf(meetingAt) < createdDay) {
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
    }
  }

  function foldWon(deal: Deal, x: number) {
    accountHasWon[x] = 1;
    accountWonMinor[x] = accountWonMinor[x]! + toReporting(deal.amountMinor, deal.currency);
    // Winning is a touch: the close day counts as contact with the customer.
    if (deal.closeOn !== null) {
      const d = toDayNumber(deal.closeOn);
      if (d <= today && d > accountTouchDay[x]!) accountTouchDay[x] = d;
    }
    if (accountIsTarget[x] === 1) (wonDeals[x] ??= []).push(deal); // penetration only matters for cross-sell targets
  }

  /** Distinct active catalogue products in these won deals' line items. */
  function productsBought(won: Deal[] | undefined): number {
    if (won === undefined) return 0;
    const bought = new Set<string>();
    for (const deal of won) {
      for (const li of deal.lineItems) {
        const pid =
          li.productId !== null && activeById.has(li.productId)
            ? li.productId
            : activeByName.get(li.productName.trim().toLowerCase());
        if (pid !== undefined) bought.add(pid);
      }
    }
    return bought.size;
  }

  // ------------------------------------------------------------ customers
  const isCustomer = new Uint8Array(nAcc);
  const sinceDay = new Int32Array(nAcc);
  for (let x = 0; x < nAcc; x++) {
    const acc = accounts[x]!;
    const churned = acc.churnedOn !== null && toDayNumber(acc.churnedOn) <= today;
    const since = acc.customerSince === null ? NONE : toDayNumber(acc.customerSince);
    sinceDay[x] = since;
    if (churned || !(accountHasWon[x] === 1 || (since !== NONE && since <= today))) continue;
    isCustomer[x] = 1;
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
        'actions.reason.customer_untouched', { account: acc.name, days: today - last, lastTouch: dateOf(last) });
    }

    const potential = potentialOf[x]!;
    if (acc.isTarget && catalogue > 0 && potential > 0 && potential >= highPotential) {
      const bought = productsBought(wonDeals[x]);
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
      const x = accountIdx.get(r.accountId) ?? NONE;
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

  const ranked = rank(out, dueDays);
  if (opts.limit !== undefined && opts.limit >= 0 && opts.limit < ranked.length) ranked.length = opts.limit;
  return ranked;
}

/**
 * `actions` in compareActions order.
 *
 * Thousands of actions sorted with a comparator cost one JS call per comparison. Instead each
 * action gets one exact numeric key, (urgency, amount, due) as mixed-radix digits over their
 * observed ranges (amounts by their rank among the distinct amounts), times n plus its index,
 * and a Float64Array is sorted natively. The key stays an exact integer (< 2^53) or the
 * comparator sort is used. Equal (urgency, amount, due) means the same kind, where
 * `key` = `${kind}:${record.id}`: those runs are then ordered by record id (the same order as
 * by key, without flattening the concatenated keys).
 */
const cmpId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rank(actions: NextAction[], dueDays: ArrayLike<number>, exactLimit = 2 ** 53): NextAction[] {
  const n = actions.length;
  const out = new Array<NextAction>(n);
  if (n === 0) return out;
  const amount = new Float64Array(n);
  let minU = Infinity;
  let maxU = -Infinity;
  let minDue = Infinity;
  let maxDue = -Infinity;
  let finite = true;
  for (let i = 0; i < n; i++) {
    const a = actions[i]!;
    const u = a.urgency;
    const d = dueDays[i]!;
    amount[i] = a.amountAtStakeMinor;
    if (!Number.isFinite(a.amountAtStakeMinor)) finite = false;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (d < minDue) minDue = d;
    if (d > maxDue) maxDue = d;
  }
  // Distinct amounts, ascending.
  const levels = amount.slice().sort();
  let nLevels = 0;
  for (let i = 0; i < n; i++) if (i === 0 || levels[i] !== levels[nLevels - 1]) levels[nLevels++] = levels[i]!;
  const spanU = maxU - minU + 1;
  const spanDue = maxDue - minDue + 1;
  if (!finite || spanU * nLevels * spanDue * n >= exactLimit) return rankByComparator(actions);

  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Rank of this amount among the levels (binary search), counted from the largest.
    const x = amount[i]!;
    let lo = 0;
    let hi = nLevels - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (levels[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const byUrgency = maxU - actions[i]!.urgency; // desc
    const byAmount = nLevels - 1 - lo; // desc
    const byDue = dueDays[i]! - minDue; // asc
    keys[i] = ((byUrgency * nLevels + byAmount) * spanDue + byDue) * n + i;
  }
  keys.sort();

  const order = new Uint32Array(n);
  const group = new Float64Array(n); // the key without the index: equal = tie before the id
  for (let k = 0; k < n; k++) {
    const key = keys[k]!;
    const g = Math.floor(key / n);
    group[k] = g;
    order[k] = key - g * n;
  }
  // Ties: order each run of equal groups by record id (runs are short; most have one action).
  for (let k = 0; k < n; ) {
    let end = k + 1;
    while (end < n && group[end] === group[k]) end++;
    if (end - k > 1) sortRunById(order, k, end, actions);
    k = end;
  }
  for (let k = 0; k < n; k++) out[k] = actions[order[k]!]!;
  return out;
}

/** Orders order[from..to) by record id: an insertion sort for the short runs ties make. */
function sortRunById(order: Uint32Array, from: number, to: number, actions: NextAction[]): void {
  if (to - from > 32) {
    order.subarray(from, to).sort((i, j) => cmpId(actions[i]!.record.id, actions[j]!.record.id));
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const v = order[k]!;
    const id = actions[v]!.record.id;
    let j = k - 1;
    while (j >= from && actions[order[j]!]!.record.id > id) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = v;
  }
}

/**
 * Any actions in compareActions order, by the engine's own ranking (for tests: a small
 * `exactLimit` forces the comparator path).
 */
export function rankActions(actions: readonly NextAction[], exactLimit?: number): NextAction[] {
  return rank([...actions], actions.map((a) => toDayNumber(a.due)), exactLimit);
}

/** For keys that would not stay exact: the plain comparator sort (stable, so the same order). */
function rankByComparator(actions: NextAction[]): NextAction[] {
  return actions.slice().sort(compareActions);
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
