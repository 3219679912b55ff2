import { currencySchema, type IsoDate } from '../domain/primitives';
import type { FxRates } from '../domain/money';
import type { EncodingChoice } from '../io/csv/decode';
import { EXPORT_GRANULARITIES, type ExportGranularity } from '../io/export/periods';
import { checkExportRange, checkRangeDay, RANGE_FIRST_DAY, RANGE_LAST_DAY } from '../io/export/range';
import { translate } from '../i18n';
import { IMPORT_ENTITIES, isImportEntity, type ImportEntity } from '../io/import/fields';
import { DATE_FORMATS, type DateFormat } from '../io/import/values';

/**
 * Command-line options of the headless report. Hand-written and strict: an unknown
 * flag, a repeated flag or a malformed value is a usage error naming it, so a typo
 * never silently produces a report over the wrong range.
 */

export interface ReportArgs {
  /** Path of the CSV file; '-' reads standard input. */
  file: string;
  /** `field=Column,...` (importer field names), or null. Repeated --map flags are joined. */
  map: string | null;
  /** Keep only deals whose owner equals this name (case-insensitive). */
  owner: string | null;
  period: ExportGranularity;
  /** Range of the report; null = first/last date in the data. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** "Today" of the KPI engine; null = the caller's today. */
  asOf: IsoDate | null;
  /** Reporting currency; null = the most common deal currency in the file, else THB. */
  currency: string | null;
  /** Format of every date column, for files whose day/month order cannot be told. */
  dateFormat: DateFormat | null;
  /** Reporting-currency units per one unit of another currency. */
  fx: FxRates;
  /** Output file; null = standard output. */
  out: string | null;
  /** Record type of the file; null = detected from its headers. */
  entity: ImportEntity | null;
  /** Leave out rows the importer rejects (with a warning each) instead of failing. */
  skipInvalid: boolean;
  /** 1 = January; quarters and years start on the first of this month. */
  fiscalYearStart: number;
  encoding: EncodingChoice;
}

export type ParseArgsResult = { ok: true; help: true } | { ok: true; help: false; args: ReportArgs } | { ok: false; error: string };

const ENCODINGS: readonly EncodingChoice[] = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-874'];

export const USAGE = `Usage: npm run report -- <file.csv> [options]

Reads a CRM CSV export (Salesforce, HubSpot, Pipedrive or a plain sheet) with the
extension's importer and writes the personal stats CSV (one row per period, one
column per KPI) computed by the extension's KPI engine.

Options:
  --map field=Column,...   map importer fields to columns (name, account, amount,
                           currency, stage, status, created, close, owner,
                           probability, type, territory, product, external_id, ...)
  --owner NAME             only deals whose owner is NAME (case-insensitive);
                           needs an owner column
  --period P               month (default), quarter, year, or all (one row for
                           the whole range)
  --from YYYY-MM-DD        first day of the report (default: earliest date in the data)
  --to YYYY-MM-DD          last day of the report (default: latest date in the data);
                           days from ${RANGE_FIRST_DAY} to ${RANGE_LAST_DAY}, at most 600 months,
                           200 quarters or 50 years of rows, and overlapping the data
  --as-of YYYY-MM-DD       the day the KPIs are computed as of (default: today)
  --currency CODE          reporting currency, also used for amounts with no currency
                           (default: the most common deal currency in the file, else THB)
  --fx CODE=RATE,...       exchange rates: units of the reporting currency per one
                           unit of CODE (e.g. --currency THB --fx USD=36.5,EUR=39.2);
                           money KPIs over deals in a currency with no rate stay empty
  --date-format F          format of every date column: ${DATE_FORMATS.join(', ')}
                           (needed when day and month cannot be told apart, e.g. 3/4/2026)
  --fiscal-year-start M    month the fiscal year starts, 1-12 (default 1), for
                           --period quarter and year
  --entity E               record type of the file: ${IMPORT_ENTITIES.join(', ')}
                           (default: detected from the headers)
  --encoding E             ${ENCODINGS.join(', ')} (default auto)
  --skip-invalid           leave out rows that cannot be imported (a warning each)
                           instead of failing
  --out FILE               write the CSV to FILE (default: standard output)
  --help                   show this help

Any row the importer rejects is an error (listed as file.csv:ROW: column "C" value "V":
reason) and nothing is written, unless --skip-invalid is given. Deals marked deleted
in the CRM are skipped with a warning. Warnings go to standard error.

Exit codes: 0 report written, 1 problem with the file's data, 2 wrong command-line usage.`;

