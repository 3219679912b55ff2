import { z } from 'zod';
import { startOfLocalDay } from '../domain/dates';
import { dealChanges } from '../domain/history';
import { instantSchema, isoDateSchema } from '../domain/primitives';
import {
  accountSchema,
  activityKindSchema,
  activityOutcomeSchema,
  activitySchema,
  actionStateSchema,
  contactSchema,
  type Activity,
  type ActivityKind,
  type ActivityOutcome,
  type Deal,
} from '../domain/records';
import { OUTCOMES_BY_KIND } from '../domain/quicklog';
import { cleanBlock, cleanLine, emailKey } from '../domain/text';
import type { CockpitDB } from './database';
import { newId } from './ids';
import { applyActivityTouch, recomputeTouches } from './touches';

export { OUTCOMES_BY_KIND } from '../domain/quicklog';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const name = z.string().transform((s) => cleanLine(s, 300)).pipe(z.string().min(1, 'required'));
const optionalEmail = z
  .string()
  .transform((s) => emailKey(s))
  .pipe(z.string().max(320).regex(EMAIL, 'not an email address'))
  .nullable()
  .default(null);
const optionalDomain = z
  .string()
  .transform((s) => cleanLine(s).toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, ''))
  .pipe(z.string().regex(DOMAIN, 'not a domain'))
  .nullable()
  .default(null);

/** What the quick-log form sends; validated before anything is written. */
export const quickLogSchema = z
  .object({
    kind: activityKindSchema,
    outcome: activityOutcomeSchema.nullable().default(null),
    durationMin: z.number().int().nonnegative().max(1440).nullable().default(null),
    notes: z.string().max(20000).default(''),
    /** When it happened; null = at the write (`now`). A timed call passes its start. */
    at: instantSchema.nullable().default(null),
    dealId: z.string().nullable().default(null),
    accountId: z.string().nullable().default(null),
    contactId: z.string().nullable().default(null),
    /** Created in the same transaction and linked to the log (an account the book does not have yet). */
    newAccount: z.object({ name, domain: optionalDomain }).nullable().default(null),
    newContact: z.object({ name, email: optionalEmail }).nullable().default(null),
    /** On a deal: its nextStep/nextStepDue. Without a deal: an open task due that day. */
    nextStep: z.object({ text: z.string().transform((s) => cleanLine(s, 500)).pipe(z.string().min(1, 'required')), due: isoDateSchema }).nullable().default(null),
    /** Stage or expected close of the deal, with a deal-history row per change. */
    dealChange: z
      .object({ stage: z.string().transform((s) => cleanLine(s, 200)).pipe(z.string().min(1)).optional(), closeOn: isoDateSchema.optional() })
      .nullable()
      .default(null),
  })
  .superRefine((q, ctx) => {
    if (q.outcome !== null && q.kind !== 'task' && !OUTCOMES_BY_KIND[q.kind].includes(q.outcome)) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `not an outcome of a ${q.kind}` });
    }
    if (q.dealChange && !q.dealId) ctx.addIssue({ code: 'custom', path: ['dealChange'], message: 'a stage or close date needs a deal' });
    if (q.newAccount && q.accountId) ctx.addIssue({ code: 'custom', path: ['newAccount'], message: 'an account is already chosen' });
    if (q.newContact && q.contactId) ctx.addIssue({ code: 'custom', path: ['newContact'], message: 'a contact is already chosen' });
  });
export type QuickLog = z.input<typeof quickLogSchema>;

export { newId } from './ids';

/** The fields a quick log may change on a deal, as they were before: what undo puts back. */
type DealFields = Pick<Deal, 'nextStep' | 'nextStepDue' | 'stage' | 'closeOn' | 'updatedAt'>;

/** What a quick log wrote, so `undoQuickLog` can take exactly that back. */
export interface QuickLogResult {
  activity: Activity;
  /** The open task created for a next step without a deal. */
  taskId: string | null;
  createdAccountId: string | null;
  createdContactId: string | null;
  /** The deal's fields before and after, when the log changed any. */
  deal: { id: string; before: DealFields; after: DealFields } | null;
}

// A task made from a next step without a deal is due at 09:00 local on its day.
const TASK_HOUR_MS = 9 * 3_600_000;

const TABLES = (db: CockpitDB) => [db.activities, db.deals, db.accounts, db.contacts, db.dealHistory];

/**
 * The quick log, in ONE transaction: the activity; a new account or contact typed in place; the
 * stored touches; the deal's next step and due date; its stage or close date with a deal-history
 * row per change. Either all of it is stored or (any error) none of it.
 */
