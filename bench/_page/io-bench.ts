/**
 * Runs inside Chromium (bundled by bench/browser-io.ts): the import and export paths of the
 * extension against the browser's real IndexedDB, each beside its floor, in the same run.
 */
import { CockpitDB } from '../../lib/db/database';
import { buildExistingIndex, commitImport } from '../../lib/db/import';
import { logActivity } from '../../lib/db/writes';
import { decodeBytes } from '../../lib/io/csv/decode';
import { parseCsv } from '../../lib/io/csv/parse';
import { detectProfile, proposeMapping } from '../../lib/io/import/profiles';
import { buildImport } from '../../lib/io/import/rows';
import { dealsToCsv } from '../../lib/io/export/raw';
import type { Account, Deal } from '../../lib/domain/records';
import { DEFAULT_STAGE_RULES } from '../../lib/settings/schema';
import { salesforceCsv } from '../_salesforce-csv';

const NOW = Date.UTC(2026, 10, 28);

function deleteDb(name: string): Promise<void> {
  return new Promise((res, rej) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => res();
    r.onerror = () => rej(r.error);
  });
}

/** The extension's import: decode, parse, detect, map, validate, then one Dexie transaction. */
async function importOnce(bytes: Uint8Array, name: string): Promise<{ ms: number; deals: Deal[]; accounts: Account[] }> {
  await deleteDb(name);
  const db = new CockpitDB(name);
  await db.open();
  const t = performance.now();
  const { text } = decodeBytes(bytes);
  const parsed = parseCsv(text);
  const det = detectProfile(parsed.headers);
  const mapping = proposeMapping(parsed.headers, parsed.rows.slice(0, 200), det.entity, det.crm);
  const existing = await buildExistingIndex(db, 'deals');
  const plan = buildImport(parsed, mapping, { entity: 'deals', site: 'salesforce', now: NOW, defaultCurrency: 'THB', stageRules: DEFAULT_STAGE_RULES, existing });
  if (plan.rejects.length || plan.creates.length !== parsed.rows.length) throw new Error(`unexpected plan: ${plan.creates.length} creates, ${plan.rejects.length} rejects`);
  await commitImport(db, plan);
  const ms = performance.now() - t;
  db.close();
  return { ms, deals: plan.creates.map((c) => c.record as Deal), accounts: plan.accountsToCreate };
}

/**
 * Floor: raw IndexedDB puts of the same records in one transaction, into the same stores and
 * indexes as the extension's database (created by Dexie, then written without it).
 */
async function rawPuts(deals: Deal[], accounts: Account[], name: string): Promise<number> {
  await deleteDb(name);
  const schema = new CockpitDB(name);
  await schema.open();
  schema.close();
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const t = performance.now();
  await new Promise<void>((res, rej) => {
    const tx = db.transaction(['deals', 'accounts'], 'readwrite');
    const a = tx.objectStore('accounts');
    for (const x of accounts) a.put(x);
    const d = tx.objectStore('deals');
    for (const x of deals) d.put(x);
    tx.oncomplete = () => res();
    tx.onerror = () => rej(tx.error);
  });
  const ms = performance.now() - t;
  db.close();
  return ms;
}

/** The extension's raw deals export: read with Dexie, then the CSV writer. */
async function exportOnce(name: string): Promise<{ ms: number; bytes: number }> {
  const db = new CockpitDB(name);
  await db.open();
  const t = performance.now();
  const [deals, accounts] = await Promise.all([db.deals.toArray(), db.accounts.toArray()]);
  const csv = dealsToCsv(deals, new Map(accounts.map((a) => [a.id, a])));
  const ms = performance.now() - t;
  db.close();
  return { ms, bytes: csv.length };
}

/** Floor: a bare getAll of the same records plus a bare join into lines. */
async function bareExport(name: string): Promise<number> {
  const db = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const t = performance.now();
  const rows = await new Promise<Deal[]>((res, rej) => {
    const r = db.transaction('deals').objectStore('deals').getAll();
    r.onsuccess = () => res(r.result as Deal[]);
    r.onerror = () => rej(r.error);
  });
  const text = rows.map((d) => `${d.id},${d.name},${d.amountMinor}`).join('\r\n');
  const ms = performance.now() - t;
  db.close();
  if (!text.length) throw new Error('empty export floor');
  return ms;
}

/**
 * `write.quicklog`: one quick log on the imported 100k-deal book, through the extension's write
 * path (validation, the deal's and account's touches, one transaction), each on another deal;
 * floor: one raw IndexedDB put of an activity into the same database, timed the same way.
 */
async function quickLogs(name: string, n: number): Promise<{ logs: number[]; floors: number[] }> {
  const db = new CockpitDB(name);
  await db.open();
  const ids = (await db.deals.limit(n * 37).primaryKeys()).filter((_, i) => i % 37 === 0);
  const logs: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const t = performance.now();
    await logActivity(db, { kind: 'call', outcome: 'connected', durationMin: 5, notes: 'bench', dealId: ids[i]! }, NOW + i);
    logs.push(performance.now() - t);
  }
  db.close();
  const raw = await new Promise<IDBDatabase>((res, rej) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  const floors: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await new Promise<void>((res, rej) => {
      const tx = raw.transaction('activities', 'readwrite');
      tx.objectStore('activities').put({ id: `floor-${i}`, createdAt: NOW, updatedAt: NOW, kind: 'call', at: NOW, dealId: ids[i % ids.length]!, accountId: null, contactId: null });
      tx.oncomplete = () => res();
      tx.onerror = () => rej(tx.error);
    });
    floors.push(performance.now() - t);
  }
  raw.close();
  return { logs, floors };
}

export async function runIoBench(rows: number, runs: number) {
  const bytes = new TextEncoder().encode(salesforceCsv(rows));
  const imports: number[] = [];
  const importFloors: number[] = [];
  const exports: number[] = [];
  const exportFloors: number[] = [];
  let exportBytes = 0;
  for (let i = 0; i < runs; i++) {
    const imp = await importOnce(bytes, 'bench-import');
    imports.push(imp.ms);
    importFloors.push(await rawPuts(imp.deals, imp.accounts, 'bench-floor'));
    const ex = await exportOnce('bench-import');
    exports.push(ex.ms);
    exportBytes = ex.bytes;
    exportFloors.push(await bareExport('bench-import'));
  }
  const { logs, floors } = await quickLogs('bench-import', 21);
  await deleteDb('bench-import');
  await deleteDb('bench-floor');
  return { imports, importFloors, exports, exportFloors, exportBytes, rows, quickLogs: logs, quickLogFloors: floors };
}

(globalThis as unknown as { runIoBench: typeof runIoBench }).runIoBench = runIoBench;
