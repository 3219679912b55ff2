import type { Book } from '../../domain/book';
import { currencyExponent } from '../../domain/money';
import { buildKpiIndex, computePeriodKpis, KPI_IDS, KPI_UNITS, runtimeOffsetMinutes, type PeriodKpis } from '../../kpi';
import { formatMinorAsMajor, numericText, plainNumber, toCsv, type CsvValue } from './csv-write';
import type { KpiUnit } from '../../kpi/ids';
import { periodsInRange, type Period } from './periods';
import type { StatsExportOptions } from './stats-book';

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

export interface StatsProgress {
  /** Rows computed so far. */
  done: number;
  total: number;
}

export interface StatsRunControl {
  /** Aborting stops at the next chunk boundary; the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Called after each chunk (and once at the start with done = 0). */
  onProgress?: (p: StatsProgress) => void;
  /** Work this long before yielding to the event loop (default 25 ms: a page stays responsive). */
  sliceMs?: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The export was cancelled.', 'AbortError');
}

/**
 * statsCsvForBook (lib/io/export/stats-book.ts) for a page: the same file byte for byte, computed
 * period by period with a yield to the event loop every `sliceMs`, progress reports and an
 * AbortSignal, so a 600-row export neither freezes the options page nor has to run to the end.
 * The range is checked first (periodsInRange throws ExportRangeError for one it refuses).
 */
export async function statsCsvForBookAsync(
  book: Book,
  opts: StatsExportOptions,
  control: StatsRunControl = {},
): Promise<{ csv: string; rows: number }> {
  const { signal, onProgress } = control;
  const sliceMs = control.sliceMs ?? 25;
  const periods = periodsInRange(opts.from, opts.to, opts.granularity, opts.fiscalYearStartMonth);
  throwIfAborted(signal);
  onProgress?.({ done: 0, total: periods.length });
  await yieldToEventLoop();
  throwIfAborted(signal);
  // The index computeKpisForPeriods builds (lib/kpi/report.ts), built once for every chunk;
  // tests/unit/io/export/stats-async.test.ts holds the two to the same bytes.
  const ix = buildKpiIndex(book, {
    reportingCurrency: opts.reportingCurrency,
    fxRates: opts.fxRates,
    tzOffsetMinutes: opts.tzOffsetMinutes ?? runtimeOffsetMinutes(opts.asOf),
    territories: opts.territories,
  });
  const rows: PeriodKpis[] = [];
  let sliceStart = Date.now();
  for (const p of periods) {
    rows.push(computePeriodKpis(ix, p, opts.asOf));
    if (Date.now() - sliceStart >= sliceMs && rows.length < periods.length) {
      onProgress?.({ done: rows.length, total: periods.length });
      await yieldToEventLoop();
      throwIfAborted(signal);
      sliceStart = Date.now();
    }
  }
  onProgress?.({ done: rows.length, total: periods.length });
  return { csv: statsCsv(rows, KPI_IDS, KPI_UNITS, opts.reportingCurrency), rows: rows.length };
}
