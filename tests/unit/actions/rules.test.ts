import { describe, expect, it } from 'vitest';
import { type ActionKind, type ActionOptions } from '../../../lib/actions';
import {
  account,
  activity,
  ago,
  agoAt,
  book,
  contact,
  csat,
  deal,
  DAY,
  lead,
  NOW,
  options,
  product,
  TODAY,
  nextActions,
  type TestBook,
} from './fixtures';

interface Row {
  name: string;
  kind: ActionKind;
  book: TestBook;
  opts?: Partial<ActionOptions>;
  /** Keys of the actions of `kind`, in ranked order. */
  keys: string[];
}

const won = (id: string, accountId: string, closeOn: string, o: Parameters<typeof deal>[1] = {}) =>
  deal(id, { accountId, status: 'won', stage: 'Closed Won', probability: 1, forecastCategory: 'commit', closeOn, ...o });

const rows: Row[] = [
  // ---------------------------------------------------------------- overdue_next_step
  { name: 'next step due yesterday fires', kind: 'overdue_next_step', book: book({ deals: [deal('d1', { nextStep: 'Send proposal', nextStepDue: ago(1) })] }), keys: ['overdue_next_step:d1'] },
  { name: 'next step due today does not', kind: 'overdue_next_step', book: book({ deals: [deal('d1', { nextStepDue: TODAY })] }), keys: [] },
  { name: 'won deal with an old next step does not', kind: 'overdue_next_step', book: book({ deals: [won('d1', 'a1', ago(3), { nextStepDue: ago(5) })] }), keys: [] },

  // ---------------------------------------------------------------- close_date_passed
  { name: 'close date yesterday fires', kind: 'close_date_passed', book: book({ deals: [deal('d1', { closeOn: ago(1) })] }), keys: ['close_date_passed:d1'] },
  { name: 'close date today does not', kind: 'close_date_passed', book: book({ deals: [deal('d1', { closeOn: TODAY })] }), keys: [] },
  { name: 'lost deal with a past close date does not', kind: 'close_date_passed', book: book({ deals: [deal('d1', { status: 'lost', closeOn: ago(9) })] }), keys: [] },

  // ---------------------------------------------------------------- stale_deal (14 days)
  {
    name: 'last activity exactly 14 days ago does not fire',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'd1', at: agoAt(14) })] }),
    keys: [],
  },
  {
    name: 'last activity 15 days ago fires',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'd1', at: agoAt(15) }), activity('y', { dealId: 'd1', at: agoAt(40) })] }),
    keys: ['stale_deal:d1'],
  },
  { name: 'no activity, created 14 days ago does not fire', kind: 'stale_deal', book: book({ deals: [deal('d1', { createdOn: ago(14) })] }), keys: [] },
  { name: 'no activity, created 15 days ago fires', kind: 'stale_deal', book: book({ deals: [deal('d1', { createdOn: ago(15) })] }), keys: ['stale_deal:d1'] },
  {
    name: 'an activity scheduled in the future is not a touch',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(30) })], activities: [activity('x', { dealId: 'd1', kind: 'meeting', at: NOW + DAY })] }),
    keys: ['stale_deal:d1'],
  },
  {
    name: 'an open task is not a touch, a completed one is',
    kind: 'stale_deal',
    book: book({
      deals: [deal('d1', { createdOn: ago(30) }), deal('d2', { createdOn: ago(30) })],
      activities: [
        activity('t1', { dealId: 'd1', kind: 'task', at: agoAt(1) }),
        activity('t2', { dealId: 'd2', kind: 'task', at: agoAt(20), completedAt: agoAt(2) }),
      ],
    }),
    keys: ['stale_deal:d1'],
  },
  {
    name: 'thresholds.staleDealDays is honoured',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'd1', at: agoAt(6) })] }),
    opts: { thresholds: { ...options().thresholds, staleDealDays: 5 } },
    keys: ['stale_deal:d1'],
  },
  {
    name: 'activities linked only to the account do not refresh a deal',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(30), accountId: 'a1' })], accounts: [account('a1')], activities: [activity('x', { accountId: 'a1', at: agoAt(1) })] }),
    keys: ['stale_deal:d1'],
  },
  {
    // 2026-11-13 20:00 UTC is 2026-11-14 03:00 in Bangkok: 14 days before today locally, 15 in UTC.
    name: 'tzOffsetMinutes moves an activity to its local day (Bangkok: no fire)',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'd1', at: Date.UTC(2026, 10, 13, 20) })] }),
    opts: { tzOffsetMinutes: 420 },
    keys: [],
  },
  {
    name: 'tzOffsetMinutes default is UTC (same activity fires)',
    kind: 'stale_deal',
    book: book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'd1', at: Date.UTC(2026, 10, 13, 20) })] }),
    keys: ['stale_deal:d1'],
  },

  // ---------------------------------------------------------------- closing_without_meeting (period 2026-11-01..30)
  {
    name: 'closing today and on the last day of the period fire; next period and past do not',
    kind: 'closing_without_meeting',
    book: book({
      deals: [
        deal('d1', { closeOn: TODAY }),
        deal('d2', { closeOn: '2026-11-30' }),
        deal('d3', { closeOn: '2026-12-01' }),
        deal('d4', { closeOn: ago(1) }),
      ],
    }),
    keys: ['closing_without_meeting:d1', 'closing_without_meeting:d2'],
  },
  {
    name: 'a meeting since creation (held, or booked ahead) clears it',
    kind: 'closing_without_meeting',
    book: book({
      deals: [deal('d1', { closeOn: '2026-11-30', createdOn: ago(20) }), deal('d2', { closeOn: '2026-11-30', createdOn: ago(20) })],
      activities: [
        activity('m1', { dealId: 'd1', kind: 'meeting', at: agoAt(20), outcome: 'held' }),
        activity('m2', { dealId: 'd2', kind: 'meeting', at: NOW + DAY }),
      ],
    }),
    keys: [],
  },
  {
    name: 'a meeting before creation, a no-show or a call do not count',
    kind: 'closing_without_meeting',
    book: book({
      deals: [
        deal('d1', { closeOn: '2026-11-30', createdOn: ago(20) }),
        deal('d2', { closeOn: '2026-11-30', createdOn: ago(20) }),
        deal('d3', { closeOn: '2026-11-30', createdOn: ago(20) }),
      ],
      activities: [
        activity('m1', { dealId: 'd1', kind: 'meeting', at: agoAt(21) }),
        activity('m2', { dealId: 'd2', kind: 'meeting', at: agoAt(2), outcome: 'no_show' }),
        activity('c3', { dealId: 'd3', kind: 'call', at: agoAt(2) }),
      ],
    }),
    keys: ['closing_without_meeting:d1', 'closing_without_meeting:d2', 'closing_without_meeting:d3'],
  },

  // ---------------------------------------------------------------- lead_not_converted (7 days)
  { name: 'qualified exactly 7 days ago does not fire', kind: 'lead_not_converted', book: book({ leads: [lead('l1', { qualifiedOn: ago(7) })] }), keys: [] },
  { name: 'qualified 8 days ago fires', kind: 'lead_not_converted', book: book({ leads: [lead('l1', { qualifiedOn: ago(8) })] }), keys: ['lead_not_converted:l1'] },
  {
    name: 'converted, disqualified and unqualified leads do not',
    kind: 'lead_not_converted',
    book: book({
      leads: [
        lead('l1', { qualifiedOn: ago(20), convertedDealId: 'd1' }),
        lead('l2', { qualifiedOn: ago(20), convertedOn: ago(3) }),
        lead('l3', { qualifiedOn: ago(20), disqualifiedOn: ago(2) }),
        lead('l4'),
      ],
    }),
    keys: [],
  },

  // ---------------------------------------------------------------- customer_untouched (60 days)
  {
    name: 'customer touched exactly 60 days ago does not fire',
    kind: 'customer_untouched',
    book: book({ accounts: [account('a1')], deals: [won('w1', 'a1', ago(400))], activities: [activity('x', { accountId: 'a1', at: agoAt(60) })] }),
    keys: [],
  },
  {
    name: 'customer touched 61 days ago fires',
    kind: 'customer_untouched',
    book: book({ accounts: [account('a1')], deals: [won('w1', 'a1', ago(400))], activities: [activity('x', { accountId: 'a1', at: agoAt(61) })] }),
    keys: ['customer_untouched:a1'],
  },
  {
    name: 'a touch via one of its contacts or deals counts',
    kind: 'customer_untouched',
    book: book({
      accounts: [account('a1'), account('a2')],
      contacts: [contact('c1', { accountId: 'a1' })],
      deals: [won('w1', 'a1', ago(400)), won('w2', 'a2', ago(400))],
      activities: [activity('x', { contactId: 'c1', at: agoAt(10) }), activity('y', { dealId: 'w2', at: agoAt(59) })],
    }),
    keys: [],
  },
  {
    name: 'winning a deal counts as a touch',
    kind: 'customer_untouched',
    book: book({ accounts: [account('a1'), account('a2')], deals: [won('w1', 'a1', ago(60)), won('w2', 'a2', ago(61))] }),
    keys: ['customer_untouched:a2'],
  },
  {
    name: 'churned accounts and prospects are not customers; a future churn date still is',
    kind: 'customer_untouched',
    book: book({
      accounts: [account('a1', { churnedOn: ago(5) }), account('a2'), account('a3', { churnedOn: '2026-12-31' }), account('a4', { customerSince: ago(90) })],
      deals: [won('w1', 'a1', ago(400)), deal('o2', { accountId: 'a2', createdOn: ago(300) }), won('w3', 'a3', ago(400))],
    }),
    keys: ['customer_untouched:a3', 'customer_untouched:a4'],
  },

  // ---------------------------------------------------------------- low_csat
  {
    name: 'score 1 and 2 with no follow-up fire; 3 and followed-up do not',
    kind: 'low_csat',
    book: book({
      accounts: [account('a1')],
      csat: [
        csat('s1', { score: 1, on: ago(2) }),
        csat('s2', { score: 2, on: ago(1) }),
        csat('s3', { score: 3 }),
        csat('s4', { score: 1, followedUpAt: NOW - DAY }),
      ],
    }),
    keys: ['low_csat:s1', 'low_csat:s2'], // same urgency and amount: earlier due first
  },

  // ---------------------------------------------------------------- cross_sell (3 active products, lowPenetration 0.34)
  {
    name: '1 of 3 products (0.333) fires, 2 of 3 does not; inactive products are not counted',
    kind: 'cross_sell',
    book: book({
      products: [product('p1'), product('p2'), product('p3'), product('p4', { active: false })],
      accounts: [account('a1', { isTarget: true, potentialMinor: 500 }), account('a2', { isTarget: true, potentialMinor: 500 })],
      deals: [
        won('w1', 'a1', ago(5), { lineItems: [{ productId: 'p1', productName: 'Product p1', quantity: 1, unitPriceMinor: 1 }, { productId: 'p4', productName: 'Product p4', quantity: 1, unitPriceMinor: 1 }] }),
        won('w2', 'a2', ago(5), { lineItems: [{ productId: 'p1', productName: 'x', quantity: 1, unitPriceMinor: 1 }, { productId: null, productName: ' product P2 ', quantity: 1, unitPriceMinor: 1 }] }),
      ],
    }),
    keys: ['cross_sell:a1'],
  },
  {
    name: 'only the top half of target accounts by potential; non-targets and prospects never',
    kind: 'cross_sell',
    book: book({
      products: [product('p1'), product('p2'), product('p3')],
      accounts: [
        account('a1', { isTarget: true, potentialMinor: 100 }),
        account('a2', { isTarget: true, potentialMinor: 200 }),
        account('a3', { isTarget: true, potentialMinor: 300 }),
        account('a4', { isTarget: false, potentialMinor: 900 }),
        account('a5', { isTarget: true, potentialMinor: 800 }), // target but not a customer
      ],
      deals: ['a1', 'a2', 'a3', 'a4'].map((a) => won(`w${a}`, a, ago(5))),
    }),
    // potentials of targets: 100, 200, 300, 800 → upper median 300: a3 (and a5, not a customer).
    keys: ['cross_sell:a3'],
  },
];

