import type { IsoDate } from '../domain/primitives';
import { countDays, FLAG_NO_RATE, type DaySeries, type KpiIndex } from './book-index';
import { dayOf, dayOfInstant, lowerBound, UNKNOWN_DAY } from './days';
import {
  KPI_IDS,
  type KpiExclusion,
  type KpiExclusionKey,
  type KpiId,
  type KpiReason,
  type KpiReasonKey,
  type RecordGroup,
} from './ids';
import { previousPeriod, type Period } from './period';

/** The KPIs of one period: values, the reason for each null, and (when asked) the records behind each value. */
export interface PeriodKpis {
  period: Period;
  values: Record<KpiId, number | null>;
  reasons: Record<KpiId, KpiReason | null>;
  /** What each value leaves out for an unknown or impossible date (empty for most). */
  excluded: Record<KpiId, readonly KpiExclusion[]>;
  /** Only with `withRecords`: builds the drill-down lists on call (a million activities are not listed up front). */
  records?: Record<KpiId, () => RecordGroup[]>;
}

interface Result {
  value: number | null;
  reason: KpiReason | null;
  excluded?: readonly KpiExclusion[];
}

const NOTHING_EXCLUDED: readonly KpiExclusion[] = Object.freeze([]);

/** The exclusions with a positive count, in the order given. */
function exclusions(...parts: [KpiExclusionKey, number][]): readonly KpiExclusion[] {
  const out: KpiExclusion[] = [];
  for (const [key, count] of parts) if (count > 0) out.push({ key, count });
  return out.length === 0 ? NOTHING_EXCLUDED : out;
}

const leaving = (r: Result, excluded: readonly KpiExclusion[]): Result =>
  excluded.length === 0 ? r : { ...r, excluded };

const ok = (value: number): Result => ({ value, reason: null });
const no = (key: KpiReasonKey, params?: Record<string, string | number>): Result => ({
  value: null,
  reason: params ? { key, params } : { key },
});

/** Positions [lo, hi) of a series whose day is in [from, to]. */
function rangeOf(s: DaySeries, from: number, to: number): [number, number] {
  if (to < from) return [0, 0];
  return [lowerBound(s.day, s.n, from), lowerBound(s.day, s.n, to + 1)];
}

function firstUnratedCurrency(ix: KpiIndex, s: DaySeries, lo: number, hi: number, keep?: (p: number) => boolean): string {
  for (let p = lo; p < hi; p++) {
    const i = s.idx[p]!;
    if (ix.dealFlags[i] === FLAG_NO_RATE && (!keep || keep(p))) return ix.book.deals[i]!.currency;
  }
  return '?';
}

/** A sum over won positions [lo, hi): null when a deal has no rate or (won) no amount. */
function wonSum(ix: KpiIndex, lo: number, hi: number, newBusiness = false): Result {
  const w = ix.won;
  const bad = newBusiness ? w.nbNoRate[hi]! - w.nbNoRate[lo]! : w.noRate[hi]! - w.noRate[lo]!;
  if (bad > 0) {
    const keep = newBusiness ? (p: number) => w.territory[p]! >= 0 : undefined;
    return no('kpi.reason.no_fx_rate', { currency: firstUnratedCurrency(ix, w, lo, hi, keep) });
  }
  const missing = newBusiness ? w.nbNoAmount[hi]! - w.nbNoAmount[lo]! : w.noAmount[hi]! - w.noAmount[lo]!;
  if (missing > 0) return no('kpi.reason.missing_amount', { count: missing });
  return ok(newBusiness ? w.nbRevenue[hi]! - w.nbRevenue[lo]! : w.revenue[hi]! - w.revenue[lo]!);
}

type OpenColumn = 'amount' | 'commit' | 'bestCase';
function openSum(ix: KpiIndex, lo: number, hi: number, column: OpenColumn): Result {
  const o = ix.open;
  const noRate = column === 'amount' ? o.noRate : column === 'commit' ? o.commitNoRate : o.bestCaseNoRate;
  if (noRate[hi]! - noRate[lo]! > 0) {
    const cat = column === 'commit' ? 'commit' : 'best_case';
    const keep = column === 'amount' ? undefined : (p: number) => ix.book.deals[o.idx[p]!]!.forecastCategory === cat;
    return no('kpi.reason.no_fx_rate', { currency: firstUnratedCurrency(ix, o, lo, hi, keep) });
  }
  return ok(o[column][hi]! - o[column][lo]!);
}

