/**
 * Bundled by bench/sidepanel.ts and run inside an extension page (same origin as the side
 * panel, so the same IndexedDB): loads a generated book through lib/db, times a bare getAll
 * floor, and logs a call through the real write path.
 */
import './sidepanel-jitless';
import { BOOK_TABLES } from '../../lib/domain/book';
import { clearAll, getDb, putBook } from '../../lib/db';
import { logActivity } from '../../lib/db/writes';
import { generateBook } from '../../lib/demo';

async function load(deals: number, activities: number, leads: number): Promise<number> {
  const t0 = performance.now();
  const db = getDb();
  await clearAll(db);
  const book = generateBook({ now: Date.now(), seed: 42, accounts: Math.max(40, Math.round(deals / 50)), deals, activities, leads, currency: 'THB' });
  await putBook(db, book);
  return performance.now() - t0;
}

/** The floor: a bare IndexedDB getAll of every table of the book, in one read transaction. */
function floor(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const open = indexedDB.open('ae-cockpit');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const names = BOOK_TABLES.filter((t) => idb.objectStoreNames.contains(t));
      const tx = idb.transaction(names, 'readonly');
      for (const t of names) tx.objectStore(t).getAll();
      tx.oncomplete = () => {
        idb.close();
        resolve(performance.now() - t0);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

async function logCall(): Promise<number> {
  const db = getDb();
  const deal = await db.deals.where('status').equals('open').first();
  const t0 = Date.now();
  await logActivity(db, { kind: 'call', dealId: deal?.id ?? null }, Date.now());
  return t0;
}

(globalThis as unknown as { sidepanelBench: unknown }).sidepanelBench = { load, floor, logCall };
