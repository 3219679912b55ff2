import { dealChanges, type ChangeSource } from '../domain/history';
import { dealSchema, type Deal } from '../domain/records';
import type { CockpitDB } from './database';
import { validateFor } from './errors';
import { newId } from './ids';

/** Fields the AE may change on a deal by hand (not its id, timestamps, provenance or derived touches). */
export type DealEdit = Partial<Omit<Deal, 'id' | 'createdAt' | 'updatedAt' | 'provenance' | 'sourceKey' | 'lastTouchAt' | 'lastMeetingAt'>>;

/**
 * Edits a deal in ONE transaction: the merged deal is validated (an invalid edit writes nothing
 * and names the field), and every tracked field it changes is appended to the deal history.
 * Returns the deal as it was, for undo (`restoreDeal`), or undefined when there is no such deal.
 */
export async function editDeal(db: CockpitDB, id: string, edit: DealEdit, now: number, source: ChangeSource = 'edit'): Promise<Deal | undefined> {
  return db.transaction('rw', [db.deals, db.dealHistory], async () => {
    const before = await db.deals.get(id);
    if (!before) return undefined;
    const after = validateFor(dealSchema, 'deals', { ...before, ...edit, id, createdAt: before.createdAt, updatedAt: now });
    const changes = dealChanges(before, after, now, source, id, newId);
    await db.deals.put(after);
    if (changes.length > 0) await db.dealHistory.bulkAdd(changes);
    return before;
  });
}

/** Puts a deal back as it was before an edit (undo); the history records the change back. */
export async function restoreDeal(db: CockpitDB, before: Deal, now: number): Promise<void> {
  const { id, createdAt, updatedAt: _u, provenance: _p, sourceKey: _s, lastTouchAt: _t, lastMeetingAt: _m, ...fields } = before;
  void createdAt;
  await editDeal(db, id, fields, now, 'undo');
}

/** A deal's history, oldest first. */
export function dealHistoryOf(db: CockpitDB, dealId: string) {
  return db.dealHistory.where('dealId').equals(dealId).sortBy('at');
}
