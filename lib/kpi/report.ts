import type { Book } from '../domain/book';
import type { FxRates } from '../domain/money';
import type { IsoDate } from '../domain/primitives';
import { buildKpiIndex, FLAG_NO_AMOUNT, FLAG_NO_RATE, type KpiIndex } from './book-index';
import { dayOf, lowerBound, runtimeOffsetMinutes } from './days';
import {
  changeKindOf,
  KPI_IDS,
  KPI_UNITS,
  type ChangeKind,
  type KpiExclusion,
  type KpiId,
  type KpiReason,
  type KpiUnit,
  type RecordGroup,
} from './ids';
import { computePeriodKpis, coverageParts, type CoverageParts, type PeriodKpis } from './measures';
import { previousPeriod, trendAnchor, trendPeriods, type Period } from './period';

export interface KpiEngineOptions {
  /** "Today": splits so far from the rest of a period; decides what is converted or won by now. */
  asOf: IsoDate;
  reportingCurrency: string;
  fxRates: FxRates;
  /** Minutes east of UTC for activity instants; defaults to the runtime's offset on `asOf`. */
  tzOffsetMinutes?: number;
  /** The AE's territories (settings); when given, territory growth covers only these. */
  territories?: readonly string[];
}

export interface KpiReportOptions extends KpiEngineOptions {
  period: Period;
  /** Trend series: 12 months (default), 8 fiscal quarters, or none. */
  trend?: 'month' | 'quarter' | 'none';
  /** 1 = January; fiscal quarters of the quarterly trend start from it. */
  fiscalYearStartMonth?: number;
}

export interface TrendPoint {
  period: Period;
  value: number | null;
  reason: KpiReason | null;
  excluded: readonly KpiExclusion[];
}

export interface KpiValue {
  id: KpiId;
  unit: KpiUnit;
  value: number | null;
  /** Why value is null (an i18n key of lib/i18n/messages/kpi.ts); null when there is a value. */
  reason: KpiReason | null;
  /**
   * Records the value leaves out because a date it needs is unknown or impossible (e.g. won
   * deals with no created date), each `{ key, count }` for the UI (`t(key, { count })`);
   * empty for most KPIs. Also set when the value is null because every record was left out.
   */
  excluded: readonly KpiExclusion[];
  previous: number | null;
  previousReason: KpiReason | null;
  previousExcluded: readonly KpiExclusion[];
  /** value − previous for rates and ratios; (value − previous) / |previous| otherwise; null when either is null or (relative) previous is 0. */
  change: number | null;
  changeKind: ChangeKind;
  /** The records behind the value, by table; built on first read. */
  readonly records: RecordGroup[];
  /** Every id of `records`, flattened; built on first read. */
  readonly recordIds: string[];
  /** Oldest first; empty when the report was asked without a trend. */
  trend: TrendPoint[];
}

export interface TerritoryRow {
  /** null: deals with no territory on the deal nor on its account. */
  territory: string | null;
  revenue: number | null;
  previousRevenue: number | null;
  growth: number | null;
  reason: KpiReason | null;
  /** New-business deals won in the current period in this territory. */
  dealIds: string[];
}

export interface PenetrationRow {
  accountId: string;
  accountName: string;
  /** A customer at the end of the period. */
  isCustomer: boolean;
  productsBought: number;
  catalogueSize: number;
  /** productsBought / catalogueSize; null when the catalogue is empty. */
  rate: number | null;
  reason: KpiReason | null;
  boughtProductIds: string[];
  /** Catalogue products this account has not bought yet: the cross-sell white space. */
  whiteSpaceProductIds: string[];
}

export interface KpiReport {
  period: Period;
  previousPeriod: Period;
  asOf: IsoDate;
  reportingCurrency: string;
  trendPeriods: Period[];
  kpis: Record<KpiId, KpiValue>;
  territories: TerritoryRow[];
  penetration: PenetrationRow[];
  /** The parts of pipeline_coverage for the period (for the low-coverage next action); null when the period is over, has no quota, or meets an amount with no rate. */
  coverage: CoverageParts | null;
}

