import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { ImportEntity } from '../io/import/fields';
import type { ExistingIndex, ImportPlan } from '../io/import/rows';
import { indexExisting } from '../io/import/existing';
import type { Account, Activity, Contact, Deal } from '../domain/records';
import { dealChanges, importBatchSchema, type DealChange, type ImportBatch } from '../domain/history';
import { TABLE_SCHEMAS } from '../domain/tables';
import { dealDraftValid } from '../io/import/valid';
import { validateFor } from './errors';
import { newId } from './ids';
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

export interface CommitOptions {
  /** The file's name, shown in the list of recent imports. */
  fileName?: string;
}

/** How many imports are kept for undo; older batches are forgotten (their records stay). */
export const KEPT_BATCHES = 20;

/**
 * Writes an import plan in ONE transaction: new accounts, new records, and updates that
 * overwrite only the fields the file provides (`updateKeys`). Every record is validated with
 * its schema before anything is written; any failure (an invalid record, a full disk) aborts
 * the transaction and leaves the database exactly as it was. Progress is reported after each
 * chunk, inside the transaction.
 * The same transaction records the import as a batch (what it created, and the previous values
 * of what it overwrote) so `undoImport` can take it back, and appends the deal history for every
 * tracked field an update changed. The stored touches (deal/account lastTouchAt, lastMeetingAt)
 * are recomputed for the records the import can change them for: those the imported activities
 * link to (before and after an update), and the accounts a deal or contact moved between.
 * `now` is the write time (touches after it are not touches yet).
 */
export async function commitImport(
  db: CockpitDB,
  plan: ImportPlan,
  onProgress: (p: ImportProgress) => void = () => {},
  now: number = Date.now(),
  options: CommitOptions = {},
): Promise<ImportResult & { batchId: string }> {
  const table = tableOf(db, plan.entity);
  const schema = TABLE_SCHEMAS[plan.entity];
  const check = (r: unknown): Record<string, unknown> =>
    plan.entity === 'deals' && dealDraftValid(r as Record<string, unknown>)
      ? (r as Record<string, unknown>)
      : (validateFor(schema, plan.entity, r) as Record<string, unknown>);
  const accounts = plan.accountsToCreate.map((a) => validateFor(TABLE_SCHEMAS.accounts, 'accounts', a) as Account);
  const creates = plan.creates.map((p) => check(p.record) as { id: string; createdAt: number });
  const total = accounts.length + creates.length + plan.updates.length;
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
  if (plan.entity === 'activities') for (const r of creates) linksOf(r);
  const batchId = newId();
  const updated: ImportBatch['updated'] = [];
  const history: DealChange[] = [];
  await db.transaction('rw', [db.accounts, db.deals, db.contacts, db.activities, db.dealHistory, db.importBatches, table], async () => {
    for (let i = 0; i < accounts.length; i += CHUNK) {
      const chunk = accounts.slice(i, i + CHUNK);
      await db.accounts.bulkAdd(chunk);
      step(chunk.length);
    }
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      await table.bulkAdd(chunk);
      step(chunk.length);
    }
    for (let i = 0; i < plan.updates.length; i += CHUNK) {
      const chunk = plan.updates.slice(i, i + CHUNK);
      const stored = await table.bulkGet(chunk.map((p) => (p.record as { id: string }).id));
      const merged = chunk.map((p, j) => {
        const incoming = p.record as unknown as Record<string, unknown>;
        const before = stored[j] as Record<string, unknown> | undefined;
        const base = before ?? incoming;
        const out: Record<string, unknown> = { ...base };
        const previous: Record<string, unknown> = {};
        for (const k of plan.updateKeys) {
          if (!(k in incoming)) continue;
          previous[k] = before ? (before[k] ?? null) : null;
          out[k] = incoming[k];
        }
        out.updatedAt = incoming.updatedAt;
        if (before) updated.push({ table: plan.entity, id: String(out.id), previous });
        if (plan.entity === 'deals') history.push(...dealChanges(before as Deal | undefined, out as Deal, now, 'import', String(out.id), newId, batchId));
        if (moves) {
          if (before) linksOf(before);
          linksOf(out);
        }
        return check(out) as { id: string; createdAt: number };
      });
      await table.bulkPut(merged);
      step(chunk.length);
    }
    if (history.length > 0) await db.dealHistory.bulkAdd(history);
    await db.importBatches.add(
      validateFor(importBatchSchema, 'importBatches', {
        id: batchId,
        at: now,
        fileName: (options.fileName ?? '').slice(0, 500),
        entity: plan.entity,
        created: [
          { table: 'accounts', ids: accounts.map((a) => a.id) },
          { table: plan.entity, ids: creates.map((r) => r.id) },
        ],
        updated,
        createdCount: accounts.length + creates.length,
        updatedCount: updated.length,
        undoneAt: null,
      }),
    );
    await pruneBatches(db);
    if (!moves) return;
    if (contactIds.size > 0) {
      for (const c of await db.contacts.bulkGet([...contactIds])) if (c?.accountId) accountIds.add(c.accountId);
    }
    // A big import touches most of the book: one pass over everything beats a query per deal.
    if (dealIds.size + accountIds.size > TOUCH_BULK) await recomputeAllTouches(db, now);
    else if (dealIds.size + accountIds.size > 0) await recomputeTouches(db, { dealIds, accountIds }, now);
  });
  return { created: creates.length, updated: plan.updates.length, accountsCreated: accounts.length, batchId };
}

