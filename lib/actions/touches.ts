import type { Book } from '../domain/book';
import type { Account, Activity, Deal } from '../domain/records';
import { IdIndex } from './ids';

/**
 * Stored touches: the join of activities to deals and accounts, done when activities are
 * written instead of on every read (as CRMs keep a LastActivityDate). The next-action rules
 * read `deal.lastTouchAt`, `deal.lastMeetingAt` and `account.lastTouchAt` only.
 *
 * Semantics (those of lib/actions/README.md, "What an activity counts for"):
 * - A touch is an activity that has happened by `now` (the write time): its `at`, or for a
 *   task its `completedAt` (an open task is no touch). Instants after `now` are ignored, so a
 *   stored touch is never later than the write that stored it.
 * - An activity counts for its most specific link that is set: a deal (and that deal's
 *   account), else an account, else the contact's account. A link to a record not in the book
 *   counts for nothing (the next link is not tried).
 * - A meeting is a `meeting` activity linked to a deal whose outcome is not `no_show`; booked
 *   future ones count (they are what "closing without meeting" asks for): `lastMeetingAt` is
 *   its `at`, even after `now`.
 * - Repeated ids: the last record with an id is the one linked to (as a Map would); earlier
 *   ones get no touches.
 */

export interface DealTouches {
  lastTouchAt: number | null;
  lastMeetingAt: number | null;
}

export interface Touches {
  /** Every deal of the book by id (null = none). */
  deals: Map<string, DealTouches>;
  /** Every account of the book by id (null = none). */
  accounts: Map<string, number | null>;
}

export type TouchBook = Pick<Book, 'activities' | 'deals' | 'accounts' | 'contacts'>;

const NONE = -1; // instants are non-negative

/** What one activity contributes, before its link is resolved. Null = it counts for nothing. */
export interface ActivityTouch {
  link: 'deal' | 'account' | 'contact';
  id: string;
  /** Touch instant, null when not a touch (open task, after `now`). */
  touchAt: number | null;
  /** Meeting instant (deal links only), null when not a meeting. */
  meetingAt: number | null;
}

export function touchFromActivity(a: Activity, now: number): ActivityTouch | null {
  let link: ActivityTouch['link'];
  let id: string;
  if (a.dealId !== null) {
    link = 'deal';
    id = a.dealId;
  } else if (a.accountId !== null) {
    link = 'account';
    id = a.accountId;
  } else if (a.contactId !== null) {
    link = 'contact';
    id = a.contactId;
  } else return null;
  const t = a.kind === 'task' ? a.completedAt : a.at;
  const touchAt = t !== null && t <= now ? t : null;
  const meetingAt = link === 'deal' && a.kind === 'meeting' && a.outcome !== 'no_show' ? a.at : null;
  if (touchAt === null && meetingAt === null) return null;
  return { link, id, touchAt, meetingAt };
}

interface Indexed {
  dealLast: Float64Array;
  dealMeeting: Float64Array;
  accountLast: Float64Array;
}

/** Latest touch / meeting per record index (NONE = none). */
function deriveIndexed(book: TouchBook, now: number): Indexed {
  const { deals, accounts, contacts } = book;
  const dealIdx = new IdIndex(deals);
  const accountIdx = new IdIndex(accounts);
  const contactIdx = new IdIndex(contacts);
  const dealLast = new Float64Array(deals.length).fill(NONE);
  const dealMeeting = new Float64Array(deals.length).fill(NONE);
  const accountLast = new Float64Array(accounts.length).fill(NONE);
  // Account index of each deal / contact, resolved when first needed (-2 = not yet).
  const dealAcc = new Int32Array(deals.length).fill(-2);
  const contactAcc = new Int32Array(contacts.length).fill(-2);
  const acts = book.activities;
  for (let i = 0; i < acts.length; i++) {
    const a = acts[i]!;
    let t = a.kind === 'task' ? a.completedAt : a.at;
    if (t !== null && t > now) t = null;
    if (a.dealId !== null) {
      const meeting = a.kind === 'meeting' && a.outcome !== 'no_show';
      if (t === null && !meeting) continue;
      const d = dealIdx.find(a.dealId);
      if (d < 0) continue;
      if (meeting && a.at > dealMeeting[d]!) dealMeeting[d] = a.at;
      if (t === null) continue;
      if (t > dealLast[d]!) dealLast[d] = t;
      let x = dealAcc[d]!;
      if (x === -2) {
        const id = deals[d]!.accountId;
        x = dealAcc[d] = id === null ? -1 : accountIdx.find(id);
      }
      if (x >= 0 && t > accountLast[x]!) accountLast[x] = t;
    } else if (a.accountId !== null) {
      if (t === null) continue;
      const x = accountIdx.find(a.accountId);
      if (x >= 0 && t > accountLast[x]!) accountLast[x] = t;
    } else if (a.contactId !== null) {
      if (t === null) continue;
      const c = contactIdx.find(a.contactId);
      if (c < 0) continue;
      let x = contactAcc[c]!;
      if (x === -2) {
        const id = contacts[c]!.accountId;
        x = contactAcc[c] = id === null ? -1 : accountIdx.find(id);
      }
      if (x >= 0 && t > accountLast[x]!) accountLast[x] = t;
    }
  }
  return { dealLast, dealMeeting, accountLast };
}

const orNull = (v: number) => (v === NONE ? null : v);

/** Latest touch and meeting of every deal and account of the book, from its activities. */
export function deriveTouches(book: TouchBook, now: number): Touches {
  const { dealLast, dealMeeting, accountLast } = deriveIndexed(book, now);
  const deals = new Map<string, DealTouches>();
  book.deals.forEach((d, i) => deals.set(d.id, { lastTouchAt: orNull(dealLast[i]!), lastMeetingAt: orNull(dealMeeting[i]!) }));
  const accounts = new Map<string, number | null>();
  book.accounts.forEach((a, i) => accounts.set(a.id, orNull(accountLast[i]!)));
  return { deals, accounts };
}

/** The book with every deal and account carrying its derived touches (new objects only where they change). */
export function withTouches<B extends TouchBook>(book: B, now: number): B {
  const { dealLast, dealMeeting, accountLast } = deriveIndexed(book, now);
  const deals = book.deals.map((d, i): Deal => {
    const last = orNull(dealLast[i]!);
    const meeting = orNull(dealMeeting[i]!);
    return (d.lastTouchAt ?? null) === last && (d.lastMeetingAt ?? null) === meeting
      ? d
      : { ...d, lastTouchAt: last, lastMeetingAt: meeting };
  });
  const accounts = book.accounts.map((a, i): Account => {
    const last = orNull(accountLast[i]!);
    return (a.lastTouchAt ?? null) === last ? a : { ...a, lastTouchAt: last };
  });
  return { ...book, deals, accounts };
}
