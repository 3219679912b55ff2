import { describe, expect, it } from 'vitest';
import { deriveTouches } from '../../../lib/actions/touches';
import { CockpitDB } from '../../../lib/db';
import { commitImport } from '../../../lib/db/import';
import { recomputeAllTouches } from '../../../lib/db/touches';
import { deleteActivity, logActivity } from '../../../lib/db/writes';
import type { ImportPlan } from '../../../lib/io/import/rows';
import { account, activity, contact, deal, DAY, NOW } from '../actions/fixtures';

const T1 = NOW - 5 * DAY;
const T2 = NOW - 2 * DAY;

async function seeded() {
  const db = new CockpitDB(`touches-${Math.random()}`);
  await db.accounts.bulkAdd([account('a1'), account('a2')]);
  await db.contacts.bulkAdd([contact('c1', { accountId: 'a1' }), contact('c2', { accountId: 'a2' })]);
  await db.deals.bulkAdd([deal('d1', { accountId: 'a1' }), deal('d2', { accountId: 'a2' })]);
  return db;
}

const dealT = async (db: CockpitDB, id: string) => {
  const d = (await db.deals.get(id))!;
  return { lastTouchAt: d.lastTouchAt ?? null, lastMeetingAt: d.lastMeetingAt ?? null };
};
const accT = async (db: CockpitDB, id: string) => (await db.accounts.get(id))!.lastTouchAt ?? null;

/** The stored touches are exactly what the activities stored say. */
async function expectConsistent(db: CockpitDB, now: number) {
  const [activities, deals, accounts, contacts] = await Promise.all([
    db.activities.toArray(),
    db.deals.toArray(),
    db.accounts.toArray(),
    db.contacts.toArray(),
  ]);
  const t = deriveTouches({ activities, deals, accounts, contacts }, now);
  for (const d of deals) expect({ lastTouchAt: d.lastTouchAt ?? null, lastMeetingAt: d.lastMeetingAt ?? null }, d.id).toEqual(t.deals.get(d.id));
  for (const a of accounts) expect(a.lastTouchAt ?? null, a.id).toBe(t.accounts.get(a.id));
}

describe('logActivity keeps touches', () => {
  it('a call on a deal touches the deal and its account; a meeting is a meeting; a task is no touch', async () => {
    const db = await seeded();
    await logActivity(db, { kind: 'call', dealId: 'd1' }, T1);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: T1, lastMeetingAt: null });
    expect(await accT(db, 'a1')).toBe(T1);
    await logActivity(db, { kind: 'meeting', dealId: 'd1' }, T2);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: T2, lastMeetingAt: T2 });
    await logActivity(db, { kind: 'task', dealId: 'd2' }, T2);
    expect(await dealT(db, 'd2')).toEqual({ lastTouchAt: null, lastMeetingAt: null });
    expect(await accT(db, 'a2')).toBe(null);
    await expectConsistent(db, NOW);
    db.close();
  });

  it('an account activity touches the account only; an earlier one does not lower a later touch', async () => {
    const db = await seeded();
    await logActivity(db, { kind: 'email', accountId: 'a2' }, T2);
    await logActivity(db, { kind: 'email', accountId: 'a2' }, T1);
    expect(await accT(db, 'a2')).toBe(T2);
    expect(await dealT(db, 'd2')).toEqual({ lastTouchAt: null, lastMeetingAt: null });
    await logActivity(db, { kind: 'note', contactId: 'c1' }, T1);
    expect(await accT(db, 'a1')).toBe(T1);
    await expectConsistent(db, NOW);
    db.close();
  });
});

