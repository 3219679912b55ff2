import { describe, expect, it } from 'vitest';
import { generateBook } from '../../../../lib/demo/generate';
import { ExportRangeError } from '../../../../lib/io/export/range';
import { statsCsvForBookAsync, type StatsProgress } from '../../../../lib/io/export/stats';
import { statsCsvForBook, type StatsExportOptions } from '../../../../lib/io/export/stats-book';

const NOW = Date.UTC(2026, 10, 28, 5);
const book = generateBook({ now: NOW });
const base: StatsExportOptions = {
  from: '2024-01-15',
  to: '2026-11-28',
  granularity: 'month',
  fiscalYearStartMonth: 4,
  asOf: '2026-11-28',
  reportingCurrency: 'THB',
  fxRates: { USD: 35 },
};

describe('statsCsvForBookAsync', () => {
  it.each([
    ['month', base],
    ['quarter, a time zone and territories', { ...base, granularity: 'quarter' as const, tzOffsetMinutes: 420, territories: ['Bangkok'] }],
    ['year', { ...base, granularity: 'year' as const, fxRates: {} }],
    ['all', { ...base, granularity: 'all' as const }],
  ])('gives the same file as statsCsvForBook (%s)', async (_, opts) => {
    expect(await statsCsvForBookAsync(book, opts, { sliceMs: 0 })).toEqual(statsCsvForBook(book, opts));
  });

  it('yields to the event loop between chunks and reports progress', async () => {
    const seen: StatsProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const r = await statsCsvForBookAsync(book, base, { sliceMs: 0, onProgress: (p) => seen.push(p) });
    clearInterval(timer);
    expect(r.rows).toBe(35);
    expect(seen[0]).toEqual({ done: 0, total: 35 });
    expect(seen.at(-1)).toEqual({ done: 35, total: 35 });
    expect(seen.length).toBeGreaterThan(10);
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops when aborted, with the abort reason', async () => {
    const ac = new AbortController();
    const run = statsCsvForBookAsync(book, base, {
      sliceMs: 0,
      signal: ac.signal,
      onProgress: (p) => {
        if (p.done >= 3) ac.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses a range outside the window before any work', async () => {
    await expect(statsCsvForBookAsync(book, { ...base, from: '9999-12-01', to: '9999-12-31' })).rejects.toBeInstanceOf(ExportRangeError);
  });
});
