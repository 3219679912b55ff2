import type { Account, Deal, Product, Quota, SpendEntry } from '../domain/records';
import type { CockpitDB } from './database';
import { validRows } from './integrity';

/**
 * The reads the pages make, so no component touches a Dexie table. Lists leave out a record
 * that fails its schema (the data check names it) instead of breaking the page.
 */
export const listQuotas = (db: CockpitDB): Promise<Quota[]> => db.quotas.orderBy('start').toArray().then((r) => validRows('quotas', r));
export const listProducts = (db: CockpitDB): Promise<Product[]> => db.products.orderBy('name').toArray().then((r) => validRows('products', r));
export const listAccountsByName = (db: CockpitDB): Promise<Account[]> =>
  db.accounts.orderBy('name').toArray().then((r) => validRows('accounts', r));
export const listSpend = (db: CockpitDB): Promise<SpendEntry[]> => db.spend.toArray().then((r) => validRows('spend', r));
export const countDeals = (db: CockpitDB): Promise<number> => db.deals.count();

/** What the quick log offers as targets: open deals and every account. */
export async function listLogTargets(db: CockpitDB): Promise<{ openDeals: Deal[]; accounts: Account[] }> {
  const [openDeals, accounts] = await Promise.all([db.deals.where('status').equals('open').toArray(), db.accounts.toArray()]);
  return { openDeals, accounts };
}
