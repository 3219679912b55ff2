import { currencyExponent } from '../../domain/money';
import { formatMinorAsMajor, numericText, plainNumber, toCsv, type CsvValue } from './csv-write';
import type { KpiUnit } from '../../kpi/ids';
import type { Period } from './periods';

export type { KpiUnit };

export interface StatsRow {
  period: Period;
  /** KPI id → value. Money in reporting-currency MINOR units; rates as fractions; null = not computable. */
  values: Readonly<Record<string, number | null | undefined>>;
}

export const STATS_FIXED_HEADERS = ['period_start', 'period_end'] as const;

/**
 * Writes one KPI value: money in major units with the currency's exponent digits
 * and a dot (THB 1234.50, JPY 1235), rates/ratios/days/counts as plain decimals,
 * null or non-finite as an empty cell.
 */
export function statsCell(value: number | null | undefined, unit: KpiUnit | undefined, exponent: number): CsvValue {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  // Averages can be fractional minor units: rounded to whole minor units, then the
  // dot is placed by integer arithmetic (exact, never exponent notation).
  if (unit === 'money') return numericText(formatMinorAsMajor(value, exponent));
  return numericText(plainNumber(value));
}

/**
 * The personal-stats CSV: one row per period, columns period_start, period_end,
 * then one column per KPI id in `kpiIds` order. UTF-8 BOM, CRLF, RFC 4180.
 * A KPI with no unit listed is written as a plain number.
 */
export function statsCsv(
  rows: readonly StatsRow[],
  kpiIds: readonly string[],
  units: Readonly<Record<string, KpiUnit>>,
  reportingCurrency: string,
): string {
  const exponent = currencyExponent(reportingCurrency);
  const unitList = kpiIds.map((id) => units[id]);
  const body = rows.map((r) => {
    const line: CsvValue[] = [r.period.start, r.period.end];
    for (let i = 0; i < kpiIds.length; i++) line.push(statsCell(r.values[kpiIds[i]!], unitList[i], exponent));
    return line;
  });
  return toCsv([...STATS_FIXED_HEADERS, ...kpiIds], body);
}