/** Growth (cur − prev) / prev, carrying either side's reason. */
function growth(cur: Result, prev: Result, zeroReason: KpiReasonKey): Result {
  if (cur.value === null) return cur;
  if (prev.value === null) return prev;
  if (prev.value === 0) return no(zeroReason);
  return ok((cur.value - prev.value) / prev.value);
}

/** Quota for days [from, to]: each quota counts by the share of its days inside. */
export function quotaFor(ix: KpiIndex, from: number, to: number): Result & { ids: string[] } {
  let sum = 0;
  const ids: string[] = [];
  for (const q of ix.quotas) {
    const overlap = Math.min(to, q.end) - Math.max(from, q.start) + 1;
    if (overlap <= 0) continue;
    ids.push(q.id);
    if (q.amount !== q.amount) return { ...no('kpi.reason.no_fx_rate', { currency: q.currency }), ids };
    sum += (q.amount * overlap) / (q.end - q.start + 1);
  }
  if (sum === 0) return { ...no('kpi.reason.no_quota'), ids };
  return { ...ok(sum), ids };
}

function median(sorted: Int32Array): number {
  const n = sorted.length;
  const mid = n >>> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The parts of pipeline_coverage, for the next-action rules (reporting-currency minor units). */
export interface CoverageParts {
  ratio: number | null;
  /** quota − revenue won so far, rounded; ≤ 0 once the quota is reached. */
  remainingQuotaMinor: number;
  /** Open pipeline expected to close from the as-of date to the period's end. */
  openPipelineMinor: number;
}

function coverageOf(ix: KpiIndex, S: number, E: number, A: number, quota: Result) {
  const [rl, rh] = rangeOf(ix.open, Math.max(S, A), E);
  const [sfl, sfh] = rangeOf(ix.won, S, Math.min(E, A));
  const at = (result: Result, parts: CoverageParts | null = null) => ({ result, parts, rl, rh, sfl, sfh });
  if (E < A) return at(no('kpi.reason.period_over'));
  if (quota.value === null) return at(quota);
  const soFar = wonSum(ix, sfl, sfh);
  if (soFar.value === null) return at(soFar);
  const rest = openSum(ix, rl, rh, 'amount');
  if (rest.value === null) return at(rest);
  const remaining = quota.value - soFar.value;
  const parts = { remainingQuotaMinor: Math.round(remaining), openPipelineMinor: rest.value };
  if (remaining <= 0) return at(no('kpi.reason.quota_reached'), { ratio: null, ...parts });
  const ratio = rest.value / remaining;
  return at(ok(ratio), { ratio, ...parts });
}

/** pipeline_coverage's parts for a period, or null when it has none (period over, no quota, no rate). */
export function coverageParts(ix: KpiIndex, period: Period, asOf: IsoDate): CoverageParts | null {
  const S = dayOf(period.start);
  const E = dayOf(period.end);
  return coverageOf(ix, S, E, dayOf(asOf), quotaFor(ix, S, E)).parts;
}

/**
 * Every KPI for one period. `asOf` is "today": it splits "so far" from "the rest of
 * the period" and decides what counts as converted or won by now.
 */
export function computePeriodKpis(
  ix: KpiIndex,
  period: Period,
  asOf: IsoDate,
  opts: { withRecords?: boolean } = {},
): PeriodKpis {
  const S = dayOf(period.start);
  const E = dayOf(period.end);
  const A = dayOf(asOf);
  if (E < S) throw new Error('a period cannot end before it starts');
  const prevP = previousPeriod(period);
  const PS = dayOf(prevP.start);
  const PE = dayOf(prevP.end);
  const book = ix.book;
  const won = ix.won;

  const r = {} as Record<KpiId, Result>;

  // ------------------------------------------------------------ won and lost deals
  const [wl, wh] = rangeOf(won, S, E);
  const [pwl, pwh] = rangeOf(won, PS, PE);
  const [ll, lh] = rangeOf(ix.lost, S, E);
  const nWon = wh - wl;
  const nLost = lh - ll;
  const revenue = wonSum(ix, wl, wh);
  const prevRevenue = wonSum(ix, pwl, pwh);
  r.total_revenue = revenue;
  r.revenue_growth_rate = growth(revenue, prevRevenue, 'kpi.reason.no_previous_revenue');
  r.average_deal_size =
    nWon === 0 ? no('kpi.reason.no_won_deals') : revenue.value === null ? revenue : ok(Math.round(revenue.value / nWon));

  // ------------------------------------------------------------ leads
  const q = ix.qualified;
  const [ql, qh] = rangeOf(q, S, E);
  r.qualified_leads = ok(qh - ql);
  let qUnknown = 0;
  if (qh === ql) r.ql_to_opportunity_rate = no('kpi.reason.no_qualified_leads');
  else {
    let conv = 0;
    for (let p = ql; p < qh; p++) {
      const cv = q.converted[p]!;
      if (cv <= A) conv++;
      else if (cv === UNKNOWN_DAY) qUnknown++; // its deal has no created date: when it converted is unknown
    }
    const known = qh - ql - qUnknown;
    r.ql_to_opportunity_rate = leaving(
      known === 0 ? no('kpi.reason.no_conversion_dates') : ok(conv / known),
      exclusions(['kpi.excluded.leads_deal_no_created_date', qUnknown]),
    );
  }

  // ------------------------------------------------------------ opportunities
  // Deals with no created date are in no period: left out and counted, never dated by a substitute.
  const c = ix.created;
  const [cl, ch] = rangeOf(c, S, E);
  const [pcl, pch] = rangeOf(c, PS, PE);
  const noCreated = exclusions(['kpi.excluded.deals_no_created_date', ix.dealsNoCreated]);
  if (c.n === 0 && ix.dealsNoCreated > 0) {
    // Not one deal has a created date: a count of 0 would be made up.
    r.new_opportunities = leaving(no('kpi.reason.no_created_dates'), noCreated);
    r.opportunity_growth_rate = r.new_opportunities;
    r.deal_closure_rate = r.new_opportunities;
  } else {
    r.new_opportunities = leaving(ok(ch - cl), noCreated);
    r.opportunity_growth_rate = leaving(
      pch === pcl ? no('kpi.reason.no_previous_opportunities') : ok((ch - cl - (pch - pcl)) / (pch - pcl)),
      noCreated,
    );
    if (ch === cl) r.deal_closure_rate = leaving(no('kpi.reason.no_new_opportunities'), noCreated);
    else {
      let wonByNow = 0;
      for (let p = cl; p < ch; p++) if (c.wonBy[p]! <= A) wonByNow++;
      r.deal_closure_rate = leaving(ok(wonByNow / (ch - cl)), noCreated);
    }
  }
  r.win_rate = nWon + nLost === 0 ? no('kpi.reason.no_closed_deals') : ok(nWon / (nWon + nLost));

  // ------------------------------------------------------------ customers
  const since = ix.accountSince;
  const churn = ix.accountChurn;
  const nA = since.length;
  const before = S - 1;
  let atStart = 0;
  let atEnd = 0;
  let newStaying = 0;
  let newCustomers = 0;
  let targetCustomers = 0;
  for (let i = 0; i < nA; i++) {
    const s = since[i]!;
    if (s > E) continue; // not a customer by the end (or never)
    const ch2 = churn[i]!;
    if (s <= before && ch2 > before) atStart++;
    if (s >= S) newCustomers++;
    if (ch2 > E) {
      atEnd++;
      if (s >= S) newStaying++;
      if (ix.accountTarget[i] === 1) targetCustomers++;
    }
  }
  const sp = ix.spend;
  const [sl, sh] = rangeOf(sp, S, E);
  if (sh === sl) r.customer_acquisition_cost = no('kpi.reason.no_spend');
  else if (sp.noRate[sh]! - sp.noRate[sl]! > 0) {
    let cur = '?';
    for (let p = sl; p < sh; p++) {
      const e = book.spend[sp.idx[p]!]!;
      if (Number.isNaN(ix.convert(e.amountMinor, e.currency))) {
        cur = e.currency;
        break;
      }
    }
    r.customer_acquisition_cost = no('kpi.reason.no_fx_rate', { currency: cur });
  } else if (newCustomers === 0) r.customer_acquisition_cost = no('kpi.reason.no_new_customers');
  else r.customer_acquisition_cost = ok(Math.round((sp.amount[sh]! - sp.amount[sl]!) / newCustomers));
  r.customer_retention_rate =
    atStart === 0 ? no('kpi.reason.no_customers_at_start') : ok((atEnd - newStaying) / atStart);

  // ------------------------------------------------------------ orders and cycle
  const orders = won.orders[wh]! - won.orders[wl]!;
  r.average_order_value =
    orders === 0 ? no('kpi.reason.no_won_deals') : revenue.value === null ? revenue : ok(Math.round(revenue.value / orders));
  // Won deals with no created date, or closed before they were created, are left out and counted.
  const cycNoCreated = won.cycleNoCreated[wh]! - won.cycleNoCreated[wl]!;
  const cycBefore = won.cycleBeforeCreated[wh]! - won.cycleBeforeCreated[wl]!;
  const nCycle = nWon - cycNoCreated - cycBefore;
  if (nWon === 0) {
    r.sales_cycle_days = no('kpi.reason.no_won_deals');
    r.sales_cycle_days_median = no('kpi.reason.no_won_deals');
  } else {
    const cycleLeft = exclusions(
      ['kpi.excluded.won_no_created_date', cycNoCreated],
      ['kpi.excluded.won_closed_before_created', cycBefore],
    );
    if (nCycle === 0) {
      r.sales_cycle_days = leaving(no(cycBefore === 0 ? 'kpi.reason.no_created_dates' : 'kpi.reason.no_valid_cycles'), cycleLeft);
      r.sales_cycle_days_median = r.sales_cycle_days;
    } else {
      r.sales_cycle_days = leaving(ok((won.cycleSum[wh]! - won.cycleSum[wl]!) / nCycle), cycleLeft);
      // The markers of the left-out deals are negative: after the sort they are the first nWon − nCycle.
      const sorted = won.cycle.slice(wl, wh).sort();
      r.sales_cycle_days_median = leaving(ok(median(nCycle === nWon ? sorted : sorted.subarray(nWon - nCycle))), cycleLeft);
    }
  }

  // ------------------------------------------------------------ CSAT
  const cs = ix.csat;
  const [csl, csh] = rangeOf(cs, S, E);
  r.csat = csh === csl ? no('kpi.reason.no_csat') : ok((cs.positive[csh]! - cs.positive[csl]!) / (csh - csl));

  // ------------------------------------------------------------ territory, penetration
  r.territory_growth_rate = growth(wonSum(ix, wl, wh, true), wonSum(ix, pwl, pwh, true), 'kpi.reason.no_previous_new_business');
  r.account_penetration_rate =
    ix.targetCount === 0 ? no('kpi.reason.no_target_accounts') : ok(targetCustomers / ix.targetCount);

  // ------------------------------------------------------------ quota and pipeline
  const quota = quotaFor(ix, S, E);
  r.quota_attainment = revenue.value === null ? revenue : quota.value === null ? quota : ok(revenue.value / quota.value);

  const soFarTo = Math.min(E, A);
  const coverage = coverageOf(ix, S, E, A, quota);
  r.pipeline_coverage = coverage.result;
  const { rl, rh, sfl, sfh } = coverage;

  const o = ix.open;
  const [ol, oh] = rangeOf(o, S, E);
  const openAll = openSum(ix, ol, oh, 'amount');
  r.open_pipeline = openAll;
  r.weighted_pipeline = openAll.value === null ? openAll : ok(Math.round(o.weighted[oh]! - o.weighted[ol]!));
  const commit = openSum(ix, ol, oh, 'commit');
  const best = openSum(ix, ol, oh, 'bestCase');
  r.forecast_commit = revenue.value === null ? revenue : commit.value === null ? commit : ok(revenue.value + commit.value);
  r.forecast_best_case =
    r.forecast_commit.value === null ? r.forecast_commit : best.value === null ? best : ok(r.forecast_commit.value + best.value);

  r.won_deals = ok(nWon);
  r.lost_deals = ok(nLost);

  // ------------------------------------------------------------ activities (logged = dated up to as-of)
  r.calls_logged = ok(countDays(ix.calls, S, soFarTo));
  r.meetings_logged = ok(countDays(ix.meetings, S, soFarTo));
  r.emails_logged = ok(countDays(ix.emails, S, soFarTo));

  const values = {} as Record<KpiId, number | null>;
  const reasons = {} as Record<KpiId, KpiReason | null>;
  const excluded = {} as Record<KpiId, readonly KpiExclusion[]>;
  for (const id of KPI_IDS) {
    const v = r[id];
    values[id] = v.value;
    reasons[id] = v.value === null ? v.reason : null;
    excluded[id] = v.excluded ?? NOTHING_EXCLUDED;
  }
  const out: PeriodKpis = { period: { start: period.start, end: period.end }, values, reasons, excluded };
  if (!opts.withRecords) return out;

  // ------------------------------------------------------------ drill-down lists, built on demand
  const deals = book.deals;
  const dealIds = (s: DaySeries, lo: number, hi: number, keep?: (p: number) => boolean): string[] => {
    const res: string[] = [];
    for (let p = lo; p < hi; p++) if (!keep || keep(p)) res.push(deals[s.idx[p]!]!.id);
    return res;
  };
  const rowIds = <T extends { id: string }>(rows: T[], s: DaySeries, lo: number, hi: number, keep?: (p: number) => boolean): string[] => {
    const res: string[] = [];
    for (let p = lo; p < hi; p++) if (!keep || keep(p)) res.push(rows[s.idx[p]!]!.id);
    return res;
  };
  const accountIds = (keep: (i: number) => boolean): string[] => {
    const res: string[] = [];
    for (let i = 0; i < nA; i++) if (keep(i)) res.push(book.accounts[i]!.id);
    return res;
  };
  const activityIds = (kind: 'call' | 'meeting' | 'email'): string[] => {
    const res: string[] = [];
    for (const a of book.activities) {
      if (a.kind !== kind) continue;
      const d = dayOfInstant(a.at, ix.tzOffsetMinutes);
      if (d >= S && d <= soFarTo) res.push(a.id);
    }
    return res;
  };
  const g = (table: RecordGroup['table'], list: string[]): RecordGroup => ({ table, ids: list });
  const wonNow = () => g('deals', dealIds(won, wl, wh));
  // The cycle KPIs stand on the won deals with a usable cycle only.
  const wonWithCycle = () => (nCycle === nWon ? wonNow() : g('deals', dealIds(won, wl, wh, (p) => won.cycle[p]! >= 0)));
  const isCat = (cat: string) => (p: number) => deals[o.idx[p]!]!.forecastCategory === cat;
  const customerAt = (i: number, d: number) => since[i]! <= d && churn[i]! > d;

  out.records = {
    total_revenue: () => [wonNow()],
    revenue_growth_rate: () => [g('deals', [...dealIds(won, wl, wh), ...dealIds(won, pwl, pwh)])],
    average_deal_size: () => [wonNow()],
    qualified_leads: () => [g('leads', rowIds(book.leads, q, ql, qh))],
    ql_to_opportunity_rate: () => [
      g('leads', rowIds(book.leads, q, ql, qh, qUnknown === 0 ? undefined : (p) => q.converted[p] !== UNKNOWN_DAY)),
    ],
    new_opportunities: () => [g('deals', dealIds(c, cl, ch))],
    opportunity_growth_rate: () => [g('deals', [...dealIds(c, cl, ch), ...dealIds(c, pcl, pch)])],
    win_rate: () => [g('deals', [...dealIds(won, wl, wh), ...dealIds(ix.lost, ll, lh)])],
    deal_closure_rate: () => [g('deals', dealIds(c, cl, ch))],
    customer_acquisition_cost: () => [
      g('spend', rowIds(book.spend, sp, sl, sh)),
      g('accounts', accountIds((i) => since[i]! >= S && since[i]! <= E)),
    ],
    customer_retention_rate: () => [g('accounts', accountIds((i) => customerAt(i, before) || customerAt(i, E)))],
    average_order_value: () => [wonNow()],
    sales_cycle_days: () => [wonWithCycle()],
    sales_cycle_days_median: () => [wonWithCycle()],
    csat: () => [g('csat', rowIds(book.csat, cs, csl, csh))],
    territory_growth_rate: () => {
      const inScope = (p: number) => won.territory[p]! >= 0;
      return [g('deals', [...dealIds(won, wl, wh, inScope), ...dealIds(won, pwl, pwh, inScope)])];
    },
    account_penetration_rate: () => [g('accounts', accountIds((i) => ix.accountTarget[i] === 1))],
    quota_attainment: () => [wonNow(), g('quotas', quota.ids)],
    pipeline_coverage: () => [
      g('deals', [...dealIds(o, rl, rh), ...dealIds(won, sfl, sfh)]),
      g('quotas', quota.ids),
    ],
    weighted_pipeline: () => [g('deals', dealIds(o, ol, oh))],
    forecast_commit: () => [g('deals', [...dealIds(won, wl, wh), ...dealIds(o, ol, oh, isCat('commit'))])],
    forecast_best_case: () => [
      g('deals', [
        ...dealIds(won, wl, wh),
        ...dealIds(o, ol, oh, (p) => isCat('commit')(p) || isCat('best_case')(p)),
      ]),
    ],
    won_deals: () => [wonNow()],
    lost_deals: () => [g('deals', dealIds(ix.lost, ll, lh))],
    open_pipeline: () => [g('deals', dealIds(o, ol, oh))],
    calls_logged: () => [g('activities', activityIds('call'))],
    meetings_logged: () => [g('activities', activityIds('meeting'))],
    emails_logged: () => [g('activities', activityIds('email'))],
  };
  return out;
}

