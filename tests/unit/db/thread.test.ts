// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readMailPage } from '../../../lib/capture/mail';
import type { ThreadCapture } from '../../../lib/capture/schema';
import { CockpitDB, checkBook, readBook } from '../../../lib/db';
import { savePasted } from '../../../lib/db/paste';
import { loadThreadMatch, logThread } from '../../../lib/db/thread';
import { accountSchema, contactSchema, dealSchema } from '../../../lib/domain/records';

const NOW = Date.UTC(2026, 3, 1, 9, 0);
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw';
const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D';
const read = (file: string, url: string, edit: (h: string) => string = (h) => h) =>
  readMailPage(new DOMParser().parseFromString(edit(readFileSync(`tests/fixtures/pages/${file}`, 'utf8')), 'text/html'), new URL(url))!;

let db: CockpitDB;
beforeEach(async () => {
  db = new CockpitDB(`thread-${Math.random()}`);
  await db.open();
  await db.accounts.add(accountSchema.parse({ id: 'a1', name: 'Chonburi Steel', domains: ['chonburisteel.example'], createdAt: 1, updatedAt: 1 }));
  await db.contacts.add(contactSchema.parse({ id: 'c1', name: 'Somchai', emails: ['somchai@chonburisteel.example'], accountId: 'a1', createdAt: 1, updatedAt: 1 }));
  const deal = { accountId: 'a1', currency: 'THB', stage: 'Proposal', status: 'open', probability: 0.5, forecastCategory: 'pipeline', createdAt: 1, updatedAt: 1 };
  await db.deals.bulkAdd([dealSchema.parse({ ...deal, id: 'd1', name: 'Plant MES rollout', closeOn: '2026-06-30' }), dealSchema.parse({ ...deal, id: 'd2', name: 'Spare parts', closeOn: '2026-12-31' })]);
});

const emails = async () => (await db.activities.toArray()).filter((a) => a.kind === 'email');

