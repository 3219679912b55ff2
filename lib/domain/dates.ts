import type { IsoDate } from './primitives';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Days are counted as integers
 * since 1970-01-01 in a proleptic Gregorian calendar, with no time zone involved:
 * a local date stays the same date wherever the AE is.
 */

const MS_PER_DAY = 86_400_000;

export function toDayNumber(d: IsoDate): number {
  // Parsing by hand is ~10x faster than Date.parse on hot paths (100k deals).
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7);
  const day = +d.slice(8, 10);
  return Math.floor(Date.UTC(y, m - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const y = +d.slice(0, 4);
  const m = +d.slice(5, 7) - 1 + n;
  const ny = y + Math.floor(m / 12);
  const nm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const day = Math.min(+d.slice(8, 10), last);
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local calendar day of an instant, in the runtime's time zone (or the one given). */
export function localDateOf(instant: number, timeZone?: string): IsoDate {
  if (timeZone) {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      instant,
    );
  }
  const dt = new Date(instant);
  const m = dt.getMonth() + 1;
  const d = dt.getDate();
  return `${dt.getFullYear()}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Start of a local calendar day as an instant (runtime time zone). */
export function startOfLocalDay(d: IsoDate): number {
  return new Date(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)).getTime();
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in an IANA time zone. */
export function zonedWallClock(ms: number, timeZone: string): WallClock {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  const parts = f.formatToParts(ms);
  const get = (t: string) => +(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes east of UTC that a time zone is at an instant (Bangkok: 420). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const w = zonedWallClock(ms, timeZone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60_000);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Arithmetic, not Date: the importer runs it for every date cell of a 100k-row file. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/** A YYYY-MM-DD that names a real calendar day (no zod: the popup checks dates with it). */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}
