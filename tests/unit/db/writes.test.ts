import { describe, expect, it } from 'vitest';
import { CockpitDB } from '../../../lib/db';
import { logActivity, quickLog, undoQuickLog } from '../../../lib/db/writes';
import { account, contact, deal, DAY, NOW } from '../actions/fixtures';

async function seeded() {
  const db = new CockpitDB(`writes-${Math.random()}`);
  await db.accounts.bulkAdd([account('a1', { name: 'Siam Steel' })]);
  await db.contacts.bulkAdd([contact('c1', { accountId: 'a1' })]);
  await db.deals.bulkAdd([deal('d1', { accountId: 'a1', stage: 'Discovery', closeOn: '2026-12-20', nextStep: 'Send deck', nextStepDue: '2026-11-20' })]);
  return db;
}

const counts = async (db: CockpitDB) => ({
  activities: await db.activities.count(),
  accounts: await db.accounts.count(),
  contacts: await db.contacts.count(),
  history: await db.dealHistory.count(),
});

describe('quickLog', () => {
  it('adds the activity, sets the next step, changes stage and close with history, and updates touches', async () => {
    const db = await seeded();
    const r = await quickLog(
      db,
      {
        kind: 'call', outcome: 'meeting_booked', durationMin: 12, notes: '  Budget ok  ', dealId: 'd1',
        nextStep: { text: 'Demo to CFO', due: '2026-12-01' }, dealChange: { stage: 'Proposal', closeOn: '2026-12-31' },
      },
      NOW,
    );
    expect(r.activity).toMatchObject({ kind: 'call', outcome: 'meeting_booked', durationMin: 12, notes: 'Budget ok', dealId: 'd1', accountId: 'a1', at: NOW });
    const d = (await db.deals.get('d1'))!;
    expect(d).toMatchObject({ nextStep: 'Demo to CFO', nextStepDue: '2026-12-01', stage: 'Proposal', closeOn: '2026-12-31', updatedAt: NOW, lastTouchAt: NOW });
    expect((await db.accounts.get('a1'))!.lastTouchAt).toBe(NOW);
    const history = await db.dealHistory.orderBy('id').toArray();
    expect(history.map((h) => [h.field, h.from, h.to, h.source]).sort()).toEqual([
      ['closeOn', '2026-12-20', '2026-12-31', 'quicklog'],
      ['stage', 'Discovery', 'Proposal', 'quicklog'],
    ]);
    expect(r.deal?.before).toMatchObject({ nextStep: 'Send deck', nextStepDue: '2026-11-20', stage: 'Discovery' });
  });

  it('writes nothing at all when a step inside the transaction fails', async () => {
    const db = await seeded();
    const before = await counts(db);
    db.dealHistory.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      quickLog(db, { kind: 'call', dealId: 'd1', newContact: { name: 'Somchai', email: 'som@siam.co.th' }, dealChange: { stage: 'Proposal' }, nextStep: { text: 'x', due: '2026-12-01' } }, NOW),
    ).rejects.toThrow('disk full');
    expect(await counts(db)).toEqual(before);
    expect(await db.deals.get('d1')).toMatchObject({ stage: 'Discovery', nextStep: 'Send deck', lastTouchAt: null });
  });

  it('creates a new account and contact in place, linked to the log', async () => {
    const db = await seeded();
    const r = await quickLog(
      db,
      { kind: 'email', outcome: 'sent', newAccount: { name: ' Kasem  Foods ', domain: 'https://www.KasemFoods.co.th/about' }, newContact: { name: 'Kanya', email: ' Kanya@KasemFoods.co.th ' } },
      NOW,
    );
    const acc = (await db.accounts.get(r.createdAccountId!))!;
    const con = (await db.contacts.get(r.createdContactId!))!;
    expect(acc).toMatchObject({ name: 'Kasem Foods', domains: ['kasemfoods.co.th'], lastTouchAt: NOW });
    expect(con).toMatchObject({ name: 'Kanya', emails: ['kanya@kasemfoods.co.th'], accountId: acc.id });
    expect(r.activity).toMatchObject({ accountId: acc.id, contactId: con.id, dealId: null });
  });

  it('a next step without a deal becomes an open task due that day', async () => {
    const db = await seeded();
    const r = await quickLog(db, { kind: 'call', accountId: 'a1', nextStep: { text: 'Call back', due: '2026-12-01' } }, NOW);
    const task = (await db.activities.get(r.taskId!))!;
    expect(task).toMatchObject({ kind: 'task', subject: 'Call back', accountId: 'a1', completedAt: null });
    expect(new Date(task.at).getDate()).toBe(1);
  });

  it.each([
    [{ kind: 'call', outcome: 'held' }, 'outcome'],
    [{ kind: 'meeting', outcome: 'left_voicemail' }, 'outcome'],
    [{ kind: 'note', outcome: 'sent' }, 'outcome'],
    [{ kind: 'call', durationMin: -1 }, 'durationMin'],
    [{ kind: 'call', durationMin: 2.5 }, 'durationMin'],
    [{ kind: 'call', dealChange: { stage: 'Won' } }, 'dealChange'],
    [{ kind: 'call', dealId: 'd1', nextStep: { text: 'x', due: '2026-02-30' } }, 'nextStep'],
    [{ kind: 'call', dealId: 'd1', nextStep: { text: '   ', due: '2026-12-01' } }, 'nextStep'],
    [{ kind: 'call', newContact: { name: 'A', email: 'not-an-email' } }, 'newContact'],
    [{ kind: 'call', newAccount: { name: '', domain: null } }, 'newAccount'],
    [{ kind: 'call', accountId: 'a1', newAccount: { name: 'X', domain: null } }, 'newAccount'],
  ] as const)('refuses %j (%s) before writing', async (input, path) => {
    const db = await seeded();
    const before = await counts(db);
    const err = await quickLog(db, input as never, NOW).catch((e: unknown) => e);
    expect(JSON.stringify((err as { issues?: { path: unknown[] }[] }).issues?.map((i) => i.path[0]))).toContain(path);
    expect(await counts(db)).toEqual(before);
  });

  it('refuses a deal that does not exist', async () => {
    const db = await seeded();
    await expect(quickLog(db, { kind: 'call', dealId: 'nope' }, NOW)).rejects.toThrow('no deal nope');
    expect(await db.activities.count()).toBe(0);
  });

  it('logActivity still logs a plain activity', async () => {
    const db = await seeded();
    const a = await logActivity(db, { kind: 'note', dealId: 'd1', notes: 'hi' }, NOW);
    expect(a).toMatchObject({ kind: 'note', dealId: 'd1', accountId: 'a1' });
    expect((await db.deals.get('d1'))!.nextStep).toBe('Send deck');
    expect(await db.dealHistory.count()).toBe(0);
  });
});