function changeOf(kind: ChangeKind, v: number | null, p: number | null): number | null {
  if (v === null || p === null) return null;
  if (kind === 'absolute') return v - p;
  if (p === 0) return null;
  return (v - p) / Math.abs(p);
}

function indexFor(book: Book, opts: KpiEngineOptions): KpiIndex {
  return buildKpiIndex(book, {
    reportingCurrency: opts.reportingCurrency,
    fxRates: opts.fxRates,
    tzOffsetMinutes: opts.tzOffsetMinutes ?? runtimeOffsetMinutes(opts.asOf),
    territories: opts.territories,
  });
}

/** The full report: every KPI for the period and the previous one, the change, the trend, and the breakdowns. */
export function computeReport(book: Book, opts: KpiReportOptions): KpiReport {
  return reportFromIndex(indexFor(book, opts), opts);
}

/** Same as computeReport on an index already built (e.g. the UI switching periods over unchanged data). */
export function reportFromIndex(ix: KpiIndex, opts: KpiReportOptions): KpiReport {
  const { period, asOf } = opts;
  const prevPeriod = previousPeriod(period);
  const cur = computePeriodKpis(ix, period, asOf, { withRecords: true });
  const prev = computePeriodKpis(ix, prevPeriod, asOf);
  const trendKind = opts.trend ?? 'month';
  const tPeriods =
    trendKind === 'none' ? [] : trendPeriods(trendKind, trendAnchor(period, asOf), opts.fiscalYearStartMonth ?? 1);
  const trend = tPeriods.map((p) => computePeriodKpis(ix, p, asOf));

  const kpis = {} as Record<KpiId, KpiValue>;
  for (const id of KPI_IDS) kpis[id] = kpiValue(id, cur, prev, trend);

  return {
    period: { start: period.start, end: period.end },
    previousPeriod: prevPeriod,
    asOf,
    reportingCurrency: ix.reportingCurrency,
    trendPeriods: tPeriods,
    kpis,
    territories: territoryRows(ix, period, prevPeriod),
    penetration: penetrationRows(ix, period),
    coverage: coverageParts(ix, period, asOf),
  };
}

function kpiValue(id: KpiId, cur: PeriodKpis, prev: PeriodKpis, trend: PeriodKpis[]): KpiValue {
  const kind = changeKindOf(id);
  const value = cur.values[id];
  const previous = prev.values[id];
  const make = cur.records![id];
  let groups: RecordGroup[] | null = null;
  const load = () => (groups ??= make());
  return {
    id,
    unit: KPI_UNITS[id],
    value,
    reason: cur.reasons[id],
    excluded: cur.excluded[id],
    previous,
    previousReason: prev.reasons[id],
    previousExcluded: prev.excluded[id],
    change: changeOf(kind, value, previous),
    changeKind: kind,
    get records() {
      return load();
    },
    get recordIds() {
      const gs = load();
      return gs.length === 1 ? gs[0]!.ids : gs.flatMap((g) => g.ids);
    },
    trend: trend.map((t) => ({ period: t.period, value: t.values[id], reason: t.reasons[id], excluded: t.excluded[id] })),
  };
}

