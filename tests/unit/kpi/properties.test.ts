import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOf, dayOf } from '../../../lib/kpi/days';
import { computeKpisForPeriods, computeReport, KPI_IDS, KPI_UNITS, type KpiEngineOptions, type Period } from '../../../lib/kpi';
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
      cycle: fc.integer({ min: 0, max: 200 }),
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
        createdOn: isoOf(r.created),
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
      deals: fc.array(dealArb(currencies), { maxLength: 40 }),
      accounts: fc.tuple(
        ...ACCOUNTS.map((id) =>
          fc.record({ isTarget: fc.boolean(), since: fc.option(isoArb), churn: fc.option(isoArb) }).map((a) =>
            account({ id, isTarget: a.isTarget, customerSince: a.since, churnedOn: a.churn }),
          ),
        ),
      ),
      leads: fc.array(
        fc.record({ q: fc.option(isoArb), c: fc.option(isoArb) }).map((l) => lead({ qualifiedOn: l.q, convertedOn: l.c })),
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

describe('properties', () => {
  it('every value is a finite number of its unit, or null with a reason; rates stay in [0, 1]', () => {
    fc.assert(
      fc.property(bookArb(['THB', 'USD', 'EUR']), periodArb, isoArb, (b, period, asOf) => {
        const [k] = computeKpisForPeriods(b, [period], engine(asOf));
        for (const id of KPI_IDS) {
          const v = k!.values[id];
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
