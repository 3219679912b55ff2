import type { IsoDate } from '../../domain/primitives';

/**
 * The one check of a stats-export range, shared by the options page, the side panel and the
 * headless report (lib/report/args.ts, run.ts), and enforced again by periodsInRange itself.
 *
 * - Days are `YYYY-MM-DD` from RANGE_FIRST_DAY to RANGE_LAST_DAY (1900-01-01 to 2200-12-31): the
 *   importer's window for dates in a file (lib/io/import/values.ts parseDate), so every date
 *   that can be in the data can be in a range. It also keeps the range away from where the date
 *   code breaks: a five-digit year sorts before '9999' as text (so 9999-12 + 1 month looped for
 *   ever), `Date` years 0–99 mean 1900–1999, and `Date` ends at year 275760.
 * - At most MAX_PERIOD_ROWS rows: 600 months, 200 quarters or 50 years (fifty years of rows, a
 *   working life of an AE's book and more; each row runs the KPI engine once). 'all' is one row.
 *
 * Problems come back as i18n keys of lib/i18n/messages/io-out.ts with their params, so every
 * caller words them the same.
 */

export type RangeGranularity = 'month' | 'quarter' | 'year' | 'all';

export const RANGE_FIRST_YEAR = 1900;
export const RANGE_LAST_YEAR = 2200;
export const RANGE_FIRST_DAY: IsoDate = `${RANGE_FIRST_YEAR}-01-01`;
export const RANGE_LAST_DAY: IsoDate = `${RANGE_LAST_YEAR}-12-31`;
export const MAX_PERIOD_ROWS: Readonly<Record<Exclude<RangeGranularity, 'all'>, number>> = { month: 600, quarter: 200, year: 50 };

const MONTHS_PER: Record<Exclude<RangeGranularity, 'all'>, number> = { month: 1, quarter: 3, year: 12 };

export type RangeProblemKey =
  | 'io.out.range.notDate'
  | 'io.out.range.years'
  | 'io.out.range.reversed'
  | 'io.out.range.tooManyMonths'
  | 'io.out.range.tooManyQuarters'
  | 'io.out.range.tooManyYears';

export interface RangeProblem {
  key: RangeProblemKey;
  params: Record<string, string | number>;
}

export type RangeCheck = { ok: true; rows: number } | ({ ok: false } & RangeProblem);

/** Thrown by periodsInRange for a range checkExportRange refuses; `key`/`params` say why. */
export class ExportRangeError extends RangeError {
  constructor(
    readonly key: RangeProblemKey,
    readonly params: Record<string, string | number>,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'ExportRangeError';
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Null when `value` is a real calendar day `YYYY-MM-DD` inside the window; else the problem.
 * Arithmetic only (no `Date`, whose years 0–99 shift by 1900). `which` names the input in params.
 */
export function checkRangeDay(value: string, which = ''): RangeProblem | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return { key: 'io.out.range.notDate', params: { which, value } };
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!)) {
    return { key: 'io.out.range.notDate', params: { which, value } };
  }
  if (y < RANGE_FIRST_YEAR || y > RANGE_LAST_YEAR) {
    return { key: 'io.out.range.years', params: { which, value, first: RANGE_FIRST_DAY, last: RANGE_LAST_DAY } };
  }
  return null;
}

/** Months since year 0 of a `YYYY-MM…` day: the arithmetic period counts are made of. */
const monthIndex = (d: IsoDate) => +d.slice(0, 4) * 12 + (+d.slice(5, 7) - 1);

/**
 * How many rows `from`..`to` gives, by arithmetic (no loop, so any input answers at once):
 * periods of `granularity` whose fiscal year starts in `fiscalYearStartMonth`, the first one
 * the period containing `from`. 0 when `to` is before `from`. Both days must be `YYYY-MM-DD`.
 */
export function periodCount(from: IsoDate, to: IsoDate, granularity: RangeGranularity, fiscalYearStartMonth = 1): number {
  if (to < from) return 0;
  if (granularity === 'all') return 1;
  const step = MONTHS_PER[granularity];
  const first = monthIndex(from);
  // The period holding `from` starts `offset` months before it.
  const offset = (((first % 12) - (fiscalYearStartMonth - 1)) % step + step) % step;
  return Math.floor((monthIndex(to) - (first - offset)) / step) + 1;
}

const TOO_MANY: Record<Exclude<RangeGranularity, 'all'>, RangeProblemKey> = {
  month: 'io.out.range.tooManyMonths',
  quarter: 'io.out.range.tooManyQuarters',
  year: 'io.out.range.tooManyYears',
};

/**
 * Validates a stats-export range: both days real and in the window, `from` ≤ `to`, and at most
 * MAX_PERIOD_ROWS rows for the granularity. On success, the number of rows it gives.
 */
export function checkExportRange(from: string, to: string, granularity: RangeGranularity, fiscalYearStartMonth = 1): RangeCheck {
  const bad = checkRangeDay(from, 'from') ?? checkRangeDay(to, 'to');
  if (bad) return { ok: false, ...bad };
  if (to < from) return { ok: false, key: 'io.out.range.reversed', params: { from, to } };
  const rows = periodCount(from, to, granularity, fiscalYearStartMonth);
  if (granularity !== 'all' && rows > MAX_PERIOD_ROWS[granularity]) {
    const max = MAX_PERIOD_ROWS[granularity];
    return { ok: false, key: TOO_MANY[granularity], params: { from, to, count: rows, max, years: (max * MONTHS_PER[granularity]) / 12 } };
  }
  return { ok: true, rows };
}
