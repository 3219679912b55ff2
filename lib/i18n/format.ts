import { minorToMajor } from '../domain/money';
import type { Language } from './index';

/**
 * Intl formatting for the chosen language. Thai uses the Buddhist calendar for dates
 * (2026 shows as 2569) and Thai digits are not forced: Thai AEs read Arabic digits.
 */
export function localeOf(lang: Language): string {
  return lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-US';
}

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f as T;
}

/** Money from minor units. `whole` drops the minor digits (headline figures); `compact` gives "฿4.8M". */
export function formatMoney(minor: number, currency: string, locale: string, opts: { compact?: boolean; whole?: boolean } = {}): string {
  const f = cached(`m|${locale}|${currency}|${opts.compact ? 1 : 0}|${opts.whole ? 1 : 0}`, () =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(opts.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
      ...(opts.whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    }),
  );
  return f.format(minorToMajor(minor, currency));
}

export function formatNumber(n: number, locale: string, maximumFractionDigits = 1): string {
  return cached(`n|${locale}|${maximumFractionDigits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits })).format(n);
}

/** A fraction as a percentage: 0.253 → "25.3%". */
export function formatPercent(fraction: number, locale: string, maximumFractionDigits = 1): string {
  return cached(
    `p|${locale}|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }),
  ).format(fraction);
}

/** A ratio read as a multiple: 3.16 → "3.2×" (pipeline coverage, in the panel and the next actions alike). */
export function formatMultiple(ratio: number, locale: string, maximumFractionDigits = 1): string {
  return `${formatNumber(ratio, locale, maximumFractionDigits)}×`;
}

/** A local calendar day (YYYY-MM-DD). Formatted at noon UTC so no time zone can shift the day. */
export function formatDate(iso: string, locale: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' })).format(
    Date.UTC(y, m - 1, d, 12),
  );
}

export function formatInstant(ms: number, locale: string): string {
  return cached(`i|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(ms);
}

const relative = new Map<string, Intl.RelativeTimeFormat>();
/** "3 days ago", "in 2 days", "yesterday". */
export function formatRelativeDays(days: number, locale: string): string {
  let f = relative.get(locale);
  if (!f) relative.set(locale, (f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return f.format(days, 'day');
}
