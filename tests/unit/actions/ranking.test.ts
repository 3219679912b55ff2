import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareActions, rankActions, URGENCY, type ActionKind, type NextAction } from '../../../lib/actions';
import { fromDayNumber, toDayNumber } from '../../../lib/domain/dates';
import { account, activity, ago, agoAt, book, contact, csat, deal, DAY, lead, NOW, options, product, startOf, state, TODAY, nextActions } from './fixtures';

describe('snooze and done', () => {
  const staleBook = (states: ReturnType<typeof state>[], lastActivityDaysAgo = 20) =>
    book({
      deals: [deal('d1', { createdOn: ago(100) })],
      activities: [activity('x', { dealId: 'd1', at: agoAt(lastActivityDaysAgo) })],
      actionStates: states,
    });
  const keys = (b: ReturnType<typeof book>, now = NOW) => nextActions(b, options({ now })).map((a) => a.key);

  it.each([
    { name: 'snoozed until later is hidden', st: { status: 'snoozed' as const, until: NOW + 1, at: NOW - DAY }, shown: false },
    { name: 'snooze ending exactly now shows again', st: { status: 'snoozed' as const, until: NOW, at: NOW - DAY }, shown: true },
    { name: 'snooze that ended yesterday shows', st: { status: 'snoozed' as const, until: NOW - DAY, at: NOW - 2 * DAY }, shown: true },
    // Stale since last activity (20 days ago) + 15 days = 5 days ago: that day's start is the trigger.
    { name: 'done after the trigger hides', st: { status: 'done' as const, at: startOf(ago(5)) }, shown: false },
    { name: 'done before the trigger (an earlier occurrence) does not hide', st: { status: 'done' as const, at: startOf(ago(5)) - 1 }, shown: true },
    { name: 'snoozed with no until behaves like done', st: { status: 'snoozed' as const, until: null, at: startOf(ago(5)) }, shown: false },
  ])('$name', ({ st, shown }) => {
    expect(keys(staleBook([state('stale_deal:d1', st)]))).toEqual(shown ? ['stale_deal:d1'] : []);
  });

  it('a record id with a colon is matched whole', () => {
    const b = book({ deals: [deal('x:y', { createdOn: ago(100) })], actionStates: [state('stale_deal:x:y', { status: 'done', at: NOW })] });
    expect(keys(b)).toEqual([]);
    const other = book({ deals: [deal('x:y', { createdOn: ago(100) })], actionStates: [state('stale_deal:x', { status: 'done', at: NOW })] });
    expect(keys(other)).toEqual(['stale_deal:x:y']);
  });

  it('a state for another kind of the same record hides nothing', () => {
    expect(keys(staleBook([state('close_date_passed:d1', { status: 'done', at: NOW })]))).toEqual(['stale_deal:d1']);
  });

  it('a state for another key hides nothing', () => {
    expect(keys(staleBook([state('stale_deal:d2', { status: 'done' })]))).toEqual(['stale_deal:d1']);
  });

  it('done stays hidden until the condition recurs', () => {
    // Marked done 2 days ago while the deal was stale: hidden.
    const done = state('stale_deal:d1', { status: 'done', at: NOW - 2 * DAY });
    expect(keys(staleBook([done]))).toEqual([]);
    // The AE then logs a call (yesterday): no longer stale. 20 days later with nothing new it is stale
    // again, from a trigger after the done instant, so it shows.
    const b = book({
      deals: [deal('d1', { createdOn: ago(100) })],
      activities: [activity('x', { dealId: 'd1', at: agoAt(1) })],
      actionStates: [done],
    });
    expect(keys(b)).toEqual([]); // not stale now
    const later = NOW + 20 * DAY;
    const got = nextActions(b, options({ now: later, today: '2026-12-18' })).map((a) => a.key);
    expect(got).toEqual(['stale_deal:d1']);
  });

  it('done on an overdue next step returns when the next step is moved and missed again', () => {
    const done = state('overdue_next_step:d1', { status: 'done', at: NOW });
    const first = book({ deals: [deal('d1', { nextStepDue: ago(3) })], actionStates: [done] });
    expect(nextActions(first, options()).map((a) => a.key)).toEqual([]);
    const moved = book({ deals: [deal('d1', { nextStepDue: TODAY })], actionStates: [done] });
    const tomorrow = nextActions(moved, options({ now: NOW + DAY, today: '2026-11-29' })).map((a) => a.key);
    expect(tomorrow).toEqual(['overdue_next_step:d1']);
  });
});

