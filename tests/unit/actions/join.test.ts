import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActionOptions } from '../../../lib/actions';
import { IdIndex, idFingerprint, tailHash } from '../../../lib/actions/ids';
import { fromDayNumber, toDayNumber } from '../../../lib/domain/dates';
import type { Activity } from '../../../lib/domain/records';
import { account, activity, ago, agoAt, book, contact, deal, DAY, NOW, options, TODAY, nextActions, type TestBook } from './fixtures';
import { referenceActivityActions } from './reference';

const won = (id: string, accountId: string, closeOn: string) =>
  deal(id, { accountId, status: 'won', stage: 'Closed Won', probability: 1, forecastCategory: 'commit', closeOn });
const of = (b: TestBook, kind: string, o: Partial<ActionOptions> = {}) =>
  nextActions(b, options(o)).filter((a) => a.kind === kind);

describe('IdIndex', () => {
  it('finds every id exactly and nothing else', () => {
    const ids = ['a', 'deal-1', 'deal-10', 'deal-100', '550e8400-e29b-41d4-a716-446655440000', 'ไทย-1'];
    const ix = new IdIndex(ids.map((id) => ({ id })));
    ids.forEach((id, i) => expect(ix.find(id)).toBe(i));
    // Fresh string objects with the same characters are found too.
    expect(ix.find(['deal', '10'].join('-'))).toBe(2);
    for (const miss of ['', 'b', 'deal-2', 'deal-1000', 'eal-1', '550e8400-e29b-41d4-a716-446655440001', 'ไทย-2']) {
      expect(ix.find(miss)).toBe(-1);
    }
  });

  it('a repeated id resolves to its last record, as a Map would', () => {
    const ix = new IdIndex([{ id: 'x' }, { id: 'y' }, { id: 'x' }]);
    expect(ix.find('x')).toBe(2);
    expect(ix.find('y')).toBe(1);
  });

  it('ids that share their last 16 characters (same fingerprint) stay distinct', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `${i}-customer-record-of-the-crm`);
    expect(new Set(ids.map(idFingerprint)).size).toBeLessThan(5); // they collide...
    const ix = new IdIndex(ids.map((id) => ({ id })));
    ids.forEach((id, i) => expect(ix.find(id)).toBe(i)); // ...and are still told apart
    expect(ix.find('300-customer-record-of-the-crm')).toBe(-1);
  });

  it('tailHash reads only the tail and the length', () => {
    expect(tailHash('aaaa-12345678', 8)).toBe(tailHash('bbbb-12345678', 8));
    expect(tailHash('aaaa-12345678', 8)).not.toBe(tailHash('aaaa-12345679', 8));
    expect(tailHash('a-12345678', 8)).not.toBe(tailHash('aa-12345678', 8)); // length counts
    expect(tailHash('x', 8)).toBe(tailHash('x', 16)); // short ids: all of them
  });
});

describe('which records an activity counts for (most specific link)', () => {
  it('a deal activity counts for the deal’s account, not for a different accountId on it', () => {
    const b = book({
      accounts: [account('a1'), account('a2')],
      deals: [won('w1', 'a1', ago(400)), won('w2', 'a2', ago(400))],
      activities: [activity('x', { dealId: 'w1', accountId: 'a2', at: agoAt(5) })],
    });
    expect(of(b, 'customer_untouched').map((a) => a.key)).toEqual(['customer_untouched:a2']);
  });

  it('a deal activity does not count for its contact’s (other) account', () => {
    const b = book({
      accounts: [account('a1'), account('a2')],
      contacts: [contact('c2', { accountId: 'a2' })],
      deals: [won('w1', 'a1', ago(400)), won('w2', 'a2', ago(400))],
      activities: [activity('x', { dealId: 'w1', contactId: 'c2', at: agoAt(5) })],
    });
    expect(of(b, 'customer_untouched').map((a) => a.key)).toEqual(['customer_untouched:a2']);
  });

  it('an account activity does not also count through its contact', () => {
    const b = book({
      accounts: [account('a1'), account('a2')],
      contacts: [contact('c2', { accountId: 'a2' })],
      deals: [won('w1', 'a1', ago(400)), won('w2', 'a2', ago(400))],
      activities: [activity('x', { accountId: 'a1', contactId: 'c2', at: agoAt(5) })],
    });
    expect(of(b, 'customer_untouched').map((a) => a.key)).toEqual(['customer_untouched:a2']);
  });

  it('a deal id that matches no deal links to nothing (its accountId is not used instead)', () => {
    const b = book({
      accounts: [account('a1')],
      deals: [won('w1', 'a1', ago(400))],
      activities: [activity('x', { dealId: 'gone', accountId: 'a1', at: agoAt(5) })],
    });
    expect(of(b, 'customer_untouched').map((a) => a.key)).toEqual(['customer_untouched:a1']);
  });
});

