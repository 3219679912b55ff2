import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../lib/report/args';
import { runReport } from '../../../lib/report/run';
import { argsOf, CSV_FIXTURES, errorOf, okCsv, report, statsRows } from './helpers';

/** The headless report on the hostile samples of tests/fixtures/csv and on bad ranges. */
const hostile = (name: string, flags: string[] = []) => report(name, flags, { dir: CSV_FIXTURES });
const run = (text: string, flags: string[] = []) =>
  runReport({ bytes: new TextEncoder().encode(text), fileName: 'f.csv', args: argsOf(['f.csv', ...flags]), today: '2026-11-28' });

const DEALS = 'Deal,Account,Amount,Stage,Created,Close\nAlpha,Acme,100,Closed Won,2026-01-05,2026-01-20\nBeta,Beta Co,200,Closed Won,2026-02-02,2026-02-27\n';

describe('report ranges', () => {
  it('a range in year 9999 is a usage error at once (it used to run without end)', () => {
    const t0 = Date.now();
    expect(parseArgs(['f.csv', '--from', '9999-12-01', '--to', '9999-12-31', '--period', 'month'])).toEqual({
      ok: false,
      error: '--from must be between 1900-01-01 and 2200-12-31; got "9999-12-01".',
    });
    expect(parseArgs(['f.csv', '--as-of', '0001-01-01'])).toMatchObject({ ok: false, error: '--as-of must be between 1900-01-01 and 2200-12-31; got "0001-01-01".' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('more rows than one export holds is a usage error naming the count and the maximum', () => {
    expect(parseArgs(['f.csv', '--from', '1900-01-01', '--to', '2200-12-31'])).toEqual({
      ok: false,
      error:
        '--from/--to: 1900-01-01 to 2200-12-31 is 3612 months; one export has at most 600 rows (50 years). Choose a shorter range, or one row per quarter or year.',
    });
    expect(parseArgs(['f.csv', '--from', '1900-01-01', '--to', '2200-12-31', '--period', 'all'])).toMatchObject({ ok: true });
  });

  it('a range that holds none of the data exits 2 naming the data span (it gave rows of zeros)', () => {
    expect(errorOf(run(DEALS, ['--from', '2030-01-01', '--to', '2030-12-31']))).toEqual({
      error:
        '--from 2030-01-01 --to 2030-12-31 is outside the data, which spans 2026-01-05 to 2026-02-27; give a range that overlaps it, or leave out --from and --to for the whole span.',
      exitCode: 2,
    });
    expect(errorOf(run(DEALS, ['--to', '2025-12-31']))).toMatchObject({ error: expect.stringMatching(/^--to 2025-12-31 is before the data, which spans 2026-01-05 to 2026-02-27;/), exitCode: 2 });
  });

  it('a range that overlaps the data is reported, clipped to the range as before', () => {
    const rows = statsRows(okCsv(run(DEALS, ['--from', '2025-12-01', '--to', '2026-01-31', '--as-of', '2026-03-01'])).csv);
    expect(rows.map((r) => [r.period_start, r.total_revenue])).toEqual([
      ['2025-12-01', '0.00'],
      ['2026-01-01', '100.00'],
    ]);
  });
});

describe('report on hostile files', () => {
  const FLAGS = ['--period', 'all', '--as-of', '2026-11-28'];

  it('UTF-8 with two Windows-1252 quote bytes: Thai names intact, the line named in a warning', () => {
    const r = okCsv(hostile('hostile-utf8-cp1252-quotes.csv', FLAGS));
    expect(r.warnings[0]).toBe(
      'hostile-utf8-cp1252-quotes.csv:3: warning: 1 line has bytes that are not valid UTF-8 (line numbers: 3); they show as "\uFFFD". If names look wrong, pass --encoding windows-874.',
    );
    expect(r.warnings[1]).toMatch(/^hostile-utf8-cp1252-quotes.csv: The text as read: "ระบบ ERP,บริษัท สยาม จำกัด,/);
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('1250000.00');
  });

  it('a UTF-8 BOM over a Windows-874 body: read as Windows-874, with a warning', () => {
    const r = okCsv(hostile('hostile-bom-over-874.csv', FLAGS));
    expect(r.warnings).toContain('hostile-bom-over-874.csv: warning: The file starts with a UTF-8 mark, but its text is Windows-874; it was read as Windows-874.');
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('1250000.00');
  });

  it('mixed line endings: every row is read', () => {
    const r = okCsv(hostile('hostile-mixed-newlines.csv', FLAGS));
    expect(r.warnings).toEqual([]);
    expect(statsRows(r.csv)[0]).toMatchObject({ period_start: '2026-01-05', period_end: '2026-04-15', total_revenue: '1250000.00' });
  });

  it('two columns called Amount: a warning says which one is read', () => {
    const r = okCsv(hostile('hostile-duplicate-headers.csv', FLAGS));
    expect(r.warnings).toContain('hostile-duplicate-headers.csv:1: warning: Columns C, F have the same name, "Amount"; C is used.');
    expect(statsRows(r.csv)[0]!.total_revenue).toBe('1250000.00');
  });

  it('a 5 MB cell is quoted, not echoed: no line of the error is longer than a few hundred characters', () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const e = errorOf(run(`Deal,Account,Amount,Stage,Created,Close\n${huge},Acme,100,Closed Won,2026-01-05,2026-01-20\n`));
    for (const line of e.error.split('\n')) expect(line.length).toBeLessThan(300);
    expect(e.error).toContain(`value "${'x'.repeat(39)}…"`);
  });

  it('a long header or stage is quoted too', () => {
    const longStage = 'S'.repeat(150);
    const r = okCsv(run(`Deal,Account,Amount,Stage,Created,Close\nA,Acme,100,${longStage},2026-01-05,2026-01-20\n`, FLAGS));
    expect(r.warnings.join('\n')).toContain(`stage "${'S'.repeat(39)}…"`);
    expect(r.warnings.join('\n')).not.toContain(longStage);
  });
});
