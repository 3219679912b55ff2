import { describe, expect, it } from 'vitest';
import { KPI_IDS } from '../../../lib/kpi';
import { runReport } from '../../../lib/report/run';
import { argsOf, errorOf, fixtureBytes, okCsv, report, statsRows } from './helpers';

/**
 * Hand-computed stats of small CRM exports. Each fixture's deals are listed in the
 * comments with the arithmetic; a deals-only file has no leads, spend, CSAT, quotas,
 * target accounts or activities, so those KPIs are 0 (counts) or empty (null).
 */

const SF = 'salesforce-two-months.csv';
// salesforce-two-months.csv (dates M/D/YYYY, amounts "THB 1,234.50"):
//   Acme - Platform     Ann  won   100,000.00  created 01-05 closed 01-20  (15 days)
//   Beta - Analytics    Ann  won    50,000.50  created 01-10 closed 01-28  (18 days)
//   Gamma - POS         Ann  lost   30,000.00  created 01-12 closed 01-25
//   Acme - Expansion    Ann  won   200,000.00  created 01-15 closed 02-14  (30 days)
//   Delta - Fleet       Bob  won    80,000.00  created 02-02 closed 02-20  (18 days)
//   Delta - Warehouse   Ann  open   40,000.00  created 02-03 close  02-27  Negotiation: 0.8, commit
const SF_FLAGS = ['--from', '2026-01-01', '--to', '2026-02-28', '--as-of', '2026-03-15'];

/** KPIs a deals-only book cannot have: nothing to count, or no denominator. */
const DEALS_ONLY = {
  qualified_leads: '0',
  ql_to_opportunity_rate: '',
  customer_acquisition_cost: '',
  csat: '',
  account_penetration_rate: '',
  quota_attainment: '',
  calls_logged: '0',
  meetings_logged: '0',
  emails_logged: '0',
};