describe('touches older than the former join window (once a second pass)', () => {
  it('a stale deal gets its exact last activity, found among older ones', () => {
    const b = book({
      deals: [deal('d1', { createdOn: ago(300) }), deal('d2', { createdOn: ago(300) })],
      activities: [
        activity('x1', { dealId: 'd1', at: agoAt(100) }),
        activity('x2', { dealId: 'd1', at: agoAt(40) }),
        activity('x3', { dealId: 'd1', at: agoAt(70) }),
        activity('y', { dealId: 'd2', at: agoAt(3) }), // d2 is settled by the window
      ],
    });
    const [a, ...rest] = of(b, 'stale_deal');
    expect(rest).toEqual([]);
    expect(a!.key).toBe('stale_deal:d1');
    expect(a!.reason.params).toEqual({ deal: 'Deal d1', days: 40, lastActivity: ago(40) });
    expect(a!.due).toBe(ago(26));
  });

  it('window boundary: a touch exactly staleDealDays ago settles the deal, one day older is found by pass 2', () => {
    const mk = (n: number) =>
      book({ deals: [deal('d1', { createdOn: ago(300) })], activities: [activity('x', { dealId: 'd1', at: agoAt(n) }), activity('o', { dealId: 'd1', at: agoAt(200) })] });
    expect(of(mk(14), 'stale_deal')).toEqual([]);
    expect(of(mk(15), 'stale_deal').map((a) => a.reason.params.lastActivity)).toEqual([ago(15)]);
    // A shorter customer window moves the join window too; the answer must not change.
    const t = { ...options().thresholds, customerTouchDays: 3 };
    expect(of(mk(14), 'stale_deal', { thresholds: t })).toEqual([]);
    expect(of(mk(15), 'stale_deal', { thresholds: t }).map((a) => a.reason.params.lastActivity)).toEqual([ago(15)]);
  });

  it('only touches since creation count: an older one before creation gives the "never" reason', () => {
    const b = book({ deals: [deal('d1', { createdOn: ago(50) })], activities: [activity('x', { dealId: 'd1', at: agoAt(80) })] });
    expect(of(b, 'stale_deal').map((a) => [a.reason.key, a.due])).toEqual([['actions.reason.stale_deal.never', ago(36)]]);
  });

  it('a task opened in the window but ticked off before it counts on its completion day', () => {
    const b = book({
      deals: [deal('d1', { createdOn: ago(300) })],
      activities: [activity('t', { dealId: 'd1', kind: 'task', at: agoAt(2), completedAt: agoAt(30) })],
    });
    expect(of(b, 'stale_deal').map((a) => a.reason.params.lastActivity)).toEqual([ago(30)]);
  });

  it('a meeting older than the window but after creation clears closing-without-meeting; one before creation does not', () => {
    const b = book({
      deals: [deal('d1', { closeOn: '2026-11-30', createdOn: ago(90) }), deal('d2', { closeOn: '2026-11-30', createdOn: ago(90) })],
      activities: [
        activity('m1', { dealId: 'd1', kind: 'meeting', at: agoAt(60), outcome: 'held' }),
        activity('m2', { dealId: 'd2', kind: 'meeting', at: agoAt(95), outcome: 'held' }),
        activity('m3', { dealId: 'd2', kind: 'meeting', at: agoAt(50), outcome: 'no_show' }),
      ],
    });
    expect(of(b, 'closing_without_meeting').map((a) => a.key)).toEqual(['closing_without_meeting:d2']);
  });

  it('an untouched customer gets its exact last touch through its deals, contacts or itself', () => {
    const b = book({
      accounts: [account('a1'), account('a2'), account('a3')],
      contacts: [contact('c1', { accountId: 'a1' }), contact('c3', { accountId: 'a3' })],
      deals: [won('w1', 'a1', ago(400)), won('w2', 'a2', ago(400)), won('w3', 'a3', ago(400)), deal('o1', { accountId: 'a1', status: 'lost', createdOn: ago(500) })],
      activities: [
        activity('x1', { contactId: 'c1', at: agoAt(90) }),
        activity('x2', { dealId: 'o1', at: agoAt(70) }), // through a lost deal of a1
        activity('x3', { accountId: 'a2', at: agoAt(75) }),
        activity('x4', { accountId: 'a2', at: agoAt(150) }),
        activity('x5', { contactId: 'c3', at: agoAt(20) }), // a3 is settled by the window
      ],
    });
    expect(of(b, 'customer_untouched').map((a) => [a.key, a.reason.params.lastTouch, a.due])).toEqual([
      ['customer_untouched:a2', ago(75), ago(15)], // same urgency and amount: earlier due first
      ['customer_untouched:a1', ago(70), ago(10)],
    ]);
  });
});

