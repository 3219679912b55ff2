import { addMonths } from '../domain/dates';
import type { IsoDate } from '../domain/primitives';
import { dayOf, isoOf } from './days';

/** An inclusive range of local calendar days. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

export const PERIOD_PRESETS = [
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'trailing_30',
  'trailing_90',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export type TrendGranularity = 'month' | 'quarter';

function ym(d: IsoDate): [number, number] {
  return [+d.slice(0, 4), +d.slice(5, 7)];
}

function firstOfMonth(y: number, m: number): IsoDate {
  // Normalise month overflow both ways so callers can do arithmetic on m.
  const ny = y + Math.floor((m - 1) / 12);
  const nm = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${String(ny).padStart(4, '0')}-${nm < 10 ? '0' : ''}${nm}-01`;
}

/** The whole-month period of `months` months starting on the first of month `m` of year `y`. */
function monthsFrom(y: number, m: number, months: number): Period {
  const start = firstOfMonth(y, m);
  const next = firstOfMonth(y, m + months);
  return { start, end: isoOf(dayOf(next) - 1) };
}

/** Months since the fiscal year start, 0..11. */
function fiscalMonthIndex(month: number, fiscalYearStartMonth: number): number {
  return (((month - fiscalYearStartMonth) % 12) + 12) % 12;
}

function quarterContaining(d: IsoDate, fy: number): Period {
  const [y, m] = ym(d);
  const qStartMonth = m - (fiscalMonthIndex(m, fy) % 3);
  return monthsFrom(y, qStartMonth, 3);
}

function yearContaining(d: IsoDate, fy: number): Period {
  const [y, m] = ym(d);
  return monthsFrom(y, m - fiscalMonthIndex(m, fy), 12);
}

function monthContaining(d: IsoDate): Period {
  const [y, m] = ym(d);
  return monthsFrom(y, m, 1);
}

/**
 * A preset period seen from `today`. Quarters and years are fiscal: they start on
 * the first of `fiscalYearStartMonth` (1 = January). Trailing periods end today
 * and include it (trailing_30 is today and the 29 days before).
 */
export function presetPeriod(
  preset: PeriodPreset,
  today: IsoDate,
  fiscalYearStartMonth: number,
  custom?: Period,
): Period {
  const fy = fiscalYearStartMonth;
  switch (preset) {
    case 'this_month':
      return monthContaining(today);
    case 'last_month':
      return monthContaining(addMonths(monthContaining(today).start, -1));
    case 'this_quarter':
      return quarterContaining(today, fy);
    case 'last_quarter':
      return quarterContaining(addMonths(quarterContaining(today, fy).start, -3), fy);
    case 'this_year':
      return yearContaining(today, fy);
    case 'last_year':
      return yearContaining(addMonths(yearContaining(today, fy).start, -12), fy);
    case 'trailing_30':
      return { start: isoOf(dayOf(today) - 29), end: today };
    case 'trailing_90':
      return { start: isoOf(dayOf(today) - 89), end: today };
    case 'custom':
      if (!custom) throw new Error('a custom period needs a start and an end');
      if (custom.start > custom.end) throw new Error('a period cannot end before it starts');
      return { start: custom.start, end: custom.end };
  }
}

/** Number of days in a period (both ends included). */
export function periodDays(p: Period): number {
  return dayOf(p.end) - dayOf(p.start) + 1;
}

/** Whole calendar months covered by the period, or 0 when it does not start on a 1st and end on a month's last day. */
export function wholeMonths(p: Period): number {
  if (p.start.slice(8) !== '01') return 0;
  const dayAfter = isoOf(dayOf(p.end) + 1);
  if (dayAfter.slice(8) !== '01') return 0;
  const [y1, m1] = ym(p.start);
  const [y2, m2] = ym(dayAfter);
  return (y2 - y1) * 12 + (m2 - m1);
}

/**
 * The period just before, to compare with. A period of whole calendar months
 * (a month, a quarter, a fiscal year, or a custom run of months) is compared with
 * the same number of whole months before it, so February follows January whatever
 * their lengths. Any other period is compared with the same number of days
 * immediately before it.
 */
export function previousPeriod(p: Period): Period {
  const months = wholeMonths(p);
  const startDay = dayOf(p.start);
  if (months > 0) return { start: addMonths(p.start, -months), end: isoOf(startDay - 1) };
  const len = dayOf(p.end) - startDay + 1;
  return { start: isoOf(startDay - len), end: isoOf(startDay - 1) };
}

/**
 * The trend series: the last 12 calendar months, or the last 8 fiscal quarters,
 * oldest first, ending with the month or quarter that contains `anchor`.
 */
export function trendPeriods(
  granularity: TrendGranularity,
  anchor: IsoDate,
  fiscalYearStartMonth: number,
  count: number = granularity === 'month' ? 12 : 8,
): Period[] {
  const last = granularity === 'month' ? monthContaining(anchor) : quarterContaining(anchor, fiscalYearStartMonth);
  const step = granularity === 'month' ? 1 : 3;
  const [y, m] = ym(last.start);
  const out: Period[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(monthsFrom(y, m - i * step, step));
  return out;
}

/**
 * The day the trend series ends on: the as-of date clamped into the period, so
 * "this year" trends up to today, "last year" up to its last month.
 */
export function trendAnchor(p: Period, asOf: IsoDate): IsoDate {
  if (asOf < p.start) return p.start;
  if (asOf > p.end) return p.end;
  return asOf;
}
