import { describe, expect, it } from 'vitest';
import { dealSchema } from '../../../lib/domain/records';
import { translate } from '../../../lib/i18n';
import { buildKpiIndex, computeReport, type KpiExclusion, type KpiReport } from '../../../lib/kpi';
import { book, deal, ENGINE, kpisOf, lead, NOV, open, won } from './fixtures';

// "Never invent data": a deal's created date may be unknown (null), and a won deal may close
// before it was created. KPIs that need the date leave such deals out and say how many;
// when every deal they need is left out they are null with a reason, never 0.

const ex = (key: KpiExclusion['key'], count: number): KpiExclusion => ({ key, count });

describe('the deal schema', () => {
  it('reads a missing created date as null (the source did not say), not as a day', () => {
    const d = dealSchema.parse({
      id: 'x',
      createdAt: 0,
      updatedAt: 0,
      name: 'No date',
      currency: 'THB',
      stage: 'Proposal',
      status: 'open',
      probability: 0.5,
      forecastCategory: 'pipeline',
    });
    expect(d.createdOn).toBeNull();
  });
});

describe('deals with no created date', () => {
  const b = book({
    deals: [
      won(100, '2026-11-20', { createdOn: '2026-11-10' }), // 10-day cycle, created in Nov
      open(50, '2026-12-10', { createdOn: '2026-11-03' }),
      open(50, '2026-12-10', { createdOn: '2026-11-04' }),
      deal({ status: 'open', createdOn: '2026-10-04', closeOn: '2026-12-20' }), // created in Oct (previous period)
      won(200, '2026-11-25', { createdOn: null }), // won in Nov, created: unknown
      won(300, '2026-11-26', { createdOn: null }),
      open(70, '2026-12-01', { createdOn: null }),
    ],
  });
  const k = kpisOf(b);

  it('are in no created-day period: new opportunities count the dated ones and say how many were left out', () => {
    expect(k.values.new_opportunities).toBe(3);
    expect(k.reasons.new_opportunities).toBeNull();
    expect(k.excluded.new_opportunities).toEqual([ex('kpi.excluded.deals_no_created_date', 3)]);
    expect(k.values.opportunity_growth_rate).toBe((3 - 1) / 1);
    expect(k.excluded.opportunity_growth_rate).toEqual([ex('kpi.excluded.deals_no_created_date', 3)]);
    expect(k.values.deal_closure_rate).toBe(1 / 3); // of the three created in Nov, one won by the as-of date
    expect(k.excluded.deal_closure_rate).toEqual([ex('kpi.excluded.deals_no_created_date', 3)]);
  });

  it('are left out of the sales cycle (not 0 days), counted per period', () => {
    expect(k.values.sales_cycle_days).toBe(10);
    expect(k.values.sales_cycle_days_median).toBe(10);
    expect(k.excluded.sales_cycle_days).toEqual([ex('kpi.excluded.won_no_created_date', 2)]);
    expect(k.excluded.sales_cycle_days_median).toEqual([ex('kpi.excluded.won_no_created_date', 2)]);
    // December: nothing won, so nothing left out there.
    const dec = kpisOf(b, { start: '2026-12-01', end: '2026-12-31' }, { asOf: '2026-12-31' });
    expect(dec.excluded.sales_cycle_days).toEqual([]);
  });

  it('still count everywhere the created date is not needed', () => {
    expect(k.values.won_deals).toBe(3);
    expect(k.values.total_revenue).toBe(600);
    expect(k.values.win_rate).toBe(1);
    for (const id of ['won_deals', 'total_revenue', 'win_rate', 'open_pipeline', 'average_deal_size'] as const) {
      expect(k.excluded[id]).toEqual([]);
    }
  });

  it('the index keeps them out of the created-day series', () => {
    const ix = buildKpiIndex(b, { reportingCurrency: 'THB', fxRates: {}, tzOffsetMinutes: 420 });
    expect(ix.dealsNoCreated).toBe(3);
    expect(ix.created.n).toBe(4);
  });

  it('the note reads in English and Thai, plural-aware', () => {
    expect(translate('en', 'kpi.excluded.won_no_created_date', { count: 12 })).toBe(
      '12 won deals have no created date and are left out',
    );
    expect(translate('en', 'kpi.excluded.won_no_created_date', { count: 1 })).toBe(
      '1 won deal has no created date and is left out',
    );
    expect(translate('en', 'kpi.excluded.deals_no_created_date', { count: 3 })).toBe(
      '3 deals have no created date and are left out',
    );
    expect(translate('th', 'kpi.excluded.won_no_created_date', { count: 12 })).toBe(
      'ดีลที่ชนะ 12 รายการไม่มีวันที่สร้าง จึงไม่ถูกนับรวม',
    );
  });
});