describe('runReport: Salesforce report export, two months', () => {
  it('writes the header, a BOM and CRLF lines, one column per KPI id', () => {
    const { csv } = okCsv(report(SF, SF_FLAGS));
    expect(csv.startsWith(`\uFEFFperiod_start,period_end,${KPI_IDS.join(',')}\r\n2026-01-01,2026-01-31,150000.50,,75000.25,`)).toBe(
      true,
    );
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.endsWith('\n')).toBe(false);
  });

  it('monthly rows: every KPI, hand-computed', () => {
    const rows = statsRows(okCsv(report(SF, SF_FLAGS)).csv);
    expect(rows).toEqual([
      {
        ...DEALS_ONLY,
        period_start: '2026-01-01',
        period_end: '2026-01-31',
        total_revenue: '150000.50', // 100,000.00 + 50,000.50
        revenue_growth_rate: '', // nothing won in December
        average_deal_size: '75000.25', // 15,000,050 satang / 2
        new_opportunities: '4', // Acme, Beta, Gamma, Acme Expansion created in January
        opportunity_growth_rate: '', // none created in December
        win_rate: '0.6666666666666666', // 2 won / (2 won + 1 lost)
        deal_closure_rate: '0.75', // of the 4 created, 3 won by the as-of date (Expansion in February)
        customer_retention_rate: '', // no customer on 31 December
        average_order_value: '75000.25', // no line items: one order per deal
        sales_cycle_days: '16.5', // (15 + 18) / 2
        sales_cycle_days_median: '16.5',
        territory_growth_rate: '', // no new business won in December
        pipeline_coverage: '', // the period is over on the as-of date
        weighted_pipeline: '0.00', // no open deal expected in January
        forecast_commit: '150000.50',
        forecast_best_case: '150000.50',
        won_deals: '2',
        lost_deals: '1',
        open_pipeline: '0.00',
      },
      {
        ...DEALS_ONLY,
        period_start: '2026-02-01',
        period_end: '2026-02-28',
        total_revenue: '280000.00', // 200,000 + 80,000
        revenue_growth_rate: '0.8666604444651851', // (28,000,000 − 15,000,050) / 15,000,050
        average_deal_size: '140000.00',
        new_opportunities: '2', // Delta Fleet, Delta Warehouse
        opportunity_growth_rate: '-0.5', // (2 − 4) / 4
        win_rate: '1', // 2 won, none lost
        deal_closure_rate: '0.5', // Fleet won, Warehouse open
        customer_retention_rate: '1', // S = 2 (Acme, Beta), E = 3, N = 1 (Delta): (3 − 1) / 2
        average_order_value: '140000.00',
        sales_cycle_days: '24', // (30 + 18) / 2
        sales_cycle_days_median: '24',
        territory_growth_rate: '0.8666604444651851', // all new business, no territories: as revenue growth
        pipeline_coverage: '',
        weighted_pipeline: '32000.00', // 40,000 × 0.8
        forecast_commit: '320000.00', // 280,000 won + 40,000 commit
        forecast_best_case: '320000.00',
        won_deals: '2',
        lost_deals: '0',
        open_pipeline: '40000.00',
      },
    ]);
  });

  it('--period all: one row over the whole range', () => {
    const rows = statsRows(okCsv(report(SF, [...SF_FLAGS, '--period', 'all'])).csv);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      ...DEALS_ONLY,
      period_start: '2026-01-01',
      period_end: '2026-02-28',
      total_revenue: '430000.50',
      revenue_growth_rate: '', // nothing won in Nov–Dec 2025
      average_deal_size: '107500.13', // 43,000,050 / 4 = 10,750,012.5 satang, rounded half up
      new_opportunities: '6',
      opportunity_growth_rate: '',
      win_rate: '0.8', // 4 / 5
      deal_closure_rate: '0.6666666666666666', // 4 of 6 won
      customer_retention_rate: '',
      average_order_value: '107500.13',
      sales_cycle_days: '20.25', // (15 + 18 + 30 + 18) / 4
      sales_cycle_days_median: '18', // middle of 15, 18, 18, 30
      territory_growth_rate: '',
      pipeline_coverage: '',
      weighted_pipeline: '32000.00',
      forecast_commit: '470000.50',
      forecast_best_case: '470000.50',
      won_deals: '4',
      lost_deals: '1',
      open_pipeline: '40000.00',
    });
  });

  it('without --from/--to the range is the first to the last date in the data, clipped months', () => {
    const rows = statsRows(okCsv(report(SF, ['--as-of', '2026-03-15'])).csv);
    // Earliest: Acme created 2026-01-05; latest: Warehouse expected 2026-02-27.
    expect(rows.map((r) => [r.period_start, r.period_end])).toEqual([
      ['2026-01-05', '2026-01-31'],
      ['2026-02-01', '2026-02-27'],
    ]);
    expect(rows.map((r) => r.total_revenue)).toEqual(['150000.50', '280000.00']);
  });

  it('--period quarter with a fiscal year starting in February splits at 1 February', () => {
    const rows = statsRows(okCsv(report(SF, [...SF_FLAGS, '--period', 'quarter', '--fiscal-year-start', '2'])).csv);
    expect(rows.map((r) => [r.period_start, r.period_end, r.total_revenue])).toEqual([
      ['2026-01-01', '2026-01-31', '150000.50'],
      ['2026-02-01', '2026-02-28', '280000.00'],
    ]);
  });

  it('--owner keeps that owner\'s deals (case-insensitive) and their accounts only', () => {
    const rows = statsRows(okCsv(report(SF, [...SF_FLAGS, '--owner', 'ann  SRIWAN'])).csv);
    expect(rows[0]!.total_revenue).toBe('150000.50'); // January is all Ann's
    expect(rows[1]).toMatchObject({
      total_revenue: '200000.00', // Bob's Delta Fleet is left out
      revenue_growth_rate: '0.33332888890370366', // (20,000,000 − 15,000,050) / 15,000,050
      new_opportunities: '1',
      opportunity_growth_rate: '-0.75',
      deal_closure_rate: '0', // Warehouse still open
      // Delta is no customer without Bob's deal: S = 2, E = 2, N = 0.
      customer_retention_rate: '1',
      sales_cycle_days: '30',
      forecast_commit: '240000.00',
      won_deals: '1',
    });
  });

  it('--owner with no matching deal lists the owners in the file', () => {
    const e = errorOf(report(SF, ['--owner', 'Carol']));
    expect(e.exitCode).toBe(1);
    expect(e.error).toBe(`${SF}: no deal is owned by "Carol". Owners in the file: "Ann Sriwan", "Bob Chaiyo".`);
  });

  it('--currency reads the amounts as written (their THB code wins) and reports in that currency', () => {
    // Reporting in USD with a rate: THB 100,000.00 × 0.03 = USD 3,000.00.
    const rows = statsRows(okCsv(report(SF, [...SF_FLAGS, '--currency', 'USD', '--fx', 'THB=0.03'])).csv);
    expect(rows[0]!.total_revenue).toBe('4500.02'); // 3,000.00 + 1,500.015 → 1,500.02 (each deal converted once, rounded)
  });
});

