/**
 * What the side panel shows, as plain data: computed from the book in one place (the
 * cockpit worker, or in-process in tests), sent to the page by structured clone and stored
 * as the open-time snapshot. Pure: no browser, Dexie or React; "now" is a parameter.
 */
import { nextActions, type NextAction } from '../actions';
import type { Book, BookTable } from '../domain/book';
import { convertMinor } from '../domain/money';
import type { IsoDate } from '../domain/primitives';
import { buildKpiIndex, dayOf, KPI_IDS, presetPeriod, reportFromIndex, type KpiId, type KpiReport, type KpiUnit, type Period, type PeriodPreset } from '../kpi';
import type { KpiExclusion, KpiReason } from '../kpi/ids';
import { quotaFor } from '../kpi/measures';
import type { Settings } from '../settings/schema';

export interface Selection {
  preset: PeriodPreset;
  custom: { start: string; end: string };
}

export type PeriodProblem = 'no_start' | 'no_end' | 'end_before_start';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The period a selection names, or the problem of a custom range (shown as a field message). */
export function resolvePeriod(sel: Selection, today: IsoDate, fiscalYearStartMonth: number): { period: Period | null; problem: PeriodProblem | null } {
  if (sel.preset === 'custom') {
    const { start, end } = sel.custom;
    if (!ISO.test(start)) return { period: null, problem: 'no_start' };
    if (!ISO.test(end)) return { period: null, problem: 'no_end' };
    if (end < start) return { period: null, problem: 'end_before_start' };
  }
  return { period: presetPeriod(sel.preset, today, fiscalYearStartMonth, sel.preset === 'custom' ? sel.custom : undefined), problem: null };
}

/** How many records behind a number are sent to the page by name; the count is always exact. */
export const DRILL_MAX = 25;
/** How many ranked actions are sent to the page (the total is exact). */
export const ACTIONS_MAX = 200;
/** Deals listed under a stage bar. */
export const STAGE_DEALS_MAX = 50;

export interface ViewRecord {
  table: BookTable;
  id: string;
  name: string;
}

export interface ViewKpi {
  id: KpiId;
  unit: KpiUnit;
  value: number | null;
  reason: KpiReason | null;
  excluded: readonly KpiExclusion[];
  previous: number | null;
  change: number | null;
  /** Oldest first, one per trend period. */
  trend: (number | null)[];
  /** The first DRILL_MAX named records behind the value (only for the KPI whose drill-down is open). */
  records: ViewRecord[];
  /** How many records are behind the value; null when its drill-down is not open (not built). */
  recordCount: number | null;
}

export interface StageBar {
  stage: string;
  count: number;
  /** Converted to the reporting currency; deals with no rate are counted in `noRate`, not summed. */
  amountMinor: number;
  noRate: number;
  deals: { id: string; name: string; amountMinor: number | null; currency: string; closeOn: IsoDate }[];
}

export interface CockpitView {
  today: IsoDate;
  computedAt: number;
  period: Period;
  previousPeriod: Period;
  trendPeriods: Period[];
  currency: string;
  empty: boolean;
  kpis: Record<KpiId, ViewKpi>;
  /** quota(P) in reporting minor units, or null (the forecast card's target). */
  quotaMinor: number | null;
  coverageTarget: number;
  actions: NextAction[];
  actionsTotal: number;
  stages: StageBar[];
  /** Open deals: which deal ids can take a next step (for the "set next step" action). */
  openDealIds: string[];
  /** Deal links into the CRM (provenance url), for "open the deal". */
  dealUrls: Record<string, string>;
}

export interface ViewOptions {
  settings: Settings;
  now: number;
  today: IsoDate;
  tzOffsetMinutes: number;
  period: Period;
  /**
   * The KPI whose drill-down is open: only its records are built. Building every KPI's record
   * list on each recompute cost 50–170 ms at 20k deals, for lists nobody had opened.
   */
  drill?: KpiId | null;
}

function namesOf(book: Book): (table: BookTable, id: string) => string | undefined {
  let maps: Map<string, string> | null = null;
  return (table, id) => {
    if (!maps) {
      maps = new Map();
      for (const t of ['deals', 'accounts', 'leads'] as const) for (const r of book[t]) maps.set(`${t}:${r.id}`, r.name);
    }
    return maps.get(`${table}:${id}`);
  };
}

