import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPORT_FIXTURES } from './helpers';

/** The real entry, in a child process, as `npm run report` runs it. */
const ROOT = join(__dirname, '../../..');
const tmp = mkdtempSync(join(tmpdir(), 'ae-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/report/cli.ts', ...args], {
    cwd: ROOT,
    input: input === undefined ? undefined : Buffer.from(input, 'utf8'),
    encoding: 'buffer',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const fixture = (name: string) => join(REPORT_FIXTURES, name);

describe('lib/report/cli.ts end to end', { timeout: 60_000 }, () => {
  it('exit 0: writes --out with a UTF-8 BOM, and the same bytes to stdout without --out', () => {
    const out = join(tmp, 'stats.csv');
    const flags = [fixture('salesforce-two-months.csv'), '--from', '2026-01-01', '--to', '2026-02-28', '--as-of', '2026-03-15'];
    const r = cli([...flags, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n2026-02-01,2026-02-28,280000.00,0.8666604444651851,140000.00,');

    const piped = cli(flags);
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, bytes)).toBe(0);
  });

  it('exit 1: a rejected row is printed as file:ROW: column "C" value "V": reason; no output file', () => {
    const out = join(tmp, 'bad.csv');
    const file = fixture('salesforce-bad-rows.csv');
    const r = cli([file, '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:3: column "Close Date" value "2/30/2026": Not a real calendar date.\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('exit 0 with warnings on stderr: --skip-invalid', () => {
    const r = cli([fixture('salesforce-bad-rows.csv'), '--skip-invalid', '--period', 'all', '--as-of', '2026-03-01']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/:4: warning: skipped, column "Amount" value "lots": Not an amount\.\n$/);
    expect(r.stdout.toString('utf8')).toContain('\r\n2026-01-05,2026-01-20,100000.00,');
  });

  it('exit 2: an unknown flag, a missing file', () => {
    const unknown = cli([fixture('salesforce-two-months.csv'), '--perod', 'month']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('report: Unknown option "--perod". Run with --help for the options.\n');
    const missing = cli([join(tmp, 'nope.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read ".*nope\.csv": no such file\./);
  });

  it('exit 2 at once: a range in year 9999 (it used to run without end), a range outside the data', () => {
    const far = cli([fixture('salesforce-two-months.csv'), '--from', '9999-12-01', '--to', '9999-12-31', '--period', 'month']);
    expect(far.status).toBe(2);
    expect(far.stderr).toBe('report: --from must be between 1900-01-01 and 2200-12-31; got "9999-12-01".\n');
    const outside = cli([fixture('salesforce-two-months.csv'), '--from', '2030-01-01', '--to', '2030-12-31']);
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^--from 2030-01-01 --to 2030-12-31 is outside the data, which spans 2026-01-05 to 2026-02-27;/);
    expect(outside.stdout.length).toBe(0);
  });

  it('--help prints the usage and exits 0', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toMatch(/^Usage: npm run report -- <file\.csv> \[options\]/);
  });

  it('"-" reads the CSV from standard input', () => {
    const text = 'Deal,Amount,Stage,Created,Close Date\nA,100,Won,2026-03-02,2026-03-10\n';
    const r = cli(['-', '--period', 'all'], text);
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toMatch(/\r\n2026-03-02,2026-03-10,100\.00,/);
  });
});