describe('runReport: rejected rows', () => {
  const BAD = 'salesforce-bad-rows.csv';

  it('any rejected row is an error naming file, row, column and value; nothing is written', () => {
    const e = errorOf(report(BAD));
    expect(e.exitCode).toBe(1);
    expect(e.error.split('\n')).toEqual([
      `${BAD}:3: column "Close Date" value "2/30/2026": Not a real calendar date.`,
      `${BAD}:4: column "Amount" value "lots": Not an amount.`,
      '2 rows could not be imported; nothing was written. Fix them, or pass --skip-invalid to leave them out.',
    ]);
  });

  it('--skip-invalid reports the remaining rows and turns each reject into a warning', () => {
    const r = okCsv(report(BAD, ['--skip-invalid', '--period', 'all', '--as-of', '2026-03-01']));
    expect(r.warnings).toEqual([
      `${BAD}:3: warning: skipped, column "Close Date" value "2/30/2026": Not a real calendar date.`,
      `${BAD}:4: warning: skipped, column "Amount" value "lots": Not an amount.`,
    ]);
    const [row] = statsRows(r.csv);
    // Only Acme - Platform is left: created 01-05, won 01-20.
    expect(row).toMatchObject({ period_start: '2026-01-05', period_end: '2026-01-20', total_revenue: '100000.00', won_deals: '1', lost_deals: '0' });
  });

  it('a row the CSV parser cannot split is named by its row', () => {
    const text = 'Deal,Amount,Stage,Created,Close Date\nA,100,Won,2026-03-02,2026-03-10\nB,200,Won,2026-03-02\n';
    const r = runReport({ bytes: new TextEncoder().encode(text), fileName: 'short.csv', args: argsOf(['short.csv']), today: '2026-11-28' });
    expect(errorOf(r).error.split('\n')[0]).toBe('short.csv:3: only 4 values but the header has 5 columns.');
  });

  it('the same warning on 278 rows is one line with the count and the rows', () => {
    const rows = Array.from({ length: 278 }, (_, i) => `Deal ${i},Acme,Closed Won,100,2026-03-10,Partner Deal`);
    const text = ['Opportunity Name,Account Name,Stage,Amount,Close Date,Type', ...rows].join('\n');
    const r = okCsv(runReport({ bytes: new TextEncoder().encode(text), fileName: 'opps.csv', args: argsOf(['opps.csv', '--period', 'all']), today: '2026-11-28' }));
    const created = r.warnings.filter((w) => /created date/i.test(w));
    expect(created).toEqual([expect.stringMatching(/^opps\.csv:2: warning: 278 rows \(2–279\): No created date/)]);
    expect(r.warnings.filter((w) => /deal type/i.test(w))).toEqual([expect.stringMatching(/^opps\.csv:2: warning: 278 rows \(2–279\): column "Type", first value "Partner Deal": Unknown deal type/)]);
  });

  it('a deal deleted in the CRM is skipped with a warning, not an error', () => {
    const r = okCsv(report('pipedrive-status.csv', ['--as-of', '2026-07-01']));
    expect(r.warnings).toContain('pipedrive-status.csv:5: warning: skipped, column "Deal - Status" value "deleted": The deal is deleted in the CRM.');
  });
});