describe('undoQuickLog', () => {
  it('puts the deal back, records the undo in history, removes what it created, and recomputes touches', async () => {
    const db = await seeded();
    const r = await quickLog(
      db,
      { kind: 'call', dealId: 'd1', newContact: { name: 'Kanya', email: null }, nextStep: { text: 'Demo', due: '2026-12-01' }, dealChange: { stage: 'Proposal' } },
      NOW,
    );
    await undoQuickLog(db, r, NOW + DAY);
    expect(await db.activities.count()).toBe(0);
    expect(await db.contacts.get(r.createdContactId!)).toBeUndefined();
    expect(await db.deals.get('d1')).toMatchObject({ stage: 'Discovery', nextStep: 'Send deck', nextStepDue: '2026-11-20', lastTouchAt: null });
    const history = await db.dealHistory.toArray();
    expect(history.map((h) => [h.field, h.from, h.to, h.source]).sort()).toEqual([
      ['stage', 'Discovery', 'Proposal', 'quicklog'],
      ['stage', 'Proposal', 'Discovery', 'undo'],
    ]);
  });

  it('keeps a field edited after the log', async () => {
    const db = await seeded();
    const r = await quickLog(db, { kind: 'call', dealId: 'd1', nextStep: { text: 'Demo', due: '2026-12-01' }, dealChange: { stage: 'Proposal' } }, NOW);
    await db.deals.update('d1', { stage: 'Negotiation' });
    await undoQuickLog(db, r, NOW + 1);
    expect(await db.deals.get('d1')).toMatchObject({ stage: 'Negotiation', nextStep: 'Send deck' });
  });

  it('removes the task made from a next step, and keeps an account created in place that a later record uses', async () => {
    const db = await seeded();
    const r = await quickLog(db, { kind: 'call', newAccount: { name: 'New Co', domain: null }, nextStep: { text: 'Call back', due: '2026-12-01' } }, NOW);
    await db.deals.add(deal('d2', { accountId: r.createdAccountId! }));
    await undoQuickLog(db, r, NOW + 1);
    expect(await db.activities.count()).toBe(0);
    expect(await db.accounts.get(r.createdAccountId!)).toMatchObject({ name: 'New Co', lastTouchAt: null });
  });
});
