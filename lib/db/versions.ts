import type { Transaction } from 'dexie';

/**
 * Every schema version the database has had, oldest first. A new version appends
 * an entry (stores that changed, plus an upgrade step that rewrites old records)
 * and a fixture in tests/fixtures/db/v<N>.json; tests/unit/db/migrations.test.ts
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
];

export const LATEST_DB_VERSION = DB_VERSIONS[DB_VERSIONS.length - 1]!.version;
