import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Book } from '../../../lib/domain/book';
import { toDayNumber } from '../../../lib/domain/dates';
import { isoOf, dayOf } from '../../../lib/kpi/days';
import {
  computeKpisForPeriods,
  computeReport,
  KPI_IDS,
  KPI_UNITS,
  previousPeriod,
  type KpiEngineOptions,
  type KpiExclusion,
  type KpiId,
  type KpiReason,
  type Period,
} from '../../../lib/kpi';
import { account, activity, book, csat, deal, lead, quota, spend } from './fixtures';

// Random books over 2025–2027, small enough that many shapes are tried.
const D0 = dayOf('2025-01-01');
const SPAN = 3 * 365;
const dayArb = fc.integer({ min: D0, max: D0 + SPAN });
const isoArb = dayArb.map(isoOf);
const ACCOUNTS = ['a0', 'a1', 'a2', 'a3', 'a4'];

const dealArb = (currencies: string[]) =>
  fc
    .record({
      status: fc.constantFrom('open', 'won', 'lost'),
      created: dayArb,
      // Sometimes the source did not say when the deal was created.
      noCreated: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      // Mostly forward; sometimes a close before the creation (bad data).
      cycle: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: fc.integer({ min: -60, max: -1 }) }),
      noClose: fc.boolean(),
      amount: fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { freq: 8 }),
      currency: fc.constantFrom(...currencies),
      probability: fc.double({ min: 0, max: 1, noNaN: true }),
      forecastCategory: fc.constantFrom('commit', 'best_case', 'pipeline', 'omitted'),
      type: fc.constantFrom('new_business', 'upsell', 'cross_sell', 'renewal'),
      territory: fc.constantFrom(null, 'North', 'South'),
      accountId: fc.constantFrom(null, ...ACCOUNTS),
      lineItems: fc.integer({ min: 0, max: 3 }),
    })
    .map((r) =>
      deal({
        status: r.status,
        createdOn: r.noCreated ? null : isoOf(r.created),
        closeOn: r.noClose && r.status === 'open' ? null : isoOf(r.created + r.cycle),
        amountMinor: r.status === 'open' ? r.amount : (r.amount ?? 1),
        currency: r.currency,
        probability: r.probability,
        forecastCategory: r.forecastCategory,
        type: r.type,
        territory: r.territory,
        accountId: r.accountId,
        lineItems: Array.from({ length: r.lineItems }, (_, i) => ({
          productId: null,
          productName: `P${i}`,
          quantity: 1,
          unitPriceMinor: 1,
        })),
      }),
    );

const bookArb = (currencies: string[]) =>
  fc
    .record({
      deals: fc.array(dealArb(currencies), { maxLength: 40 }).map((ds) => ds.map((d, i) => ({ ...d, id: `d${i}` }))),
      accounts: fc.tuple(
        ...ACCOUNTS.map((id) =>
          fc.record({ isTarget: fc.boolean(), since: fc.option(isoArb), churn: fc.option(isoArb) }).map((a) =>
            account({ id, isTarget: a.isTarget, customerSince: a.since, churnedOn: a.churn }),
          ),
        ),
      ),
      leads: fc.array(
        // convertedDealId: a deal of the book (d0..), or one that is not in it (d40..).
        fc
          .record({ q: fc.option(isoArb), c: fc.option(isoArb), deal: fc.option(fc.integer({ min: 0, max: 45 }), { freq: 2 }) })
          .map((l) => lead({ qualifiedOn: l.q, convertedOn: l.c, convertedDealId: l.deal === null ? null : `d${l.deal}` })),
        { maxLength: 20 },
      ),
      csat: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), isoArb).map(([s, on]) => csat(s, on)), { maxLength: 10 }),
      spend: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), isoArb, fc.constantFrom(...currencies)).map(([a, on, currency]) =>
          spend(a, on, { currency }),
        ),
        { maxLength: 5 },
      ),
      quotas: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), dayArb, fc.integer({ min: 0, max: 120 })).map(([a, s, len]) =>
          quota(a, isoOf(s), isoOf(s + len)),
        ),
        { maxLength: 3 },
      ),
      activities: fc.array(
        fc.tuple(fc.constantFrom('call', 'meeting', 'email', 'task'), fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })).map(
          ([k, at]) => activity(k as 'call', at),
        ),
        { maxLength: 20 },
      ),
    })
    .map((parts) => book(parts));

const periodArb: fc.Arbitrary<Period> = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 120 }))
  .map(([s, len]) => ({ start: isoOf(s), end: isoOf(s + len) }));

