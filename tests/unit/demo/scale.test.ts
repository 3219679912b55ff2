import { beforeAll, describe, expect, it } from 'vitest';
import {
  accountSchema,
  activitySchema,
  addDays,
  contactSchema,
  csatResponseSchema,
  dealSchema,
  leadSchema,
  localDateOf,
  type Book,
} from '../../../lib/domain';
import { DEFAULT_STAGE_RULES } from '../../../lib/settings/schema';
import { generateBook } from '../../../lib/demo';
import { Rng } from '../../../lib/demo/random';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const TODAY = localDateOf(NOW);
const OPTS = { now: NOW, seed: 3, accounts: 200, deals: 5_000, activities: 50_000, leads: 2_000 };

let book: Book;
beforeAll(() => {
  book = generateBook(OPTS);
});

/** Every k-th record plus the first and last, so the sample reaches both ends of each table. */
function sample<T>(rows: T[], size: number): T[] {
  const r = new Rng(11);
  const out = [rows[0]!, rows[rows.length - 1]!];
  for (let i = 0; i < size; i++) out.push(rows[r.int(0, rows.length - 1)]!);
  return out;
}

describe('generateBook at a moderate scale', () => {
  it('produces exactly the requested counts', () => {
    expect(book.accounts).toHaveLength(200);
    expect(book.deals).toHaveLength(5_000);
    expect(book.activities).toHaveLength(50_000);
    expect(book.leads).toHaveLength(2_000);
    expect(book.accountPlans).toHaveLength(10);
  });

  it('a sample of every table matches its schema output exactly', () => {
    const check = <T>(schema: { parse(v: unknown): T }, rows: T[]) => {
      for (const row of sample(rows, 300)) expect(schema.parse(row)).toStrictEqual(row);
    };
    check(accountSchema, book.accounts);
    check(contactSchema, book.contacts);
    check(dealSchema, book.deals);
    check(activitySchema, book.activities);
    check(leadSchema, book.leads);
    check(csatResponseSchema, book.csat);
  });

  it('ids are unique and links resolve across the whole book', () => {
    const dealIds = new Set(book.deals.map((d) => d.id));
    const accountIds = new Set(book.accounts.map((a) => a.id));
    const contactIds = new Set(book.contacts.map((c) => c.id));
    expect(dealIds.size).toBe(5_000);
    expect(new Set(book.activities.map((a) => a.id)).size).toBe(50_000);
    expect(new Set(book.accounts.map((a) => a.name)).size).toBe(200);
    for (const a of book.activities) {
      if (a.dealId !== null && !dealIds.has(a.dealId)) throw new Error(`dangling deal ${a.dealId}`);
      if (a.accountId !== null && !accountIds.has(a.accountId)) throw new Error(`dangling account ${a.accountId}`);
      if (a.contactId !== null && !contactIds.has(a.contactId)) throw new Error(`dangling contact ${a.contactId}`);
    }
    for (const l of book.leads) if (l.convertedDealId) expect(dealIds.has(l.convertedDealId)).toBe(true);
  });

  it('keeps the mix: every stage, closed deals in the window, stage-consistent statuses', () => {
    const rules = new Map(DEFAULT_STAGE_RULES.map((r) => [r.stage, r]));
    const seen = new Set<string>();
    const lo = addDays(TODAY, -548);
    for (const d of book.deals) {
      seen.add(d.stage);
      expect(rules.get(d.stage)!.status).toBe(d.status);
      if (d.status !== 'open' && (d.closeOn! > TODAY || d.closeOn! < lo)) throw new Error(`bad closeOn ${d.id}`);
    }
    expect(seen.size).toBe(DEFAULT_STAGE_RULES.length);
  });

  it('account names stay unique past the vocabulary (benchmark-sized account lists)', () => {
    const big = generateBook({ now: NOW, accounts: 1_000, deals: 0, activities: 0, leads: 0 });
    expect(new Set(big.accounts.map((a) => a.name)).size).toBe(1_000);
    expect(new Set(big.accounts.flatMap((a) => a.domains)).size).toBe(big.accounts.flatMap((a) => a.domains).length);
    expect(big.deals).toEqual([]);
    expect(big.activities).toEqual([]);
  });
});
