import { deriveTouches, type TouchBook } from '../../actions/touches';
import type { SchemaStep } from './step';

/**
 * Version 2: deals carry `lastTouchAt` / `lastMeetingAt` and accounts `lastTouchAt`, derived
 * from the activities (lib/actions/touches.ts); before, a stored or backed-up book lacked them
 * and every deal looked untouched. Adds the deal history and the import batches.
 */
export const v1ToV2: SchemaStep = {
  from: 1,
  up: {
    deals: (d) => ({ ...d, lastTouchAt: d.lastTouchAt ?? null, lastMeetingAt: d.lastMeetingAt ?? null }),
    accounts: (a) => ({ ...a, lastTouchAt: a.lastTouchAt ?? null }),
  },
  addsTables: ['dealHistory', 'importBatches'],
  reads: ['activities', 'deals', 'accounts', 'contacts'],
  derive: (tables, now) => {
    const book = {
      activities: tables.activities ?? [],
      deals: tables.deals ?? [],
      accounts: tables.accounts ?? [],
      contacts: tables.contacts ?? [],
    } as unknown as TouchBook;
    const touches = deriveTouches(book, now);
    const deals = [];
    for (const d of book.deals) {
      const t = touches.deals.get(d.id);
      if (t && (t.lastTouchAt !== d.lastTouchAt || t.lastMeetingAt !== d.lastMeetingAt)) deals.push({ ...d, ...t });
    }
    const accounts = [];
    for (const a of book.accounts) {
      const t = touches.accounts.get(a.id) ?? null;
      if (t !== a.lastTouchAt) accounts.push({ ...a, lastTouchAt: t });
    }
    return { deals, accounts };
  },
};