describe('when every deal a KPI needs lacks the created date', () => {
  it('the KPI is null with that reason, not 0, and the note still says how many', () => {
    const b = book({
      deals: [
        won(100, '2026-11-20', { createdOn: null }),
        open(50, '2026-12-10', { createdOn: null }),
        deal({ status: 'lost', createdOn: null, closeOn: '2026-11-02', amountMinor: 1 }),
      ],
    });
    const k = kpisOf(b);
    for (const id of ['new_opportunities', 'opportunity_growth_rate', 'deal_closure_rate'] as const) {
      expect(k.values[id]).toBeNull();
      expect(k.reasons[id]).toEqual({ key: 'kpi.reason.no_created_dates' });
      expect(k.excluded[id]).toEqual([ex('kpi.excluded.deals_no_created_date', 3)]);
    }
    for (const id of ['sales_cycle_days', 'sales_cycle_days_median'] as const) {
      expect(k.values[id]).toBeNull();
      expect(k.reasons[id]).toEqual({ key: 'kpi.reason.no_created_dates' });
      expect(k.excluded[id]).toEqual([ex('kpi.excluded.won_no_created_date', 1)]);
    }
    expect(k.values.won_deals).toBe(1);
    expect(k.values.win_rate).toBe(1 / 2);
  });

  it('the cycle is null for a period whose won deals all lack it, while other periods keep theirs', () => {
    const b = book({
      deals: [won(100, '2026-11-20', { createdOn: null }), won(100, '2026-10-20', { createdOn: '2026-10-01' })],
    });
    const nov = kpisOf(b);
    expect(nov.values.sales_cycle_days).toBeNull();
    expect(nov.reasons.sales_cycle_days?.key).toBe('kpi.reason.no_created_dates');
    // The book has a dated deal: a count of new opportunities is a real 0 here, with the note.
    expect(nov.values.new_opportunities).toBe(0);
    expect(nov.excluded.new_opportunities).toEqual([ex('kpi.excluded.deals_no_created_date', 1)]);
    const oct = kpisOf(b, { start: '2026-10-01', end: '2026-10-31' });
    expect(oct.values.sales_cycle_days).toBe(19);
    expect(oct.excluded.sales_cycle_days).toEqual([]);
  });

  it('an empty book is still a real 0 new opportunities (no deal to lack a date)', () => {
    const k = kpisOf(book({}));
    expect(k.values.new_opportunities).toBe(0);
    expect(k.excluded.new_opportunities).toEqual([]);
  });
});

describe('won deals that close before they were created', () => {
  const b = book({
    deals: [
      won(1, '2026-11-12', { createdOn: '2026-11-10' }), // 2
      won(1, '2026-11-20', { createdOn: '2026-11-10' }), // 10
      won(1, '2026-11-02', { createdOn: '2026-11-05' }), // impossible
      won(1, '2026-11-03', { createdOn: '2026-11-30' }), // impossible
      won(1, '2026-11-04', { createdOn: '2027-01-01' }), // impossible
      won(1, '2026-11-05', { createdOn: '2026-11-05' }), // 0: created on its close day is a real 0
    ],
  });
  const k = kpisOf(b);

  it('are kept out of the mean and the median with a note, not counted as 0 days', () => {
    expect(k.values.sales_cycle_days).toBe(12 / 3);
    expect(k.values.sales_cycle_days_median).toBe(2);
    expect(k.excluded.sales_cycle_days).toEqual([ex('kpi.excluded.won_closed_before_created', 3)]);
    expect(k.excluded.sales_cycle_days_median).toEqual([ex('kpi.excluded.won_closed_before_created', 3)]);
    expect(k.values.won_deals).toBe(6);
    expect(translate('en', 'kpi.excluded.won_closed_before_created', { count: 3 })).toBe(
      '3 won deals close before they were created and are left out',
    );
    expect(translate('en', 'kpi.excluded.won_closed_before_created', { count: 1 })).toBe(
      '1 won deal closes before it was created and is left out',
    );
  });

  it('with no created date too, both are listed (no date first)', () => {
    const k2 = kpisOf(book({ deals: [...b.deals, won(1, '2026-11-06', { createdOn: null })] }));
    expect(k2.values.sales_cycle_days).toBe(4);
    expect(k2.excluded.sales_cycle_days).toEqual([
      ex('kpi.excluded.won_no_created_date', 1),
      ex('kpi.excluded.won_closed_before_created', 3),
    ]);
  });

  it('when none is left the cycle is null with its own reason', () => {
    const only = kpisOf(
      book({ deals: [won(1, '2026-11-02', { createdOn: '2026-11-05' }), won(1, '2026-11-06', { createdOn: null })] }),
    );
    expect(only.values.sales_cycle_days).toBeNull();
    expect(only.reasons.sales_cycle_days).toEqual({ key: 'kpi.reason.no_valid_cycles' });
    expect(only.values.sales_cycle_days_median).toBeNull();
    expect(only.excluded.sales_cycle_days_median).toEqual([
      ex('kpi.excluded.won_no_created_date', 1),
      ex('kpi.excluded.won_closed_before_created', 1),
    ]);
  });
});