describe('deleteActivity recomputes touches', () => {
  it('removing the latest touch falls back to the one before, then to none', async () => {
    const db = await seeded();
    await logActivity(db, { kind: 'call', dealId: 'd1' }, T1);
    const later = await logActivity(db, { kind: 'meeting', dealId: 'd1' }, T2);
    await deleteActivity(db, later.id, NOW);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: T1, lastMeetingAt: null });
    expect(await accT(db, 'a1')).toBe(T1);
    const first = (await db.activities.toArray())[0]!;
    await deleteActivity(db, first.id, NOW);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: null, lastMeetingAt: null });
    expect(await accT(db, 'a1')).toBe(null);
    db.close();
  });

  it('an account keeps the touches of its other deals and contacts', async () => {
    const db = await seeded();
    await db.deals.add(deal('d3', { accountId: 'a1' }));
    await logActivity(db, { kind: 'call', dealId: 'd3' }, T1);
    await logActivity(db, { kind: 'note', contactId: 'c1' }, T1 + DAY);
    const a = await logActivity(db, { kind: 'email', accountId: 'a1' }, T2);
    await deleteActivity(db, a.id, NOW);
    expect(await accT(db, 'a1')).toBe(T1 + DAY);
    await expectConsistent(db, NOW);
    await deleteActivity(db, 'no-such-activity', NOW); // nothing to do, no error
    db.close();
  });
});

const planOf = (entity: 'activities' | 'deals', creates: unknown[], updates: unknown[], updateKeys: string[]) =>
  ({
    entity,
    creates: creates.map((record, i) => ({ record, sourceKey: `k${i}`, rows: [i] })),
    updates: updates.map((record, i) => ({ record, sourceKey: `u${i}`, rows: [i] })),
    updateKeys,
    rejects: [],
    warnings: [],
    accountsToCreate: [],
    unknownStages: [],
    missingFields: [],
    needsDateFormat: [],
    totalRows: creates.length + updates.length,
  }) as unknown as ImportPlan;

describe('commitImport keeps touches', () => {
  it('imported activities touch their records; an update moving one to another deal recomputes both', async () => {
    const db = await seeded();
    await logActivity(db, { kind: 'call', dealId: 'd1' }, T1);
    const x = activity('imp-1', { dealId: 'd1', kind: 'meeting', at: T2 });
    await commitImport(db, planOf('activities', [x, activity('imp-2', { contactId: 'c2', at: T1 })], [], []), undefined, NOW);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: T2, lastMeetingAt: T2 });
    expect(await accT(db, 'a1')).toBe(T2);
    expect(await accT(db, 'a2')).toBe(T1);
    await commitImport(db, planOf('activities', [], [{ ...x, dealId: 'd2', updatedAt: NOW }], ['dealId', 'updatedAt']), undefined, NOW);
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: T1, lastMeetingAt: null });
    expect(await dealT(db, 'd2')).toEqual({ lastTouchAt: T2, lastMeetingAt: T2 });
    expect(await accT(db, 'a1')).toBe(T1);
    expect(await accT(db, 'a2')).toBe(T2);
    await expectConsistent(db, NOW);
    db.close();
  });

  it('a deals import that moves a deal to another account moves its touches with it', async () => {
    const db = await seeded();
    await logActivity(db, { kind: 'call', dealId: 'd1' }, T2);
    const stored = (await db.deals.get('d1'))!;
    await commitImport(db, planOf('deals', [], [{ ...stored, accountId: 'a2', updatedAt: NOW }], ['accountId', 'updatedAt']), undefined, NOW);
    expect(await accT(db, 'a1')).toBe(null);
    expect(await accT(db, 'a2')).toBe(T2);
    await expectConsistent(db, NOW);
    db.close();
  });

  it('recomputeAllTouches sets every record from scratch', async () => {
    const db = await seeded();
    await db.activities.bulkAdd([activity('p', { dealId: 'd2', at: T1 }), activity('q', { contactId: 'c1', at: T2 })]);
    await db.deals.update('d1', { lastTouchAt: T2 }); // wrong: nothing links to d1
    await db.transaction('rw', [db.activities, db.deals, db.accounts, db.contacts], () => recomputeAllTouches(db, NOW));
    expect(await dealT(db, 'd1')).toEqual({ lastTouchAt: null, lastMeetingAt: null });
    expect(await dealT(db, 'd2')).toEqual({ lastTouchAt: T1, lastMeetingAt: null });
    expect(await accT(db, 'a1')).toBe(T2);
    expect(await accT(db, 'a2')).toBe(T1);
    db.close();
  });
});