// ---------------------------------------------------------------- the engine against a naive reading

const today = toDayNumber(TODAY);
const ids = (prefix: string, n: number, style: number) =>
  Array.from({ length: n }, (_, i) =>
    style === 0 ? `${prefix}${i}` : style === 1 ? `${i}-${prefix}-shared-tail-of-every-id` : `${prefix}-${String(i).padStart(6, '0')}`,
  );
const pick = <T,>(xs: readonly T[]) => fc.integer({ min: 0, max: xs.length + 1 }).map((i) => (i < xs.length ? xs[i]! : i === xs.length ? null : 'dangling'));
const dayArb = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => fromDayNumber(today - n));

const scenario = fc.record({ style: fc.integer({ min: 0, max: 2 }), nAcc: fc.integer({ min: 1, max: 6 }), nCon: fc.integer({ min: 0, max: 6 }), nDeals: fc.integer({ min: 1, max: 10 }) }).chain(({ style, nAcc, nCon, nDeals }) => {
  const accIds = ids('acc', nAcc, style);
  const conIds = ids('con', nCon, style);
  const dealIds = ids('deal', nDeals, style);
  return fc.record({
    accounts: fc.tuple(...accIds.map((id) => fc.record({ since: fc.option(dayArb(-5, 300)), churn: fc.option(dayArb(-30, 30), { freq: 5 }) }).map((o) => account(id, { customerSince: o.since, churnedOn: o.churn })))),
    contacts: fc.tuple(...conIds.map((id) => pick(accIds).map((accountId) => contact(id, { accountId })))),
    deals: fc.tuple(...dealIds.map((id) =>
      // created null: the source did not say (no age; the reference skips what needs one).
      fc.record({ acc: pick(accIds), status: fc.constantFrom('open', 'open', 'won', 'lost'), created: fc.option(dayArb(0, 250), { freq: 4 }), close: fc.option(dayArb(-40, 200)) }).map((o) =>
        deal(id, { accountId: o.acc, status: o.status as 'open', createdOn: o.created, closeOn: o.status === 'won' ? (o.close ?? o.created ?? fromDayNumber(today)) : o.close }),
      ),
    )),
    activities: fc.array(
      fc.record({
        kind: fc.constantFrom('call', 'email', 'meeting', 'note', 'task'),
        dayAgo: fc.integer({ min: -10, max: 260 }),
        ms: fc.integer({ min: 0, max: DAY - 1 }),
        done: fc.option(fc.integer({ min: -5, max: 260 })),
        outcome: fc.constantFrom(null, 'held', 'no_show'),
        dealId: pick(dealIds),
        accountId: pick(accIds),
        contactId: pick(conIds),
      }),
      { maxLength: 60 },
    ),
    tz: fc.constantFrom(0, 420, -300, 330),
    staleDealDays: fc.integer({ min: 1, max: 60 }),
    customerTouchDays: fc.integer({ min: 1, max: 120 }),
  });
});

describe('stored touches + engine agree with a naive one-pass reading', () => {
  it('stale_deal, closing_without_meeting and customer_untouched: same keys, due dates and reasons', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dayStart = (n: number) => (today - n) * DAY - s.tz * 60_000;
        const activities: Activity[] = s.activities.map((a, i) =>
          activity(`act${i}`, {
            kind: a.kind as Activity['kind'],
            at: dayStart(a.dayAgo) + a.ms,
            completedAt: a.done === null ? null : dayStart(a.done) + a.ms,
            outcome: a.kind === 'meeting' ? (a.outcome as Activity['outcome']) : null,
            dealId: a.dealId,
            accountId: a.accountId,
            contactId: a.contactId,
          }),
        );
        const b = book({ accounts: [...s.accounts], contacts: [...s.contacts], deals: [...s.deals], activities });
        // "now" is noon UTC of TODAY; in these offsets that instant is still on TODAY locally.
        const o = options({ tzOffsetMinutes: s.tz, thresholds: { ...options().thresholds, staleDealDays: s.staleDealDays, customerTouchDays: s.customerTouchDays } });
        const got = nextActions(b, o)
          .filter((a) => a.kind === 'stale_deal' || a.kind === 'closing_without_meeting' || a.kind === 'customer_untouched')
          .map((a) => ({ key: a.key, due: a.due, reason: a.reason }))
          .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
        expect(got).toEqual(referenceActivityActions(b, o));
      }),
      { numRuns: 400, seed: 20261128 },
    );
  });

  it('NOW is on TODAY in every offset the property uses', () => {
    for (const tz of [0, 420, -300, 330]) expect(Math.floor((NOW + tz * 60_000) / DAY)).toBe(today);
  });
});