describe('lead conversion falling back to the deal created date', () => {
  const deals = [
    deal({ id: 'D-dated', status: 'open', createdOn: '2026-11-15', closeOn: '2026-12-31' }),
    deal({ id: 'D-undated', status: 'open', createdOn: null, closeOn: '2026-12-31' }),
  ];

  it('leaves out a lead whose deal has no created date (when it converted is unknown)', () => {
    const b = book({
      deals,
      leads: [
        lead({ qualifiedOn: '2026-11-02', convertedDealId: 'D-dated' }), // converted 11-15
        lead({ qualifiedOn: '2026-11-03', convertedDealId: 'D-undated' }), // unknown: left out
        lead({ qualifiedOn: '2026-11-04' }), // not converted
        lead({ qualifiedOn: '2026-11-05', convertedDealId: 'D-undated', convertedOn: '2026-11-06' }), // its own date: kept
        lead({ qualifiedOn: '2026-11-06', convertedDealId: 'D-gone' }), // deal not in the book: the qualified day, as before
      ],
    });
    const k = kpisOf(b);
    expect(k.values.qualified_leads).toBe(5);
    expect(k.values.ql_to_opportunity_rate).toBe(3 / 4);
    expect(k.excluded.ql_to_opportunity_rate).toEqual([ex('kpi.excluded.leads_deal_no_created_date', 1)]);
    expect(k.excluded.qualified_leads).toEqual([]);
  });

  it('is null with a reason when every qualified lead is left out', () => {
    const k = kpisOf(book({ deals, leads: [lead({ qualifiedOn: '2026-11-03', convertedDealId: 'D-undated' })] }));
    expect(k.values.ql_to_opportunity_rate).toBeNull();
    expect(k.reasons.ql_to_opportunity_rate).toEqual({ key: 'kpi.reason.no_conversion_dates' });
    expect(k.excluded.ql_to_opportunity_rate).toEqual([ex('kpi.excluded.leads_deal_no_created_date', 1)]);
  });
});

describe('the report carries the notes', () => {
  const b = book({
    deals: [
      won(100, '2026-11-20', { id: 'W-ok', createdOn: '2026-11-10' }),
      won(200, '2026-11-25', { id: 'W-undated', createdOn: null }),
      won(300, '2026-11-26', { id: 'W-bad', createdOn: '2026-11-27' }),
      won(400, '2026-10-26', { id: 'W-oct', createdOn: null }),
    ],
    leads: [lead({ qualifiedOn: '2026-11-03', convertedDealId: 'W-undated' }), lead({ id: 'L-ok', qualifiedOn: '2026-11-04' })],
  });
  const r: KpiReport = computeReport(b, { ...ENGINE, period: NOV });

  it('on the value, the previous value and each trend point', () => {
    const cycle = r.kpis.sales_cycle_days;
    expect(cycle.value).toBe(10);
    expect(cycle.excluded).toEqual([
      ex('kpi.excluded.won_no_created_date', 1),
      ex('kpi.excluded.won_closed_before_created', 1),
    ]);
    expect(cycle.previous).toBeNull();
    expect(cycle.previousReason?.key).toBe('kpi.reason.no_created_dates');
    expect(cycle.previousExcluded).toEqual([ex('kpi.excluded.won_no_created_date', 1)]);
    const oct = cycle.trend.find((p) => p.period.start === '2026-10-01')!;
    expect(oct.excluded).toEqual([ex('kpi.excluded.won_no_created_date', 1)]);
    expect(r.kpis.total_revenue.excluded).toEqual([]);
    // JSON (the report crosses extension messaging) keeps them.
    expect((JSON.parse(JSON.stringify(r)) as KpiReport).kpis.sales_cycle_days.excluded).toEqual(cycle.excluded);
  });

  it('the records behind the cycle are the deals it stands on; won deals still list them all', () => {
    expect(r.kpis.sales_cycle_days.recordIds).toEqual(['W-ok']);
    expect(r.kpis.sales_cycle_days_median.recordIds).toEqual(['W-ok']);
    expect([...r.kpis.won_deals.recordIds].sort()).toEqual(['W-bad', 'W-ok', 'W-undated']);
    expect(r.kpis.ql_to_opportunity_rate.recordIds).toEqual(['L-ok']);
    expect(r.kpis.qualified_leads.recordIds).toHaveLength(2);
  });
});
