import { describe, expect, it } from 'vitest';
import {
  afterQuietHours,
  instantAt,
  parseAlarmName,
  planReminders,
  pruneState,
  reconcileAlarms,
  snoozeUntil,
  type QuietHours,
  type ReminderDeal,
  type ReminderTask,
} from '../../../lib/reminders';

const BKK = 'Asia/Bangkok'; // UTC+7, no DST
const NY = 'America/New_York';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Wall-clock time in Bangkok as an instant. */
const bkk = (date: string, hhmm: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), +hhmm.slice(0, 2) - 7, +hhmm.slice(3, 5));

const off: QuietHours = { enabled: false, start: '19:00', end: '08:00' };
const night: QuietHours = { enabled: true, start: '19:00', end: '08:00' };
const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:00' };
const noState = { fired: {}, snoozed: {} };

const deal = (id: string, nextStepDue: string | null, o: Partial<ReminderDeal> = {}): ReminderDeal => ({ id, name: id, status: 'open', nextStep: 'Call', nextStepDue, ...o });
const task = (id: string, at: number, o: Partial<ReminderTask> = {}): ReminderTask => ({ id, kind: 'task', at, completedAt: null, subject: 'x', dealId: null, ...o });

describe('instantAt', () => {
  it('is the wall-clock time in the zone, across a DST change', () => {
    expect(instantAt('2026-11-30', 9 * 60, BKK)).toBe(bkk('2026-11-30', '09:00'));
    expect(new Date(instantAt('2026-03-08', 9 * 60, NY)).toISOString()).toBe('2026-03-08T13:00:00.000Z'); // EDT began 02:00
    expect(new Date(instantAt('2026-03-07', 9 * 60, NY)).toISOString()).toBe('2026-03-07T14:00:00.000Z');
  });
});

describe('afterQuietHours', () => {
  it.each([
    ['off: unchanged', off, bkk('2026-11-30', '23:00'), bkk('2026-11-30', '23:00')],
    ['outside overnight hours: unchanged', night, bkk('2026-11-30', '10:00'), bkk('2026-11-30', '10:00')],
    ['evening inside: next morning', night, bkk('2026-11-30', '21:30'), bkk('2026-12-01', '08:00')],
    ['at the start: inside', night, bkk('2026-11-30', '19:00'), bkk('2026-12-01', '08:00')],
    ['early morning inside: same morning', night, bkk('2026-12-01', '06:15'), bkk('2026-12-01', '08:00')],
    ['at the end: outside', night, bkk('2026-12-01', '08:00'), bkk('2026-12-01', '08:00')],
    ['month end overnight', night, bkk('2026-11-30', '23:59'), bkk('2026-12-01', '08:00')],
    ['daytime hours', lunch, bkk('2026-11-30', '12:30'), bkk('2026-11-30', '13:00')],
    ['daytime hours, before', lunch, bkk('2026-11-30', '11:59'), bkk('2026-11-30', '11:59')],
  ])('%s', (_, q, t, want) => expect(afterQuietHours(t, q, BKK)).toBe(want));
});