describe('runReport: Pipedrive export with a status column', () => {
  // 202 won 64,000 (created 05-01, won 06-04: 34 days), 203 lost (lost 06-02),
  // 205 won 36,000 (created 05-20, won 06-10: 21 days), 201 open 185,000 expected 06-30; 204 deleted.
  it('won and lost come from the status, close days from the won/lost times', () => {
    const rows = statsRows(okCsv(report('pipedrive-status.csv', ['--as-of', '2026-07-01', '--period', 'all'])).csv);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      period_start: '2026-05-01', // 202 created
      period_end: '2026-06-30', // 201 expected close
      total_revenue: '100000.00',
      average_deal_size: '50000.00',
      new_opportunities: '4', // the deleted deal is not in the book
      win_rate: '0.6666666666666666',
      deal_closure_rate: '0.5',
      sales_cycle_days: '27.5', // (34 + 21) / 2
      won_deals: '2',
      lost_deals: '1',
      open_pipeline: '185000.00',
    });
  });

  it('monthly: the won deals fall in June, by their won time', () => {
    const rows = statsRows(okCsv(report('pipedrive-status.csv', ['--as-of', '2026-07-01'])).csv);
    expect(rows.map((r) => [r.period_start, r.total_revenue, r.won_deals, r.new_opportunities])).toEqual([
      ['2026-05-01', '0.00', '0', '4'],
      ['2026-06-01', '100000.00', '2', '0'],
    ]);
  });
});

describe('runReport: HubSpot export with two currencies', () => {
  const HS = 'hubspot-fx.csv';
  const FLAGS = ['--from', '2026-03-01', '--to', '2026-04-30', '--as-of', '2026-05-01'];
  // Lanna - Spa Module is USD 1,000 (won 03-20, created 02-25: 23 days); the rest THB.
  // March: Nakhon Loyalty won 100,000 (9 days). April: Eastern ERP won 60,000 (20 days), Isan lost,
  // Nakhon Kiosk open 200,000 expected 04-30 (Contract Sent: 0.9, commit).

  it('--fx converts each foreign amount once: USD 1,000 × 36.5 = THB 36,500', () => {
    const r = okCsv(report(HS, [...FLAGS, '--fx', 'USD=36.5']));
    expect(r.warnings).toEqual([]);
    const rows = statsRows(r.csv);
    expect(rows[0]).toMatchObject({
      total_revenue: '136500.00',
      average_deal_size: '68250.00',
      new_opportunities: '2', // Nakhon Loyalty, Isan (Lanna was created in February)
      opportunity_growth_rate: '1', // (2 − 1) / 1
      win_rate: '1',
      deal_closure_rate: '0.5',
      sales_cycle_days: '16', // (9 + 23) / 2
      forecast_commit: '136500.00',
    });
    expect(rows[1]).toMatchObject({
      total_revenue: '60000.00',
      revenue_growth_rate: '-0.5604395604395604', // (6,000,000 − 13,650,000) / 13,650,000
      win_rate: '0.5',
      opportunity_growth_rate: '0',
      customer_retention_rate: '1', // S = 2 (Nakhon, Lanna), E = 3, N = 1 (Eastern)
      sales_cycle_days: '20',
      weighted_pipeline: '180000.00', // 200,000 × 0.9
      forecast_commit: '260000.00',
      open_pipeline: '200000.00',
      won_deals: '1',
      lost_deals: '1',
    });
  });

  it('without a rate the money KPIs that need USD are empty cells, with a warning', () => {
    const r = okCsv(report(HS, FLAGS));
    expect(r.warnings).toEqual([
      'warning: 1 deal is in USD and there is no rate to THB: money KPIs that include it are empty. Pass --fx USD=RATE (THB per 1 USD).',
    ]);
    const rows = statsRows(r.csv);
    expect(rows[0]).toMatchObject({
      total_revenue: '',
      average_deal_size: '',
      average_order_value: '',
      forecast_commit: '',
      won_deals: '2', // counts need no rate
      sales_cycle_days: '16',
    });
    expect(rows[1]).toMatchObject({ total_revenue: '60000.00', revenue_growth_rate: '' });
  });

  it('--owner reads the "Deal owner" column', () => {
    const rows = statsRows(okCsv(report(HS, [...FLAGS, '--owner', 'krit dee'])).csv);
    expect(rows.map((r) => [r.total_revenue, r.won_deals, r.lost_deals, r.new_opportunities])).toEqual([
      ['0.00', '0', '0', '1'], // Isan created in March
      ['60000.00', '1', '1', '1'],
    ]);
  });
});