/** True for a real calendar day written YYYY-MM-DD (any year 0000–9999; the report takes 1900–2200). */
export function isIsoDate(s: string): boolean {
  return checkRangeDay(s)?.key !== 'io.out.range.notDate';
}

type Flag =
  | 'map'
  | 'owner'
  | 'period'
  | 'from'
  | 'to'
  | 'as-of'
  | 'currency'
  | 'date-format'
  | 'fx'
  | 'out'
  | 'entity'
  | 'skip-invalid'
  | 'fiscal-year-start'
  | 'encoding'
  | 'help';

const VALUE_FLAGS = new Set<string>([
  'map',
  'owner',
  'period',
  'from',
  'to',
  'as-of',
  'currency',
  'date-format',
  'fx',
  'out',
  'entity',
  'fiscal-year-start',
  'encoding',
]);
const BOOLEAN_FLAGS = new Set<string>(['skip-invalid', 'help']);
/** Flags whose values accumulate (comma lists) rather than conflict. */
const REPEATABLE = new Set<string>(['map', 'fx']);

/** Parses `CODE=RATE,...` into rates; an error message on a bad entry. */
export function parseFx(spec: string): { ok: true; rates: FxRates } | { ok: false; error: string } {
  const rates: FxRates = {};
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]{3})\s*=\s*(\d+(?:\.\d+)?|\.\d+)$/.exec(part);
    if (!m) return { ok: false, error: `--fx: "${part}" is not CODE=RATE (for example USD=36.5)` };
    const rate = Number(m[2]);
    if (!(rate > 0)) return { ok: false, error: `--fx: the rate for ${m[1]!.toUpperCase()} must be above 0` };
    rates[m[1]!.toUpperCase()] = rate;
  }
  return { ok: true, rates };
}