describe('ranking', () => {
  it('orders by urgency, then amount, then due, then key', () => {
    const b = book({
      deals: [
        // close_date_passed (7) for each; amounts and dates vary
        deal('a', { closeOn: ago(2), amountMinor: 100 }),
        deal('b', { closeOn: ago(2), amountMinor: 900 }),
        deal('c', { closeOn: ago(5), amountMinor: 100 }),
        deal('d', { closeOn: ago(2), amountMinor: 100 }),
        // overdue_next_step (9), small amount, still first
        deal('e', { nextStepDue: ago(1), amountMinor: 1 }),
      ],
      leads: [lead('l1', { qualifiedOn: ago(30) })], // lead_not_converted (4)
      accounts: [account('acc')],
      csat: [csat('s1', { accountId: 'acc', score: 1 })], // low_csat (8)
    });
    const got = nextActions(b, options()).map((a) => a.key);
    expect(got).toEqual([
      'overdue_next_step:e',
      'low_csat:s1',
      'close_date_passed:b', // 900
      'close_date_passed:c', // 100, due 5 days ago (earlier)
      'close_date_passed:a', // 100, due 2 days ago, key a < d
      'close_date_passed:d',
      'lead_not_converted:l1',
    ]);
  });

  it('is deterministic whatever the input order', () => {
    const deals = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) =>
      deal(id, { closeOn: ago(1 + (i % 2)), amountMinor: (i % 3) * 10, createdOn: ago(20), nextStepDue: i % 2 ? ago(3) : null }),
    );
    const one = nextActions(book({ deals }), options()).map((a) => a.key);
    const two = nextActions(book({ deals: [...deals].reverse() }), options()).map((a) => a.key);
    expect(two).toEqual(one);
    expect(one.length).toBe(6 + 6 + 3); // close passed ×6, stale ×6, overdue next step ×3
  });

  it('limit keeps the top of the ranking', () => {
    const deals = [deal('a', { closeOn: ago(1), amountMinor: 5 }), deal('b', { closeOn: ago(1), amountMinor: 50 }), deal('c', { closeOn: ago(1), amountMinor: 500 })];
    expect(nextActions(book({ deals }), options({ limit: 2 })).map((a) => a.key)).toEqual(['close_date_passed:c', 'close_date_passed:b']);
    expect(nextActions(book({ deals }), options({ limit: 0 }))).toEqual([]);
  });

  it('compareActions matches the documented tiers', () => {
    const mk = (kind: keyof typeof URGENCY, amount: number): NextAction => ({
      key: `${kind}:x`,
      kind,
      record: { table: 'deals', id: 'x', name: 'x' },
      reason: { key: '', params: {} },
      due: TODAY,
      urgency: URGENCY[kind],
      amountAtStakeMinor: amount,
      suggestion: { kind: 'log_call', labelKey: '' },
    });
    expect(compareActions(mk('overdue_next_step', 0), mk('cross_sell', 1e12))).toBeLessThan(0);
    expect(compareActions(mk('stale_deal', 10), mk('stale_deal', 20))).toBeGreaterThan(0);
    expect(Object.values(URGENCY).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('rankActions (numeric keys, and the comparator fallback) = sorting by compareActions', () => {
  const kinds = Object.keys(URGENCY) as ActionKind[];
  // Few distinct values so that ties at every level (urgency, amount, due, id) are common.
  const actionArb = fc
    .record({
      kind: fc.constantFrom(...kinds),
      id: fc.constantFrom('a', 'b', 'c', 'a:b', 'B', 'ก', 'd1', 'd10', 'd2'),
      amount: fc.oneof(fc.constantFrom(0, 1, 100, 100, 5e12, -0), fc.integer({ min: -1000, max: 1e9 })),
      due: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -40_000, max: 2_900_000 })),
    })
    .map(({ kind, id, amount, due }): NextAction => ({
      key: `${kind}:${id}`,
      kind,
      record: { table: 'deals', id, name: id },
      reason: { key: '', params: {} },
      due: fromDayNumber(toDayNumber('2026-11-28') + due),
      urgency: URGENCY[kind],
      amountAtStakeMinor: amount,
      suggestion: { kind: 'log_call', labelKey: '' },
    }));
  const keysOf = (xs: NextAction[]) => xs.map((a) => `${a.key}|${a.amountAtStakeMinor}|${a.due}`);

  it('matches on random lists (400 runs)', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 60 }), (xs) => {
        const want = keysOf([...xs].sort(compareActions));
        expect(keysOf(rankActions(xs))).toEqual(want);
        expect(keysOf(rankActions(xs, 0))).toEqual(want); // every list through the comparator path
      }),
      { numRuns: 400 },
    );
  });

  it('long runs of ties (same kind, amount and due) are ordered by record id', () => {
    const ids = Array.from({ length: 80 }, (_, i) => `d${(i * 37) % 80}`);
    const xs = ids.map((id): NextAction => ({
      key: `stale_deal:${id}`,
      kind: 'stale_deal',
      record: { table: 'deals', id, name: id },
      reason: { key: '', params: {} },
      due: TODAY,
      urgency: URGENCY.stale_deal,
      amountAtStakeMinor: 5,
      suggestion: { kind: 'log_call', labelKey: '' },
    }));
    const want = [...xs].sort(compareActions).map((a) => a.key);
    expect(rankActions(xs).map((a) => a.key)).toEqual(want);
    expect(rankActions(xs.slice(0, 20)).map((a) => a.key)).toEqual([...xs.slice(0, 20)].sort(compareActions).map((a) => a.key));
  });

  it('an empty list ranks to an empty list', () => {
    expect(rankActions([])).toEqual([]);
  });
});

