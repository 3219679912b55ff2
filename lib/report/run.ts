import { emptyBook, type Book } from '../domain/book';
import { localDateOf, startOfLocalDay } from '../domain/dates';
import type { IsoDate } from '../domain/primitives';
import type { Deal } from '../domain/records';
import { translate } from '../i18n';
import { decodeBytes, ImportFileError, type DecodedText } from '../io/csv/decode';
import { parseCsv, type ParsedCsv } from '../io/csv/parse';
import { checkExportRange } from '../io/export/range';
import { bookDateRange, statsCsvForBook } from '../io/export/stats-book';
import { IMPORT_FIELDS, type ColumnMapping, type ImportEntity } from '../io/import/fields';
import { applyMapSpec, detectProfile, duplicateHeaderWarnings, proposeMapping, type Crm } from '../io/import/profiles';
import { groupIssues, rowRanges, type IssueGroup } from '../io/import/issues';
import { quoteCell } from '../io/import/reasons';
import { buildImport, type ImportIssue, type ImportOptions, type ImportPlan, type ImportSite } from '../io/import/rows';
import { parseAmount, type DateFormat } from '../io/import/values';
import { defaultSettings } from '../settings/schema';
import type { ReportArgs } from './args';

/**
 * The headless report: CSV bytes → the personal stats CSV, through the same importer
 * and KPI engine as the extension. Pure (no fs, no process, "today" is a parameter) so
 * every error path is unit-tested; lib/report/cli.ts does the I/O and exit codes.
 */

export interface ReportInput {
  bytes: Uint8Array;
  /** Used in messages: `file.csv:ROW: ...`. */
  fileName: string;
  args: ReportArgs;
  /** The caller's local date: the default as-of date and the import day. */
  today: IsoDate;
}

export type ReportResult = { csv: string; warnings: string[] } | { error: string; exitCode: number };

/** Exit code for problems with the file's data (the CLI uses 2 for usage errors). */
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** At most this many rejected rows are listed; a 100k-row file in the wrong format would flood the terminal. */
const MAX_LISTED_REJECTS = 50;

const SITE: Record<Crm, ImportSite> = { salesforce: 'salesforce', hubspot: 'hubspot', pipedrive: 'pipedrive', generic: 'csv' };


const fail = (error: string, exitCode = EXIT_DATA): ReportResult => ({ error, exitCode });
/** Values from the file are echoed cut to QUOTE_MAX characters (quoteCell): a 5 MB cell must not reach the terminal. */
const q = (x: string) => `"${quoteCell(x)}"`;
const quoteList = (xs: readonly string[]) => xs.map(q).join(', ');

/** An importer message in English, without the parser's own "Row N: " prefix (the location is printed already). */
function message(key: string, params: Record<string, string | number> = {}): string {
  let text = translate('en', key, params).replace(/^Row \d+: /, '');
  if (key === 'io.reject.badDate' && params.format) text = `${text.replace(/\.$/, '')} (${params.format}).`;
  return text;
}

/**
 * One line per kind of problem: a single row as formatIssue, several as
 * `file.csv:FIRST: 278 rows (2–279): column "C", first value "V": reason`.
 */
export function formatGroup(fileName: string, g: IssueGroup, prefix = ''): string {
  if (g.rows.length === 1) return formatIssue(fileName, { row: g.rows[0]!, column: g.column, value: g.value, message: g.message, params: g.params }, prefix);
  const where = g.rows[0]! > 0 ? `${fileName}:${g.rows[0]}:` : `${fileName}:`;
  const cell = g.column ? `column ${q(g.column)}, first value ${q(g.value)}: ` : '';
  return `${where} ${prefix}${g.rows.length} rows (${rowRanges(g.rows)}): ${cell}${message(g.message, g.params)}`;
}

/** `file.csv:ROW: column "C" value "V": reason`, the location format of compilers and linters. */
export function formatIssue(fileName: string, issue: ImportIssue, prefix = ''): string {
  const where = issue.row > 0 ? `${fileName}:${issue.row}:` : `${fileName}:`;
  const cell = issue.column ? `column ${q(issue.column)} value ${q(issue.value)}: ` : '';
  return `${where} ${prefix}${cell}${message(issue.message, issue.params)}`;
}

/** The fields named in a `--map` spec (for taking their columns away from other fields). */
function mapSpecFields(spec: string, entity: ImportEntity): string[] {
  return spec
    .split(',')
    .map((p) => p.split('=')[0]!.trim())
    .filter(Boolean)
    .map((f) => (entity === 'activities' && f === 'date' ? 'at' : f));
}

