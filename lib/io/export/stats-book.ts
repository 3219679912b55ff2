import type { Book } from '../../domain/book';
import { localDateOf } from '../../domain/dates';
import type { IsoDate } from '../../domain/primitives';
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

/** The first and last calendar day the book's records mention: the default range of a stats export. */
export function bookDateRange(book: Pick<Book, 'deals' | 'leads' | 'activities' | 'accounts'>): { min: IsoDate; max: IsoDate } | null {
  let min: IsoDate | null = null;
  let max: IsoDate | null = null;
  const see = (d: IsoDate | null | undefined) => {
    if (!d) return;
    if (min === null || d < min) min = d;
    if (max === null || d > max) max = d;
  };
  for (const d of book.deals) {
    see(d.createdOn);
    see(d.closeOn);
  }
  for (const l of book.leads) {
    see(l.createdOn);
    see(l.qualifiedOn);
    see(l.disqualifiedOn);
    see(l.convertedOn);
  }
  for (const a of book.activities) see(localDateOf(a.at));
  for (const a of book.accounts) {
    see(a.customerSince);
    see(a.churnedOn);
  }
  return min !== null && max !== null ? { min, max } : null;
}