describe('runReport: reporting currency', () => {
  it('defaults to the most common deal currency, reading bare amounts in it', () => {
    // Two USD deals by code, one bare amount: read as USD too, the report is in USD.
    const text = 'Deal,Amount,Currency,Stage,Created,Close Date\nA,100,USD,Won,2026-03-02,2026-03-10\nB,200.5,USD,Won,2026-03-02,2026-03-11\nC,50,,Won,2026-03-03,2026-03-12\n';
    const r = okCsv(runReport({ bytes: new TextEncoder().encode(text), fileName: 'usd.csv', args: argsOf(['usd.csv', '--period', 'all']), today: '2026-11-28' }));
    expect(r.warnings).toEqual([]);
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('350.50');
  });

  it('a bare "$" is the file\'s own dollar currency when that is the most common one (SGD)', () => {
    const text = 'Deal,Amount,Currency,Stage,Created,Close Date\nA,100,SGD,Won,2026-03-02,2026-03-10\nB,200,SGD,Won,2026-03-02,2026-03-11\nC,$50.25,,Won,2026-03-03,2026-03-12\n';
    const r = okCsv(runReport({ bytes: new TextEncoder().encode(text), fileName: 'sgd.csv', args: argsOf(['sgd.csv', '--period', 'all']), today: '2026-11-28' }));
    expect(r.warnings).toEqual([]); // no USD deal left without a rate
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('350.25');
  });

  it('an explicit --currency is used for bare amounts and "$" stays USD for THB', () => {
    const text = 'Deal,Amount,Stage,Created,Close Date\nA,100,Won,2026-03-02,2026-03-10\nB,$10,Won,2026-03-02,2026-03-11\n';
    const r = okCsv(runReport({ bytes: new TextEncoder().encode(text), fileName: 'thb.csv', args: argsOf(['thb.csv', '--period', 'all', '--currency', 'THB', '--fx', 'USD=35']), today: '2026-11-28' }));
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('450.00'); // 100 + 10 × 35
  });

  it('JPY has no minor unit: whole yen in the CSV', () => {
    const text = 'Deal,Amount,Stage,Created,Close Date\nA,1000,Won,2026-03-02,2026-03-10\nB,2001,Won,2026-03-02,2026-03-11\n';
    const r = okCsv(runReport({ bytes: new TextEncoder().encode(text), fileName: 'jpy.csv', args: argsOf(['jpy.csv', '--period', 'all', '--currency', 'JPY']), today: '2026-11-28' }));
    expect(statsRows(r.csv)[0]).toMatchObject({ total_revenue: '3001', average_deal_size: '1501' }); // 1500.5 rounded half up
  });
});

