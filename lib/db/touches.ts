import Dexie from 'dexie';
import { deriveTouches, touchFromActivity } from '../actions/touches';
import type { Account, Activity, Contact, Deal } from '../domain/records';
import type { CockpitDB } from './database';

/**
 * Keeping the stored touches (deal.lastTouchAt / lastMeetingAt, account.lastTouchAt; see
 * lib/actions/touches.ts) right on writes. Call inside a 'rw' transaction over activities,
 * deals, accounts and contacts.
 */

const max = (a: number | null | undefined, b: number | null): number | null =>
  a == null ? b : b === null ? a : a > b ? a : b;

/**
 * Folds one new activity into its records' touches (quick log): touches only grow, so the max
 * with what is stored is exact.
 */
export async function applyActivityTouch(db: CockpitDB, activity: Activity, now: number): Promise<void> {
  const t = touchFromActivity(activity, now);
  if (t === null) return;
  let accountId: string | null = null;
  if (t.link === 'deal') {
    const deal = await db.deals.get(t.id);
    if (!deal) return;
    const lastTouchAt = max(deal.lastTouchAt, t.touchAt);
    const lastMeetingAt = max(deal.lastMeetingAt, t.meetingAt);
    if (lastTouchAt !== (deal.lastTouchAt ?? null) || lastMeetingAt !== (deal.lastMeetingAt ?? null)) {
      await db.deals.update(deal.id, { lastTouchAt, lastMeetingAt });
    }
    accountId = deal.accountId;
  } else if (t.link === 'account') {
    accountId = t.id;
  } else {
    accountId = (await db.contacts.get(t.id))?.accountId ?? null;
  }
  if (accountId === null || t.touchAt === null) return;
  const account = await db.accounts.get(accountId);
  if (!account) return;
  const lastTouchAt = max(account.lastTouchAt, t.touchAt);
  if (lastTouchAt !== (account.lastTouchAt ?? null)) await db.accounts.update(account.id, { lastTouchAt });
}

/**
 * Recomputes the touches of these deals and accounts (and of the given deals' accounts) from the
 * activities stored now, loading only the activities that can count for them: those linked to
 * the deals and to the accounts' deals, to the accounts, and to the accounts' contacts.
 * Used where touches can shrink (an activity deleted or replaced) or many change at once (import).
 */
export async function recomputeTouches(
  db: CockpitDB,
  ids: { dealIds?: Iterable<string>; accountIds?: Iterable<string> },
  now: number,
): Promise<void> {
  const dealIds = new Set(ids.dealIds ?? []);
  const accountIds = new Set(ids.accountIds ?? []);
  const named = (await db.deals.bulkGet([...dealIds])).filter((d): d is Deal => d !== undefined);
  for (const d of named) if (d.accountId !== null) accountIds.add(d.accountId);
  const accounts = (await db.accounts.bulkGet([...accountIds])).filter((a): a is Account => a !== undefined);
  if (named.length === 0 && accounts.length === 0) return;
  const accIds = accounts.map((a) => a.id);

  const deals = new Map<string, Deal>();
  for (const d of named) deals.set(d.id, d);
  if (accIds.length > 0) for (const d of await db.deals.where('accountId').anyOf(accIds).toArray()) deals.set(d.id, d);
  const contacts: Contact[] = accIds.length > 0 ? await db.contacts.where('accountId').anyOf(accIds).toArray() : [];

  const activities = new Map<string, Activity>();
  const add = (list: Activity[]) => {
    for (const a of list) activities.set(a.id, a);
  };
  for (const id of deals.keys()) {
    add(await db.activities.where('[dealId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray());
  }
  if (accIds.length > 0) add(await db.activities.where('accountId').anyOf(accIds).toArray());
  if (contacts.length > 0) add(await db.activities.where('contactId').anyOf(contacts.map((c) => c.id)).toArray());

  const dealList = [...deals.values()];
  const touches = deriveTouches({ activities: [...activities.values()], deals: dealList, accounts, contacts }, now);
  for (const d of dealList) {
    const t = touches.deals.get(d.id)!;
    if (t.lastTouchAt !== (d.lastTouchAt ?? null) || t.lastMeetingAt !== (d.lastMeetingAt ?? null)) {
      await db.deals.update(d.id, { lastTouchAt: t.lastTouchAt, lastMeetingAt: t.lastMeetingAt });
    }
  }
  for (const a of accounts) {
    const t = touches.accounts.get(a.id)!;
    if (t !== (a.lastTouchAt ?? null)) await db.accounts.update(a.id, { lastTouchAt: t });
  }
}

/** Recomputes every deal's and account's touches in one pass (bulk writes); writes only the changed ones. */
export async function recomputeAllTouches(db: CockpitDB, now: number): Promise<void> {
  const [activities, deals, accounts, contacts] = await Promise.all([
    db.activities.toArray(),
    db.deals.toArray(),
    db.accounts.toArray(),
    db.contacts.toArray(),
  ]);
  const touches = deriveTouches({ activities, deals, accounts, contacts }, now);
  const dealsOut: Deal[] = [];
  for (const d of deals) {
    const t = touches.deals.get(d.id)!;
    if (t.lastTouchAt !== (d.lastTouchAt ?? null) || t.lastMeetingAt !== (d.lastMeetingAt ?? null)) {
      dealsOut.push({ ...d, lastTouchAt: t.lastTouchAt, lastMeetingAt: t.lastMeetingAt });
    }
  }
  const accountsOut: Account[] = [];
  for (const a of accounts) {
    const t = touches.accounts.get(a.id)!;
    if (t !== (a.lastTouchAt ?? null)) accountsOut.push({ ...a, lastTouchAt: t });
  }
  if (dealsOut.length > 0) await db.deals.bulkPut(dealsOut);
  if (accountsOut.length > 0) await db.accounts.bulkPut(accountsOut);
}
