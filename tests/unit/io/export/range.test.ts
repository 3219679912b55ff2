import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsInRange } from '../../../../lib/io/export/periods';
import { checkExportRange, checkRangeDay, ExportRangeError, MAX_PERIOD_ROWS, periodCount } from '../../../../lib/io/export/range';

describe('checkExportRange', () => {
  it('a range far in the future is refused at once, not looped over', () => {
    expect(checkExportRange('9999-12-01', '9999-12-31', 'month')).toMatchObject({ ok: false, key: 'io.out.range.years', params: { which: 'from', value: '9999-12-01', first: '1900-01-01', last: '2200-12-31' } });
    expect(checkExportRange('0001-01-01', '9999-12-31', 'month')).toMatchObject({ ok: false, key: 'io.out.range.years' });
    expect(checkExportRange('2026-01-01', '9999-01-01', 'year')).toMatchObject({ ok: false, key: 'io.out.range.years', params: { which: 'to' } });
  });

  it('not a day, or not a real one', () => {
    expect(checkExportRange('2026-02-30', '2026-03-01', 'month')).toMatchObject({ ok: false, key: 'io.out.range.notDate', params: { which: 'from' } });
    expect(checkExportRange('2026-01-01', '', 'month')).toMatchObject({ ok: false, key: 'io.out.range.notDate', params: { which: 'to' } });
    expect(checkExportRange('+275760-09-13', '2026-01-01', 'all')).toMatchObject({ ok: false, key: 'io.out.range.notDate' });
    expect(checkRangeDay('2028-02-29')).toBeNull();
    expect(checkRangeDay('2100-02-29')).toMatchObject({ key: 'io.out.range.notDate' });
  });

  it('reversed ranges say so', () => {
    expect(checkExportRange('2026-03-01', '2026-01-01', 'month')).toMatchObject({ ok: false, key: 'io.out.range.reversed', params: { from: '2026-03-01', to: '2026-01-01' } });
  });

  it('at most 600 months, 200 quarters, 50 years of rows', () => {
    expect(checkExportRange('1980-01-01', '2029-12-31', 'month')).toEqual({ ok: true, rows: 600 });
    expect(checkExportRange('1980-01-01', '2030-01-01', 'month')).toMatchObject({ ok: false, key: 'io.out.range.tooManyMonths', params: { count: 601, max: 600, years: 50 } });
    expect(checkExportRange('1980-01-01', '2029-12-31', 'quarter')).toEqual({ ok: true, rows: 200 });
    expect(checkExportRange('1980-01-01', '2030-01-01', 'quarter')).toMatchObject({ ok: false, key: 'io.out.range.tooManyQuarters', params: { count: 201, max: 200 } });
    expect(checkExportRange('1980-01-01', '2030-01-01', 'year')).toMatchObject({ ok: false, key: 'io.out.range.tooManyYears', params: { count: 51, max: 50 } });
    expect(checkExportRange('1900-01-01', '2200-12-31', 'all')).toEqual({ ok: true, rows: 1 });
    expect(MAX_PERIOD_ROWS).toEqual({ month: 600, quarter: 200, year: 50 });
  });

  it('periodsInRange refuses what the check refuses, with the same reason', () => {
    const t0 = Date.now();
    expect(() => periodsInRange('9999-12-01', '9999-12-31', 'month')).toThrow(ExportRangeError);
    try {
      periodsInRange('1900-01-01', '2200-12-31', 'month');
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect((e as ExportRangeError).key).toBe('io.out.range.tooManyMonths');
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('property: periodCount is the length of periodsInRange, and the periods tile the range', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1500 }), fc.constantFrom('month', 'quarter', 'year', 'all' as const), fc.integer({ min: 1, max: 12 }), (from, span, g, fy) => {
        const to = new Date(Date.parse(from) + span * 86_400_000).toISOString().slice(0, 10);
        if (to > '2200-12-31') return;
        const ps = periodsInRange(from, to, g, fy);
        expect(ps.length).toBe(periodCount(from, to, g, fy));
        expect(ps[0]!.start).toBe(from);
        expect(ps.at(-1)!.end).toBe(to);
        for (let i = 1; i < ps.length; i++) {
          expect(Date.parse(ps[i]!.start) - Date.parse(ps[i - 1]!.end)).toBe(86_400_000);
        }
      }),
    );
  });
});
