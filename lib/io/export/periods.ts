import { addDays, addMonths } from '../../domain/dates';
import type { IsoDate } from '../../domain/primitives';
import type { Period } from '../../kpi/period';
import { checkExportRange, ExportRangeError, periodCount } from './range';

export type { Period };

/**
 * Periods for the personal-stats export: consecutive calendar months, fiscal
 * quarters or fiscal years covering a chosen range, or the range as one period.
 *
 * Periods are clipped to the range, so the rows together cover exactly the days
 * the AE chose (a range starting 15 Jan gives a first month of 15–31 Jan). Fiscal
 * quarters and years start on the first day of `fiscalYearStartMonth` (1 = January),
 * as in the KPI engine's presets (lib/kpi/period.ts), which has no range splitter.
 */

export type ExportGranularity = 'month' | 'quarter' | 'year' | 'all';

export const EXPORT_GRANULARITIES: readonly ExportGranularity[] = ['month', 'quarter', 'year', 'all'];

const MONTHS_PER: Record<Exclude<ExportGranularity, 'all'>, number> = { month: 1, quarter: 3, year: 12 };

/** First day of the month/quarter/fiscal year that contains `d`. */
export function periodStartOf(
  d: IsoDate,
  granularity: Exclude<ExportGranularity, 'all'>,
  fiscalYearStartMonth: number,
): IsoDate {
  const step = MONTHS_PER[granularity];
  const firstOfMonth = `${d.slice(0, 7)}-01`;
  if (step === 1) return firstOfMonth;
  const month0 = +d.slice(5, 7) - 1;
  const offset = (((month0 - (fiscalYearStartMonth - 1)) % step) + step) % step;
  return addMonths(firstOfMonth, -offset);
}

/**
 * Consecutive periods covering `from`..`to` inclusive (empty when `to` is before `from`).
 * Throws ExportRangeError for a range checkExportRange refuses (a day outside 1900–2200, more
 * than MAX_PERIOD_ROWS rows): callers check first and show the reason; this is the backstop.
 * The loop runs a counted number of times, never "until the start passes `to`" — comparing days
 * as text breaks past year 9999 ('10000-01-01' < '9999-12-31'), which is how a range in 9999
 * once ran without end.
 */
export function periodsInRange(
  from: IsoDate,
  to: IsoDate,
  granularity: ExportGranularity,
  fiscalYearStartMonth = 1,
): Period[] {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1..12, got ${fiscalYearStartMonth}`);
  }
  const check = checkExportRange(from, to, granularity, fiscalYearStartMonth);
  if (!check.ok) {
    if (check.key === 'io.out.range.reversed') return [];
    throw new ExportRangeError(check.key, check.params);
  }
  if (granularity === 'all') return [{ start: from, end: to }];
  const step = MONTHS_PER[granularity];
  const first = periodStartOf(from, granularity, fiscalYearStartMonth);
  const n = periodCount(from, to, granularity, fiscalYearStartMonth);
  const out: Period[] = [];
  for (let i = 0; i < n; i++) {
    const start = addMonths(first, i * step);
    const end = addDays(addMonths(first, (i + 1) * step), -1);
    out.push({ start: start < from ? from : start, end: end > to ? to : end });
  }
  return out;
}
