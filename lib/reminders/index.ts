import { addDays, zonedWallClock, zoneOffsetMinutes } from '../domain/dates';
import type { IsoDate } from '../domain/primitives';

/**
 * Reminder scheduling, pure: given the deals' next steps, the open tasks, the quiet hours, what
 * already fired or was snoozed, and now → the alarms to set. The background turns the plan into
 * browser alarms (they fire with the worker asleep) and plans again on every start, so a restart
 * that lost its alarms gets them back, and one that kept them changes nothing.
 */

export interface QuietHours {
  enabled: boolean;
  /** HH:MM local; start > end means overnight (19:00–08:00). */
  start: string;
  end: string;
}

export interface ReminderDeal {
  id: string;
  name: string;
  status: string;
  nextStep: string | null;
  nextStepDue: IsoDate | null;
}

export interface ReminderTask {
  id: string;
  kind: string;
  /** When the task is due (epoch ms). */
  at: number;
  completedAt: number | null;
  subject: string;
  dealId: string | null;
}

export interface ReminderState {
  /** Reminder key → when its notification was shown. A key fires once. */
  fired: Record<string, number>;
  /** Reminder key → snoozed until (epoch ms). */
  snoozed: Record<string, number>;
}

export interface PlanOptions {
  now: number;
  quiet: QuietHours;
  /** IANA zone the AE's day is in (quiet hours and a date-only due are local). */
  timeZone: string;
  state: ReminderState;
  /** The local time a date-only next step reminds at. */
  dueTime?: string;
  /** Due longer ago than this and never reminded: not raised now (the badge counts it). */
  lookbackMs?: number;
  max?: number;
}

export interface PlannedReminder {
  /** The alarm name: `reminder|<key>`. */
  name: string;
  key: string;
  kind: 'deal' | 'task';
  id: string;
  /** When it is due. */
  dueAt: number;
  /** When the alarm fires: due (or the snooze end), moved out of quiet hours, never before now. */
  when: number;
}

export const ALARM_PREFIX = 'reminder|';
const DAY = 86_400_000;

/** A next step's key carries its due date: moving the date makes a new reminder. */
export const dealReminderKey = (d: Pick<ReminderDeal, 'id' | 'nextStepDue'>) => `deal:${d.id}:${d.nextStepDue}`;
export const taskReminderKey = (t: Pick<ReminderTask, 'id' | 'at'>) => `task:${t.id}:${t.at}`;

export function parseAlarmName(name: string): { kind: 'deal' | 'task'; id: string; key: string } | null {
  if (!name.startsWith(ALARM_PREFIX)) return null;
  const key = name.slice(ALARM_PREFIX.length);
  const m = /^(deal|task):(.+):([^:]+)$/.exec(key);
  return m ? { kind: m[1] as 'deal' | 'task', id: m[2]!, key } : null;
}

const minutesOf = (hhmm: string) => +hhmm.slice(0, 2) * 60 + +hhmm.slice(3, 5);

/** The instant a local wall-clock time (minutes after midnight) on a date is, in a zone (DST-safe). */
export function instantAt(date: IsoDate, minutes: number, timeZone: string): number {
  const guess = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), 0, minutes);
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  return guess - zoneOffsetMinutes(first, timeZone) * 60_000;
}

function localDate(ms: number, timeZone: string): IsoDate {
  const w = zonedWallClock(ms, timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** `t`, or the end of the quiet hours it falls in. */
export function afterQuietHours(t: number, quiet: QuietHours, timeZone: string): number {
  if (!quiet.enabled) return t;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  if (s === e) return t;
  const w = zonedWallClock(t, timeZone);
  const m = w.hour * 60 + w.minute;
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return t;
  const today = localDate(t, timeZone);
  // Overnight hours entered in the evening end tomorrow morning.
  const endDay = s > e && m >= s ? addDays(today, 1) : today;
  return instantAt(endDay, e, timeZone);
}

export function planReminders(deals: readonly ReminderDeal[], tasks: readonly ReminderTask[], o: PlanOptions): PlannedReminder[] {
  const dueMinutes = minutesOf(o.dueTime ?? '09:00');
  const oldest = o.now - (o.lookbackMs ?? DAY);
  const out: PlannedReminder[] = [];
  const add = (kind: 'deal' | 'task', id: string, key: string, dueAt: number) => {
    if (o.state.fired[key] !== undefined) return;
    const snoozedUntil = o.state.snoozed[key];
    if (snoozedUntil === undefined && dueAt < oldest) return;
    const base = Math.max(snoozedUntil ?? dueAt, o.now);
    out.push({ name: ALARM_PREFIX + key, key, kind, id, dueAt, when: afterQuietHours(base, o.quiet, o.timeZone) });
  };
  for (const d of deals) {
    if (d.status !== 'open' || !d.nextStepDue) continue;
    add('deal', d.id, dealReminderKey(d), instantAt(d.nextStepDue, dueMinutes, o.timeZone));
  }
  for (const t of tasks) {
    if (t.kind !== 'task' || t.completedAt !== null) continue;
    add('task', t.id, taskReminderKey(t), t.at);
  }
  out.sort((a, b) => a.when - b.when || (a.key < b.key ? -1 : 1));
  return out.slice(0, o.max ?? 200);
}

/**
 * What to change so the browser's alarms are the plan: create the missing or moved ones, clear
 * those no longer planned. Alarms that are not reminders are left alone.
 */
export function reconcileAlarms(
  existing: readonly { name: string; scheduledTime: number }[],
  plan: readonly PlannedReminder[],
): { create: PlannedReminder[]; clear: string[] } {
  const have = new Map(existing.filter((a) => a.name.startsWith(ALARM_PREFIX)).map((a) => [a.name, a.scheduledTime]));
  const want = new Set(plan.map((p) => p.name));
  return {
    // A minute's drift is the browser's rounding, not a move.
    create: plan.filter((p) => !have.has(p.name) || Math.abs(have.get(p.name)! - p.when) > 60_000),
    clear: [...have.keys()].filter((n) => !want.has(n)),
  };
}

/** The state with what no longer matters dropped (keys not planned and older than a week). */
export function pruneState(state: ReminderState, now: number): ReminderState {
  const keep = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, at]) => at > now - 7 * DAY));
  return { fired: keep(state.fired), snoozed: Object.fromEntries(Object.entries(state.snoozed).filter(([, until]) => until > now - DAY)) };
}

/** Snoozing a reminder: one day from now, out of quiet hours. */
export function snoozeUntil(now: number, quiet: QuietHours, timeZone: string): number {
  return afterQuietHours(now + DAY, quiet, timeZone);
}
