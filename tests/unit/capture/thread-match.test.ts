import { describe, expect, it } from 'vitest';
import type { ThreadCapture } from '../../../lib/capture/schema';
import { externalPeople, isNeverCaptured, isOwnAddress, matchThread, messageKeyOf, rankDeals, threadKeyOf } from '../../../lib/capture/thread-match';
import { accountSchema, contactSchema, dealSchema, type Deal } from '../../../lib/domain/records';

const T = 1_772_000_000_000;
const addr = (email: string | null, name: string | null = null) => ({ email, name });
const msg = (id: string | null, from: ReturnType<typeof addr>, to: ReturnType<typeof addr>[] = [], cc: ReturnType<typeof addr>[] = []) => ({ id, from, to, cc, at: T, collapsed: false });

const thread = (over: Partial<ThreadCapture> = {}): ThreadCapture => ({
  type: 'thread',
  site: 'gmail',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
  externalId: 'thread-f:1',
  subject: 'Steel coil',
  selfEmail: 'nok@aecockpit.example',
  messages: [
    msg('m1', addr('Somchai@ChonburiSteel.example', 'สมชาย ใจดี'), [addr('nok@aecockpit.example')], [addr('procurement@chonburisteel.example', 'Procurement')]),
    msg('m2', addr('nok@aecockpit.example'), [addr('somchai@chonburisteel.example'), addr('boss@sales.aecockpit.example')], [addr('spy@rival.example'), addr('friend@gmail.com')]),
  ],
  missing: [],
  ...over,
});

const account = (id: string, name: string, domains: string[]) => accountSchema.parse({ id, name, domains, createdAt: T, updatedAt: T });
const contact = (id: string, name: string, email: string, accountId: string | null) => contactSchema.parse({ id, name, emails: [email], accountId, createdAt: T, updatedAt: T });
const deal = (id: string, name: string, accountId: string, over: Partial<Deal> = {}) =>
  dealSchema.parse({ id, name, accountId, currency: 'THB', stage: 'Proposal', status: 'open', probability: 0.5, forecastCategory: 'pipeline', createdAt: T, updatedAt: T, ...over });

describe('who is on which side', () => {
  it.each([
    ['spy@rival.example', ['rival.example'], true],
    ['spy@eu.rival.example', ['@rival.example'], true],
    ['spy@rival.example.com', ['rival.example'], false],
    ['Friend@Gmail.com', ['friend@gmail.com'], true],
    ['other@gmail.com', ['friend@gmail.com'], false],
    ['x@notrival.example', ['rival.example'], false],
  ])('never capture %s with %j → %s', (email, list, expected) => {
    expect(isNeverCaptured(email, list)).toBe(expected);
  });

  it('own side: the signed-in domain and its subdomains, own domains; a public mail provider is only the one address', () => {
    expect(isOwnAddress('boss@sales.aecockpit.example', 'nok@aecockpit.example')).toBe(true);
    expect(isOwnAddress('x@partner.example', 'nok@aecockpit.example', ['partner.example'])).toBe(true);
    expect(isOwnAddress('friend@gmail.com', 'me@gmail.com')).toBe(false);
    expect(isOwnAddress('ME@gmail.com', 'me@gmail.com')).toBe(true);
    expect(isOwnAddress('somchai@chonburisteel.example', null)).toBe(false);
  });

  it('external people: once each, in order, own side and never-capture left out, first name kept', () => {
    const people = externalPeople(thread(), { neverCapture: ['rival.example'] });
    expect(people).toEqual([
      { email: 'somchai@chonburisteel.example', name: 'สมชาย ใจดี' },
      { email: 'procurement@chonburisteel.example', name: 'Procurement' },
      { email: 'friend@gmail.com', name: null },
    ]);
  });

  it('keys: the thread id, else the address; the message id, else thread and position', () => {
    const c = thread({ externalId: null, messages: [msg(null, addr('a@b.example'))] });
    expect(threadKeyOf(c)).toBe(c.url);
    expect(messageKeyOf(c, 0)).toBe(`${c.url}:0`);
    expect(messageKeyOf(thread(), 1)).toBe('m2');
  });
});

describe('matchThread', () => {
  const steel = account('a1', 'Chonburi Steel', ['chonburisteel.example']);
  const other = account('a2', 'Other', ['other.example']);
  const somchai = contact('c1', 'Somchai', 'somchai@chonburisteel.example', 'a1');

  it('contacts by email, the account by domain, its open deals; counts known and new', () => {
    const deals = [deal('d1', 'Plant MES rollout', 'a1'), deal('d2', 'Won one', 'a1', { status: 'won' }), deal('d3', 'Other deal', 'a2')];
    const m = matchThread(thread(), { contacts: [somchai], accounts: [steel, other], deals, linkedDealIds: [] }, { neverCapture: ['rival.example', 'gmail.com'] }, '2026-03-01');
    expect(m.account?.name).toBe('Chonburi Steel');
    expect(m.deals.map((d) => d.name)).toEqual(['Plant MES rollout']);
    expect(m.people.map((p) => [p.email, p.contact?.id ?? null, p.accountId])).toEqual([
      ['somchai@chonburisteel.example', 'c1', 'a1'],
      ['procurement@chonburisteel.example', null, 'a1'],
    ]);
    expect([m.known, m.unknown]).toEqual([1, 1]);
    expect(m.linkedDealId).toBeNull();
  });

  it('nothing known: no account, no deals, everyone new', () => {
    const m = matchThread(thread(), { contacts: [], accounts: [], deals: [], linkedDealIds: [] }, {}, '2026-03-01');
    expect(m.account).toBeNull();
    expect(m.deals).toEqual([]);
    expect(m.unknown).toBe(m.people.length);
  });

  it('deal order: linked to this thread, then latest touch, then nearest close date', () => {
    const deals = [
      deal('far', 'Far close', 'a1', { closeOn: '2026-12-01' }),
      deal('near', 'Near close', 'a1', { closeOn: '2026-03-05' }),
      deal('touched', 'Touched', 'a1', { lastTouchAt: T }),
      deal('linked', 'Linked', 'a1', { closeOn: '2027-01-01' }),
    ];
    expect(rankDeals(deals, ['linked'], '2026-03-01').map((d) => d.id)).toEqual(['linked', 'touched', 'near', 'far']);
    const m = matchThread(thread(), { contacts: [], accounts: [steel], deals, linkedDealIds: ['linked'] }, {}, '2026-03-01');
    expect(m.linkedDealId).toBe('linked');
    expect(m.deals[0]!.id).toBe('linked');
  });

  it('a deal linked before decides the account over a domain vote', () => {
    const m = matchThread(thread(), { contacts: [somchai], accounts: [steel, other], deals: [deal('d3', 'Other deal', 'a2')], linkedDealIds: ['d3'] }, {}, '2026-03-01');
    expect(m.account?.id).toBe('a2');
    expect(m.linkedDealId).toBe('d3');
  });
});
