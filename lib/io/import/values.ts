import { daysInMonth } from '../../domain/dates';
import { currencyExponent } from '../../domain/money';
import type { IsoDate } from '../../domain/primitives';

/**
 * Cell value parsers for dates, amounts, probabilities and numbers as CRMs and Excel
 * write them. Each returns a result instead of throwing: a bad cell rejects one row,
 * not the file. Blank cells parse to null.
 */

export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: string; params?: Record<string, string | number> };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = <T>(error: string, params?: Record<string, string | number>): ValueResult<T> =>
  params ? { ok: false, error, params } : { ok: false, error };

// ---------------------------------------------------------------- dates

/**
 * iso 2026-03-25 · ymd_slash 2026/03/25 · mdy 3/25/2026 · dmy 25/3/2026 · dmy_dot 25.3.2026 ·
 * mdy_dash 3-25-2026 · dmy_dash 25-3-2026 · d_mon_y 25 Mar 2026 / 25-Mar-26 / 25 มี.ค. 2569 ·
 * mon_d_y Mar 25, 2026. Two-digit years are 20xx. A time after the date is ignored.
 */
export const DATE_FORMATS = [
  'iso',
  'ymd_slash',
  'mdy',
  'dmy',
  'dmy_dot',
  'mdy_dash',
  'dmy_dash',
  'd_mon_y',
  'mon_d_y',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** How each format is written, for "Not a date: expected D/M/YYYY" (io.reason.badDate). */
export const DATE_FORMAT_PATTERN: Readonly<Record<DateFormat, string>> = {
  iso: 'YYYY-MM-DD',
  ymd_slash: 'YYYY/MM/DD',
  mdy: 'M/D/YYYY',
  dmy: 'D/M/YYYY',
  dmy_dot: 'D.M.YYYY',
  mdy_dash: 'M-D-YYYY',
  dmy_dash: 'D-M-YYYY',
  d_mon_y: 'D Mon YYYY',
  mon_d_y: 'Mon D, YYYY',
};

/** A cell that does not have the column's date shape: the reason names the shape expected. */
const badDate = <T>(format: DateFormat): ValueResult<T> => fail('io.reason.badDate', { format, expected: DATE_FORMAT_PATTERN[format] });

export type DateDetection =
  | { ambiguous: false; format: DateFormat; buddhistEra: boolean }
  | { ambiguous: true; candidates: DateFormat[]; buddhistEra: boolean };

const RE_YMD = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:$|[T ])/;
const RE_NUM = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T ,])/;
const RE_D_MON_Y = /^(\d{1,2})[ -]([^\s\d-]+)[ -](\d{4}|\d{2})(?:$|[T ,])/;
const RE_MON_D_Y = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})(?:$|[T ,])/;

const MONTHS: Record<string, number> = {};
[
  ['jan', 'january', 'ม.ค.', 'มกราคม', 'มค'],
  ['feb', 'february', 'ก.พ.', 'กุมภาพันธ์', 'กพ'],
  ['mar', 'march', 'มี.ค.', 'มีนาคม', 'มีค'],
  ['apr', 'april', 'เม.ย.', 'เมษายน', 'เมย'],
  ['may', 'พ.ค.', 'พฤษภาคม', 'พค'],
  ['jun', 'june', 'มิ.ย.', 'มิถุนายน', 'มิย'],
  ['jul', 'july', 'ก.ค.', 'กรกฎาคม', 'กค'],
  ['aug', 'august', 'ส.ค.', 'สิงหาคม', 'สค'],
  ['sep', 'sept', 'september', 'ก.ย.', 'กันยายน', 'กย'],
  ['oct', 'october', 'ต.ค.', 'ตุลาคม', 'ตค'],
  ['nov', 'november', 'พ.ย.', 'พฤศจิกายน', 'พย'],
  ['dec', 'december', 'ธ.ค.', 'ธันวาคม', 'ธค'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function monthOf(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS[w] ?? MONTHS[w.replace(/\.$/, '')];
}

/** Thai digits ๐–๙ → 0–9, so Thai-locale exports parse like any other. */
function asciiDigits(s: string): string {
  return /[๐-๙]/.test(s) ? s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)) : s;
}

/**
 * Years of 2400 and later are Buddhist era (BE = CE + 543): no CRM holds deals in 2400 CE,
 * and 2400 BE is 1857 CE, long before any CRM.
 */
function ceYear(y: number, digits: number): number {
  if (digits === 2) return 2000 + y;
  return y >= 2400 ? y - 543 : y;
}