describe('logThread', () => {
  it('Gmail: logs every message once (twice = once), adds the unknown person once, links the thread to the deal', async () => {
    const c = read('gmail/thread.html', GMAIL_URL);
    const before = await loadThreadMatch(db, c, {}, NOW);
    expect(before.account?.id).toBe('a1');
    expect(before.deals.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect([before.known, before.unknown]).toEqual([1, 1]);

    const r1 = await logThread(db, c, { dealId: 'd2', accountId: null }, NOW);
    expect(r1).toMatchObject({ logged: 5, already: 0, createdContacts: 1 });
    const r2 = await logThread(db, c, { dealId: 'd2', accountId: null }, NOW + 1000);
    expect(r2).toMatchObject({ logged: 0, already: 5, createdContacts: 0 });

    const acts = await emails();
    expect(acts).toHaveLength(5);
    expect(new Set(acts.map((a) => a.provenance?.externalId)).size).toBe(5);
    expect(acts.every((a) => a.dealId === 'd2' && a.accountId === 'a1' && a.provenance?.site === 'gmail')).toBe(true);
    expect(acts.filter((a) => a.outcome === 'sent')).toHaveLength(2);
    const contacts = await db.contacts.toArray();
    expect(contacts.map((x) => x.emails[0]).sort()).toEqual(['procurement@chonburisteel.example', 'somchai@chonburisteel.example']);
    expect(contacts.find((x) => x.id !== 'c1')).toMatchObject({ name: 'Procurement Team', accountId: 'a1' });
    expect((await db.deals.get('d2'))!.lastTouchAt).toBe(Math.max(...acts.map((a) => a.at)));
    expect(checkBook(await readBook(db)).invalid).toEqual([]);

    // The next visit: the linked deal comes first, though d1 closes sooner; everyone is known now.
    const after = await loadThreadMatch(db, c, {}, NOW);
    expect(after.linkedDealId).toBe('d2');
    expect(after.deals[0]!.id).toBe('d2');
    expect([after.known, after.unknown]).toEqual([2, 0]);
  });

  it('Outlook without message ids: dedupe by thread and position; a never-capture domain is neither a contact nor in any note', async () => {
    const c = read('outlook/conversation.html', OUTLOOK_URL, (h) => h.replaceAll('evil@chonburisteel.example', 'spy@rival.example'));
    const rules = { neverCapture: ['rival.example'] };
    const m = await loadThreadMatch(db, c, rules, NOW);
    expect(m.people.map((p) => p.email)).not.toContain('spy@rival.example');
    await logThread(db, c, { dealId: 'd1', accountId: 'a1' }, NOW, rules);
    await logThread(db, c, { dealId: 'd1', accountId: 'a1' }, NOW, rules);
    const acts = await emails();
    expect(acts.map((a) => a.provenance?.externalId).sort()).toEqual([0, 1, 2].map((i) => `AAQkADAwATM0MDAAMS1steel111111111BBBB=:${i}`));
    const book = JSON.stringify(await readBook(db));
    expect(book).not.toContain('rival.example');
    expect(await db.contacts.count()).toBe(2);
  });

  it('a message sent by a never-capture address is not logged', async () => {
    const c = read('gmail/thread.html', GMAIL_URL);
    await logThread(db, c, { dealId: 'd1', accountId: null }, NOW, { neverCapture: ['procurement@chonburisteel.example'] });
    expect(await emails()).toHaveLength(4);
    expect(JSON.stringify(await readBook(db))).not.toContain('procurement@');
  });

  it('choosing another deal later moves the thread there, and touches follow', async () => {
    const c: ThreadCapture = read('gmail/thread.html', GMAIL_URL);
    await logThread(db, c, { dealId: 'd1', accountId: null }, NOW);
    const r = await logThread(db, c, { dealId: 'd2', accountId: null }, NOW + 1);
    expect(r.relinked).toBe(5);
    expect((await emails()).every((a) => a.dealId === 'd2')).toBe(true);
    expect((await db.deals.get('d1'))!.lastTouchAt).toBeNull();
    expect((await db.deals.get('d2'))!.lastTouchAt).not.toBeNull();
  });

  it('an unknown deal is refused and nothing is written', async () => {
    await expect(logThread(db, read('gmail/thread.html', GMAIL_URL), { dealId: 'nope', accountId: null }, NOW)).rejects.toThrow('no deal');
    expect(await db.activities.count()).toBe(0);
    expect(await db.contacts.count()).toBe(1);
  });
});

describe('savePasted (capture by hand)', () => {
  it('a note on a deal touches the deal; a contact keeps email, phone and title; a deal keeps amount and close date', async () => {
    const noteId = await savePasted(db, { kind: 'note', dealId: 'd1', text: 'Budget approved' }, NOW);
    expect(await db.activities.get(noteId)).toMatchObject({ kind: 'note', dealId: 'd1', accountId: 'a1', notes: 'Budget approved' });
    expect((await db.deals.get('d1'))!.lastTouchAt).toBe(NOW);
    const cId = await savePasted(db, { kind: 'contact', name: 'Nok', title: 'CFO', email: 'Nok@X.example', phone: '+66812345678', accountId: 'a1' }, NOW);
    expect(await db.contacts.get(cId)).toMatchObject({ name: 'Nok', title: 'CFO', emails: ['nok@x.example'], phone: '+66812345678', accountId: 'a1' });
    const dId = await savePasted(db, { kind: 'deal', name: 'New line', accountId: 'a1', amountMinor: 125000050, currency: 'THB', closeOn: '2026-03-15' }, NOW);
    expect(await db.deals.get(dId)).toMatchObject({ name: 'New line', accountId: 'a1', amountMinor: 125000050, currency: 'THB', closeOn: '2026-03-15', status: 'open' });
    expect(checkBook(await readBook(db)).invalid).toEqual([]);
  });

  it('a bad input is refused and nothing is written', async () => {
    await expect(savePasted(db, { kind: 'deal', name: 'X', closeOn: '2026-02-30' }, NOW)).rejects.toThrow();
    await expect(savePasted(db, { kind: 'note', dealId: 'nope', text: 'x' }, NOW)).rejects.toThrow('no deal');
    expect(await db.deals.count()).toBe(2);
    expect(await db.activities.count()).toBe(0);
  });

  it('a message the page shows no date for is not logged at a made-up time, and is counted', async () => {
    const c = read('gmail/thread.html', GMAIL_URL);
    const undated = { ...c, messages: c.messages.map((m, i) => (i === 0 ? { ...m, at: null } : m)) };
    const r = await logThread(db, undated, { dealId: 'd2', accountId: null }, NOW);
    expect(r).toMatchObject({ logged: c.messages.length - 1, undated: 1 });
    expect((await emails()).every((a) => a.at !== NOW)).toBe(true);
  });
});