describe('nextActions rules', () => {
  it.each(rows)('$kind: $name', ({ kind, book: b, opts, keys }) => {
    const got = nextActions(b, options(opts)).filter((a) => a.kind === kind);
    expect(got.map((a) => a.key)).toEqual(keys);
  });

  it('an empty book gives no actions', () => {
    expect(nextActions(book(), options())).toEqual([]);
  });

  it('fills record, reason, due and suggestion for a stale deal', () => {
    const [a] = nextActions(
      book({ deals: [deal('d1', { name: 'Acme renewal', createdOn: ago(100), amountMinor: 5_000_00 })], activities: [activity('x', { dealId: 'd1', at: agoAt(20) })] }),
      options(),
    );
    expect(a).toEqual({
      key: 'stale_deal:d1',
      kind: 'stale_deal',
      record: { table: 'deals', id: 'd1', name: 'Acme renewal' },
      reason: { key: 'actions.reason.stale_deal', params: { deal: 'Acme renewal', days: 20, lastActivity: ago(20) } },
      due: ago(6), // last activity + 14 days
      urgency: 5,
      amountAtStakeMinor: 5_000_00,
      suggestion: { kind: 'log_call', labelKey: 'actions.suggest.log_call' },
    });
  });

  it('overdue next step keeps its original due date and counts the days', () => {
    const [a] = nextActions(book({ deals: [deal('d1', { nextStep: 'Demo', nextStepDue: ago(4) })] }), options());
    expect(a!.due).toBe(ago(4));
    expect(a!.reason).toEqual({ key: 'actions.reason.overdue_next_step', params: { deal: 'Deal d1', nextStep: 'Demo', due: ago(4), days: 4 } });
    expect(a!.suggestion.kind).toBe('set_next_step');
    const [b] = nextActions(book({ deals: [deal('d1', { nextStepDue: ago(4) })] }), options());
    expect(b!.reason.key).toBe('actions.reason.overdue_next_step.untitled');
  });

  it('customer at stake is its won revenue; lead has none', () => {
    const acts = nextActions(
      book({ accounts: [account('a1')], deals: [won('w1', 'a1', ago(100), { amountMinor: 700 }), won('w2', 'a1', ago(90), { amountMinor: 300 })], leads: [lead('l1', { qualifiedOn: ago(30) })] }),
      options(),
    );
    const cu = acts.find((a) => a.kind === 'customer_untouched')!;
    expect(cu.amountAtStakeMinor).toBe(1000);
    expect(cu.due).toBe(addDaysFrom(ago(90), 60));
    expect(cu.reason.params).toEqual({ account: 'Account a1', days: 90, lastTouch: ago(90) });
    expect(acts.find((a) => a.kind === 'lead_not_converted')!.amountAtStakeMinor).toBe(0);
  });

  it('closing without meeting: due a week before close, never before the period or creation', () => {
    const acts = nextActions(
      book({ deals: [deal('d1', { closeOn: '2026-11-30', createdOn: ago(60) }), deal('d2', { closeOn: '2026-11-28', createdOn: ago(2) })] }),
      options(),
    ).filter((a) => a.kind === 'closing_without_meeting');
    const byId = Object.fromEntries(acts.map((a) => [a.record.id, a.due]));
    expect(byId).toEqual({ d1: '2026-11-23', d2: ago(2) });
  });
});

function addDaysFrom(d: string, n: number): string {
  const t = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) + n * DAY;
  return new Date(t).toISOString().slice(0, 10);
}