function shapeOf(v: string): { format: DateFormat | 'slash' | 'dash'; a: number; b: number; year: number } | null {
  let m = RE_YMD.exec(v);
  if (m) return { format: m[2] === '-' ? 'iso' : 'ymd_slash', a: +m[3]!, b: +m[4]!, year: +m[1]! };
  m = RE_NUM.exec(v);
  if (m) {
    const sep = m[2];
    return { format: sep === '.' ? 'dmy_dot' : sep === '/' ? 'slash' : 'dash', a: +m[1]!, b: +m[3]!, year: +m[4]! };
  }
  m = RE_D_MON_Y.exec(v);
  if (m && monthOf(m[2]!)) return { format: 'd_mon_y', a: +m[1]!, b: monthOf(m[2]!)!, year: +m[3]! };
  m = RE_MON_D_Y.exec(v);
  if (m && monthOf(m[1]!)) return { format: 'mon_d_y', a: monthOf(m[1]!)!, b: +m[2]!, year: +m[3]! };
  return null;
}

/**
 * Works out a column's date format from its values. Day/month order is settled by any
 * value with a part above 12; a column where every value has both parts ≤ 12 is
 * ambiguous and the AE is asked once. Null when no value looks like a date (or the
 * column mixes shapes, which no single format can read).
 */