async function pruneBatches(db: CockpitDB): Promise<void> {
  const n = await db.importBatches.count();
  if (n <= KEPT_BATCHES) return;
  const old = await db.importBatches.orderBy('at').limit(n - KEPT_BATCHES).primaryKeys();
  await db.importBatches.bulkDelete(old);
}

/** Recent imports, newest first (for the options page's list and undo). */
export async function listImports(db: CockpitDB, limit = 10): Promise<ImportBatch[]> {
  return db.importBatches.orderBy('at').reverse().limit(limit).toArray();
}

export interface UndoResult {
  removed: number;
  restored: number;
  /** Updated records that were deleted since the import: nothing to restore. */
  missing: number;
}

/**
 * Takes an import back in ONE transaction: the records it created are removed, and every field
 * it overwrote gets its previous value again (other fields, edited since, stay as they are).
 * The deal history records the restored values (source 'undo'); touches are recomputed.
 * An import already undone, or forgotten, is refused.
 */
export async function undoImport(db: CockpitDB, batchId: string, now: number): Promise<UndoResult> {
  const tables = [db.accounts, db.deals, db.contacts, db.activities, db.leads, db.dealHistory, db.importBatches];
  return db.transaction('rw', tables, async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) throw new Error(`import ${batchId} is not kept any more`);
    if (batch.undoneAt !== null) throw new Error(`import ${batchId} was already undone`);
    let removed = 0;
    let restored = 0;
    let missing = 0;
    const dealIds = new Set<string>();
    const accountIds = new Set<string>();
    const removedDeals: string[] = [];
    // Updates first: an updated deal may point at an account this import created.
    const history: DealChange[] = [];
    for (const u of batch.updated) {
      const t = db.table(u.table);
      const stored = (await t.get(u.id)) as Record<string, unknown> | undefined;
      if (!stored) {
        missing++;
        continue;
      }
      const out: Record<string, unknown> = { ...stored, ...u.previous, updatedAt: now };
      if (u.table === 'deals') {
        history.push(...dealChanges(stored as Deal, out as Deal, now, 'undo', u.id, newId, batchId));
        dealIds.add(u.id);
        for (const r of [stored, out]) if (typeof r.accountId === 'string') accountIds.add(r.accountId);
      }
      if (u.table === 'activities') for (const r of [stored, out]) if (typeof r.dealId === 'string') dealIds.add(r.dealId);
      await t.put(validateFor(TABLE_SCHEMAS[u.table as keyof typeof TABLE_SCHEMAS], u.table, out));
      restored++;
    }
    for (const c of batch.created) {
      const t = db.table(c.table);
      const present = (await t.bulkGet(c.ids)).filter((r): r is Record<string, unknown> => r !== undefined);
      for (const r of present) {
        if (c.table === 'deals') removedDeals.push(String(r.id));
        if (c.table === 'activities' && typeof r.dealId === 'string') dealIds.add(r.dealId);
        if (typeof r.accountId === 'string') accountIds.add(r.accountId);
      }
      await t.bulkDelete(present.map((r) => String(r.id)));
      removed += present.length;
    }
    if (removedDeals.length > 0) await db.dealHistory.where('dealId').anyOf(removedDeals).delete();
    // Records logged or linked since the import keep their data and lose only the link to what is gone.
    for (const id of removedDeals) {
      await db.activities.where('[dealId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).modify({ dealId: null });
    }
    const removedAccounts = batch.created.filter((c) => c.table === 'accounts').flatMap((c) => c.ids);
    if (removedAccounts.length > 0) {
      await db.deals.where('accountId').anyOf(removedAccounts).modify({ accountId: null });
      await db.contacts.where('accountId').anyOf(removedAccounts).modify({ accountId: null });
      await db.activities.where('accountId').anyOf(removedAccounts).modify({ accountId: null });
    }
    const removedContacts = batch.created.filter((c) => c.table === 'contacts').flatMap((c) => c.ids);
    if (removedContacts.length > 0) await db.activities.where('contactId').anyOf(removedContacts).modify({ contactId: null });
    if (history.length > 0) await db.dealHistory.bulkAdd(history);
    await db.importBatches.put({ ...batch, undoneAt: now });
    for (const id of removedDeals) dealIds.delete(id);
    if (dealIds.size + accountIds.size > TOUCH_BULK) await recomputeAllTouches(db, now);
    else if (dealIds.size + accountIds.size > 0) await recomputeTouches(db, { dealIds, accountIds }, now);
    return { removed, restored, missing };
  });
}
