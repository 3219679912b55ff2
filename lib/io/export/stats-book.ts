import type { Book } from '../../domain/book';
import { computeKpisForPeriods, KPI_IDS, KPI_UNITS, type KpiEngineOptions } from '../../kpi';
import { periodsInRange, type ExportGranularity } from './periods';
import { statsCsv } from './stats';

export interface StatsExportOptions extends KpiEngineOptions {
  from: string;
  to: string;
  granularity: ExportGranularity;
  fiscalYearStartMonth: number;
}

/**
 * The personal stats CSV for a book: one row per period of the range, one column per KPI id.
 * The options page, the side panel and the headless report all call this one function,
 * so the same data gives the same file everywhere.
 */
export function statsCsvForBook(book: Book, opts: StatsExportOptions): { csv: string; rows: number } {
  const periods = periodsInRange(opts.from, opts.to, opts.granularity, opts.fiscalYearStartMonth);
  const rows = computeKpisForPeriods(book, periods, opts);
  return { csv: statsCsv(rows, KPI_IDS, KPI_UNITS, opts.reportingCurrency), rows: rows.length };
}

/** The earliest and latest calendar day in the book's deals (created or closed), for a default export range. */
export function bookDateRange(book: Pick<Book, 'deals'>): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const d of book.deals) {
    for (const day of [d.createdOn, d.closeOn]) {
      if (!day) continue;
      if (from === null || day < from) from = day;
      if (to === null || day > to) to = day;
    }
  }
  return from && to ? { from, to } : null;
}