function importOptions(entity: ImportEntity, site: ImportSite, defaultCurrency: string, today: IsoDate, dateFormats: Partial<Record<string, DateFormat>>) {
  return {
    entity,
    site,
    // Noon of the caller's day: the import day (for deals without a created date) is `today` in any zone.
    now: startOfLocalDay(today) + 12 * 3_600_000,
    defaultCurrency,
    stageRules: defaultSettings().stageRules,
    dateFormats,
    existing: { bySourceKey: new Map(), accountsByName: new Map() },
  } satisfies ImportOptions;
}

/** Most common deal currency, ties going to the one met first; null when there are no deals. */
export function mostCommonCurrency(deals: readonly Deal[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const d of deals) {
    const n = (counts.get(d.currency) ?? 0) + 1;
    counts.set(d.currency, n);
    if (best === null || n > counts.get(best)!) best = d.currency;
  }
  return best;
}


const normName = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

const ENCODING_NAME: Record<DecodedText['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-874': 'Windows-874',
};

/** What decoding had to guess or could not read: a BOM over another encoding, lines with undecodable bytes. */
export function decodeWarnings(fileName: string, d: DecodedText): string[] {
  const out: string[] = [];
  if (d.bomMismatch) {
    out.push(`${fileName}: warning: ${message('io.decode.bomMismatch', { bom: ENCODING_NAME[d.bomMismatch], encoding: ENCODING_NAME[d.encoding] })}`);
  }
  if (d.badRows && d.badRowCount) {
    const rows = d.badRows.join(', ') + (d.badRowCount > d.badRows.length ? ', …' : '');
    const other = d.encoding === 'windows-874' ? 'utf-8' : 'windows-874';
    const text = message('io.decode.badRows', { count: d.badRowCount, encoding: ENCODING_NAME[d.encoding], rows }).replace(/choose another encoding\.$/, `pass --encoding ${other}.`);
    out.push(`${fileName}:${d.badRows[0]}: warning: ${text}`);
    if (d.sample) out.push(`${fileName}: ${message('io.decode.sample', { sample: q(d.sample.split('\n')[0]!) })}`);
  }
  return out;
}