describe('planReminders', () => {
  const now = bkk('2026-11-30', '10:00');

  it('a next step due later today or on a later day reminds at 09:00 on its day; past 09:00 today it fires now', () => {
    const plan = planReminders([deal('d1', '2026-12-01'), deal('d2', '2026-11-30')], [], { now, quiet: off, timeZone: BKK, state: noState });
    expect(plan.map((p) => [p.key, p.when])).toEqual([
      ['deal:d2:2026-11-30', now],
      ['deal:d1:2026-12-01', bkk('2026-12-01', '09:00')],
    ]);
    expect(plan[0]!.name).toBe('reminder|deal:d2:2026-11-30');
  });

  it('a reminder due inside quiet hours fires when they end', () => {
    const early: QuietHours = { enabled: true, start: '18:00', end: '09:30' };
    const plan = planReminders([deal('d1', '2026-12-01')], [task('t1', bkk('2026-12-01', '20:00'))], { now, quiet: early, timeZone: BKK, state: noState });
    expect(plan.map((p) => [p.id, p.when])).toEqual([
      ['d1', bkk('2026-12-01', '09:30')],
      ['t1', bkk('2026-12-02', '09:30')],
    ]);
  });

  it('now inside quiet hours: an overdue reminder waits for their end', () => {
    const late = bkk('2026-11-30', '22:00');
    const [p] = planReminders([deal('d1', '2026-11-30')], [], { now: late, quiet: night, timeZone: BKK, state: noState });
    expect(p!.when).toBe(bkk('2026-12-01', '08:00'));
  });

  it('skips closed deals, deals without a due date, done tasks, other activities, fired keys and long-overdue items', () => {
    const plan = planReminders(
      [deal('won', '2026-12-01', { status: 'won' }), deal('none', null), deal('old', '2026-11-20'), deal('fired', '2026-12-02')],
      [task('done', now + HOUR, { completedAt: now }), task('meeting', now + HOUR, { kind: 'meeting' }), task('t', now + HOUR)],
      { now, quiet: off, timeZone: BKK, state: { fired: { 'deal:fired:2026-12-02': now - HOUR }, snoozed: {} } },
    );
    expect(plan.map((p) => p.id)).toEqual(['t']);
  });

  it('a moved due date is a new reminder even after the old one fired', () => {
    const state = { fired: { 'deal:d1:2026-12-01': now }, snoozed: {} };
    expect(planReminders([deal('d1', '2026-12-01')], [], { now, quiet: off, timeZone: BKK, state })).toEqual([]);
    expect(planReminders([deal('d1', '2026-12-03')], [], { now, quiet: off, timeZone: BKK, state })).toHaveLength(1);
  });

  it('a snoozed reminder fires at the snooze end, out of quiet hours, even when long overdue', () => {
    const until = snoozeUntil(bkk('2026-11-30', '20:00'), night, BKK);
    expect(until).toBe(bkk('2026-12-01', '20:00') + 12 * HOUR); // 20:00 is quiet: the next 08:00
    const state = { fired: {}, snoozed: { 'deal:old:2026-11-01': until } };
    const [p] = planReminders([deal('old', '2026-11-01')], [], { now, quiet: night, timeZone: BKK, state });
    expect(p!.when).toBe(until);
  });

  it('caps the number of alarms, nearest first', () => {
    const deals = Array.from({ length: 50 }, (_, i) => deal(`d${i}`, `2026-12-${String(1 + (i % 28)).padStart(2, '0')}`));
    const plan = planReminders(deals, [], { now, quiet: off, timeZone: BKK, state: noState, max: 10 });
    expect(plan).toHaveLength(10);
    expect(plan.every((p, i) => i === 0 || plan[i - 1]!.when <= p.when)).toBe(true);
  });
});

describe('restart re-scheduling', () => {
  const now = bkk('2026-11-30', '10:00');
  const deals = [deal('d1', '2026-12-01'), deal('d2', '2026-12-02')];
  const tasks = [task('t1', now + 3 * HOUR)];
  const plan = planReminders(deals, tasks, { now, quiet: night, timeZone: BKK, state: noState });

  it('after a restart that lost every alarm, the same plan creates them all again', () => {
    const after = planReminders(deals, tasks, { now: now + 60_000, quiet: night, timeZone: BKK, state: noState });
    const r = reconcileAlarms([], after);
    expect(r.create.map((p) => p.name)).toEqual(plan.map((p) => p.name));
    expect(r.clear).toEqual([]);
  });

  it('after a restart that kept them, nothing changes', () => {
    const kept = plan.map((p) => ({ name: p.name, scheduledTime: p.when }));
    const after = planReminders(deals, tasks, { now: now + 60_000, quiet: night, timeZone: BKK, state: noState });
    expect(reconcileAlarms([...kept, { name: 'badge', scheduledTime: 0 }], after)).toEqual({ create: [], clear: [] });
  });

  it('a reminder that fired before the restart is not raised again; one no longer due is cleared', () => {
    const kept = plan.map((p) => ({ name: p.name, scheduledTime: p.when }));
    const state = { fired: { [`task:t1:${now + 3 * HOUR}`]: now + 3 * HOUR }, snoozed: {} };
    const after = planReminders([deal('d1', '2026-12-01')], tasks, { now: now + 4 * HOUR, quiet: night, timeZone: BKK, state });
    const r = reconcileAlarms(kept, after);
    expect(r.create).toEqual([]);
    expect(r.clear.sort()).toEqual(['reminder|deal:d2:2026-12-02', `reminder|task:t1:${now + 3 * HOUR}`]);
  });

  it('a moved alarm is re-created', () => {
    const kept = plan.map((p) => ({ name: p.name, scheduledTime: p.when - DAY }));
    expect(reconcileAlarms(kept, plan).create).toHaveLength(plan.length);
  });
});

describe('alarm names and state', () => {
  it('parses what it names, ids with colons included', () => {
    expect(parseAlarmName('reminder|deal:abc:def:2026-12-01')).toEqual({ kind: 'deal', id: 'abc:def', key: 'deal:abc:def:2026-12-01' });
    expect(parseAlarmName('reminder|task:t1:1764470000000')).toEqual({ kind: 'task', id: 't1', key: 'task:t1:1764470000000' });
    expect(parseAlarmName('badge')).toBeNull();
    expect(parseAlarmName('reminder|junk')).toBeNull();
  });

  it('prunes what no longer matters', () => {
    const now = 100 * DAY;
    expect(pruneState({ fired: { a: now - 8 * DAY, b: now - DAY }, snoozed: { c: now - 2 * DAY, d: now + DAY } }, now)).toEqual({ fired: { b: now - DAY }, snoozed: { d: now + DAY } });
  });
});