describe('amount at stake in the reporting currency', () => {
  it.each<{ name: string; currency: string; amountMinor: number | null; rates: Record<string, number>; want: number }>([
    { name: 'same currency', currency: 'THB', amountMinor: 12_345, rates: {}, want: 12_345 },
    { name: 'USD at 35 THB', currency: 'USD', amountMinor: 100_00, rates: { USD: 35 }, want: 3_500_00 },
    { name: 'JPY (no minor unit) at 0.24 THB', currency: 'JPY', amountMinor: 10_000, rates: { JPY: 0.24 }, want: 2_400_00 },
    { name: 'no rate → 0', currency: 'EUR', amountMinor: 100_00, rates: { USD: 35 }, want: 0 },
    { name: 'no amount → 0', currency: 'THB', amountMinor: null, rates: {}, want: 0 },
  ])('$name', ({ currency, amountMinor, rates, want }) => {
    const [a] = nextActions(book({ deals: [deal('d1', { closeOn: ago(1), currency, amountMinor })] }), options({ fxRates: rates }));
    expect(a!.amountAtStakeMinor).toBe(want);
  });

  it('cross-sell potential in another currency is converted (null currency = reporting)', () => {
    const b = book({
      products: [product('p1')],
      accounts: [
        account('a1', { isTarget: true, potentialMinor: 1_000_00, potentialCurrency: 'USD' }),
        account('a2', { isTarget: true, potentialMinor: 50_000_00 }),
      ],
      deals: [
        deal('w1', { accountId: 'a1', status: 'won', closeOn: ago(3) }),
        deal('w2', { accountId: 'a2', status: 'won', closeOn: ago(3) }),
      ],
    });
    const got = nextActions(b, options({ fxRates: { USD: 35 } })).filter((a) => a.kind === 'cross_sell');
    // 35,000.00 vs 50,000.00 THB: upper median of two is 50,000.00 → only a2.
    expect(got.map((a) => [a.key, a.amountAtStakeMinor])).toEqual([['cross_sell:a2', 50_000_00]]);
    expect(got[0]!.reason.params).toMatchObject({ bought: 0, catalogue: 1, penetration: 0, potentialMinor: 50_000_00, currency: 'THB' });
  });
});