const engine = (asOf: string): KpiEngineOptions => ({
  asOf,
  reportingCurrency: 'THB',
  fxRates: { USD: 35 },
  tzOffsetMinutes: 420,
});

/**
 * A deliberately naive reading of lib/kpi/README.md for the KPIs that need a deal's created
 * date: ISO strings compared as strings, plain arrays, no index. Deals with no created date
 * are in no period; won deals closed before they were created are out of the cycle; a lead
 * converted to a deal with no created date has an unknown converted day. Never a substitute.
 */
type Naive = { value: number | null; reason: KpiReason | null; excluded: KpiExclusion[] };
function naiveCreatedKpis(b: Book, period: Period, asOf: string) {
  const inP = (d: string | null, p: Period) => d !== null && d >= p.start && d <= p.end;
  const prev = previousPeriod(period);
  const noCreated = b.deals.filter((d) => d.createdOn === null).length;
  const allUnknown = b.deals.length > 0 && noCreated === b.deals.length;
  const dealsNote: KpiExclusion[] = noCreated > 0 ? [{ key: 'kpi.excluded.deals_no_created_date', count: noCreated }] : [];
  const val = (value: number, excluded: KpiExclusion[] = []): Naive => ({ value, reason: null, excluded });
  const nul = (key: KpiReason['key'], excluded: KpiExclusion[] = []): Naive => ({ value: null, reason: { key }, excluded });

  const created = (p: Period) => b.deals.filter((d) => inP(d.createdOn, p));
  const cur = created(period);
  const before = created(prev);
  const out: Record<string, Naive> = {};
  if (allUnknown) {
    for (const id of ['new_opportunities', 'opportunity_growth_rate', 'deal_closure_rate']) out[id] = nul('kpi.reason.no_created_dates', dealsNote);
  } else {
    out.new_opportunities = val(cur.length, dealsNote);
    out.opportunity_growth_rate =
      before.length === 0 ? nul('kpi.reason.no_previous_opportunities', dealsNote) : val((cur.length - before.length) / before.length, dealsNote);
    const wonByNow = cur.filter((d) => d.status === 'won' && (d.closeOn === null || d.closeOn <= asOf)).length;
    out.deal_closure_rate = cur.length === 0 ? nul('kpi.reason.no_new_opportunities', dealsNote) : val(wonByNow / cur.length, dealsNote);
  }

  const wonInP = b.deals.filter((d) => d.status === 'won' && inP(d.closeOn, period));
  const days: number[] = [];
  let missing = 0;
  let backwards = 0;
  for (const d of wonInP) {
    if (d.createdOn === null) missing++;
    else if (d.closeOn! < d.createdOn) backwards++;
    else days.push(toDayNumber(d.closeOn!) - toDayNumber(d.createdOn));
  }
  const cycleNote: KpiExclusion[] = [];
  if (missing > 0) cycleNote.push({ key: 'kpi.excluded.won_no_created_date', count: missing });
  if (backwards > 0) cycleNote.push({ key: 'kpi.excluded.won_closed_before_created', count: backwards });
  if (wonInP.length === 0) out.sales_cycle_days = out.sales_cycle_days_median = nul('kpi.reason.no_won_deals');
  else if (days.length === 0) {
    out.sales_cycle_days = out.sales_cycle_days_median = nul(backwards === 0 ? 'kpi.reason.no_created_dates' : 'kpi.reason.no_valid_cycles', cycleNote);
  } else {
    days.sort((x, y) => x - y);
    const m = days.length >> 1;
    out.sales_cycle_days = val(days.reduce((a, x) => a + x, 0) / days.length, cycleNote);
    out.sales_cycle_days_median = val(days.length % 2 ? days[m]! : (days[m - 1]! + days[m]!) / 2, cycleNote);
  }

  const dealById = new Map(b.deals.map((d) => [d.id, d]));
  const qualified = b.leads.filter((l) => inP(l.qualifiedOn, period));
  let conv = 0;
  let unknown = 0;
  for (const l of qualified) {
    let on: string | null | 'unknown' = l.convertedOn;
    if (on === null && l.convertedDealId !== null) {
      const d = dealById.get(l.convertedDealId);
      on = d === undefined ? l.qualifiedOn : (d.createdOn ?? 'unknown');
    }
    if (on === 'unknown') unknown++;
    else if (on !== null && on <= asOf) conv++;
  }
  const leadNote: KpiExclusion[] = unknown > 0 ? [{ key: 'kpi.excluded.leads_deal_no_created_date', count: unknown }] : [];
  out.ql_to_opportunity_rate =
    qualified.length === 0
      ? nul('kpi.reason.no_qualified_leads')
      : qualified.length === unknown
        ? nul('kpi.reason.no_conversion_dates', leadNote)
        : val(conv / (qualified.length - unknown), leadNote);
  return out;
}

