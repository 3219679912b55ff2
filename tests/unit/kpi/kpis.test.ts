import { describe, expect, it } from 'vitest';
import type { Book } from '../../../lib/domain/book';
import { KPI_IDS, type KpiEngineOptions, type KpiId, type KpiReasonKey, type Period } from '../../../lib/kpi';
import {
  account,
  activity,
  book,
  csat,
  deal,
  kpisOf,
  lead,
  lost,
  NOV,
  open,
  quota,
  spend,
  won,
} from './fixtures';

/** An expected value: a number (hand-computed), or null with the reason key the UI shows. */
type Expect = number | [null, KpiReasonKey];

interface Case {
  name: string;
  book: Book;
  period?: Period;
  opts?: Partial<KpiEngineOptions>;
  expect: Partial<Record<KpiId, Expect>>;
  params?: Partial<Record<KpiId, Record<string, string | number>>>;
}

const li = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ productId: null, productName: `Item ${i}`, quantity: 1, unitPriceMinor: 100 }));

const cases: Case[] = [
  {
    name: 'empty book',
    book: book({}),
    expect: {
      total_revenue: 0,
      revenue_growth_rate: [null, 'kpi.reason.no_previous_revenue'],
      average_deal_size: [null, 'kpi.reason.no_won_deals'],
      qualified_leads: 0,
      ql_to_opportunity_rate: [null, 'kpi.reason.no_qualified_leads'],
      new_opportunities: 0,
      opportunity_growth_rate: [null, 'kpi.reason.no_previous_opportunities'],
      win_rate: [null, 'kpi.reason.no_closed_deals'],
      deal_closure_rate: [null, 'kpi.reason.no_new_opportunities'],
      customer_acquisition_cost: [null, 'kpi.reason.no_spend'],
      customer_retention_rate: [null, 'kpi.reason.no_customers_at_start'],
      average_order_value: [null, 'kpi.reason.no_won_deals'],
      sales_cycle_days: [null, 'kpi.reason.no_won_deals'],
      sales_cycle_days_median: [null, 'kpi.reason.no_won_deals'],
      csat: [null, 'kpi.reason.no_csat'],
      territory_growth_rate: [null, 'kpi.reason.no_previous_new_business'],
      account_penetration_rate: [null, 'kpi.reason.no_target_accounts'],
      quota_attainment: [null, 'kpi.reason.no_quota'],
      pipeline_coverage: [null, 'kpi.reason.no_quota'],
      weighted_pipeline: 0,
      forecast_commit: 0,
      forecast_best_case: 0,
      won_deals: 0,
      lost_deals: 0,
      open_pipeline: 0,
      calls_logged: 0,
      meetings_logged: 0,
      emails_logged: 0,
    },
  },
  {
    name: 'won deals on the first and last day count; the days around do not',
    book: book({
      deals: [
        won(100_000, '2026-11-01', { createdOn: '2026-10-02' }), // 30-day cycle
        won(300_000, '2026-11-30', { createdOn: '2026-11-30' }), // zero-length cycle, last day
        won(200_000, '2026-10-31', { createdOn: '2026-10-21' }), // previous period
        won(999_999, '2026-12-01'),
        lost('2026-11-15', { createdOn: '2026-09-01' }),
      ],
    }),
    opts: { asOf: '2026-11-30' },
    expect: {
      total_revenue: 400_000,
      revenue_growth_rate: (400_000 - 200_000) / 200_000,
      average_deal_size: 200_000,
      won_deals: 2,
      lost_deals: 1,
      win_rate: 2 / 3,
      sales_cycle_days: 15,
      sales_cycle_days_median: 15,
      average_order_value: 200_000, // no line items: one order each
      new_opportunities: 1, // created 11-30
      opportunity_growth_rate: (1 - 2) / 2, // October: created 10-02 and 10-21
      deal_closure_rate: 1, // the one created in Nov was won on 11-30 = as-of
      forecast_commit: 400_000,
    },
  },
  {
    name: 'all deals lost',
    book: book({ deals: [lost('2026-11-02'), lost('2026-11-10'), lost('2026-11-30')] }),
    expect: {
      win_rate: 0,
      total_revenue: 0,
      won_deals: 0,
      lost_deals: 3,
      average_deal_size: [null, 'kpi.reason.no_won_deals'],
      sales_cycle_days: [null, 'kpi.reason.no_won_deals'],
      deal_closure_rate: 0,
      new_opportunities: 3,
    },
  },
  {
    name: 'zero-length cycles are 0 days, not missing',
    book: book({ deals: [won(10, '2026-11-05'), won(20, '2026-11-06')] }),
    expect: { sales_cycle_days: 0, sales_cycle_days_median: 0, total_revenue: 30 },
  },
  {
    name: 'cycle mean and median over an odd count; a close before creation is left out (not 0 days)',
    book: book({
      deals: [
        won(1, '2026-11-02', { createdOn: '2026-11-01' }), // 1
        won(1, '2026-11-12', { createdOn: '2026-11-10' }), // 2
        won(1, '2026-11-20', { createdOn: '2026-11-10' }), // 10
        won(1, '2026-11-21', { createdOn: '2026-11-25' }), // bad data: left out (tests/unit/kpi/unknown-dates.test.ts checks the note)
      ],
    }),
    expect: { sales_cycle_days: 13 / 3, sales_cycle_days_median: 2, won_deals: 4 },
  },
  {
    name: 'a fiscal quarter across a year end, starting a fiscal year (Nov–Jan, fiscal year from November)',
    period: { start: '2026-11-01', end: '2027-01-31' },
    book: book({
      deals: [
        won(1, '2026-10-31'), // previous period (Aug–Oct)
        won(10, '2026-11-01'),
        won(100, '2026-12-31'),
        won(1_000, '2027-01-01'),
        won(10_000, '2027-01-31'),
        won(100_000, '2027-02-01'),
        won(4, '2026-08-01'), // first day of the previous period
      ],
    }),
    opts: { asOf: '2027-02-15' },
    expect: { total_revenue: 11_110, won_deals: 4, revenue_growth_rate: (11_110 - 5) / 5 },
  },
  {
    name: 'a custom period across a year end (31 days; previous = the 31 days before)',
    period: { start: '2026-12-15', end: '2027-01-14' },
    book: book({
      deals: [won(7, '2026-12-15'), won(8, '2027-01-14'), won(2, '2026-11-14'), won(3, '2026-12-14'), won(5, '2026-11-13')],
    }),
    opts: { asOf: '2027-01-20' },
    expect: { total_revenue: 15, revenue_growth_rate: (15 - 5) / 5 },
  },
  {
    name: 'leap day: February 2028 includes the 29th; the cycle over it counts it',
    period: { start: '2028-02-01', end: '2028-02-29' },
    book: book({
      deals: [
        won(50, '2028-02-29', { createdOn: '2028-02-27' }), // 2 days
        won(25, '2028-01-31', { createdOn: '2028-01-31' }), // January, the previous period
        won(99, '2028-03-01', { createdOn: '2028-02-28' }), // March
      ],
    }),
    opts: { asOf: '2028-03-05' },
    expect: { total_revenue: 50, sales_cycle_days: 2, revenue_growth_rate: 1 },
  },
  {
    name: 'amounts in two currencies are converted (USD 35, JPY 0.25 per unit)',
    book: book({
      deals: [
        won(10_000, '2026-11-03'), // 100.00 THB
        won(1_000, '2026-11-04', { currency: 'USD' }), // 10.00 USD = 350.00 THB
        won(1_000, '2026-11-05', { currency: 'JPY' }), // 1000 JPY = 250.00 THB
      ],
    }),
    expect: { total_revenue: 10_000 + 35_000 + 25_000, average_deal_size: 23_333, won_deals: 3 },
  },
  {
    name: 'an amount with no rate makes money KPIs null, never mixed; counts are unaffected',
    book: book({
      deals: [won(10_000, '2026-11-03'), won(1_000, '2026-11-04', { currency: 'EUR' }), lost('2026-11-05')],
    }),
    expect: {
      total_revenue: [null, 'kpi.reason.no_fx_rate'],
      average_deal_size: [null, 'kpi.reason.no_fx_rate'],
      average_order_value: [null, 'kpi.reason.no_fx_rate'],
      revenue_growth_rate: [null, 'kpi.reason.no_fx_rate'],
      forecast_commit: [null, 'kpi.reason.no_fx_rate'],
      won_deals: 2,
      win_rate: 2 / 3,
    },
    params: { total_revenue: { currency: 'EUR' } },
  },
  {
    name: 'a won deal without an amount is missing data',
    book: book({ deals: [won(10_000, '2026-11-03'), deal({ status: 'won', amountMinor: null, createdOn: '2026-11-01', closeOn: '2026-11-04' })] }),
    expect: { total_revenue: [null, 'kpi.reason.missing_amount'], won_deals: 2 },
    params: { total_revenue: { count: 1 } },
  },
  {
    name: 'orders: each line item of a won deal is an order, a deal without line items is one',
    book: book({
      deals: [won(300_000, '2026-11-03', { lineItems: li(3) }), won(100_000, '2026-11-04'), won(5, '2026-10-04', { lineItems: li(2) })],
    }),
    expect: { average_order_value: 100_000, average_deal_size: 200_000 },
  },
  {
    name: 'qualified leads and conversion by the as-of date',
    book: book({
      deals: [deal({ id: 'D-conv', status: 'open', createdOn: '2026-11-20', closeOn: '2026-12-20' })],
      leads: [
        lead({ qualifiedOn: '2026-11-01', convertedOn: '2026-11-10', convertedDealId: 'x' }), // converted
        lead({ qualifiedOn: '2026-11-05', convertedOn: '2026-11-29' }), // after as-of
        lead({ qualifiedOn: '2026-11-30' }), // not converted
        lead({ qualifiedOn: '2026-10-31', convertedOn: '2026-11-01' }), // previous period
        lead({ qualifiedOn: '2026-11-12', convertedDealId: 'D-conv' }), // converted on the deal's created date
        lead({}), // never qualified
      ],
    }),
    expect: { qualified_leads: 4, ql_to_opportunity_rate: 2 / 4 },
  },
  {
    name: 'deal closure rate: created in the period, won by the as-of date, open ones in the denominator',
    book: book({
      deals: [
        won(1, '2026-11-20', { createdOn: '2026-11-02' }),
        open(5, '2026-12-15', { createdOn: '2026-11-03' }),
        lost('2026-11-10', { createdOn: '2026-11-04' }),
        won(1, '2026-11-29', { createdOn: '2026-11-05' }), // won after the as-of date
        won(1, '2026-11-06', { createdOn: '2026-10-30' }), // created before
      ],
    }),
    expect: { deal_closure_rate: 1 / 4, new_opportunities: 4, opportunity_growth_rate: 3 },
  },
  {
    name: 'customer acquisition cost: spend in the period over new customers',
    book: book({
      accounts: [
        account({ id: 'A1' }),
        account({ id: 'A2', customerSince: '2026-11-20' }),
        account({ id: 'A3' }),
      ],
      deals: [
        won(1, '2026-11-05', { accountId: 'A1' }),
        won(1, '2026-10-10', { accountId: 'A3' }),
        won(1, '2026-11-15', { accountId: 'A3' }), // A3 is not new
      ],
      spend: [
        spend(50_000, '2026-11-01'),
        spend(10_000, '2026-11-30', { currency: 'USD', category: 'marketing' }), // 350,000 satang
        spend(7_777, '2026-10-31'),
      ],
    }),
    expect: { customer_acquisition_cost: (50_000 + 350_000) / 2 },
  },
  {
    name: 'CAC with no spend, and with no new customer',
    book: book({ accounts: [account({ id: 'A1' })], deals: [won(1, '2026-11-05', { accountId: 'A1' })] }),
    expect: { customer_acquisition_cost: [null, 'kpi.reason.no_spend'] },
  },
  {
    name: 'CAC with spend and no new customer',
    book: book({ spend: [spend(100, '2026-11-05')] }),
    expect: { customer_acquisition_cost: [null, 'kpi.reason.no_new_customers'] },
  },
  {
    name: 'retention: (E − N) / S',
    book: book({
      accounts: [
        account({ id: 'C1', customerSince: '2025-01-01' }), // start, end
        account({ id: 'C2', customerSince: '2025-06-01', churnedOn: '2026-11-15' }), // start only
        account({ id: 'C3', customerSince: '2025-06-01', churnedOn: '2026-10-31' }), // churned before the start
        account({ id: 'C4', customerSince: '2026-11-10' }), // new, stays
        account({ id: 'C5', customerSince: '2026-11-03', churnedOn: '2026-11-20' }), // new, gone by the end
        account({ id: 'C6', customerSince: '2026-10-31' }), // start, end
        account({ id: 'C7', customerSince: '2026-12-01' }), // later
        account({ id: 'C8' }), // first won deal in November: new, stays
      ],
      deals: [won(1, '2026-11-30', { accountId: 'C8' })],
      spend: [spend(300, '2026-11-05')],
    }),
    // S = C1, C2, C6 = 3; E = C1, C4, C6, C8 = 4; N = C4, C8 = 2. New customers for CAC: C4, C5, C8.
    expect: { customer_retention_rate: (4 - 2) / 3, customer_acquisition_cost: 100 },
  },
  {
    name: 'CSAT: 4s and 5s over all responses in the period',
    book: book({ csat: [csat(5, '2026-11-01'), csat(4, '2026-11-30'), csat(3, '2026-11-10'), csat(1, '2026-11-11'), csat(5, '2026-10-31')] }),
    expect: { csat: 2 / 4 },
  },
  {
    name: 'territory growth: new business only, territory from the deal or its account',
    book: book({
      accounts: [account({ id: 'AN', territory: 'North' })],
      deals: [
        won(1_000, '2026-11-02', { territory: 'North' }),
        won(500, '2026-11-03', { accountId: 'AN' }),
        won(2_000, '2026-11-04', { territory: 'South' }),
        won(9_999, '2026-11-05', { territory: 'North', type: 'upsell' }),
        won(1_000, '2026-10-05', { territory: 'North' }),
      ],
    }),
    expect: { territory_growth_rate: (3_500 - 1_000) / 1_000 },
  },
  {
    name: "territory growth over the AE's own territories only",
    book: book({
      deals: [
        won(1_500, '2026-11-02', { territory: 'North' }),
        won(2_000, '2026-11-04', { territory: 'South' }),
        won(1_000, '2026-10-05', { territory: 'North' }),
      ],
    }),
    opts: { territories: ['North'] },
    expect: { territory_growth_rate: 0.5 },
  },
  {
    name: 'account penetration: target accounts that are customers at the period end',
    book: book({
      accounts: [
        account({ id: 'T1', isTarget: true, customerSince: '2026-01-01' }),
        account({ id: 'T2', isTarget: true }),
        account({ id: 'T3', isTarget: true, customerSince: '2026-01-01', churnedOn: '2026-11-15' }),
        account({ id: 'N1', customerSince: '2026-01-01' }),
      ],
    }),
    expect: { account_penetration_rate: 1 / 3 },
  },
  {
    name: 'quota attainment with a quota prorated by days (Oct–Dec, 92 days)',
    book: book({ deals: [won(1_500_000, '2026-11-10')], quotas: [quota(9_200_000, '2026-10-01', '2026-12-31')] }),
    expect: { quota_attainment: 1_500_000 / 3_000_000 },
  },
  {
    name: 'quota in another currency is converted; one with no rate is a reason',
    book: book({
      deals: [won(1_750_000, '2026-11-10')],
      quotas: [quota(100_000, '2026-11-01', '2026-11-30', { currency: 'USD' })], // 3,500,000 satang
    }),
    expect: { quota_attainment: 0.5 },
  },
  {
    name: 'quota with no rate',
    book: book({ deals: [won(1, '2026-11-10')], quotas: [quota(100_000, '2026-11-01', '2026-11-30', { currency: 'EUR' })] }),
    expect: { quota_attainment: [null, 'kpi.reason.no_fx_rate'], pipeline_coverage: [null, 'kpi.reason.no_fx_rate'] },
  },
  {
    name: 'pipeline coverage: open pipeline in the rest of the period over the quota left',
    book: book({
      quotas: [quota(3_000_000, '2026-11-01', '2026-11-30')],
      deals: [
        won(1_000_000, '2026-11-05'),
        won(500_000, '2026-11-20'), // on the as-of date: won so far
        open(600_000, '2026-11-20'), // closing on the as-of date: still the rest of the period
        open(2_400_000, '2026-11-30'),
        open(10_000_000, '2026-11-19'), // overdue: not in the rest of the period
        open(7_000_000, '2026-12-01'),
      ],
    }),
    opts: { asOf: '2026-11-20' },
    expect: { pipeline_coverage: (600_000 + 2_400_000) / (3_000_000 - 1_500_000), quota_attainment: 0.5 },
  },
  {
    name: 'pipeline coverage of a period that is over',
    book: book({ quotas: [quota(3_000_000, '2026-11-01', '2026-11-30')] }),
    opts: { asOf: '2026-12-05' },
    expect: { pipeline_coverage: [null, 'kpi.reason.period_over'] },
  },
  {
    name: 'pipeline coverage when the quota is reached',
    book: book({ quotas: [quota(1_000, '2026-11-01', '2026-11-30')], deals: [won(1_000, '2026-11-02'), open(5, '2026-11-29')] }),
    expect: { pipeline_coverage: [null, 'kpi.reason.quota_reached'] },
  },
  {
    name: 'pipeline coverage of a future period: nothing won so far, all of it ahead',
    period: { start: '2026-12-01', end: '2026-12-31' },
    book: book({ quotas: [quota(1_000, '2026-12-01', '2026-12-31')], deals: [open(250, '2026-12-01'), open(250, '2026-12-31')] }),
    expect: { pipeline_coverage: 0.5 },
  },
  {
    name: 'weighted pipeline, forecasts and open pipeline',
    book: book({
      deals: [
        won(1_000, '2026-11-02'),
        open(1_000_000, '2026-11-10', { probability: 0.5, forecastCategory: 'pipeline' }),
        open(333, '2026-11-30', { probability: 0.3, forecastCategory: 'pipeline' }),
        open(200, '2026-11-15', { probability: 0.8, forecastCategory: 'commit' }),
        open(300, '2026-11-16', { probability: 0.6, forecastCategory: 'best_case' }),
        open(null, '2026-11-17', { probability: 0.9, forecastCategory: 'commit' }), // no amount yet: adds 0
        open(5_000, null, { forecastCategory: 'commit' }), // no expected close: in no period
        open(7_000, '2026-12-01', { forecastCategory: 'commit' }),
      ],
    }),
    expect: {
      weighted_pipeline: Math.round(500_000 + 99.9 + 160 + 180),
      forecast_commit: 1_000 + 200,
      forecast_best_case: 1_000 + 200 + 300,
      open_pipeline: 1_000_000 + 333 + 200 + 300,
    },
  },
  {
    name: 'activities: local days (UTC+7), logged up to the as-of date',
    book: book({
      activities: [
        activity('call', Date.UTC(2026, 9, 31, 17, 0)), // 2026-11-01 00:00 local
        activity('call', Date.UTC(2026, 9, 31, 16, 59, 59)), // 2026-10-31 local
        activity('call', Date.UTC(2026, 10, 28, 16, 59)), // 2026-11-28 23:59 local (as-of)
        activity('call', Date.UTC(2026, 10, 28, 17, 0)), // 2026-11-29 local: after the as-of date
        activity('meeting', Date.UTC(2026, 10, 10, 3)),
        activity('email', Date.UTC(2026, 10, 10, 3)),
        activity('email', Date.UTC(2026, 10, 11, 3)),
        activity('task', Date.UTC(2026, 10, 11, 3)),
        activity('note', Date.UTC(2026, 10, 11, 3)),
      ],
    }),
    expect: { calls_logged: 2, meetings_logged: 1, emails_logged: 2 },
  },
];

describe.each(cases)('$name', (c) => {
  const k = kpisOf(c.book, c.period ?? NOV, c.opts);
  it.each(Object.entries(c.expect) as [KpiId, Expect][])('%s', (id, want) => {
    if (Array.isArray(want)) {
      expect(k.values[id]).toBeNull();
      expect(k.reasons[id]?.key).toBe(want[1]);
      const params = c.params?.[id];
      if (params) expect(k.reasons[id]?.params).toEqual(params);
    } else {
      expect(k.reasons[id]).toBeNull();
      if (Number.isInteger(want)) expect(k.values[id]).toBe(want);
      else expect(k.values[id]).toBeCloseTo(want, 12);
    }
  });
});

it('every KPI of every case is a finite number or null with a reason', () => {
  for (const c of cases) {
    const k = kpisOf(c.book, c.period ?? NOV, c.opts);
    for (const id of KPI_IDS) {
      const v = k.values[id];
      if (v === null) expect(k.reasons[id]).not.toBeNull();
      else {
        expect(Number.isFinite(v)).toBe(true);
        expect(k.reasons[id]).toBeNull();
      }
    }
  }
});