export function runReport(input: ReportInput): ReportResult {
  const { args, fileName, today } = input;
  const warnings: string[] = [];

  // ---- read the file
  let parsed: ParsedCsv;
  try {
    const decoded = decodeBytes(input.bytes, args.encoding);
    warnings.push(...decodeWarnings(fileName, decoded));
    parsed = parseCsv(decoded.text);
  } catch (e) {
    if (e instanceof ImportFileError) return fail(`${fileName}: ${message(e.key, e.params)}`);
    throw e;
  }
  const fileError = parsed.errors.find((e) => e.row === 0);
  if (fileError) return fail(`${fileName}: ${message(fileError.message, fileError.params)}`);

  // ---- map columns
  const detected = detectProfile(parsed.headers);
  const entity = args.entity ?? detected.entity;
  const site = SITE[detected.crm];
  let mapping: ColumnMapping = proposeMapping(parsed.headers, parsed.rows, entity, detected.crm);
  if (args.map) {
    const r = applyMapSpec(args.map, parsed.headers, entity, mapping);
    if (!r.ok) {
      const fields = IMPORT_FIELDS[entity].map((d) => d.field).join(', ');
      const hint =
        r.error === 'io.error.unknownField'
          ? ` The ${entity} fields are: ${fields}.`
          : ` The file's columns are: ${quoteList(parsed.headers)}.`;
      return fail(`--map: ${message(r.error, r.params)}${hint}`, EXIT_USAGE);
    }
    // A column the user assigns is taken away from the field it was guessed for: one column, one field.
    const chosen = new Set(mapSpecFields(args.map, entity));
    const taken = new Set([...chosen].map((f) => r.mapping[f]));
    mapping = { ...r.mapping };
    for (const [field, i] of Object.entries(mapping)) {
      if (!chosen.has(field) && i !== null && i !== undefined && taken.has(i)) mapping[field] = null;
    }
  }
  for (const w of duplicateHeaderWarnings(parsed.headers, mapping)) warnings.push(`${fileName}:1: warning: ${message(w.key, w.params)}`);
  if (args.owner !== null) {
    if (entity !== 'deals') return fail(`--owner applies to deal files; this file holds ${entity}.`, EXIT_USAGE);
    if (mapping.owner === null || mapping.owner === undefined) {
      return fail(
        `--owner needs an owner column, and none was recognised. Name it with --map owner=Column (columns: ${quoteList(parsed.headers)}).`,
      );
    }
  }

  const dateFormats: Partial<Record<string, DateFormat>> = {};
  if (args.dateFormat) {
    for (const d of IMPORT_FIELDS[entity]) {
      const i = mapping[d.field];
      if (d.kind === 'date' && i !== null && i !== undefined) dateFormats[d.field] = args.dateFormat;
    }
  }

  // ---- import
  let defaultCurrency = args.currency ?? 'THB';
  let plan: ImportPlan = buildImport(parsed, mapping, importOptions(entity, site, defaultCurrency, today, dateFormats));
  if (plan.missingFields.length > 0) {
    const n = plan.missingFields.length;
    return fail(
      `${fileName}: no column found for the required field${n > 1 ? 's' : ''} ${plan.missingFields.join(', ')} ` +
        `(${entity} file). Name ${n > 1 ? 'them' : 'it'} with --map ${plan.missingFields.map((f) => `${f}=Column`).join(',')}. ` +
        `The file's columns are: ${quoteList(parsed.headers)}.`,
    );
  }
  if (plan.needsDateFormat.length > 0) {
    const lines = plan.needsDateFormat.map((n) => {
      const i = parsed.headers.indexOf(n.column);
      const sample = parsed.rows.find((r) => (r[i] ?? '').trim() !== '')?.[i]?.trim() ?? '';
      return `${fileName}: column ${q(n.column)} (${n.field}): day and month cannot be told apart (e.g. ${q(sample)}); pass --date-format ${n.candidates.join(' or --date-format ')}.`;
    });
    return fail(lines.join('\n'));
  }
  const deals = () => [...plan.creates, ...plan.updates].map((p) => p.record as Deal);
  if (entity === 'deals' && args.currency === null) {
    // Amounts with no currency of their own are read in the reporting currency, as the extension
    // reads them in its settings' currency: when the file is mostly another currency, read it again in that one.
    const first = deals();
    const common = mostCommonCurrency(first);
    // Skipped when it cannot change anything (saves a second pass over 100k rows): no deal took the
    // default currency, and a bare "$" means the same in both (USD unless the default is a dollar currency).
    const dollar = (c: string) => {
      const r = parseAmount('$1', c);
      return r.ok ? r.value.currency : c;
    };
    const matters =
      first.some((d) => d.currency === defaultCurrency) || (common !== null && dollar(common) !== dollar(defaultCurrency));
    if (common !== null && common !== defaultCurrency && matters) {
      defaultCurrency = common;
      plan = buildImport(parsed, mapping, importOptions(entity, site, defaultCurrency, today, dateFormats));
    }
  }

  // ---- rejected rows
  // A deal deleted in the CRM is not bad data: it is simply not part of the book (whatever else its row holds).
  const deleted = plan.rejects.filter((r) => r.message === 'io.reject.deletedInCrm');
  const deletedRows = new Set(deleted.map((r) => r.row));
  for (const r of deleted) warnings.push(formatIssue(fileName, r, 'warning: skipped, '));
  const rejects = plan.rejects.filter((r) => !deletedRows.has(r.row));
  if (rejects.length > 0) {
    if (!args.skipInvalid) {
      const groups = groupIssues(rejects);
      const listed = groups.slice(0, MAX_LISTED_REJECTS).map((g) => formatGroup(fileName, g));
      if (groups.length > MAX_LISTED_REJECTS) listed.push(`... and ${groups.length - MAX_LISTED_REJECTS} more kinds of problem.`);
      const rows = new Set(rejects.map((r) => r.row)).size;
      listed.push(
        `${rows} row${rows > 1 ? 's' : ''} could not be imported; nothing was written. Fix ${rows > 1 ? 'them' : 'it'}, or pass --skip-invalid to leave ${rows > 1 ? 'them' : 'it'} out.`,
      );
      return fail(listed.join('\n'));
    }
    for (const g of groupIssues(rejects)) warnings.push(formatGroup(fileName, g, 'warning: skipped, '));
  }
  // Identical warnings as one line with a count, so the one that matters is not lost among hundreds.
  for (const g of groupIssues(plan.warnings)) warnings.push(formatGroup(fileName, g, 'warning: '));
  // With a status column (Pipedrive) the status decides won or lost; only the probability falls back.
  const hasStatus = mapping.status !== null && mapping.status !== undefined;
  for (const u of plan.unknownStages) {
    const rows = `${u.count} row${u.count > 1 ? 's' : ''}`;
    const effect = hasStatus ? 'won or lost is taken from the status column' : 'its deals count as open';
    warnings.push(`${fileName}: warning: stage ${q(u.stage)} (${rows}) matches no default stage rule; ${effect}.`);
  }

  // ---- the book
  const book = emptyBook();
  const records = [...plan.creates, ...plan.updates].map((p) => p.record);
  switch (entity) {
    case 'deals':
      book.deals = records as Deal[];
      break;
    case 'accounts':
      book.accounts = records as Book['accounts'];
      break;
    case 'contacts':
      book.contacts = records as Book['contacts'];
      break;
    case 'activities':
      book.activities = records as Book['activities'];
      break;
    case 'leads':
      book.leads = records as Book['leads'];
      break;
  }
  book.accounts.push(...plan.accountsToCreate);
  const fileCurrency = mostCommonCurrency(book.deals);

  if (args.owner !== null) {
    const wanted = normName(args.owner);
    const owners = [...new Set(book.deals.flatMap((d) => (d.ownerName ? [d.ownerName] : [])))];
    book.deals = book.deals.filter((d) => d.ownerName !== null && normName(d.ownerName) === wanted);
    if (book.deals.length === 0) {
      const list = owners.length > 0 ? `Owners in the file: ${quoteList(owners.slice(0, 20))}${owners.length > 20 ? ', ...' : ''}.` : 'No deal has an owner.';
      return fail(`${fileName}: no deal is owned by ${q(args.owner)}. ${list}`);
    }
    // Only the accounts of the AE's deals: they decide the customer counts.
    const used = new Set(book.deals.map((d) => d.accountId));
    book.accounts = book.accounts.filter((a) => used.has(a.id));
  }
  if (records.length === 0) return fail(`${fileName}: no ${entity} to report on.`);

  // ---- currency and range
  const reportingCurrency = args.currency ?? fileCurrency ?? 'THB';
  const unrated = new Map<string, number>();
  for (const d of book.deals) {
    if (d.currency !== reportingCurrency && args.fx[d.currency] === undefined) unrated.set(d.currency, (unrated.get(d.currency) ?? 0) + 1);
  }
  for (const [cur, n] of unrated) {
    warnings.push(
      `warning: ${n} deal${n > 1 ? 's are' : ' is'} in ${cur} and there is no rate to ${reportingCurrency}: money KPIs that include ${n > 1 ? 'them' : 'it'} are empty. Pass --fx ${cur}=RATE (${reportingCurrency} per 1 ${cur}).`,
    );
  }

  const range = bookDateRange(book);
  const from = args.from ?? range?.min;
  const to = args.to ?? range?.max;
  if (!from || !to) return fail(`${fileName}: the records have no dates; give the range with --from and --to.`, EXIT_USAGE);
  // A range that holds none of the data is a typo or the wrong file: rows of zeros would look like a real report.
  if (range && (args.from !== null || args.to !== null) && (to < range.min || from > range.max)) {
    const span = `which spans ${range.min} to ${range.max}`;
    const which =
      args.from !== null && args.to !== null
        ? `--from ${from} --to ${to} is outside the data, ${span}`
        : args.from !== null
          ? `--from ${from} is after the data, ${span}`
          : `--to ${to} is before the data, ${span}`;
    return fail(`${which}; give a range that overlaps it, or leave out --from and --to for the whole span.`, EXIT_USAGE);
  }
  if (to < from) {
    const which = args.from ? `--from ${from} is after the last date in the data (${to})` : `--to ${to} is before the first date in the data (${from})`;
    return fail(`${which}; give both --from and --to.`, EXIT_USAGE);
  }
  // The one range check (lib/io/export/range.ts): at most 600 months / 200 quarters / 50 years of rows.
  const check = checkExportRange(from, to, args.period, args.fiscalYearStart);
  if (!check.ok) {
    const given = args.from !== null || args.to !== null;
    const origin = given ? '--from/--to' : `${fileName}: the data's range`;
    return fail(`${origin}: ${message(check.key, check.params)}${given ? '' : ' Give a shorter one with --from and --to.'}`, given ? EXIT_USAGE : EXIT_DATA);
  }

  // ---- KPIs → CSV, as the extension's stats export does
  const { csv } = statsCsvForBook(book, {
    from,
    to,
    granularity: args.period,
    fiscalYearStartMonth: args.fiscalYearStart,
    asOf: args.asOf ?? today,
    reportingCurrency,
    fxRates: args.fx,
  });
  return { csv, warnings };
}
