import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseArgs, type ReportArgs } from '../../../lib/report/args';
import { runReport, type ReportResult } from '../../../lib/report/run';

export const REPORT_FIXTURES = join(__dirname, '../../fixtures/report');
export const CSV_FIXTURES = join(__dirname, '../../fixtures/csv');

export function fixtureBytes(name: string, dir = REPORT_FIXTURES): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)));
}

/** Parses argv as the CLI does; throws on a usage error (tests of runReport start from valid args). */
export function argsOf(argv: string[]): ReportArgs {
  const r = parseArgs(argv);
  if (!r.ok) throw new Error(r.error);
  if (r.help) throw new Error('help');
  return r.args;
}

/** runReport on a fixture with the flags given; `today` is fixed so defaults are reproducible. */
export function report(name: string, flags: string[] = [], opts: { today?: string; bytes?: Uint8Array; dir?: string } = {}): ReportResult {
  return runReport({
    bytes: opts.bytes ?? fixtureBytes(name, opts.dir),
    fileName: name,
    args: argsOf([name, ...flags]),
    today: opts.today ?? '2026-11-28',
  });
}

export function okCsv(r: ReportResult): { csv: string; warnings: string[] } {
  if ('error' in r) throw new Error(`expected a report, got error (exit ${r.exitCode}):\n${r.error}`);
  return r;
}

export function errorOf(r: ReportResult): { error: string; exitCode: number } {
  if (!('error' in r)) throw new Error(`expected an error, got a report:\n${r.csv}`);
  return r;
}

/** The stats CSV as one object per row: column name → cell text, exactly as written. */
export function statsRows(csv: string): Array<Record<string, string>> {
  if (csv.charCodeAt(0) !== 0xfeff) throw new Error('no BOM');
  const data = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n' }).data;
  const [header, ...rows] = data;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}
