import type { IsoDate } from '../domain/primitives';
import {
  decimalSeparatorOf,
  detectDateFormat,
  parseAmount,
  parseDate,
  parseDecimal,
  parseProbability,
  type DateFormat,
  type DecimalSeparator,
} from '../io/import/values';

/**
 * Values as CRM pages show them in the user's locale, read with the importer's own parsers
 * (lib/io/import/values.ts): amounts, dates, percentages. What the page shows ambiguously and the
 * page's locale does not settle is not read (null): readers list it as missing, never guess.
 */

// ---------------------------------------------------------------- locale facts

const orderCache = new Map<string, 'dmy' | 'mdy' | 'ymd' | null>();

/**
 * The day/month order of a locale tag (`<html lang>`), from the runtime's Intl data: 'en-us' → mdy,
 * 'en-gb', 'es', 'th' → dmy, 'ja' → ymd. Null for no tag or a tag Intl does not know.
 */
export function dateOrderOf(lang: string | null): 'dmy' | 'mdy' | 'ymd' | null {
  if (!lang) return null;
  let o = orderCache.get(lang);
  if (o !== undefined) return o;
  try {
    const parts = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })
      .formatToParts(new Date(Date.UTC(2026, 0, 31)))
      .map((p) => p.type)
      .filter((t) => t === 'day' || t === 'month' || t === 'year');
    o = parts[0] === 'year' ? 'ymd' : parts[0] === 'day' ? 'dmy' : parts[0] === 'month' ? 'mdy' : null;
  } catch {
    o = null;
  }
  orderCache.set(lang, o);
  return o;
}

const sepCache = new Map<string, DecimalSeparator | null>();

/** The decimal separator of a locale tag, from Intl ('de' → comma, 'en-us' / 'th' → dot); null when unknown. */
export function decimalOf(lang: string | null): DecimalSeparator | null {
  if (!lang) return null;
  let s = sepCache.get(lang);
  if (s !== undefined) return s;
  try {
    const dec = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value;
    s = dec === ',' ? 'comma' : dec === '.' ? 'dot' : null;
  } catch {
    s = null;
  }
  sepCache.set(lang, s);
  return s;
}

/** A value's own decimal separator when its shape decides it ('1.234,56'), else the locale's, else dot. */
export function decimalFor(value: string, lang: string | null): DecimalSeparator {
  return decimalSeparatorOf(value) ?? decimalOf(lang) ?? 'dot';
}

// ---------------------------------------------------------------- money

export interface Money {
  minor: number;
  currency: string;
}

const CODE = /\b[A-Z]{3}\b/;
const SYMBOL = /US\$|S\$|A\$|HK\$|NZ\$|C\$|RM|Rp|บาท|[฿€£¥₩₹₱₫$]/;

/**
 * An amount as a record page shows it: '$8,400.00', '8.400,00 €', 'EUR 8,400.00',
 * 'EUR 8,400.00 (USD 9,114.00)' (multi-currency orgs: the record's own amount comes first, the
 * user's converted one in brackets — not this). The currency must be on the page: in the value
 * (code or symbol) or given as `currency` (a separate currency field); otherwise null. A bare '$'
 * is `currency` when that is a dollar currency, else USD (parseAmount's rule).
 */
export function parseMoney(text: string, lang: string | null, currency: string | null = null): Money | null {
  let v = text.trim();
  const bracket = v.indexOf('(');
  if (bracket > 0) v = v.slice(0, bracket).trim();
  v = v.replace(/[\s\u00a0\u202f]+/g, ' ');
  if (!v || !/\d/.test(v)) return null;
  const hasCode = CODE.test(v);
  const hasSymbol = SYMBOL.test(v);
  if (!hasCode && !hasSymbol && !currency) return null;
  // A space group separator ('8 400,00 €') must not split the number from itself for parseAmount.
  const compact = v.replace(/(\d) (?=\d)/g, '$1');
  const r = parseAmount(compact, currency ?? 'USD', decimalFor(compact, lang));
  if (!r.ok || r.value.minor === null || r.value.minor < 0) return null;
  if (!/^[A-Z]{3}$/.test(r.value.currency)) return null;
  return { minor: r.value.minor, currency: r.value.currency };
}

/** A three-letter currency code shown on its own ('EUR', 'EUR - Euro'); null otherwise. */
export function currencyCodeOf(text: string): string | null {
  const m = /^\s*([A-Z]{3})\b/.exec(text);
  return m ? m[1]! : null;
}

// ---------------------------------------------------------------- dates

