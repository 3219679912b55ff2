import type { Book } from '../../../lib/domain/book';
import { addDays, toDayNumber } from '../../../lib/domain/dates';
import {
  accountSchema,
  actionStateSchema,
  activitySchema,
  contactSchema,
  csatResponseSchema,
  dealSchema,
  leadSchema,
  productSchema,
  type Account,
  type ActionState,
  type Activity,
  type Contact,
  type CsatResponse,
  type Deal,
  type Lead,
  type Product,
} from '../../../lib/domain/records';
import { thresholdsSchema } from '../../../lib/settings/schema';
import { nextActions as engine, type ActionBook, type ActionOptions, type NextAction } from '../../../lib/actions';
import { withTouches } from '../../../lib/actions/touches';

/** Hand-built tiny books for the rules tests. "Today" is 2026-11-28, now is noon UTC that day. */
export const TODAY = '2026-11-28';
export const NOW = Date.UTC(2026, 10, 28, 12);
export const DAY = 86_400_000;

/** The date n days before today. */
export const ago = (n: number) => addDays(TODAY, -n);
/** Noon UTC of the day n days before today. */
export const agoAt = (n: number) => toDayNumber(ago(n)) * DAY + DAY / 2;
/** Start of the UTC day given (the trigger instant with tz 0). */
export const startOf = (d: string) => toDayNumber(d) * DAY;

const base = { createdAt: 0, updatedAt: 0 };

export function deal(id: string, o: Partial<Deal> = {}): Deal {
  return dealSchema.parse({
    ...base,
    id,
    name: `Deal ${id}`,
    currency: 'THB',
    stage: 'Proposal',
    status: 'open',
    probability: 0.5,
    forecastCategory: 'best_case',
    createdOn: ago(1), // fresh, so it is not stale unless a test says so
    amountMinor: 100_000,
    ...o,
  });
}

export function activity(id: string, o: Partial<Activity> = {}): Activity {
  return activitySchema.parse({ ...base, id, kind: 'call', at: agoAt(0), ...o });
}

export function lead(id: string, o: Partial<Lead> = {}): Lead {
  return leadSchema.parse({ ...base, id, name: `Lead ${id}`, createdOn: ago(30), ...o });
}

export function account(id: string, o: Partial<Account> = {}): Account {
  return accountSchema.parse({ ...base, id, name: `Account ${id}`, ...o });
}

export function contact(id: string, o: Partial<Contact> = {}): Contact {
  return contactSchema.parse({ ...base, id, name: `Contact ${id}`, ...o });
}

export function csat(id: string, o: Partial<CsatResponse> = {}): CsatResponse {
  return csatResponseSchema.parse({ ...base, id, accountId: 'a1', score: 3, on: ago(1), ...o });
}

export function product(id: string, o: Partial<Product> = {}): Product {
  return productSchema.parse({ ...base, id, name: `Product ${id}`, ...o });
}

export function state(id: string, o: Partial<ActionState>): ActionState {
  return actionStateSchema.parse({ id, status: 'done', at: NOW, ...o });
}

/** A book as the tests write it: with its activities and contacts, touches not yet derived. */
export type TestBook = ActionBook & Pick<Book, 'activities' | 'contacts'>;

/**
 * The engine as the app sees it: every write keeps the stored touches, so here they are
 * derived from the book's activities at `opts.now` just before the call. The rules tests keep
 * specifying behaviour in terms of activities.
 */
export function nextActions(b: TestBook, opts: ActionOptions): NextAction[] {
  return engine(withTouches(b, opts.now), opts);
}

export function book(o: Partial<TestBook> = {}): TestBook {
  return {
    deals: [],
    leads: [],
    accounts: [],
    activities: [],
    csat: [],
    products: [],
    actionStates: [],
    contacts: [],
    ...o,
  };
}

export function options(o: Partial<ActionOptions> = {}): ActionOptions {
  return {
    now: NOW,
    today: TODAY,
    thresholds: thresholdsSchema.parse({}),
    reportingCurrency: 'THB',
    fxRates: {},
    period: { start: '2026-11-01', end: '2026-11-30' },
    ...o,
  };
}