describe('low_coverage', () => {
  const cov = (ratio: number | null, remainingQuotaMinor: number, openPipelineMinor: number) => ({ ratio, remainingQuotaMinor, openPipelineMinor });
  it.each([
    { name: 'ratio 2.9 < 3 fires', coverage: cov(2.9, 1000_00, 2900_00), want: 100_00 },
    { name: 'ratio exactly 3 does not', coverage: cov(3, 1000_00, 3000_00), want: null },
    { name: 'no remaining quota does not', coverage: cov(0, 0, 0), want: null },
    { name: 'null coverage does not', coverage: null, want: null },
    { name: 'null ratio is computed from the amounts', coverage: cov(null, 1000_00, 1000_00), want: 2000_00 },
  ])('$name', ({ coverage, want }) => {
    const got = nextActions(book(), options({ coverage })).filter((a) => a.kind === 'low_coverage');
    if (want === null) return expect(got).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]!.key).toBe('low_coverage:2026-11-01');
    expect(got[0]!.record).toEqual({ table: 'quotas', id: '2026-11-01', name: '2026-11-01 – 2026-11-30' });
    expect(got[0]!.amountAtStakeMinor).toBe(want);
    expect(got[0]!.reason.params.gapMinor).toBe(want);
    expect(got[0]!.suggestion.kind).toBe('prospect');
  });

  it('follows thresholds.coverageTarget', () => {
    const got = nextActions(book(), options({ coverage: cov(2.9, 100, 290), thresholds: { ...options().thresholds, coverageTarget: 2.5 } }));
    expect(got).toEqual([]);
  });

  it('done hides it for the period; a new period shows it again', () => {
    const done = state('low_coverage:2026-11-01', { status: 'done', at: NOW });
    const b = book({ actionStates: [done] });
    expect(nextActions(b, options({ coverage: cov(1, 100, 100) }))).toEqual([]);
    const dec = nextActions(b, options({ coverage: cov(1, 100, 100), now: NOW + 5 * DAY, today: '2026-12-03', period: { start: '2026-12-01', end: '2026-12-31' } }));
    expect(dec.map((a) => a.key)).toEqual(['low_coverage:2026-12-01']);
  });
});

describe('records changed between calls are seen (no cache across calls)', () => {
  const staleKeys = (b: ReturnType<typeof book>) =>
    nextActions(b, options())
      .filter((a) => a.kind === 'stale_deal')
      .map((a) => a.key);

  it('an activity replaced in place is re-resolved', () => {
    const b = book({
      deals: [deal('d1', { createdOn: ago(100) }), deal('d2', { createdOn: ago(100) })],
      activities: [activity('x', { dealId: 'd1', at: agoAt(1) })],
    });
    expect(staleKeys(b)).toEqual(['stale_deal:d2']);
    b.activities[0] = activity('x', { dealId: 'd2', at: agoAt(1) });
    expect(staleKeys(b)).toEqual(['stale_deal:d1']);
  });

  it('a pushed activity counts', () => {
    const b = book({ deals: [deal('d1', { createdOn: ago(100) })], activities: [activity('x', { dealId: 'zz', at: agoAt(1) })] });
    expect(staleKeys(b)).toEqual(['stale_deal:d1']);
    b.activities.push(activity('y', { dealId: 'd1', at: agoAt(2) }));
    expect(staleKeys(b)).toEqual([]);
  });

  it('a deal replaced in the same array position re-indexes', () => {
    const acts = [activity('x', { dealId: 'd1', at: agoAt(1) })];
    const b = book({ deals: [deal('d1', { createdOn: ago(100) }), deal('d2', { createdOn: ago(100) })], activities: acts });
    expect(staleKeys(b)).toEqual(['stale_deal:d2']);
    const swapped = book({ deals: [deal('d2', { createdOn: ago(100) }), deal('d1', { createdOn: ago(100) })], activities: acts });
    expect(staleKeys(swapped)).toEqual(['stale_deal:d2']);
    swapped.deals[1] = deal('d3', { createdOn: ago(100) });
    expect(staleKeys(swapped).sort()).toEqual(['stale_deal:d2', 'stale_deal:d3']);
  });

  it('a contact moved to another account (new object) moves the touch', () => {
    const b = book({
      accounts: [account('a1'), account('a2')],
      contacts: [contact('c1', { accountId: 'a1' })],
      deals: [
        deal('w1', { accountId: 'a1', status: 'won', closeOn: ago(300) }),
        deal('w2', { accountId: 'a2', status: 'won', closeOn: ago(300) }),
      ],
      activities: [activity('x', { contactId: 'c1', at: agoAt(3) })],
    });
    const untouched = () => nextActions(b, options()).filter((a) => a.kind === 'customer_untouched').map((a) => a.key);
    expect(untouched()).toEqual(['customer_untouched:a2']);
    b.contacts[0] = contact('c1', { accountId: 'a2' });
    expect(untouched()).toEqual(['customer_untouched:a1']);
  });
});
