import { majorToMinor } from '../domain/money';
import { MAX_INPUT, span, type Recognised } from './types';

export interface AmountValue {
  /** Integer minor units of `currency`. */
  minor: number;
  /** ISO 4217 code. */
  currency: string;
}
export type AmountMatch = Recognised<'amount', AmountValue>;

const CODES = 'THB|USD|EUR|GBP|JPY|SGD|บาท|baht|Baht';
const PRE = `US\\$|S\\$|\\$|฿|€|£|¥|${CODES}`;
const POST = `${CODES}|฿|€|£|\\$`;
// 1,234.56 · 1.234,56 · 1 234,56 (no-break spaces only) · 1234 · 1234.5 · 1.2
const NUM = '\\d{1,3}(?:[,.\\u00A0\\u202F]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?';
const SUF = '(?:\\s?(?:k|K|m|M|mn|MM|bn|million|billion|ล้าน|พัน)(?![A-Za-z]))?';
const AMOUNT = new RegExp(
  `(?<![A-Za-z0-9.,]|\\d[ \\u00A0\\u202F])(?:(${PRE})\\s?(${NUM})(${SUF})|(${NUM})(${SUF})\\s?(${POST}))(?![A-Za-z0-9]|[.,]\\d)`,
  'g',
);

const CURRENCY: Record<string, string> = {
  US$: 'USD', S$: 'SGD', $: 'USD', '฿': 'THB', '€': 'EUR', '£': 'GBP', '¥': 'JPY',
  บาท: 'THB', baht: 'THB', Baht: 'THB',
};

const MULTIPLIER: Record<string, number> = {
  k: 1e3, K: 1e3, พัน: 1e3, m: 1e6, M: 1e6, mn: 1e6, MM: 1e6, million: 1e6, ล้าน: 1e6, bn: 1e9, billion: 1e9,
};

/**
 * The number in major units. Both separators present: the last is the decimal one ("1,234.56",
 * "1.234,56"). One separator used more than once, or once before exactly three digits, groups
 * thousands ("1,234", "€1.234"); otherwise it is the decimal point ("1.5", "99,50").
 */
function majorOf(num: string): number | null {
  const s = num.replace(/[\u00A0\u202F]/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart = s;
  let frac = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = Math.max(lastDot, lastComma);
    intPart = s.slice(0, dec);
    frac = s.slice(dec + 1);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const idx = Math.max(lastDot, lastComma);
    const once = s.indexOf(sep) === idx;
    if (once && s.length - idx - 1 !== 3) {
      intPart = s.slice(0, idx);
      frac = s.slice(idx + 1);
    }
  }
  const digits = intPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits) || (frac !== '' && !/^\d+$/.test(frac))) return null;
  const n = Number(frac ? `${digits}.${frac}` : digits);
  return Number.isFinite(n) ? n : null;
}

/**
 * Amounts with a currency: "฿1,234.56", "THB 1.2M", "$1,200", "USD 1200", "€1.234,56",
 * "1.234,56 EUR", "12,500 บาท". `value.minor` is integer minor units (lib/domain/money
 * majorToMinor); "$" is USD. A number without a currency is not an amount.
 */
export function recogniseAmounts(input: string): AmountMatch[] {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const out: AmountMatch[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const sym = m[1] ?? m[6]!;
    const num = m[2] ?? m[4]!;
    const suf = (m[3] ?? m[5] ?? '').trim();
    const currency = CURRENCY[sym] ?? sym.toUpperCase();
    const major = majorOf(num);
    if (major === null) continue;
    const minor = majorToMinor(major * (suf ? MULTIPLIER[suf] ?? 1 : 1), currency);
    if (!Number.isSafeInteger(minor)) continue;
    out.push(span('amount', input, m.index, m.index + m[0].length, { minor, currency }));
  }
  return out;
}
