import { describe, expect, it } from 'vitest';
import {
  computeKpisForPeriods,
  computeReport,
  KPI_IDS,
  KPI_UNITS,
  trendPeriods,
  type KpiReportOptions,
} from '../../../lib/kpi';
import { account, activity, book, ENGINE, lost, NOV, open, product, quota, won } from './fixtures';

const b = book({
  accounts: [
    account({ id: 'T1', isTarget: true, customerSince: '2026-01-01', territory: 'North' }),
    account({ id: 'T2', isTarget: true }),
  ],
  products: [
    product('P1', 'Product One'),
    product('P2', 'Product Two'),
    product('P3', 'Product Three'),
    product('P4', 'Retired', false),
  ],
  deals: [
    won(400_000, '2026-11-05', {
      id: 'W1',
      accountId: 'T1',
      createdOn: '2026-10-20',
      lineItems: [
        { productId: 'P1', productName: 'Product One', quantity: 1, unitPriceMinor: 1 },
        { productId: 'P1', productName: 'Product One', quantity: 2, unitPriceMinor: 1 },
        { productId: null, productName: ' product two ', quantity: 1, unitPriceMinor: 1 },
        { productId: 'P4', productName: 'Retired', quantity: 1, unitPriceMinor: 1 },
      ],
    }),
    won(200_000, '2026-10-10', { id: 'W2', territory: 'North' }),
    won(100_000, '2026-06-15', { id: 'W3', territory: 'South' }),
    lost('2026-11-10', { id: 'L1' }),
    open(1_000, '2026-11-29', { id: 'O1', forecastCategory: 'commit' }),
  ],
  activities: [
    activity('call', Date.UTC(2026, 10, 3, 3), { id: 'C1' }),
    activity('call', Date.UTC(2026, 10, 4, 3), { id: 'C2' }),
    activity('meeting', Date.UTC(2026, 10, 4, 3), { id: 'M1' }),
    activity('call', Date.UTC(2026, 9, 4, 3), { id: 'C-oct' }),
  ],
});

const opts: KpiReportOptions = { ...ENGINE, period: NOV };