export function parseArgs(argv: readonly string[]): ParseArgsResult {
  const values = new Map<Flag, string[]>();
  const positional: string[] = [];
  let flagsDone = false;

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (flagsDone || a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      flagsDone = true;
      continue;
    }
    if (a === '-h') return { ok: true, help: true };
    if (!a.startsWith('--')) return { ok: false, error: `Unknown option "${a}". Run with --help for the options.` };
    const eq = a.indexOf('=');
    const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)) as Flag;
    if (BOOLEAN_FLAGS.has(name)) {
      if (eq >= 0) return { ok: false, error: `--${name} takes no value.` };
      if (name === 'help') return { ok: true, help: true };
      if (values.has(name)) return { ok: false, error: `--${name} is given more than once.` };
      values.set(name, ['']);
      continue;
    }
    if (!VALUE_FLAGS.has(name)) return { ok: false, error: `Unknown option "--${name}". Run with --help for the options.` };
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      const next = argv[i + 1];
      // A value never starts with "--": "--owner --period month" is a forgotten value, not an owner.
      if (next === undefined || next.startsWith('--')) return { ok: false, error: `--${name} needs a value.` };
      value = next;
      i++;
    }
    const list = values.get(name);
    if (list && !REPEATABLE.has(name)) return { ok: false, error: `--${name} is given more than once.` };
    if (list) list.push(value);
    else values.set(name, [value]);
  }

  if (positional.length === 0) return { ok: false, error: 'No CSV file given. Usage: npm run report -- <file.csv> [options]' };
  if (positional.length > 1) {
    return { ok: false, error: `Only one CSV file can be given; also got "${positional[1]}".` };
  }
  const one = (name: Flag): string | null => values.get(name)?.[0] ?? null;

  const period = one('period') ?? 'month';
  if (!(EXPORT_GRANULARITIES as readonly string[]).includes(period)) {
    return { ok: false, error: `--period must be one of ${EXPORT_GRANULARITIES.join(', ')}; got "${period}".` };
  }

  const dates: Partial<Record<'from' | 'to' | 'as-of', IsoDate>> = {};
  for (const name of ['from', 'to', 'as-of'] as const) {
    const v = one(name);
    if (v === null) continue;
    // The one day check of every stats range (lib/io/export/range.ts): a real day, 1900–2200.
    const bad = checkRangeDay(v, name);
    if (bad?.key === 'io.out.range.notDate') return { ok: false, error: `--${name} must be a real date written YYYY-MM-DD; got "${v}".` };
    if (bad) return { ok: false, error: `--${name} must be between ${RANGE_FIRST_DAY} and ${RANGE_LAST_DAY}; got "${v}".` };
    dates[name] = v;
  }
  if (dates.from && dates.to && dates.to < dates.from) {
    return { ok: false, error: `--to (${dates.to}) is before --from (${dates.from}).` };
  }

  let currency = one('currency');
  if (currency !== null) {
    currency = currency.toUpperCase();
    if (!currencySchema.safeParse(currency).success) {
      return { ok: false, error: `--currency must be a 3-letter ISO 4217 code such as THB; got "${one('currency')}".` };
    }
  }

  const dateFormat = one('date-format');
  if (dateFormat !== null && !(DATE_FORMATS as readonly string[]).includes(dateFormat)) {
    return { ok: false, error: `--date-format must be one of ${DATE_FORMATS.join(', ')}; got "${dateFormat}".` };
  }

  const fxSpec = values.get('fx')?.join(',') ?? '';
  const fx = parseFx(fxSpec);
  if (!fx.ok) return { ok: false, error: fx.error };

  const entity = one('entity');
  if (entity !== null && !isImportEntity(entity)) {
    return { ok: false, error: `--entity must be one of ${IMPORT_ENTITIES.join(', ')}; got "${entity}".` };
  }

  const fyText = one('fiscal-year-start') ?? '1';
  const fiscalYearStart = /^\d{1,2}$/.test(fyText) ? Number(fyText) : NaN;
  if (!(fiscalYearStart >= 1 && fiscalYearStart <= 12)) {
    return { ok: false, error: `--fiscal-year-start must be a month number 1-12; got "${fyText}".` };
  }

  if (dates.from && dates.to) {
    const range = checkExportRange(dates.from, dates.to, period as ExportGranularity, fiscalYearStart);
    if (!range.ok) return { ok: false, error: `--from/--to: ${translate('en', range.key, range.params)}` };
  }

  const encoding = one('encoding') ?? 'auto';
  if (!(ENCODINGS as readonly string[]).includes(encoding)) {
    return { ok: false, error: `--encoding must be one of ${ENCODINGS.join(', ')}; got "${encoding}".` };
  }

  const owner = one('owner');
  if (owner !== null && owner.trim() === '') return { ok: false, error: '--owner needs a name.' };
  const out = one('out');
  if (out !== null && out === '') return { ok: false, error: '--out needs a file name.' };
  const map = values.get('map')?.join(',') ?? null;

  return {
    ok: true,
    help: false,
    args: {
      file: positional[0]!,
      map: map === null || map.trim() === '' ? null : map,
      owner: owner?.trim() ?? null,
      period: period as ExportGranularity,
      from: dates.from ?? null,
      to: dates.to ?? null,
      asOf: dates['as-of'] ?? null,
      currency,
      dateFormat: dateFormat as DateFormat | null,
      fx: fx.rates,
      out,
      entity: entity as ImportEntity | null,
      skipInvalid: values.has('skip-invalid'),
      fiscalYearStart,
      encoding: encoding as EncodingChoice,
    },
  };
}
