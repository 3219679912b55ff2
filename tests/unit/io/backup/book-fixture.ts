import { emptyBook, type Book } from '../../../../lib/domain/book';
import { addDays } from '../../../../lib/domain/dates';
import {
  accountPlanSchema,
  accountSchema,
  actionStateSchema,
  activitySchema,
  contactSchema,
  csatResponseSchema,
  dealSchema,
  leadSchema,
  productSchema,
  quotaSchema,
  spendEntrySchema,
} from '../../../../lib/domain/records';
import { dealChangeSchema, importBatchSchema } from '../../../../lib/domain/history';

/** Deterministic PRNG (mulberry32) so fixtures are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Acme', 'บริษัท ไทยเบฟ', 'Globex, Inc.', 'Initech "Labs"', 'Umbrella\nCorp', '=Evil()', 'สยาม ซีเมนต์'];

/**
 * A schema-valid book with `size` records spread over every table, in shuffled
 * id order (so serialisation has to sort), with Thai text, quotes and newlines.
 */
export function buildBook(size: number, seed = 1): Book {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number) => Math.floor(r() * n);
  const now = Date.UTC(2026, 10, 28);
  const day = (offset: number) => addDays('2026-11-28', -offset);
  const book = emptyBook();
  const n = {
    accounts: Math.max(1, Math.floor(size * 0.08)),
    contacts: Math.floor(size * 0.1),
    leads: Math.floor(size * 0.07),
    deals: Math.floor(size * 0.25),
    csat: Math.floor(size * 0.03),
    spend: Math.floor(size * 0.02),
    quotas: 12,
    products: 20,
    accountPlans: Math.floor(size * 0.01),
    actionStates: Math.floor(size * 0.02),
    dealHistory: Math.floor(size * 0.02),
    importBatches: 3,
  };
  const id = (prefix: string, i: number) => `${prefix}-${(i * 7919) % 100003}-${i}`;
  for (let i = 0; i < n.accounts; i++) {
    book.accounts.push(
      accountSchema.parse({
        id: id('acc', i),
        createdAt: now - int(1e10),
        updatedAt: now,
        name: `${pick(NAMES)} ${i}`,
        domains: i % 3 ? [`a${i}.example.com`] : [],
        isTarget: r() < 0.3,
        potentialMinor: r() < 0.5 ? int(1e9) : null,
        potentialCurrency: 'THB',
        customerSince: r() < 0.4 ? day(int(900)) : null,
        provenance: r() < 0.5 ? { site: 'salesforce', url: null, externalId: `001${i}`, capturedAt: now } : null,
        sourceKey: null,
      }),
    );
  }
  const accountId = () => book.accounts[int(book.accounts.length)]!.id;
  for (let i = 0; i < n.contacts; i++) {
    book.contacts.push(
      contactSchema.parse({
        id: id('con', i),
        createdAt: now,
        updatedAt: now,
        name: `${pick(NAMES)} contact ${i}`,
        emails: [`c${i}@example.com`],
        accountId: accountId(),
        buyingRole: pick(['champion', 'user', null] as const),
      }),
    );
  }
  for (let i = 0; i < n.leads; i++) {
    book.leads.push(
      leadSchema.parse({ id: id('lead', i), createdAt: now, updatedAt: now, name: `Lead ${i}`, createdOn: day(int(400)) }),
    );
  }
  for (let i = 0; i < n.deals; i++) {
    const status = pick(['open', 'won', 'lost'] as const);
    book.deals.push(
      dealSchema.parse({
        id: id('deal', i),
        createdAt: now - int(1e10),
        updatedAt: now,
        name: `${pick(NAMES)} deal ${i}`,
        accountId: accountId(),
        amountMinor: r() < 0.9 ? int(1e10) : null,
        currency: pick(['THB', 'USD', 'JPY']),
        stage: status === 'open' ? 'Proposal' : status === 'won' ? 'Closed Won' : 'Closed Lost',
        status,
        probability: status === 'won' ? 1 : status === 'lost' ? 0 : Math.round(r() * 100) / 100,
        forecastCategory: 'pipeline',
        createdOn: day(400 + int(300)),
        closeOn: day(int(400)),
        lineItems: r() < 0.2 ? [{ productName: 'Seat', quantity: 1 + int(50), unitPriceMinor: int(1e6) }] : [],
      }),
    );
  }
  const dealCount = book.deals.length;
  const activities = size - (n.accounts + n.contacts + n.leads + dealCount + n.csat + n.spend + n.quotas + n.products + n.accountPlans + n.actionStates + n.dealHistory + n.importBatches);
  for (let i = 0; i < activities; i++) {
    book.activities.push(
      activitySchema.parse({
        id: id('act', i),
        createdAt: now,
        updatedAt: now,
        kind: pick(['call', 'email', 'meeting', 'note', 'task'] as const),
        at: now - int(3e10),
        subject: `Follow-up ${i}`,
        notes: r() < 0.1 ? 'ลูกค้าขอใบเสนอราคาใหม่\n"urgent"' : '',
        dealId: book.deals[int(dealCount)]!.id,
      }),
    );
  }
  for (let i = 0; i < n.csat; i++) {
    book.csat.push(
      csatResponseSchema.parse({ id: id('csat', i), createdAt: now, updatedAt: now, accountId: accountId(), score: 1 + int(5), on: day(int(300)) }),
    );
  }
  for (let i = 0; i < n.spend; i++) {
    book.spend.push(
      spendEntrySchema.parse({ id: id('sp', i), createdAt: now, updatedAt: now, on: day(int(300)), amountMinor: int(1e7), currency: 'THB', category: 'sales' }),
    );
  }
  for (let i = 0; i < n.quotas; i++) {
    const start = `2026-${String(i + 1).padStart(2, '0')}-01`;
    book.quotas.push(
      quotaSchema.parse({ id: id('q', i), createdAt: now, updatedAt: now, start, end: addDays(start, 27), amountMinor: 1e8, currency: 'THB' }),
    );
  }
  for (let i = 0; i < n.products; i++) {
    book.products.push(productSchema.parse({ id: id('prod', i), createdAt: now, updatedAt: now, name: `Product ${i}` }));
  }
  for (let i = 0; i < n.accountPlans; i++) {
    book.accountPlans.push(
      accountPlanSchema.parse({
        id: id('plan', i),
        createdAt: now,
        updatedAt: now,
        accountId: book.accounts[i % book.accounts.length]!.id,
        goals: ['Expand to 3 BUs'],
        insights: [{ at: now, text: 'CFO changed' }],
        handoffs: [{ team: 'marketing', note: 'case study', at: now }],
      }),
    );
  }
  for (let i = 0; i < n.actionStates; i++) {
    book.actionStates.push(actionStateSchema.parse({ id: `stale:${id('deal', i)}`, status: 'snoozed', until: now + 1, at: now }));
  }
  for (let i = 0; i < n.dealHistory && book.deals.length > 0; i++) {
    book.dealHistory.push(
      dealChangeSchema.parse({
        id: id('chg', i),
        dealId: book.deals[i % book.deals.length]!.id,
        field: pick(['stage', 'closeOn', 'amountMinor'] as const),
        from: 'Proposal',
        to: i % 2 ? null : 125000,
        at: now - int(1e9),
        source: pick(['import', 'capture', 'edit', 'quicklog'] as const),
      }),
    );
  }
  for (let i = 0; i < n.importBatches && i + 1 < book.deals.length; i++) {
    book.importBatches.push(
      importBatchSchema.parse({
        id: id('imp', i),
        at: now - i,
        fileName: `ดีล ${i}.csv`,
        entity: 'deals',
        created: [{ table: 'deals', ids: [book.deals[i]!.id] }],
        updated: [{ table: 'deals', id: book.deals[i + 1]!.id, previous: { stage: 'Proposal', amountMinor: null } }],
        createdCount: 1,
        updatedCount: 1,
      }),
    );
  }
  return book;
}

export function recordCount(book: Book): number {
  return Object.values(book).reduce((s, rows) => s + (rows as unknown[]).length, 0);
}
