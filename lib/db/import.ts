import type { Table } from 'dexie';
import type { ImportEntity } from '../io/import/fields';
import type { ExistingIndex, ImportPlan } from '../io/import/rows';
import { indexExisting } from '../io/import/existing';
import type { Activity, Contact, Deal } from '../domain/records';
import type { CockpitDB } from './database';
import { recomputeAllTouches, recomputeTouches } from './touches';


function tableOf(db: CockpitDB, entity: ImportEntity): Table<{ id: string; createdAt: number }, string> {
  return db.table(entity);
}

/** What is already stored, indexed for matching a file against (lib/io/import/existing.ts). */
export async function buildExistingIndex(db: CockpitDB, entity: ImportEntity): Promise<ExistingIndex> {
  return db.transaction('r', [db.accounts, db.deals, db.contacts, db.leads, db.activities], async () => {
    const [accounts, deals, contacts] = await Promise.all([db.accounts.toArray(), db.deals.toArray(), db.contacts.toArray()]);
    const records =
      entity === 'accounts' ? accounts : entity === 'deals' ? deals : entity === 'contacts' ? contacts : entity === 'leads' ? await db.leads.toArray() : await db.activities.toArray();
    return indexExisting(entity, records, { accounts, deals, contacts });
  });
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  accountsCreated: number;
}

// Big enough that IndexedDB's queue never drains between chunks; small enough for a moving progress bar.
const CHUNK = 10_000;
/** Above this many records to recompute touches for, recompute them all in one pass. */
const TOUCH_BULK = 2_000;

/**
 * Writes an import plan in ONE transaction: new accounts, new records, and updates that
 * overwrite only the fields the file provides (`updateKeys`). Any failure — a full disk
 * included — aborts the transaction and leaves the database exactly as it was.
 * Progress is reported after each chunk, inside the transaction.
 * The stored touches (deal/account lastTouchAt, lastMeetingAt) are recomputed in the same
 * transaction for the records the import can change them for: those the imported activities
 * link to (before and after an update), and the accounts a deal or contact moved between.
 * `now` is the write time (touches after it are not touches yet).
 */
export async function commitImport(
  db: CockpitDB,
  plan: ImportPlan,
  onProgress: (p: ImportProgress) => void = () => {},
  now: number = Date.now(),
): Promise<ImportResult> {
  const table = tableOf(db, plan.entity);
  const total = plan.accountsToCreate.length + plan.creates.length + plan.updates.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress({ done, total });
  };
  onProgress({ done: 0, total });
  // What the touches must be recomputed for: links of imported activities, accounts of moved deals/contacts.
  const dealIds = new Set<string>();
  const accountIds = new Set<string>();
  const contactIds = new Set<string>();
  const linksOf = (r: unknown) => {
    if (plan.entity === 'activities') {
      const a = r as Activity;
      if (a.dealId !== null) dealIds.add(a.dealId);
      else if (a.accountId !== null) accountIds.add(a.accountId);
      else if (a.contactId !== null) contactIds.add(a.contactId);
    } else if (plan.entity === 'deals' || plan.entity === 'contacts') {
      const id = (r as Deal | Contact).accountId;
      if (id != null) accountIds.add(id);
    }
  };
  const moves = plan.entity === 'activities' || ((plan.entity === 'deals' || plan.entity === 'contacts') && plan.updateKeys.includes('accountId'));
  if (plan.entity === 'activities') for (const p of plan.creates) linksOf(p.record);
  await db.transaction('rw', [db.accounts, db.deals, db.contacts, db.activities, table], async () => {
    for (let i = 0; i < plan.accountsToCreate.length; i += CHUNK) {
      const chunk = plan.accountsToCreate.slice(i, i + CHUNK);
      await db.accounts.bulkAdd(chunk);
      step(chunk.length);
    }
    for (let i = 0; i < plan.creates.length; i += CHUNK) {
      const chunk = plan.creates.slice(i, i + CHUNK).map((p) => p.record as { id: string; createdAt: number });
      await table.bulkAdd(chunk);
      step(chunk.length);
    }
    for (let i = 0; i < plan.updates.length; i += CHUNK) {
      const chunk = plan.updates.slice(i, i + CHUNK);
      const stored = await table.bulkGet(chunk.map((p) => (p.record as { id: string }).id));
      const merged = chunk.map((p, j) => {
        const incoming = p.record as unknown as Record<string, unknown>;
        const base = (stored[j] ?? incoming) as Record<string, unknown>;
        const out: Record<string, unknown> = { ...base };
        for (const k of plan.updateKeys) if (k in incoming) out[k] = incoming[k];
        out.updatedAt = incoming.updatedAt;
        if (moves) {
          if (stored[j]) linksOf(stored[j]);
          linksOf(out);
        }
        return out as { id: string; createdAt: number };
      });
      await table.bulkPut(merged);
      step(chunk.length);
    }
    if (!moves) return;
    if (contactIds.size > 0) {
      for (const c of await db.contacts.bulkGet([...contactIds])) if (c?.accountId) accountIds.add(c.accountId);
    }
    // A big import touches most of the book: one pass over everything beats a query per deal.
    if (dealIds.size + accountIds.size > TOUCH_BULK) await recomputeAllTouches(db, now);
    else if (dealIds.size + accountIds.size > 0) await recomputeTouches(db, { dealIds, accountIds }, now);
  });
  return { created: plan.creates.length, updated: plan.updates.length, accountsCreated: plan.accountsToCreate.length };
}