export function detectDateFormat(values: readonly string[]): DateDetection | null {
  let shape: string | null = null;
  let firstAbove12 = false;
  let secondAbove12 = false;
  let buddhistEra = false;
  let seen = 0;
  for (const raw of values) {
    const v = asciiDigits(raw.trim());
    if (v === '') continue;
    const s = shapeOf(v);
    if (!s) return null;
    if (shape === null) shape = s.format;
    else if (shape !== s.format) return null;
    if (s.a > 12) firstAbove12 = true;
    if (s.b > 12) secondAbove12 = true;
    if (s.year >= 2400) buddhistEra = true;
    seen++;
  }
  if (!shape || seen === 0) return null;
  if (shape === 'slash' || shape === 'dash') {
    const [mdy, dmy]: [DateFormat, DateFormat] = shape === 'slash' ? ['mdy', 'dmy'] : ['mdy_dash', 'dmy_dash'];
    if (firstAbove12 && secondAbove12) return null;
    if (firstAbove12) return { ambiguous: false, format: dmy, buddhistEra };
    if (secondAbove12) return { ambiguous: false, format: mdy, buddhistEra };
    return { ambiguous: true, candidates: [mdy, dmy], buddhistEra };
  }
  return { ambiguous: false, format: shape as DateFormat, buddhistEra };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Reads one cell in a known format. Buddhist-era years are converted per value. */
export function parseDate(value: string, format: DateFormat): ValueResult<IsoDate | null> {
  const v = asciiDigits(value.trim());
  if (v === '') return ok(null);
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  switch (format) {
    case 'iso':
    case 'ymd_slash':
      match = RE_YMD.exec(v);
      if (!match || (match[2] === '-') !== (format === 'iso')) return badDate(format);
      y = ceYear(+match[1]!, 4);
      m = +match[3]!;
      d = +match[4]!;
      break;
    case 'mdy':
    case 'dmy':
    case 'dmy_dot':
    case 'mdy_dash':
    case 'dmy_dash': {
      match = RE_NUM.exec(v);
      const sep = format === 'dmy_dot' ? '.' : format === 'mdy' || format === 'dmy' ? '/' : '-';
      if (!match || match[2] !== sep) return badDate(format);
      const dayFirst = format.startsWith('d');
      d = +(dayFirst ? match[1]! : match[3]!);
      m = +(dayFirst ? match[3]! : match[1]!);
      y = ceYear(+match[4]!, match[4]!.length);
      break;
    }
    case 'd_mon_y': {
      match = RE_D_MON_Y.exec(v);
      const month = match ? monthOf(match[2]!) : undefined;
      if (!match || !month) return badDate(format);
      d = +match[1]!;
      m = month;
      y = ceYear(+match[3]!, match[3]!.length);
      break;
    }
    case 'mon_d_y': {
      match = RE_MON_D_Y.exec(v);
      const month = match ? monthOf(match[1]!) : undefined;
      if (!match || !month) return badDate(format);
      d = +match[2]!;
      m = month;
      y = ceYear(+match[3]!, 4);
      break;
    }
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return fail('io.reject.notRealDate');
  // A real day outside the years any deal is in: often a CRM's "no date" placeholder (9999-12-31).
  if (y < 1900 || y > 2200) return fail('io.reason.dateYears', { first: 1900, last: 2200 });
  return ok(`${y}-${pad2(m)}-${pad2(d)}`);
}

/** Time of day in a date cell ('2026-03-05 14:22', '3/5/2026 2:22 PM'), as minutes after midnight; null if none. */
export function parseTimeOfDay(value: string): number | null {
  const m = /[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([AaPp][Mm])?/.exec(value);
  if (!m) return null;
  let h = +m[1]!;
  const min = +m[2]!;
  if (m[3]) {
    const pm = m[3].toLowerCase() === 'pm';
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

// ---------------------------------------------------------------- amounts

export type DecimalSeparator = 'dot' | 'comma';

const SYMBOLS: Array<[string, string]> = [
  // Longer symbols first so 'US$' is not read as '$'.
  ['US$', 'USD'],
  ['S$', 'SGD'],
  ['A$', 'AUD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['C$', 'CAD'],
  ['RM', 'MYR'],
  ['Rp', 'IDR'],
  ['บาท', 'THB'],
  ['฿', 'THB'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₩', 'KRW'],
  ['₹', 'INR'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['$', '$'],
];
const DOLLAR_CURRENCIES = new Set(['USD', 'SGD', 'AUD', 'HKD', 'NZD', 'CAD', 'TWD']);

/**
 * Which decimal separator a column uses. A value is decisive when it has both separators
 * ('1.234,56'), a comma followed by 1–2 digits ('99,5') or by more than 3, or repeated
 * dots ('1.234.567'). Otherwise the dot is the decimal separator, as in Thai and US exports.
 */
export function detectDecimalSeparator(values: readonly string[]): DecimalSeparator {
  for (const raw of values) {
    const d = decimalSeparatorOf(raw);
    if (d) return d;
  }
  return 'dot';
}

/** What one value alone says about the decimal separator (rules above); null when it says nothing. */
export function decimalSeparatorOf(raw: string): DecimalSeparator | null {
  const v = raw.replace(/[^\d.,]/g, '');
  if (v === '') return null;
  const lastDot = v.lastIndexOf('.');
  const lastComma = v.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastComma > lastDot ? 'comma' : 'dot';
  if (lastComma >= 0 && v.indexOf(',') === lastComma) {
    const after = v.length - lastComma - 1;
    if (after !== 3) return 'comma';
  }
  if (lastDot >= 0 && v.indexOf('.') !== lastDot) return 'comma';
  if (lastComma >= 0 && v.indexOf(',') !== lastComma) return 'dot';
  if (lastDot >= 0 && v.length - lastDot - 1 !== 3) return 'dot';
  return null;
}

/** A plain decimal number with grouping: '1,234.56', '1.234,56', '1 234,50', "1'234.50". */
export function parseDecimal(value: string, decimal: DecimalSeparator = 'dot'): number | null {
  let v = asciiDigits(value).replace(/[\s\u00a0\u202f']/g, '');
  if (decimal === 'comma') v = v.replace(/\./g, '').replace(',', '.');
  else v = v.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export interface ParsedAmount {
  /** Integer minor units; null for a blank cell. May be negative: callers decide. */
  minor: number | null;
  currency: string;
}

/**
 * Reads an amount with optional currency symbol or ISO code before or after the number:
 * '฿1,234', 'THB 1,234.00', '1,234.00 THB', '$1,200', 'USD 1200', '1 234,50 €', '(100)'
 * (accounting negative), '-100'. '$' means the default currency when that is a dollar
 * currency, else USD. Extra decimals beyond the currency's minor unit are rounded.
 */
export function parseAmount(
  value: string,
  defaultCurrency: string,
  decimal: DecimalSeparator = 'dot',
): ValueResult<ParsedAmount> {
  let v = value.trim();
  if (v === '') return ok({ minor: null, currency: defaultCurrency });
  let negative = false;
  if (v.startsWith('(') && v.endsWith(')')) {
    negative = true;
    v = v.slice(1, -1).trim();
  }
  if (v.startsWith('-') || v.startsWith('\u2212')) {
    negative = !negative;
    v = v.slice(1).trim();
  }
  let currency: string | null = null;
  const code = /^([A-Za-z]{3})\s*(?=[\d.,(-])|(?<=[\d.,)])\s*([A-Za-z]{3})$/.exec(v);
  if (code) {
    currency = (code[1] ?? code[2]!).toUpperCase();
    v = code[1] ? v.slice(code[0].length) : v.slice(0, v.length - code[0].length);
  } else {
    for (const [sym, cur] of SYMBOLS) {
      if (v.startsWith(sym)) v = v.slice(sym.length);
      else if (v.endsWith(sym)) v = v.slice(0, v.length - sym.length);
      else continue;
      currency = cur === '$' ? (DOLLAR_CURRENCIES.has(defaultCurrency) ? defaultCurrency : 'USD') : cur;
      break;
    }
  }
  v = v.trim();
  // '-$100' and '$-100' are both seen in exports.
  if (v.startsWith('-')) {
    negative = !negative;
    v = v.slice(1);
  }
  const n = parseDecimal(v, decimal);
  if (n === null || n < 0) return fail('io.reject.badAmount');
  const cur = currency ?? defaultCurrency;
  const minor = Math.round(n * 10 ** currencyExponent(cur));
  if (!Number.isSafeInteger(minor)) return fail('io.reject.badAmount');
  return ok({ minor: negative && minor !== 0 ? -minor : minor, currency: cur });
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const POW10 = [1, 10, 100, 1000, 10000];

/**
 * parseAmount's common case without regexes or a result object: digits with grouping, an
 * optional decimal part no longer than the currency's minor unit, and an optional ISO code
 * before or after ('1,234.50', 'THB 1,234.00', '1200 USD'). Returns null for anything else
 * (symbols, negatives, rounding, huge values, bad cells): the caller then uses parseAmount,
 * which gives the same value for every input this accepts (exact integer arithmetic below
 * 1e15 minor units, where Math.round(Number(s) * 10^e) is exact too).
 */
export function amountFast(v: string, defaultCurrency: string, decimal: DecimalSeparator = 'dot'): ParsedAmount | null {
  const n = v.length;
  if (n === 0) return { minor: null, currency: defaultCurrency };
  let i = 0;
  let end = n;
  let currency = defaultCurrency;
  if (isAsciiLetter(v.charCodeAt(0))) {
    if (n < 4 || !isAsciiLetter(v.charCodeAt(1)) || !isAsciiLetter(v.charCodeAt(2))) return null;
    i = 3;
    while (i < n && v.charCodeAt(i) === 32) i++;
    currency = v.slice(0, 3).toUpperCase();
  } else if (isAsciiLetter(v.charCodeAt(n - 1))) {
    if (n < 4 || !isAsciiLetter(v.charCodeAt(n - 2)) || !isAsciiLetter(v.charCodeAt(n - 3))) return null;
    end = n - 3;
    while (end > 0 && v.charCodeAt(end - 1) === 32) end--;
    currency = v.slice(n - 3).toUpperCase();
  }
  const group = decimal === 'dot' ? 44 : 46;
  const point = decimal === 'dot' ? 46 : 44;
  let digits = 0;
  let whole = 0;
  let frac = 0;
  let fracLen = -1;
  for (let k = i; k < end; k++) {
    const c = v.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      digits++;
      if (fracLen < 0) whole = whole * 10 + (c - 48);
      else {
        frac = frac * 10 + (c - 48);
        fracLen++;
      }
    } else if (c === point) {
      if (fracLen >= 0) return null;
      fracLen = 0;
    } else if (c !== group) return null;
  }
  if (digits === 0 || digits > 15) return null;
  const exp = currencyExponent(currency);
  const f = fracLen < 0 ? 0 : fracLen;
  if (f > exp || exp >= POW10.length) return null;
  const minor = whole * POW10[exp]! + frac * POW10[exp - f]!;
  return minor <= 1e15 ? { minor, currency } : null;
}

// ---------------------------------------------------------------- probability, numbers, booleans

export type ProbabilityScale = 'percent' | 'fraction';

/**
 * A probability column is in percent when any value carries '%' or exceeds 1 (so '1'
 * in a column of 10, 60, 90 is 1 %); otherwise the values are fractions (0.6).
 */
export function detectProbabilityScale(values: readonly string[]): ProbabilityScale {
  for (const raw of values) if (isPercentValue(raw)) return 'percent';
  return 'fraction';
}

/** A value that puts its column in percent: it carries '%' or exceeds 1. */
export function isPercentValue(raw: string): boolean {
  const v = raw.trim();
  if (v === '') return false;
  if (v.endsWith('%')) return true;
  const n = parseDecimal(v);
  return n !== null && n > 1;
}

/** '60%', '60' (percent column) or '0.6' → 0.6. */
export function parseProbability(value: string, scale: ProbabilityScale = 'percent'): ValueResult<number | null> {
  const v = value.trim();
  if (v === '') return ok(null);
  const hasPercent = v.endsWith('%');
  const n = parseDecimal(hasPercent ? v.slice(0, -1) : v);
  if (n === null) return fail('io.reject.badProbability');
  const fraction = hasPercent || scale === 'percent' ? n / 100 : n;
  if (fraction < 0 || fraction > 1) return fail('io.reject.badProbability');
  // Rounded to kill float noise such as 0.57 / 100 * 100.
  return ok(Math.round(fraction * 1e6) / 1e6);
}

export function parseNumber(value: string, decimal: DecimalSeparator = 'dot'): ValueResult<number | null> {
  const v = value.trim();
  if (v === '') return ok(null);
  const n = parseDecimal(v, decimal);
  return n === null ? fail('io.reject.badNumber') : ok(n);
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', '✓', 'ใช่', 'จริง']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'ไม่', 'ไม่ใช่', 'เท็จ']);

export function parseBool(value: string): ValueResult<boolean> {
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return fail('io.reject.badBoolean');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}