describe('computeReport', () => {
  const r = computeReport(b, opts);

  it('has every KPI id, in order, with its unit', () => {
    expect(Object.keys(r.kpis)).toEqual([...KPI_IDS]);
    for (const id of KPI_IDS) {
      expect(r.kpis[id].id).toBe(id);
      expect(r.kpis[id].unit).toBe(KPI_UNITS[id]);
    }
    expect(r.previousPeriod).toEqual({ start: '2026-10-01', end: '2026-10-31' });
  });

  it('reports the previous period and a relative change for amounts', () => {
    const k = r.kpis.total_revenue;
    expect([k.value, k.previous, k.change, k.changeKind]).toEqual([400_000, 200_000, 1, 'relative']);
    // calls: 2 in November, 1 in October → +100 %
    expect(r.kpis.calls_logged.change).toBe(1);
  });

  it('reports an absolute change for rates', () => {
    const k = r.kpis.win_rate;
    expect([k.value, k.previous, k.changeKind]).toEqual([0.5, 1, 'absolute']);
    expect(k.change).toBe(-0.5);
  });

  it('has no change when the previous value is null or zero', () => {
    expect(r.kpis.sales_cycle_days.previous).toBe(0); // W2: created and closed 10-10
    expect(r.kpis.sales_cycle_days.change).toBeNull();
    expect(r.kpis.revenue_growth_rate.previous).toBeNull(); // nothing won in September
    expect(r.kpis.revenue_growth_rate.previousReason?.key).toBe('kpi.reason.no_previous_revenue');
    expect(r.kpis.revenue_growth_rate.change).toBeNull();
  });

  it('carries the ids behind each number', () => {
    expect(r.kpis.total_revenue.recordIds).toEqual(['W1']);
    expect(r.kpis.win_rate.recordIds).toEqual(['W1', 'L1']);
    expect(r.kpis.forecast_commit.recordIds).toEqual(['W1', 'O1']);
    expect(r.kpis.calls_logged.recordIds).toEqual(['C1', 'C2']);
    expect(r.kpis.calls_logged.records).toEqual([{ table: 'activities', ids: ['C1', 'C2'] }]);
    expect(r.kpis.meetings_logged.recordIds).toEqual(['M1']);
    expect(r.kpis.account_penetration_rate.records).toEqual([{ table: 'accounts', ids: ['T1', 'T2'] }]);
    // Ids survive serialisation (the report crosses extension messaging as JSON).
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.kpis.win_rate.recordIds).toEqual(['W1', 'L1']);
  });

  it('has a 12-month trend ending with the period', () => {
    expect(r.trendPeriods).toEqual(trendPeriods('month', '2026-11-28', 1));
    const t = r.kpis.total_revenue.trend;
    expect(t.map((p) => p.value)).toEqual([0, 0, 0, 0, 0, 0, 100_000, 0, 0, 0, 200_000, 400_000]);
    expect(t[6]!.period).toEqual({ start: '2026-06-01', end: '2026-06-30' });
    expect(r.kpis.win_rate.trend[0]).toEqual({
      period: { start: '2025-12-01', end: '2025-12-31' },
      value: null,
      reason: { key: 'kpi.reason.no_closed_deals' },
      excluded: [],
    });
  });

  it('trend by fiscal quarter, or none', () => {
    const q = computeReport(b, { ...opts, trend: 'quarter', fiscalYearStartMonth: 11 });
    expect(q.trendPeriods).toHaveLength(8);
    expect(q.trendPeriods[7]).toEqual({ start: '2026-11-01', end: '2027-01-31' });
    expect(q.kpis.total_revenue.trend.map((p) => p.value)).toEqual([0, 0, 0, 0, 0, 100_000, 200_000, 400_000]); // W3 in May–Jul, W2 in Aug–Oct
    const none = computeReport(b, { ...opts, trend: 'none' });
    expect(none.trendPeriods).toEqual([]);
    expect(none.kpis.total_revenue.trend).toEqual([]);
  });

  it('breaks territory growth down by territory (new business only)', () => {
    const north = r.territories.find((t) => t.territory === 'North')!;
    expect(north).toEqual({
      territory: 'North',
      revenue: 400_000, // W1, through its account
      previousRevenue: 200_000,
      growth: 1,
      reason: null,
      dealIds: ['W1'],
    });
    const south = r.territories.find((t) => t.territory === 'South')!;
    expect(south.growth).toBeNull();
    expect(south.reason?.key).toBe('kpi.reason.no_previous_new_business');
  });

  it('lists penetration and white space per target account', () => {
    expect(r.penetration).toEqual([
      {
        accountId: 'T1',
        accountName: 'T1',
        isCustomer: true,
        productsBought: 2,
        catalogueSize: 3,
        rate: 2 / 3,
        reason: null,
        boughtProductIds: ['P1', 'P2'],
        whiteSpaceProductIds: ['P3'],
      },
      {
        accountId: 'T2',
        accountName: 'T2',
        isCustomer: false,
        productsBought: 0,
        catalogueSize: 3,
        rate: 0,
        reason: null,
        boughtProductIds: [],
        whiteSpaceProductIds: ['P1', 'P2', 'P3'],
      },
    ]);
    expect(r.kpis.account_penetration_rate.value).toBe(1 / 2);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => computeReport(b, { ...opts, period: { start: '2026-11-30', end: '2026-11-01' } })).toThrow();
  });

  it('a penetration row with no catalogue is null with a reason', () => {
    const r2 = computeReport({ ...b, products: [] }, opts);
    expect(r2.penetration[0]!.rate).toBeNull();
    expect(r2.penetration[0]!.reason?.key).toBe('kpi.reason.no_catalogue');
  });
});

describe('computeKpisForPeriods', () => {
  it('gives, per period, the same values as the report trend', () => {
    const periods = trendPeriods('month', '2026-11-28', 1);
    const rows = computeKpisForPeriods(b, periods, ENGINE);
    const r = computeReport(b, opts);
    expect(rows).toHaveLength(12);
    for (const id of KPI_IDS) {
      expect(rows.map((row) => row.values[id])).toEqual(r.kpis[id].trend.map((p) => p.value));
    }
    expect(rows[11]!.period).toEqual(NOV);
    expect(rows[11]!.records).toBeUndefined();
  });
});

describe('coverage parts (for the low-coverage next action)', () => {
  const base = book({
    quotas: [quota(3_000_000, '2026-11-01', '2026-11-30')],
    deals: [won(1_000_000, '2026-11-05'), open(600_000, '2026-11-28'), open(400_000, '2026-11-30'), open(9, '2026-11-27')],
  });
  it('gives the remaining quota and the open pipeline of the rest of the period', () => {
    expect(computeReport(base, opts).coverage).toEqual({
      ratio: 1_000_000 / 2_000_000,
      remainingQuotaMinor: 2_000_000,
      openPipelineMinor: 1_000_000,
    });
  });
  it('keeps the parts with a null ratio once the quota is reached', () => {
    const r = computeReport({ ...base, deals: [...base.deals, won(2_500_000, '2026-11-06')] }, opts);
    expect(r.coverage).toEqual({ ratio: null, remainingQuotaMinor: -500_000, openPipelineMinor: 1_000_000 });
  });
  it('is null for a period that is over or has no quota', () => {
    expect(computeReport(base, { ...opts, asOf: '2026-12-01' }).coverage).toBeNull();
    expect(computeReport({ ...base, quotas: [] }, opts).coverage).toBeNull();
  });
});
