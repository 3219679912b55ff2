import Dexie, { type EntityTable } from 'dexie';
import type {
  Account,
  AccountPlan,
  ActionState,
  Activity,
  Contact,
  CsatResponse,
  Deal,
  Lead,
  Product,
  Quota,
  SpendEntry,
} from '../domain/records';
import type { DealChange, ImportBatch } from '../domain/history';
import { DB_VERSIONS, type DbVersion } from './versions';

export const DB_NAME = 'ae-cockpit';

/** The AE's book in IndexedDB. One instance per page (see ./index.ts); all pages share the origin. */
export class CockpitDB extends Dexie {
  accounts!: EntityTable<Account, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  leads!: EntityTable<Lead, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  csat!: EntityTable<CsatResponse, 'id'>;
  spend!: EntityTable<SpendEntry, 'id'>;
  quotas!: EntityTable<Quota, 'id'>;
  products!: EntityTable<Product, 'id'>;
  accountPlans!: EntityTable<AccountPlan, 'id'>;
  actionStates!: EntityTable<ActionState, 'id'>;
  dealHistory!: EntityTable<DealChange, 'id'>;
  importBatches!: EntityTable<ImportBatch, 'id'>;

  /** `upTo` opens an older schema and `versions` replaces the version list: only the migration tests use them. */
  constructor(name = DB_NAME, options: { upTo?: number; indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange; versions?: readonly DbVersion[] } = {}) {
    // Only pass engines that were given: an explicit undefined would hide the global IndexedDB.
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    for (const v of options.versions ?? DB_VERSIONS) {
      if (options.upTo !== undefined && v.version > options.upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}