export async function quickLog(db: CockpitDB, input: QuickLog, now: number): Promise<QuickLogResult> {
  const q = quickLogSchema.parse(input);
  return db.transaction('rw', TABLES(db), async () => {
    let accountId = q.accountId;
    let contactId = q.contactId;
    const deal = q.dealId ? await db.deals.get(q.dealId) : undefined;
    if (q.dealId && !deal) throw new Error(`no deal ${q.dealId}`);
    if (deal && !accountId) accountId = deal.accountId;

    let createdAccountId: string | null = null;
    if (q.newAccount) {
      const account = accountSchema.parse({
        id: newId(), createdAt: now, updatedAt: now, name: q.newAccount.name,
        domains: q.newAccount.domain ? [q.newAccount.domain] : [],
        provenance: { site: 'manual', capturedAt: now },
      });
      await db.accounts.add(account);
      accountId = createdAccountId = account.id;
    }
    let createdContactId: string | null = null;
    if (q.newContact) {
      const contact = contactSchema.parse({
        id: newId(), createdAt: now, updatedAt: now, name: q.newContact.name,
        emails: q.newContact.email ? [q.newContact.email] : [], accountId,
        provenance: { site: 'manual', capturedAt: now },
      });
      await db.contacts.add(contact);
      contactId = createdContactId = contact.id;
    }

    const activity = activitySchema.parse({
      id: newId(), createdAt: now, updatedAt: now, kind: q.kind, at: q.at ?? now, durationMin: q.durationMin,
      outcome: q.outcome, notes: cleanBlock(q.notes, 20000), dealId: q.dealId, accountId, contactId,
      provenance: { site: 'manual', capturedAt: now },
    });
    await db.activities.add(activity);
    await applyActivityTouch(db, activity, now);

    let taskId: string | null = null;
    let dealOut: QuickLogResult['deal'] = null;
    if (deal) {
      const before: DealFields = { nextStep: deal.nextStep, nextStepDue: deal.nextStepDue, stage: deal.stage, closeOn: deal.closeOn, updatedAt: deal.updatedAt };
      const after: DealFields = {
        nextStep: q.nextStep ? q.nextStep.text : before.nextStep,
        nextStepDue: q.nextStep ? q.nextStep.due : before.nextStepDue,
        stage: q.dealChange?.stage ?? before.stage,
        closeOn: q.dealChange?.closeOn ?? before.closeOn,
        updatedAt: now,
      };
      if (after.nextStep !== before.nextStep || after.nextStepDue !== before.nextStepDue || after.stage !== before.stage || after.closeOn !== before.closeOn) {
        await db.deals.update(deal.id, after);
        const changes = dealChanges(before, { stage: after.stage, closeOn: after.closeOn }, now, 'quicklog', deal.id, newId);
        if (changes.length > 0) await db.dealHistory.bulkAdd(changes);
        dealOut = { id: deal.id, before, after };
      }
    } else if (q.nextStep) {
      const task = activitySchema.parse({
        id: newId(), createdAt: now, updatedAt: now, kind: 'task', at: startOfLocalDay(q.nextStep.due) + TASK_HOUR_MS,
        subject: q.nextStep.text, accountId, contactId, provenance: { site: 'manual', capturedAt: now },
      });
      await db.activities.add(task);
      taskId = task.id;
    }
    return { activity, taskId, createdAccountId, createdContactId, deal: dealOut };
  });
}

/**
 * Takes a quick log back in one transaction: the activity and its task go, the deal's fields
 * return to what they were (only those still holding what the log set: a later edit stays), the
 * stage/close change is recorded as an 'undo' change, and an account or contact created in place
 * is removed unless something else now links to it. Touches are recomputed from what is left.
 */
export async function undoQuickLog(db: CockpitDB, r: QuickLogResult, now: number): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    await db.activities.bulkDelete([r.activity.id, ...(r.taskId ? [r.taskId] : [])]);
    const dealIds: string[] = [];
    const accountIds: string[] = [];
    if (r.activity.dealId) dealIds.push(r.activity.dealId);
    if (r.activity.accountId) accountIds.push(r.activity.accountId);
    if (r.deal) {
      const current = await db.deals.get(r.deal.id);
      if (current) {
        const patch: Partial<DealFields> = {};
        for (const k of ['nextStep', 'nextStepDue', 'stage', 'closeOn'] as const) {
          if (current[k] === r.deal.after[k] && r.deal.after[k] !== r.deal.before[k]) (patch as Record<string, unknown>)[k] = r.deal.before[k];
        }
        if (Object.keys(patch).length > 0) {
          await db.deals.update(current.id, { ...patch, updatedAt: now });
          const changes = dealChanges(current, patch, now, 'undo', current.id, newId);
          if (changes.length > 0) await db.dealHistory.bulkAdd(changes);
        }
      }
    }
    if (r.createdContactId && (await db.activities.where('contactId').equals(r.createdContactId).count()) === 0) {
      await db.contacts.delete(r.createdContactId);
    }
    if (r.createdAccountId) {
      const used =
        (await db.deals.where('accountId').equals(r.createdAccountId).count()) +
        (await db.contacts.where('accountId').equals(r.createdAccountId).count()) +
        (await db.activities.where('accountId').equals(r.createdAccountId).count());
      if (used === 0) await db.accounts.delete(r.createdAccountId);
    }
    await recomputeTouches(db, { dealIds, accountIds }, now);
  });
}

/**
 * Logs an activity. The deal's account is linked too, so account-level rules see the touch.
 * In the same transaction the deal's and account's stored touches take it in.
 */
export async function logActivity(db: CockpitDB, input: QuickLog, now: number): Promise<Activity> {
  return (await quickLog(db, input, now)).activity;
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
