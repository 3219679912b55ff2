import { z } from 'zod';
import { activityKindSchema, activityOutcomeSchema, activitySchema, actionStateSchema, type Activity } from '../domain/records';
import type { CockpitDB } from './database';
import { newId } from './ids';
import { applyActivityTouch, recomputeTouches } from './touches';

/** What the quick-log form sends; validated before anything is written. */
export const quickLogSchema = z.object({
  kind: activityKindSchema,
  outcome: activityOutcomeSchema.nullable().default(null),
  durationMin: z.number().int().nonnegative().max(1440).nullable().default(null),
  notes: z.string().max(20000).default(''),
  dealId: z.string().nullable().default(null),
  accountId: z.string().nullable().default(null),
  contactId: z.string().nullable().default(null),
});
export type QuickLog = z.input<typeof quickLogSchema>;

export { newId } from './ids';

/**
 * Logs an activity. The deal's account is linked too, so account-level rules see the touch.
 * In the same transaction the deal's and account's stored touches take it in.
 */
export async function logActivity(db: CockpitDB, input: QuickLog, now: number): Promise<Activity> {
  const q = quickLogSchema.parse(input);
  return db.transaction('rw', [db.activities, db.deals, db.accounts, db.contacts], async () => {
    let accountId = q.accountId;
    if (q.dealId && !accountId) accountId = (await db.deals.get(q.dealId))?.accountId ?? null;
    const activity = activitySchema.parse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      kind: q.kind,
      at: now,
      durationMin: q.durationMin,
      outcome: q.outcome,
      notes: q.notes,
      dealId: q.dealId,
      accountId,
      contactId: q.contactId,
    });
    await db.activities.add(activity);
    await applyActivityTouch(db, activity, now);
    return activity;
  });
}

/** Deletes an activity; the touches it counted for are recomputed from what is left. */
export async function deleteActivity(db: CockpitDB, id: string, now: number): Promise<void> {
  await db.transaction('rw', [db.activities, db.deals, db.accounts, db.contacts], async () => {
    const activity = await db.activities.get(id);
    if (!activity) return;
    await db.activities.delete(id);
    const dealIds: string[] = [];
    const accountIds: string[] = [];
    if (activity.dealId !== null) dealIds.push(activity.dealId);
    else if (activity.accountId !== null) accountIds.push(activity.accountId);
    else if (activity.contactId !== null) {
      const c = await db.contacts.get(activity.contactId);
      if (c?.accountId) accountIds.push(c.accountId);
    }
    await recomputeTouches(db, { dealIds, accountIds }, now);
  });
}

/** Marks a next action done or snoozed; returns the previous state so the UI can undo. */
export async function setActionState(
  db: CockpitDB,
  key: string,
  status: 'done' | 'snoozed',
  now: number,
  until: number | null = null,
): Promise<{ restore: () => Promise<void> }> {
  const state = actionStateSchema.parse({ id: key, status, until, at: now });
  const previous = await db.transaction('rw', db.actionStates, async () => {
    const before = await db.actionStates.get(key);
    await db.actionStates.put(state);
    return before;
  });
  return {
    restore: async () => {
      if (previous) await db.actionStates.put(actionStateSchema.parse(previous));
      else await db.actionStates.delete(key);
    },
  };
}
