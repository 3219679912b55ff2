import { fromDayNumber } from '../domain/dates';
import type { IsoDate } from '../domain/primitives';

/**
 * Day numbers for the hot paths of the KPI engine: days since 1970-01-01 in the
 * proleptic Gregorian calendar (the same numbers as lib/domain/dates), parsed by
 * char codes because a report reads ~300,000 dates.
 */

/** No day: sorts after every real day, so "day <= x" is false for it. */
export const NO_DAY = 0x7fffffff;

/**
 * A day that exists but is not known (a converted lead whose deal has no created
 * date): distinct from NO_DAY ("never"); also sorts after every real day.
 */
export const UNKNOWN_DAY = 0x7ffffffe;

const MS_PER_DAY = 86_400_000;

/** Day number of a `YYYY-MM-DD` string (days-from-civil, Howard Hinnant's algorithm). */
export function dayOf(s: IsoDate): number {
  let y =
    (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of a nullable date, NO_DAY for null. */
export function dayOrNone(s: IsoDate | null | undefined): number {
  return s ? dayOf(s) : NO_DAY;
}

export function isoOf(day: number): IsoDate {
  return fromDayNumber(day);
}

/** Local day of an instant with a fixed offset (minutes east of UTC, e.g. +420 for Bangkok). */
export function dayOfInstant(ms: number, tzOffsetMinutes: number): number {
  return Math.floor((ms + tzOffsetMinutes * 60_000) / MS_PER_DAY);
}

/**
 * The runtime's UTC offset on a given day, in minutes east of UTC. Used as the
 * default: a fixed offset is what makes 1,000,000 instants cheap to bucket (the
 * cost is that activities across a DST change can shift by an hour).
 */
export function runtimeOffsetMinutes(day: IsoDate): number {
  const off = -new Date(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10), 12).getTimezoneOffset();
  return off === 0 ? 0 : off; // never -0
}

/** First index i in sorted a[0..n) with a[i] >= x. */
export function lowerBound(a: Int32Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Positions 0..n-1 ordered by day (stable). Counting sort when the days span a
 * reasonable range (the usual case: a few years), a comparison sort otherwise.
 * Entries with NO_DAY must have been left out by the caller.
 */
export function orderByDay(days: Int32Array, n: number): Int32Array {
  const order = new Int32Array(n);
  if (n === 0) return order;
  let min = days[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const d = days[i]!;
    if (d < min) min = d;
    else if (d > max) max = d;
  }
  const range = max - min + 1;
  if (range <= 4 * n + 4096) {
    const counts = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) counts[days[i]! - min + 1]!++;
    for (let r = 1; r <= range; r++) counts[r]! += counts[r - 1]!;
    for (let i = 0; i < n; i++) order[counts[days[i]! - min]!++] = i;
    return order;
  }
  const tmp = Array.from({ length: n }, (_, i) => i);
  tmp.sort((a, b) => days[a]! - days[b]! || a - b);
  for (let i = 0; i < n; i++) order[i] = tmp[i]!;
  return order;
}

/**
 * Stable ranks by day for several disjoint classes of records at once, without
 * moving anything: `pos[i]` = the position of record i among the records of its
 * class `cls[i]` ordered by day (ties in record order), -1 when `cls[i] >= nCls`
 * (left out); `counts[c]` = the size of class c. `cls` null puts every record in
 * class 0. Dense day ranges (the usual case) are one counting sort, O(n + days):
 * callers then scatter their columns straight to `pos[i]` while reading records in
 * book order (sequential reads, and the writes stay near one cursor per day, so
 * they hit the cache), instead of gathering through a sorted index (random reads).
 * Sparse ranges (dirty data centuries apart) fall back to orderByDay per class.
 */
export function positionsByDay(
  days: Int32Array,
  cls: Uint8Array | null,
  nCls: number,
  n: number,
): { pos: Int32Array; counts: Int32Array } {
  const pos = new Int32Array(n);
  const counts = new Int32Array(nCls);
  let min = NO_DAY;
  let max = -NO_DAY;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const c = cls === null ? 0 : cls[i]!;
    if (c >= nCls) continue;
    const d = days[i]!;
    if (d < min) min = d;
    if (d > max) max = d;
    counts[c]!++;
    kept++;
  }
  if (kept === 0) return { pos: pos.fill(-1), counts };
  const range = max - min + 1;
  if (range * nCls <= 4 * kept + 4096) {
    // cursor[c * range + d - min]: next free position of class c for day d.
    const cursor = new Int32Array(nCls * range);
    for (let i = 0; i < n; i++) {
      const c = cls === null ? 0 : cls[i]!;
      if (c < nCls) cursor[c * range + days[i]! - min]!++;
    }
    for (let c = 0; c < nCls; c++) {
      let run = 0;
      for (let r = c * range, end = r + range; r < end; r++) {
        const k = cursor[r]!;
        cursor[r] = run;
        run += k;
      }
    }
    for (let i = 0; i < n; i++) {
      const c = cls === null ? 0 : cls[i]!;
      pos[i] = c < nCls ? cursor[c * range + days[i]! - min]!++ : -1;
    }
    return { pos, counts };
  }
  pos.fill(-1);
  for (let c = 0; c < nCls; c++) {
    const m = counts[c]!;
    const members = new Int32Array(m);
    const mDays = new Int32Array(m);
    let k = 0;
    for (let i = 0; i < n; i++) {
      if ((cls === null ? 0 : cls[i]!) !== c) continue;
      members[k] = i;
      mDays[k++] = days[i]!;
    }
    const order = orderByDay(mDays, m);
    for (let p = 0; p < m; p++) pos[members[order[p]!]!] = p;
  }
  return { pos, counts };
}
