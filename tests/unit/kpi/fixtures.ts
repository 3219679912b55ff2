import type { z } from 'zod';
import { emptyBook, type Book } from '../../../lib/domain/book';
import {
  accountSchema,
  activitySchema,
  csatResponseSchema,
  dealSchema,
  leadSchema,
  productSchema,
  quotaSchema,
  spendEntrySchema,
  type Account,
  type Activity,
  type CsatResponse,
  type Deal,
  type Lead,
  type Product,
  type Quota,
  type SpendEntry,
} from '../../../lib/domain/records';
import { computeKpisForPeriods, type KpiEngineOptions, type Period, type PeriodKpis } from '../../../lib/kpi';

// Small builders: every record goes through its zod schema, so fixtures are valid records.
let seq = 0;
const base = (prefix: string, id?: string) => ({ id: id ?? `${prefix}${++seq}`, createdAt: 0, updatedAt: 0 });

type In<S extends z.ZodType> = Partial<z.input<S>>;

export function deal(p: In<typeof dealSchema> & Pick<Deal, 'status' | 'createdOn'>): Deal {
  return dealSchema.parse({
    ...base('deal-', p.id),
    name: 'Deal',
    currency: 'THB',
    stage: p.status === 'open' ? 'Proposal' : p.status,
    probability: p.status === 'won' ? 1 : p.status === 'lost' ? 0 : 0.5,
    forecastCategory: p.status === 'won' ? 'commit' : p.status === 'lost' ? 'omitted' : 'pipeline',
    amountMinor: 0,
    ...p,
  });
}

/** A won deal: amount, close date, and created date (defaults to the close date: a zero-length cycle). */
export function won(amountMinor: number, closeOn: string, p: In<typeof dealSchema> = {}): Deal {
  return deal({ status: 'won', amountMinor, closeOn, createdOn: p.createdOn ?? closeOn, ...p });
}
export function lost(closeOn: string, p: In<typeof dealSchema> = {}): Deal {
  return deal({ status: 'lost', amountMinor: 1000, closeOn, createdOn: p.createdOn ?? closeOn, ...p });
}
export function open(amountMinor: number | null, closeOn: string | null, p: In<typeof dealSchema> = {}): Deal {
  return deal({ status: 'open', amountMinor, closeOn, createdOn: p.createdOn ?? '2026-01-01', ...p });
}

export function lead(p: In<typeof leadSchema> = {}): Lead {
  return leadSchema.parse({ ...base('lead-', p.id), name: 'Lead', createdOn: '2026-01-01', ...p });
}
export function account(p: In<typeof accountSchema> = {}): Account {
  return accountSchema.parse({ ...base('acc-', p.id), name: p.id ?? 'Account', ...p });
}
export function activity(kind: Activity['kind'], at: number, p: In<typeof activitySchema> = {}): Activity {
  return activitySchema.parse({ ...base('act-', p.id), kind, at, ...p });
}
export function csat(score: number, on: string): CsatResponse {
  return csatResponseSchema.parse({ ...base('csat-'), accountId: 'acc-x', score, on });
}
export function spend(amountMinor: number, on: string, p: In<typeof spendEntrySchema> = {}): SpendEntry {
  return spendEntrySchema.parse({ ...base('spend-', p.id), amountMinor, on, currency: 'THB', category: 'sales', ...p });
}
export function quota(amountMinor: number, start: string, end: string, p: In<typeof quotaSchema> = {}): Quota {
  return quotaSchema.parse({ ...base('quota-', p.id), amountMinor, start, end, currency: 'THB', ...p });
}
export function product(id: string, name: string, active = true): Product {
  return productSchema.parse({ ...base('prod-', id), name, active });
}

export function book(parts: Partial<Book>): Book {
  return { ...emptyBook(), ...parts };
}

export const NOV: Period = { start: '2026-11-01', end: '2026-11-30' };

export const ENGINE: KpiEngineOptions = {
  asOf: '2026-11-28',
  reportingCurrency: 'THB',
  fxRates: { USD: 35, JPY: 0.25 },
  tzOffsetMinutes: 420,
};

export function kpisOf(b: Book, period: Period = NOV, opts: Partial<KpiEngineOptions> = {}): PeriodKpis {
  return computeKpisForPeriods(b, [period], { ...ENGINE, ...opts })[0]!;
}
