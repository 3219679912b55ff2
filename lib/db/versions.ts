import type { Transaction } from 'dexie';
import { SCHEMA_STEPS, type SchemaStep } from './steps';

/**
 * Every schema version the database has had, oldest first. A new version appends
 * an entry (stores that changed) and a pure step in lib/db/steps (the same step upgrades
 * backups), and a fixture in tests/fixtures/db/v<N>.json; tests/unit/db/migrations.test.ts
 * opens each fixture at its own version and upgrades it to the newest.
 *
 * Index notes: every index slows each write (an import of 100k deals pays for each one), so
 * only what a query uses is indexed; `[dealId+at]` also serves lookups by dealId alone.
 * Booleans are not valid IndexedDB keys, so flags are filtered in memory.
 * `sourceKey` (site:externalId) finds a captured or imported record again, so the
 * same CRM record captured twice stays one record.
 */
export interface DbVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_VERSIONS: DbVersion[] = [
  {
    version: 1,
    stores: {
      accounts: 'id, name, territory, *domains, sourceKey, updatedAt',
      contacts: 'id, accountId, name, *emails, sourceKey',
      leads: 'id, createdOn, qualifiedOn, convertedDealId, sourceKey',
      deals: 'id, accountId, status, closeOn, sourceKey, [status+closeOn]',
      activities: 'id, at, accountId, contactId, [dealId+at]',
      csat: 'id, accountId, on',
      spend: 'id, on',
      quotas: 'id, start, end',
      products: 'id, name',
      accountPlans: 'id, &accountId',
      actionStates: 'id',
    },
  },
  {
    version: 2,
    stores: {
      dealHistory: 'id, dealId, at',
      importBatches: 'id, at',
    },
    upgrade: dexieUpgrade(stepFrom(1)),
  },
  {
    // The badge and reminders count open deals by next-step due day as a key range (the count
    // read every open deal after each write, holding the deals store against the next write).
    version: 3,
    stores: {
      deals: 'id, accountId, status, closeOn, sourceKey, [status+closeOn], [status+nextStepDue]',
    },
    upgrade: dexieUpgrade(stepFrom(2)),
  },
];

function stepFrom(from: number): SchemaStep {
  const step = SCHEMA_STEPS.find((s) => s.from === from);
  if (!step) throw new Error(`no schema step from version ${from}`);
  return step;
}

/**
 * Runs a pure step inside Dexie's upgrade transaction: each record through `up`, then the
 * derivation over the tables it reads, writing back only what it changed. Any throw aborts
 * the upgrade and the database stays at its old version.
 */
export function dexieUpgrade(step: SchemaStep, now: () => number = Date.now): (tx: Transaction) => Promise<void> {
  return async (tx) => {
    for (const [table, up] of Object.entries(step.up)) {
      await tx.table(table).toCollection().modify((r: Record<string, unknown>) => {
        const next = up(r);
        for (const k of Object.keys(r)) if (!(k in next)) delete r[k];
        Object.assign(r, next);
      });
    }
    if (!step.derive) return;
    const tables: Record<string, unknown[]> = {};
    for (const t of step.reads ?? []) tables[t] = await tx.table(t).toArray();
    const changed = step.derive(tables, now());
    for (const [table, rows] of Object.entries(changed)) if (rows.length > 0) await tx.table(table).bulkPut(rows);
  };
}

export const LATEST_DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version;
