/** Money helpers. Amounts are integer minor units; the exponent comes from Intl, not a table. */

const exponentCache = new Map<string, number>();

/** Minor-unit exponent of a currency: THB 2, JPY 0, BHD 3 (per the runtime's ICU data). */
export function currencyExponent(code: string): number {
  let e = exponentCache.get(code);
  if (e === undefined) {
    try {
      e = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      e = 2;
    }
    exponentCache.set(code, e);
  }
  return e;
}

export function minorToMajor(minor: number, code: string): number {
  return minor / 10 ** currencyExponent(code);
}

export function majorToMinor(major: number, code: string): number {
  return Math.round(major * 10 ** currencyExponent(code));
}

/**
 * Exchange rates as "units of the reporting currency per one unit of X" (major units).
 * The reporting currency itself needs no rate.
 */
export type FxRates = Record<string, number>;

/** Converts minor units of `from` into minor units of `to`, or null when no rate is known. */
export function convertMinor(minor: number, from: string, to: string, rates: FxRates): number | null {
  if (from === to) return minor;
  const rate = rates[from];
  if (rate === undefined || !(rate > 0)) return null;
  return Math.round(minorToMajor(minor, from) * rate * 10 ** currencyExponent(to));
}