describe('properties', () => {
  it('the KPIs that need a created date match a naive reading of the README: unknown and impossible dates left out and counted, never substituted', () => {
    fc.assert(
      fc.property(bookArb(['THB']), periodArb, isoArb, (b, period, asOf) => {
        const k = computeKpisForPeriods(b, [period], engine(asOf))[0]!;
        const want = naiveCreatedKpis(b, period, asOf);
        for (const [id, w] of Object.entries(want) as [KpiId, Naive][]) {
          expect({ id, value: k.values[id], reason: k.reasons[id], excluded: k.excluded[id] }).toEqual({ id, ...w });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every KPI but those that need a created date is the same whether the created dates are known or not', () => {
    const NEEDS = new Set(['new_opportunities', 'opportunity_growth_rate', 'deal_closure_rate', 'sales_cycle_days', 'sales_cycle_days_median', 'ql_to_opportunity_rate']);
    fc.assert(
      fc.property(bookArb(['THB', 'USD', 'EUR']), periodArb, isoArb, (b, period, asOf) => {
        const undated: Book = { ...b, deals: b.deals.map((d) => ({ ...d, createdOn: null })) };
        const [a] = computeKpisForPeriods(b, [period], engine(asOf));
        const [u] = computeKpisForPeriods(undated, [period], engine(asOf));
        for (const id of KPI_IDS) {
          if (NEEDS.has(id)) continue;
          expect([id, u!.values[id], u!.reasons[id], u!.excluded[id]]).toEqual([id, a!.values[id], a!.reasons[id], a!.excluded[id]]);
        }
        if (b.deals.length > 0) expect(u!.reasons.new_opportunities?.key).toBe('kpi.reason.no_created_dates');
      }),
      { numRuns: 150 },
    );
  });

  it('every value is a finite number of its unit, or null with a reason; rates stay in [0, 1]', () => {
    fc.assert(
      fc.property(bookArb(['THB', 'USD', 'EUR']), periodArb, isoArb, (b, period, asOf) => {
        const [k] = computeKpisForPeriods(b, [period], engine(asOf));
        for (const id of KPI_IDS) {
          const v = k!.values[id];
          for (const e of k!.excluded[id]) expect(e.count).toBeGreaterThan(0);
          if (v === null) {
            expect(k!.reasons[id]).not.toBeNull();
            continue;
          }
          expect(Number.isFinite(v)).toBe(true);
          expect(k!.reasons[id]).toBeNull();
          const unit = KPI_UNITS[id];
          if (unit === 'rate') {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          if (unit === 'count' || unit === 'money') {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          if (unit === 'days') expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the monthly revenues, wins and counts of a quarter add up to the quarter', () => {
    fc.assert(
      fc.property(bookArb(['THB', 'USD']), fc.integer({ min: 0, max: 32 }), isoArb, (b, m, asOf) => {
        const y = 2025 + Math.floor(m / 12);
        const mm = (m % 12) + 1;
        const months: Period[] = [0, 1, 2].map((i) => {
          const start = isoOf(dayOf(`${y}-${String(mm).padStart(2, '0')}-01`));
          const s = new Date(Date.UTC(+start.slice(0, 4), +start.slice(5, 7) - 1 + i, 1));
          const e = new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 0));
          return { start: s.toISOString().slice(0, 10), end: e.toISOString().slice(0, 10) };
        });
        const quarter: Period = { start: months[0]!.start, end: months[2]!.end };
        const rows = computeKpisForPeriods(b, [...months, quarter], engine(asOf));
        const q = rows[3]!.values;
        for (const id of ['total_revenue', 'won_deals', 'lost_deals', 'new_opportunities', 'qualified_leads', 'open_pipeline', 'calls_logged'] as const) {
          const parts = rows.slice(0, 3).map((r) => r.values[id]);
          if (q[id] === null) expect(parts.some((p) => p === null)).toBe(true);
          else expect(parts.reduce((a, p) => a! + p!, 0)).toBe(q[id]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a full report never holds NaN or Infinity, anywhere', () => {
    fc.assert(
      fc.property(bookArb(['THB', 'USD', 'EUR']), periodArb, isoArb, (b, period, asOf) => {
        const r = computeReport(b, { ...engine(asOf), period, trend: 'quarter', fiscalYearStartMonth: 4 });
        const json = JSON.stringify(r, (_k, v: unknown) => {
          if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
          return v;
        });
        expect(json.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});