const ORDERED: Record<'slash' | 'dash', Record<'dmy' | 'mdy', DateFormat>> = {
  slash: { dmy: 'dmy', mdy: 'mdy' },
  dash: { dmy: 'dmy_dash', mdy: 'mdy_dash' },
};

/**
 * The date format of the dates a page shows. `values` are every date-looking value of the record
 * (close date, created / modified dates): any day above 12 settles day/month order for all of
 * them; otherwise the page locale (`lang`) does; otherwise null (ambiguous: the caller leaves the
 * date out). Unambiguous shapes (ISO, D.M.YYYY, month names) need no help.
 */
export function pageDateFormat(values: readonly string[], lang: string | null): DateFormat | null {
  const dates = values.map(dateHead).filter((v): v is string => v !== null);
  if (dates.length === 0) return null;
  // Only one shape can be detected at a time: use the shape of the first value, and those like it.
  const first = dates[0]!;
  const sep = /^\d{1,2}([/-])\d{1,2}\1\d{2,4}$/.exec(first)?.[1];
  const same = dates.filter((d) => (sep ? new RegExp(`^\\d{1,2}\\${sep}\\d{1,2}\\${sep}\\d{2,4}$`).test(d) : true));
  const det = detectDateFormat(sep ? same : [first]);
  if (!det) return null;
  if (!det.ambiguous) return det.format;
  const order = dateOrderOf(lang);
  if (order !== 'dmy' && order !== 'mdy') return null;
  return ORDERED[sep === '-' ? 'dash' : 'slash'][order];
}

/** Thai, Arabic-Indic and Persian digits as ASCII ('๒๑/๓/๒๕๖๙' → '21/3/2569'); other text unchanged. */
function foldDigits(s: string): string {
  if (!/[\u0e50-\u0e59\u0660-\u0669\u06f0-\u06f9]/.test(s)) return s;
  return s.replace(/[\u0e50-\u0e59\u0660-\u0669\u06f0-\u06f9]/g, (c) => {
    const n = c.charCodeAt(0);
    return String(n - (n >= 0x0e50 ? 0x0e50 : n >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/**
 * The date part of a value such as 'Jane Doe, 3/25/2026, 10:15 AM' or '25/03/2026 14:00' (digits
 * in ASCII; a Buddhist-era year stays as shown, parseDate converts it); null when none.
 */
export function dateHead(value: string): string | null {
  const v = foldDigits(value.trim());
  const m =
    /(\d{4}[-/]\d{1,2}[-/]\d{1,2})/.exec(v) ??
    /(\d{1,2}([/.-])\d{1,2}\2\d{4})/.exec(v) ??
    /(\d{1,2}\.? [^\s\d,]+\.? \d{4})/.exec(v) ??
    /([A-Za-z]+\.? \d{1,2},? \d{4})/.exec(v);
  if (!m) return null;
  return m[1]!.replace(/^(\d{1,2})\. /, '$1 ').replace(/^(\d{1,2} [^\s\d,]+)\. /, '$1 ');
}

/** One date value in a page's format (pageDateFormat); null when it does not parse. */
export function parsePageDate(value: string, format: DateFormat | null): IsoDate | null {
  if (!format) return null;
  const head = dateHead(value);
  if (!head) return null;
  const r = parseDate(head, format);
  return r.ok ? r.value : null;
}

// ---------------------------------------------------------------- numbers

/**
 * '60%', '60 %', '%60', '60,5 %' (comma locales) → a fraction in [0, 1]. A bare number is read as
 * percent only above 1 ('60'); '0.6' or '1' without a sign could be either and gives null.
 */
export function parsePercent(text: string, lang: string | null): number | null {
  let v = text.replace(/[\s\u00a0\u202f]+/g, '').trim();
  if (!v) return null;
  const pct = v.endsWith('%') || v.startsWith('%');
  v = v.replace(/^%|%$/g, '');
  const n = parseDecimal(v, decimalFor(v, lang));
  if (n === null) return null;
  if (!pct && n <= 1) return null;
  const r = parseProbability(`${n}%`, 'percent');
  return r.ok ? r.value : null;
}

/** The host name of a website as shown ('https://www.acme.com/', 'acme.com'), without 'www.'; null if none. */
export function domainOf(website: string): string | null {
  const w = website.trim();
  if (!w || /\s/.test(w)) return null;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(w) ? w : `https://${w}`);
    const host = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
    return /^[a-z0-9.-]+\.[a-z0-9-]{2,}$/.test(host) && host.length <= 253 ? host : null;
  } catch {
    return null;
  }
}
