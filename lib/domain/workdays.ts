import { addDays, toDayNumber } from './dates';
import type { IsoDate } from './primitives';

/**
 * Working-day arithmetic on `YYYY-MM-DD`: Saturday and Sunday are not working days. Public
 * holidays differ per country and year and are not known here; the AE moves the date by hand.
 */

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(d: IsoDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

export function isWorkday(d: IsoDate): boolean {
  const w = weekdayOf(d);
  return w !== 0 && w !== 6;
}

/**
 * `n` working days after `d` (n ≥ 0). Counting starts the day after `d`, so from a Friday or a
 * weekend day one working day is the Monday. n = 0 gives `d` itself, or the next working day
 * when `d` is on a weekend.
 */
export function addWorkdays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
  let day = d;
  if (n === 0) {
    while (!isWorkday(day)) day = addDays(day, 1);
    return day;
  }
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkday(day)) left--;
  }
  return day;
}

/** The due date a new next step gets unless the AE picks one: two working days after today. */
export function defaultNextStepDue(today: IsoDate): IsoDate {
  return addWorkdays(today, 2);
}
