import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { statsCsv, type KpiUnit } from '../../../../lib/io/export/stats';

const units: Record<string, KpiUnit> = {
  total_revenue: 'money',
  win_rate: 'rate',
  won_deals: 'count',
  sales_cycle_days: 'days',
  revenue_growth_rate: 'ratio',
};
const ids = ['total_revenue', 'win_rate', 'won_deals', 'sales_cycle_days', 'revenue_growth_rate'];

describe('statsCsv', () => {
  const csv = statsCsv(
    [
      {
        period: { start: '2026-01-01', end: '2026-01-31' },
        values: { total_revenue: 123456789, win_rate: 0.25, won_deals: 3, sales_cycle_days: 42.5, revenue_growth_rate: -0.125 },
      },
      {
        period: { start: '2026-02-01', end: '2026-02-28' },
        values: { total_revenue: 0, win_rate: null, won_deals: 0, sales_cycle_days: null, revenue_growth_rate: 1.5 },
      },
      {
        period: { start: '2026-03-01', end: '2026-03-31' },
        // Fractional minor units (an average) round to whole satang; a missing KPI is an empty cell.
        values: { total_revenue: 1000.5, win_rate: 1, won_deals: 1, revenue_growth_rate: Number.NaN },
      },
    ],
    ids,
    units,
    'THB',
  );

  it('starts with a BOM and the header, CRLF between lines, empty cells for null', () => {
    expect(csv).toBe(
      '\uFEFFperiod_start,period_end,total_revenue,win_rate,won_deals,sales_cycle_days,revenue_growth_rate\r\n' +
        '2026-01-01,2026-01-31,1234567.89,0.25,3,42.5,-0.125\r\n' +
        '2026-02-01,2026-02-28,0.00,,0,,1.5\r\n' +
        '2026-03-01,2026-03-31,10.01,1,1,,',
    );
  });

  it('negative numbers are not neutralised (they stay numbers)', () => {
    expect(csv).not.toContain("'-");
  });

  it('parses back into numbers', () => {
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(4);
    expect(Number(rows[1]![2])).toBe(1234567.89);
  });

  it('writes money with the reporting currency exponent (JPY 0, BHD 3)', () => {
    const row = [{ period: { start: '2026-01-01', end: '2026-12-31' }, values: { total_revenue: 1234567 } }];
    expect(statsCsv(row, ['total_revenue'], units, 'JPY').split('\r\n')[1]).toBe('2026-01-01,2026-12-31,1234567');
    expect(statsCsv(row, ['total_revenue'], units, 'BHD').split('\r\n')[1]).toBe('2026-01-01,2026-12-31,1234.567');
  });

  it('never writes exponent notation', () => {
    const row = [
      { period: { start: '2026-01-01', end: '2026-12-31' }, values: { total_revenue: 1e23, win_rate: 1e-7 } },
    ];
    const line = statsCsv(row, ['total_revenue', 'win_rate'], units, 'THB').split('\r\n')[1]!;
    expect(line).not.toMatch(/e/);
    expect(line).toBe('2026-01-01,2026-12-31,999999999999999916113.92,0.0000001');
  });
});
