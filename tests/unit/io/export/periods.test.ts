import { describe, expect, it } from 'vitest';
import { periodStartOf, periodsInRange } from '../../../../lib/io/export/periods';

describe('periodsInRange', () => {
  it('splits into calendar months, clipping the first and last to the range', () => {
    expect(periodsInRange('2026-01-15', '2026-03-10', 'month')).toEqual([
      { start: '2026-01-15', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-10' },
    ]);
  });

  it('handles leap February and a single-day range', () => {
    expect(periodsInRange('2028-02-01', '2028-02-29', 'month')).toEqual([{ start: '2028-02-01', end: '2028-02-29' }]);
    expect(periodsInRange('2026-05-05', '2026-05-05', 'month')).toEqual([{ start: '2026-05-05', end: '2026-05-05' }]);
  });

  it('uses fiscal quarters (fiscal year starting in April)', () => {
    expect(periodsInRange('2026-01-01', '2026-12-31', 'quarter', 4)).toEqual([
      { start: '2026-01-01', end: '2026-03-31' },
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-12-31' },
    ]);
    // Fiscal year starting in November: quarters Nov–Jan, Feb–Apr, ...
    expect(periodsInRange('2026-01-10', '2026-05-31', 'quarter', 11)).toEqual([
      { start: '2026-01-10', end: '2026-01-31' },
      { start: '2026-02-01', end: '2026-04-30' },
      { start: '2026-05-01', end: '2026-05-31' },
    ]);
  });

  it('uses fiscal years crossing calendar years', () => {
    expect(periodsInRange('2025-01-01', '2026-11-28', 'year', 10)).toEqual([
      { start: '2025-01-01', end: '2025-09-30' },
      { start: '2025-10-01', end: '2026-09-30' },
      { start: '2026-10-01', end: '2026-11-28' },
    ]);
    expect(periodsInRange('2024-01-01', '2025-12-31', 'year', 1)).toEqual([
      { start: '2024-01-01', end: '2024-12-31' },
      { start: '2025-01-01', end: '2025-12-31' },
    ]);
  });

  it("'all' is the range as one period; an inverted range gives no periods", () => {
    expect(periodsInRange('2026-01-15', '2026-03-10', 'all')).toEqual([{ start: '2026-01-15', end: '2026-03-10' }]);
    expect(periodsInRange('2026-03-10', '2026-01-15', 'month')).toEqual([]);
  });

  it('rejects a fiscal start month outside 1..12', () => {
    expect(() => periodsInRange('2026-01-01', '2026-02-01', 'quarter', 13)).toThrow(RangeError);
  });

  it('periodStartOf finds the first day of the containing period', () => {
    expect(periodStartOf('2026-11-28', 'month', 1)).toBe('2026-11-01');
    expect(periodStartOf('2026-11-28', 'quarter', 1)).toBe('2026-10-01');
    expect(periodStartOf('2026-11-28', 'quarter', 2)).toBe('2026-11-01');
    expect(periodStartOf('2026-01-28', 'year', 7)).toBe('2025-07-01');
  });
});
