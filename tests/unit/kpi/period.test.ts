import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../lib/domain/dates';
import { dayOf, orderByDay } from '../../../lib/kpi/days';
import {
  periodDays,
  presetPeriod,
  previousPeriod,
  trendAnchor,
  trendPeriods,
  wholeMonths,
  type PeriodPreset,
} from '../../../lib/kpi';

describe('presetPeriod', () => {
  // [preset, today, fiscal year start month, start, end]
  const cases: [PeriodPreset, string, number, string, string][] = [
    ['this_month', '2026-11-28', 1, '2026-11-01', '2026-11-30'],
    ['this_month', '2028-02-10', 1, '2028-02-01', '2028-02-29'], // leap year
    ['last_month', '2026-01-15', 1, '2025-12-01', '2025-12-31'], // across a year end
    ['last_month', '2026-03-31', 1, '2026-02-01', '2026-02-28'],
    ['this_quarter', '2026-11-28', 1, '2026-10-01', '2026-12-31'],
    ['last_quarter', '2026-02-01', 1, '2025-10-01', '2025-12-31'],
    ['this_quarter', '2026-04-01', 4, '2026-04-01', '2026-06-30'], // first day of a fiscal year
    ['this_quarter', '2026-03-31', 4, '2026-01-01', '2026-03-31'], // last day of a fiscal year
    ['last_quarter', '2026-04-01', 4, '2026-01-01', '2026-03-31'], // across a fiscal-year start
    ['this_quarter', '2026-12-10', 11, '2026-11-01', '2027-01-31'], // a quarter across a year end
    ['this_quarter', '2027-01-31', 11, '2026-11-01', '2027-01-31'],
    ['this_year', '2026-11-28', 1, '2026-01-01', '2026-12-31'],
    ['this_year', '2026-03-31', 4, '2025-04-01', '2026-03-31'],
    ['this_year', '2026-04-01', 4, '2026-04-01', '2027-03-31'],
    ['last_year', '2026-11-28', 4, '2025-04-01', '2026-03-31'],
    ['last_year', '2026-11-28', 1, '2025-01-01', '2025-12-31'],
    ['trailing_30', '2026-11-28', 1, '2026-10-30', '2026-11-28'],
    ['trailing_30', '2028-03-01', 1, '2028-02-01', '2028-03-01'], // Feb 1..29 + Mar 1: the leap day counts
    ['trailing_90', '2026-01-15', 1, '2025-10-18', '2026-01-15'],
  ];
  it.each(cases)('%s on %s (fiscal year from month %i) is %s..%s', (preset, today, fy, start, end) => {
    expect(presetPeriod(preset, today, fy)).toEqual({ start, end });
  });

  it('trailing periods are 30 and 90 days long, today included', () => {
    expect(periodDays(presetPeriod('trailing_30', '2026-11-28', 1))).toBe(30);
    expect(periodDays(presetPeriod('trailing_90', '2026-11-28', 1))).toBe(90);
  });

  it('custom returns the given range and refuses a missing or reversed one', () => {
    expect(presetPeriod('custom', '2026-11-28', 1, { start: '2026-12-15', end: '2027-01-14' })).toEqual({
      start: '2026-12-15',
      end: '2027-01-14',
    });
    expect(() => presetPeriod('custom', '2026-11-28', 1)).toThrow();
    expect(() => presetPeriod('custom', '2026-11-28', 1, { start: '2026-02-02', end: '2026-02-01' })).toThrow();
  });
});

describe('previousPeriod', () => {
  const cases: [string, string, string, string][] = [
    ['2026-11-01', '2026-11-30', '2026-10-01', '2026-10-31'],
    ['2026-03-01', '2026-03-31', '2026-02-01', '2026-02-28'], // whole months, whatever their length
    ['2028-03-01', '2028-03-31', '2028-02-01', '2028-02-29'], // leap February
    ['2026-01-01', '2026-03-31', '2025-10-01', '2025-12-31'], // quarter across a year end
    ['2026-11-01', '2027-01-31', '2026-08-01', '2026-10-31'], // fiscal quarter Nov–Jan
    ['2025-04-01', '2026-03-31', '2024-04-01', '2025-03-31'], // fiscal year
    ['2026-10-30', '2026-11-28', '2026-09-30', '2026-10-29'], // 30 days → the 30 days before
    ['2026-12-15', '2027-01-14', '2026-11-14', '2026-12-14'], // custom across a year end
    ['2028-03-01', '2028-03-01', '2028-02-29', '2028-02-29'], // one day → the day before (leap day)
  ];
  it.each(cases)('%s..%s → %s..%s', (start, end, ps, pe) => {
    expect(previousPeriod({ start, end })).toEqual({ start: ps, end: pe });
  });

  it('wholeMonths counts only ranges from a 1st to a month end', () => {
    expect(wholeMonths({ start: '2026-01-01', end: '2026-12-31' })).toBe(12);
    expect(wholeMonths({ start: '2026-01-02', end: '2026-01-31' })).toBe(0);
    expect(wholeMonths({ start: '2026-01-01', end: '2026-01-30' })).toBe(0);
  });
});

describe('trendPeriods', () => {
  it('12 months, oldest first, ending with the month of the anchor', () => {
    const t = trendPeriods('month', '2026-11-28', 1);
    expect(t).toHaveLength(12);
    expect(t[0]).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(t[3]).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(t[11]).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });
  it('8 fiscal quarters ending with the quarter of the anchor', () => {
    const t = trendPeriods('quarter', '2026-12-10', 11);
    expect(t).toHaveLength(8);
    expect(t[7]).toEqual({ start: '2026-11-01', end: '2027-01-31' });
    expect(t[6]).toEqual({ start: '2026-08-01', end: '2026-10-31' });
    expect(t[0]).toEqual({ start: '2025-02-01', end: '2025-04-30' });
  });
  it('periods are contiguous', () => {
    const t = trendPeriods('month', '2028-02-29', 1);
    for (let i = 1; i < t.length; i++) expect(dayOf(t[i]!.start)).toBe(dayOf(t[i - 1]!.end) + 1);
  });
  it('the anchor is today clamped into the period', () => {
    const p = { start: '2026-01-01', end: '2026-12-31' };
    expect(trendAnchor(p, '2026-11-28')).toBe('2026-11-28');
    expect(trendAnchor(p, '2027-03-01')).toBe('2026-12-31');
    expect(trendAnchor(p, '2025-03-01')).toBe('2026-01-01');
  });
});

describe('day numbers', () => {
  it('dayOf agrees with lib/domain toDayNumber', () => {
    const days = ['1970-01-01', '1969-12-31', '2000-02-29', '2024-02-29', '2026-11-28', '2100-03-01', '2399-12-31', '1600-03-01'];
    for (const d of days) expect(dayOf(d)).toBe(toDayNumber(d));
    for (let n = -1000; n < 200_000; n += 37) {
      const d = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(dayOf(d)).toBe(n);
    }
  });
  it('orderByDay is a stable sort, dense or sparse', () => {
    const dense = Int32Array.from([5, 3, 5, 1, 3]);
    expect([...orderByDay(dense, 5)]).toEqual([3, 1, 4, 0, 2]);
    const sparse = Int32Array.from([9_000_000, -5, 9_000_000, 0]);
    expect([...orderByDay(sparse, 4)]).toEqual([1, 3, 0, 2]);
  });
});
