/**
 * CSV writing: RFC 4180 quoting, spreadsheet-formula neutralisation, plain
 * (never exponent) number formatting. Built for speed: the 100k-deal export is
 * benchmarked, so cells are checked with charCodeAt loops, not regexes.
 */

import { guardFormula } from '../csv/formula';

/**
 * A number already formatted as text (e.g. money with fixed decimals). Written
 * as-is, never neutralised: "-12.50" must stay a number in the spreadsheet.
 */
export interface NumericText {
  readonly numeric: string;
}

export type CsvValue = string | number | NumericText | null | undefined;

/** Wraps preformatted numeric text; '' (no value) becomes an empty cell. */
export function numericText(text: string): NumericText {
  return { numeric: text };
}

export interface ToCsvOptions {
  /** Prepend a UTF-8 byte order mark so Excel reads Thai text as UTF-8. Default true. */
  bom?: boolean;
}

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;
const TAB = 9;
const EQUALS = 61; // =
const PLUS = 43; // +
const MINUS = 45; // -
const AT = 64; // @
const SEMICOLON = 59; // ;
const PIPE = 124; // |

/** True when a spreadsheet would evaluate this text as a formula (first character = + - @ TAB CR). */
export function isFormulaLike(text: string): boolean {
  if (text.length === 0) return false;
  const c = text.charCodeAt(0);
  return c === EQUALS || c === PLUS || c === MINUS || c === AT || c === TAB || c === CR;
}

/**
 * Prefixes a single quote to text a spreadsheet would run as a formula
 * (OWASP "CSV injection"). Excel and LibreOffice hide the quote and show the
 * text literally. Only text goes through here: numeric cells stay numeric.
 */
export function neutraliseFormula(text: string): string {
  // Also guards text already starting with quotes before a formula character, so the
  // importer's one-quote removal gives back exactly what was written (lib/io/csv/formula.ts).
  return guardFormula(text);
}

/**
 * A number written in plain decimal notation: never `1e21` or `1e-7`, which
 * spreadsheets in some locales read as text. Non-finite numbers give ''.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (s.indexOf('e') === -1) return s;
  // Shift the decimal point of the shortest round-trip digits: exact, no float maths.
  const neg = s.charCodeAt(0) === MINUS;
  const body = neg ? s.slice(1) : s;
  const [mantissa = '', expText = '0'] = body.split('e');
  const exp = Number(expText);
  const dot = mantissa.indexOf('.');
  const digits = dot === -1 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot === -1 ? mantissa.length : dot) + exp;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

/**
 * RFC 4180 requires quotes around a comma, quote, CR or LF. We also quote cells
 * holding the other common delimiters (; TAB |): readers that guess the delimiter
 * (papaparse, our importer) then never see them outside quotes and cannot mistake
 * a comma file for a semicolon or pipe file. Quoting any cell is valid RFC 4180.
 */
function needsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === COMMA || c === QUOTE || c === CR || c === LF || c === SEMICOLON || c === TAB || c === PIPE) return true;
  }
  return false;
}

/** Quotes a text cell (RFC 4180) when it holds a comma, quote, CR, LF, ; TAB or |; no neutralisation. */
export function quoteCell(s: string): string {
  if (!needsQuotes(s)) return s;
  return `"${s.indexOf('"') === -1 ? s : s.replace(/"/g, '""')}"`;
}

/**
 * One CSV cell. Text is neutralised then RFC 4180-quoted; numbers (and
 * NumericText) are written plain and never neutralised (a -5 must stay a
 * number); null/undefined is empty.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'object') return quoteCell(value.numeric);
  return quoteCell(neutraliseFormula(value));
}

/** One CSV line (without line ending). */
export function csvLine(values: readonly CsvValue[]): string {
  // An array join yields a flat string; `+=` chains leave cons-strings to flatten later.
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = csvCell(values[i]);
  return cells.join(',');
}

/**
 * A whole CSV document: header line, then rows, CRLF between lines (RFC 4180),
 * UTF-8 BOM first unless `bom: false`. No line break after the last record (RFC
 * 4180 allows either): papaparse's delimiter guess, used by our importer, reads
 * a trailing empty line as a one-field row and can then prefer ';' or '|' over
 * ',' in files of fewer than ten rows.
 */
export function toCsv(
  headers: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: ToCsvOptions = {},
): string {
  const lines: string[] = [csvLine(headers)];
  for (const row of rows) lines.push(csvLine(row));
  return (options.bom === false ? '' : BOM) + lines.join(CRLF);
}

/**
 * Money in major units with a dot decimal separator and exactly `exponent`
 * fraction digits, from (possibly fractional) minor units. Integer arithmetic on
 * the rounded minor amount: exact, no thousands separators, no exponent.
 */
export function formatMinorAsMajor(minor: number, exponent: number): string {
  if (!Number.isFinite(minor)) return '';
  const rounded = Math.round(minor);
  const neg = rounded < 0;
  // BigInt keeps amounts beyond 2^53 in plain digits rather than 1e+21.
  let digits = Number.isSafeInteger(rounded) ? String(neg ? -rounded : rounded) : BigInt(neg ? -rounded : rounded).toString();
  if (exponent > 0) {
    if (digits.length <= exponent) digits = '0'.repeat(exponent - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - exponent)}.${digits.slice(digits.length - exponent)}`;
  }
  return neg ? `-${digits}` : digits;
}
