import type { Activity, Deal } from '../domain/records';
import type { CockpitDB } from './database';
import type { ReminderDeal, ReminderTask } from '../reminders';

/**
 * What the badge and the reminders read, through indexes: open deals by `[status+nextStepDue]`
 * (schema 3: a key range, the count reads no record; the `status` scan remains for an older
 * schema), tasks by the `at` index within a window (no `kind` index: `[kind+at]` would make it exact).
 */

const TASK_WINDOW_MS = 30 * 86_400_000;

const hasIndex = (table: { schema: { idxByName: Record<string, unknown> } }, name: string) => name in table.schema.idxByName;

/** Open deals whose next step was due before today, plus open tasks due before now (last 30 days). */
export async function countOverdue(db: CockpitDB, today: string, now: number): Promise<number> {
  let deals: number;
  if (hasIndex(db.deals, '[status+nextStepDue]')) {
    deals = await db.deals.where('[status+nextStepDue]').between(['open', ''], ['open', today]).count();
  } else {
    deals = await db.deals
      .where('status')
      .equals('open')
      .filter((d: Deal) => typeof d.nextStepDue === 'string' && d.nextStepDue < today)
      .count();
  }
  const tasks = await db.activities
    .where('at')
    .between(now - TASK_WINDOW_MS, now)
    .filter((a: Activity) => a.kind === 'task' && (a.completedAt ?? null) === null)
    .count();
  return deals + tasks;
}

/** Open deals with a next step due from `fromDate` on, and open tasks due from `fromMs` on: what may remind. */
export async function reminderSources(db: CockpitDB, fromDate: string, fromMs: number): Promise<{ deals: ReminderDeal[]; tasks: ReminderTask[] }> {
  const deals = hasIndex(db.deals, '[status+nextStepDue]')
    ? await db.deals.where('[status+nextStepDue]').between(['open', fromDate], ['open', '\uffff']).toArray()
    : await db.deals
        .where('status')
        .equals('open')
        .filter((d: Deal) => typeof d.nextStepDue === 'string' && d.nextStepDue >= fromDate)
        .toArray();
  const tasks = await db.activities
    .where('at')
    .aboveOrEqual(fromMs)
    .filter((a: Activity) => a.kind === 'task' && (a.completedAt ?? null) === null)
    .toArray();
  return {
    deals: deals.map((d) => ({ id: d.id, name: d.name, status: d.status, nextStep: d.nextStep ?? null, nextStepDue: d.nextStepDue })),
    tasks: tasks.map((a) => ({ id: a.id, kind: a.kind, at: a.at, completedAt: a.completedAt ?? null, subject: a.subject ?? '', dealId: a.dealId })),
  };
}

/** What a notification says about one reminder, read at the moment it fires (it may be done since). */
export async function reminderSubject(
  db: CockpitDB,
  kind: 'deal' | 'task',
  id: string,
): Promise<{ deal: Deal | null; task: Activity | null }> {
  if (kind === 'deal') return { deal: (await db.deals.get(id)) ?? null, task: null };
  const task = (await db.activities.get(id)) ?? null;
  return { deal: task?.dealId ? ((await db.deals.get(task.dealId)) ?? null) : null, task };
}