/** New-business revenue per territory, for the period and the previous one. */
function territoryRows(ix: KpiIndex, period: Period, prevPeriod: Period): TerritoryRow[] {
  const w = ix.won;
  const nT = ix.territoryNames.length;
  const sum = [new Float64Array(nT), new Float64Array(nT)];
  const noRate = [new Int32Array(nT), new Int32Array(nT)];
  const noAmount = [new Int32Array(nT), new Int32Array(nT)];
  const unrated: (string | null)[][] = [new Array<string | null>(nT).fill(null), new Array<string | null>(nT).fill(null)];
  const dealIds: string[][] = Array.from({ length: nT }, () => []);
  [period, prevPeriod].forEach((p, k) => {
    const lo = lowerBound(w.day, w.n, dayOf(p.start));
    const hi = lowerBound(w.day, w.n, dayOf(p.end) + 1);
    for (let pos = lo; pos < hi; pos++) {
      const t = w.territory[pos]!;
      if (t < 0) continue;
      const i = w.idx[pos]!;
      const f = ix.dealFlags[i];
      if (f === FLAG_NO_RATE) {
        noRate[k]![t]!++;
        unrated[k]![t] ??= ix.book.deals[i]!.currency;
      } else if (f === FLAG_NO_AMOUNT) noAmount[k]![t]!++;
      else sum[k]![t]! += ix.dealAmount[i]!;
      if (k === 0) dealIds[t]!.push(ix.book.deals[i]!.id);
    }
  });
  const rows: TerritoryRow[] = [];
  const side = (k: number, t: number): { value: number | null; reason: KpiReason | null } => {
    if (noRate[k]![t]! > 0) return { value: null, reason: { key: 'kpi.reason.no_fx_rate', params: { currency: unrated[k]![t]! } } };
    if (noAmount[k]![t]! > 0)
      return { value: null, reason: { key: 'kpi.reason.missing_amount', params: { count: noAmount[k]![t]! } } };
    return { value: sum[k]![t]!, reason: null };
  };
  for (let t = 0; t < nT; t++) {
    const c = side(0, t);
    const p = side(1, t);
    let growth: number | null = null;
    let reason: KpiReason | null = null;
    if (c.value === null) reason = c.reason;
    else if (p.value === null) reason = p.reason;
    else if (p.value === 0) reason = { key: 'kpi.reason.no_previous_new_business' };
    else growth = (c.value - p.value) / p.value;
    rows.push({
      territory: ix.territoryNames[t]!,
      revenue: c.value,
      previousRevenue: p.value,
      growth,
      reason,
      dealIds: dealIds[t]!,
    });
  }
  return rows;
}

/** Per target account: catalogue products bought (won deals closed by the period's end) and the white space. */
function penetrationRows(ix: KpiIndex, period: Period): PenetrationRow[] {
  if (ix.targetCount === 0) return [];
  const E = dayOf(period.end);
  const accounts = ix.book.accounts;
  const bought = new Map<number, Set<string>>();
  const catalogueIds = new Set(ix.catalogue);
  const w = ix.won;
  const hi = lowerBound(w.day, w.n, E + 1);
  for (let pos = 0; pos < hi; pos++) {
    const i = w.idx[pos]!;
    const a = ix.dealAccount[i]!;
    if (a < 0 || ix.accountTarget[a] !== 1) continue;
    const d = ix.book.deals[i]!;
    if (d.lineItems.length === 0) continue;
    let set = bought.get(a);
    for (const li of d.lineItems) {
      const pid =
        li.productId !== null && catalogueIds.has(li.productId)
          ? li.productId
          : ix.catalogueByName.get(li.productName.trim().toLowerCase());
      if (pid === undefined) continue;
      if (!set) bought.set(a, (set = new Set()));
      set.add(pid);
    }
  }
  const size = ix.catalogue.length;
  const rows: PenetrationRow[] = [];
  for (let a = 0; a < accounts.length; a++) {
    if (ix.accountTarget[a] !== 1) continue;
    const set = bought.get(a);
    const boughtIds = ix.catalogue.filter((p) => set?.has(p));
    rows.push({
      accountId: accounts[a]!.id,
      accountName: accounts[a]!.name,
      isCustomer: ix.accountSince[a]! <= E && ix.accountChurn[a]! > E,
      productsBought: boughtIds.length,
      catalogueSize: size,
      rate: size === 0 ? null : boughtIds.length / size,
      reason: size === 0 ? { key: 'kpi.reason.no_catalogue' } : null,
      boughtProductIds: boughtIds,
      whiteSpaceProductIds: set ? ix.catalogue.filter((p) => !set.has(p)) : [...ix.catalogue],
    });
  }
  return rows;
}

/**
 * KPI values for many periods over one index (the stats CSV: one row per period,
 * one column per id of KPI_IDS). No drill-down lists are built.
 */
export function computeKpisForPeriods(book: Book, periods: readonly Period[], opts: KpiEngineOptions): PeriodKpis[] {
  const ix = indexFor(book, opts);
  return periods.map((p) => computePeriodKpis(ix, p, opts.asOf));
}
