import { isRealIsoDate } from '../../lib/domain/dates';

/**
 * The quick log's field parsing: what the AE typed → a value, or the reason it is refused
 * (a message key and its params, shown in the AE's language).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string> };

/** Minutes: empty (none), whole minutes 0–1440, or h:mm. */
export function parseDuration(raw: string): Parsed<number | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  let n: number | null = null;
  if (/^\d{1,4}$/.test(s)) n = Number(s);
  else {
    const m = /^(\d{1,2}):([0-5]\d)$/.exec(s);
    if (m) n = Number(m[1]) * 60 + Number(m[2]);
  }
  if (n === null || n > 1440) return { ok: false, key: 'quicklog.duration.bad', params: { value: s } };
  return { ok: true, value: n };
}

/** A calendar date as YYYY-MM-DD (what a date input gives); empty is null. */
export function parseDate(raw: string): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  return isRealIsoDate(s) ? { ok: true, value: s } : { ok: false, key: 'quicklog.date.bad', params: { value: s } };
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function parseEmail(raw: string): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  return EMAIL.test(s) ? { ok: true, value: s } : { ok: false, key: 'quicklog.email.bad', params: { value: s } };
}

export function parseDomain(raw: string): Parsed<string | null> {
  const s = raw.trim().replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '');
  if (s === '') return { ok: true, value: null };
  return DOMAIN.test(s) ? { ok: true, value: s.toLowerCase() } : { ok: false, key: 'quicklog.domain.bad', params: { value: raw.trim() } };
}

/** mm:ss (or h:mm:ss) of a running timer. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