/** The report the view is built from (exported for the exactness test and the engine). */
export function reportFor(book: Book, o: ViewOptions): { report: KpiReport; quotaMinor: number | null } {
  const ix = buildKpiIndex(book, {
    reportingCurrency: o.settings.reportingCurrency,
    fxRates: o.settings.fxRates,
    tzOffsetMinutes: o.tzOffsetMinutes,
    territories: o.settings.territories,
  });
  const report = reportFromIndex(ix, {
    period: o.period,
    asOf: o.today,
    reportingCurrency: o.settings.reportingCurrency,
    fxRates: o.settings.fxRates,
    tzOffsetMinutes: o.tzOffsetMinutes,
    territories: o.settings.territories,
    trend: 'month',
    fiscalYearStartMonth: o.settings.fiscalYearStartMonth,
  });
  const q = quotaFor(ix, dayOf(o.period.start), dayOf(o.period.end));
  return { report, quotaMinor: q.value };
}

/** Open deals expected to close in the period, one bar per stage in the settings' stage order. */
export function stageBars(book: Book, period: Period, settings: Settings): StageBar[] {
  const order = new Map<string, number>();
  settings.stageRules.forEach((r, i) => order.has(r.stage) || order.set(r.stage, i));
  const bars = new Map<string, StageBar>();
  for (const d of book.deals) {
    if (d.status !== 'open' || d.closeOn === null || d.closeOn < period.start || d.closeOn > period.end) continue;
    let b = bars.get(d.stage);
    if (!b) bars.set(d.stage, (b = { stage: d.stage, count: 0, amountMinor: 0, noRate: 0, deals: [] }));
    b.count++;
    const amount = d.amountMinor === null ? null : convertMinor(d.amountMinor, d.currency, settings.reportingCurrency, settings.fxRates);
    if (amount === null && d.amountMinor !== null) b.noRate++;
    else if (amount !== null) b.amountMinor += amount;
    if (b.deals.length < STAGE_DEALS_MAX) b.deals.push({ id: d.id, name: d.name, amountMinor: amount, currency: settings.reportingCurrency, closeOn: d.closeOn });
  }
  const out = [...bars.values()];
  for (const b of out) b.deals.sort((x, y) => (y.amountMinor ?? 0) - (x.amountMinor ?? 0) || x.name.localeCompare(y.name));
  return out.sort((a, b) => (order.get(a.stage) ?? 1e9) - (order.get(b.stage) ?? 1e9) || a.stage.localeCompare(b.stage));
}

export function buildView(book: Book, o: ViewOptions): CockpitView {
  const { report, quotaMinor } = reportFor(book, o);
  const actions = nextActions(book, {
    now: o.now,
    today: o.today,
    tzOffsetMinutes: o.tzOffsetMinutes,
    thresholds: o.settings.thresholds,
    reportingCurrency: o.settings.reportingCurrency,
    fxRates: o.settings.fxRates,
    period: o.period,
    coverage: report.coverage,
  });
  const nameOf = namesOf(book);
  const kpis = {} as Record<KpiId, ViewKpi>;
  for (const id of KPI_IDS) {
    const k = report.kpis[id];
    const records: ViewRecord[] = [];
    let recordCount: number | null = null;
    if (id === o.drill) {
      recordCount = 0;
      for (const g of k.records) {
        recordCount += g.ids.length;
        for (const rid of g.ids) {
          if (records.length >= DRILL_MAX) break;
          const name = nameOf(g.table, rid);
          if (name) records.push({ table: g.table, id: rid, name });
        }
      }
    }
    kpis[id] = {
      id,
      unit: k.unit,
      value: k.value,
      reason: k.reason,
      excluded: k.excluded,
      previous: k.previous,
      change: k.change,
      trend: k.trend.map((p) => p.value),
      records,
      recordCount,
    };
  }
  const openDealIds: string[] = [];
  const dealUrls: Record<string, string> = {};
  const wanted = new Set(actions.slice(0, ACTIONS_MAX).filter((a) => a.record.table === 'deals').map((a) => a.record.id));
  for (const d of book.deals) {
    if (!wanted.has(d.id)) continue;
    if (d.status === 'open') openDealIds.push(d.id);
    const url = d.provenance?.url;
    if (url && /^https:\/\//.test(url)) dealUrls[d.id] = url;
  }
  return {
    today: o.today,
    computedAt: o.now,
    period: report.period,
    previousPeriod: report.previousPeriod,
    trendPeriods: report.trendPeriods,
    currency: report.reportingCurrency,
    empty: book.deals.length === 0 && book.accounts.length === 0 && book.activities.length === 0,
    kpis,
    quotaMinor,
    coverageTarget: o.settings.thresholds.coverageTarget,
    actions: actions.slice(0, ACTIONS_MAX),
    actionsTotal: actions.length,
    stages: stageBars(book, o.period, o.settings),
    openDealIds,
    dealUrls,
  };
}