describe('runReport: column mapping', () => {
  const CUSTOM = 'generic-custom-columns.csv';
  // Alpha won 1,000 (net 900), Beta lost 500 (450), Gamma won 2,000 (1,500); stage column "Pipeline Step".

  it('a missing required field is an error that lists the columns and suggests --map', () => {
    const e = errorOf(report(CUSTOM));
    expect(e.exitCode).toBe(1);
    expect(e.error).toBe(
      `${CUSTOM}: no column found for the required field stage (deals file). Name it with --map stage=Column. ` +
        'The file\'s columns are: "Deal", "Account", "Amount", "Net Amount", "Pipeline Step", "Created", "Close Date", "Sales Rep".',
    );
  });

  it('--map names the missing column', () => {
    const rows = statsRows(okCsv(report(CUSTOM, ['--map', 'stage=Pipeline Step', '--period', 'all', '--as-of', '2026-04-01'])).csv);
    expect(rows[0]).toMatchObject({ total_revenue: '3000.00', won_deals: '2', lost_deals: '1', average_deal_size: '1500.00' });
  });

  it('--map overrides a recognised column (amount from "Net Amount")', () => {
    const rows = statsRows(
      okCsv(report(CUSTOM, ['--map', 'stage=Pipeline Step,amount=net amount', '--period', 'all', '--as-of', '2026-04-01'])).csv,
    );
    expect(rows[0]).toMatchObject({ total_revenue: '2400.00', average_deal_size: '1200.00' });
  });

  it('a column given to one field is taken from the field it was guessed for', () => {
    // "Deal" is the deal name by its header; mapping it to owner too would leave the deals nameless.
    const e = errorOf(report(CUSTOM, ['--map', 'stage=Pipeline Step,owner=Deal']));
    expect(e.error).toMatch(/required field name .*--map name=Column/);
  });

  it('--owner reads a mapped owner column ("Sales Rep" is recognised)', () => {
    const rows = statsRows(okCsv(report(CUSTOM, ['--map', 'stage=Pipeline Step', '--owner', 'Bob Chaiyo', '--period', 'all'])).csv);
    expect(rows[0]).toMatchObject({ period_start: '2026-03-06', period_end: '2026-03-20', total_revenue: '2000.00', won_deals: '1' });
  });

  it('--map with an unknown field or column is a usage error naming it', () => {
    const field = errorOf(report(CUSTOM, ['--map', 'stag=Pipeline Step']));
    expect(field.exitCode).toBe(2);
    expect(field.error).toMatch(/^--map: Unknown import field "stag"\. The deals fields are: external_id, name, account, /);
    const column = errorOf(report(CUSTOM, ['--map', 'stage=Phase']));
    expect(column.exitCode).toBe(2);
    expect(column.error).toMatch(/^--map: There is no column "Phase" in the file\. The file's columns are: "Deal", /);
  });

  it('--owner on a file without an owner column asks for --map owner=Column', () => {
    const e = errorOf(report('generic-ambiguous-dates.csv', ['--owner', 'Ann', '--date-format', 'dmy']));
    expect(e.exitCode).toBe(1);
    expect(e.error).toMatch(/--owner needs an owner column.*--map owner=Column/);
  });
});

describe('runReport: ambiguous dates', () => {
  const AMB = 'generic-ambiguous-dates.csv';
  // Alpha won 1,000: created 02/03/2026, closed 10/03/2026; Beta lost: 05/03/2026, 12/03/2026.

  it('without --date-format: an error naming each column and the candidate formats', () => {
    const e = errorOf(report(AMB));
    expect(e.exitCode).toBe(1);
    expect(e.error.split('\n')).toEqual([
      `${AMB}: column "Created" (created): day and month cannot be told apart (e.g. "02/03/2026"); pass --date-format mdy or --date-format dmy.`,
      `${AMB}: column "Close Date" (close): day and month cannot be told apart (e.g. "10/03/2026"); pass --date-format mdy or --date-format dmy.`,
    ]);
  });

  it('--date-format dmy: March dates, an 8-day cycle', () => {
    const [row] = statsRows(okCsv(report(AMB, ['--date-format', 'dmy', '--period', 'all', '--as-of', '2026-12-31'])).csv);
    expect(row).toMatchObject({ period_start: '2026-03-02', period_end: '2026-03-12', total_revenue: '1000.00', win_rate: '0.5', sales_cycle_days: '8' });
  });

  it('--date-format mdy: the same cells read month first (3 Feb → 3 Oct: 242 days)', () => {
    const [row] = statsRows(okCsv(report(AMB, ['--date-format', 'mdy', '--period', 'all', '--as-of', '2026-12-31'])).csv);
    expect(row).toMatchObject({ period_start: '2026-02-03', period_end: '2026-12-03', sales_cycle_days: '242' });
  });
});

describe('runReport: files that cannot be reported on', () => {
  const run = (bytes: Uint8Array, flags: string[] = []) =>
    runReport({ bytes, fileName: 'f.csv', args: argsOf(['f.csv', ...flags]), today: '2026-11-28' });

  it('binary data', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(run(zip)).toEqual({ error: 'f.csv: This does not look like a CSV file (it contains binary data). Export it from your CRM as CSV and try again.', exitCode: 1 });
  });

  it('an empty file, and a header with no rows', () => {
    expect(run(new Uint8Array())).toEqual({ error: 'f.csv: The file is empty.', exitCode: 1 });
    expect(run(new TextEncoder().encode('Deal,Amount,Stage\n'))).toEqual({ error: 'f.csv: The file has a header row but no data rows.', exitCode: 1 });
  });

  it('a file of contacts has no deals to report on unless its records are dated', () => {
    const text = 'First Name,Last Name,Email\nAnong,C,anong@example.com\n';
    const r = run(new TextEncoder().encode(text));
    expect(errorOf(r)).toEqual({ error: 'f.csv: the records have no dates; give the range with --from and --to.', exitCode: 2 });
  });

  it('--from after every date in the data is a usage error', () => {
    const e = errorOf(report(SF, ['--from', '2027-01-01']));
    expect(e).toEqual({
      error: '--from 2027-01-01 is after the data, which spans 2026-01-05 to 2026-02-27; give a range that overlaps it, or leave out --from and --to for the whole span.',
      exitCode: 2,
    });
  });

  it('--owner on a file that is not about deals', () => {
    const text = 'Lead Name,Company,Created Date\nNok,Samui Villas,2026-03-01\n';
    const e = errorOf(run(new TextEncoder().encode(text), ['--entity', 'leads', '--owner', 'Ann']));
    expect(e).toEqual({ error: '--owner applies to deal files; this file holds leads.', exitCode: 2 });
  });

  it('a leads file reports qualified leads (same engine, other tables)', () => {
    const text = 'Lead Name,Company,Created Date,Qualified Date,Converted Date\nNok,Samui,2026-03-01,2026-03-05,2026-03-09\nTon,Krabi,2026-03-02,2026-03-06,\nPim,Trang,2026-03-03,,\n';
    const [row] = statsRows(okCsv(run(new TextEncoder().encode(text), ['--entity', 'leads', '--period', 'all', '--as-of', '2026-04-01'])).csv);
    expect(row).toMatchObject({ period_start: '2026-03-01', period_end: '2026-03-09', qualified_leads: '2', ql_to_opportunity_rate: '0.5', new_opportunities: '0' });
  });

  it('UTF-16 with a BOM (Excel "Unicode text") reads like UTF-8', () => {
    const text = 'Deal\tAmount\tStage\tCreated\tClose Date\r\nA\t100\tWon\t2026-03-02\t2026-03-10\r\n';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(statsRows(okCsv(run(le, ['--period', 'all'])).csv)[0]!.total_revenue).toBe('100.00');
  });

  it('reading the fixture through runReport twice gives the same bytes (pure)', () => {
    const a = okCsv(report(SF, SF_FLAGS)).csv;
    const b = okCsv(runReport({ bytes: fixtureBytes(SF), fileName: SF, args: argsOf([SF, ...SF_FLAGS]), today: '2030-01-01' })).csv;
    expect(b).toBe(a); // with --as-of given, "today" changes nothing
  });
});
