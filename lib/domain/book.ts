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
} from './records';
import type { DealChange, ImportBatch } from './history';

/**
 * Everything the AE has, as plain arrays: the input of the KPI engine and the
 * next-action rules, the output of the demo generator, the body of a backup.
 */
export interface Book {
  accounts: Account[];
  contacts: Contact[];
  leads: Lead[];
  deals: Deal[];
  activities: Activity[];
  csat: CsatResponse[];
  spend: SpendEntry[];
  quotas: Quota[];
  products: Product[];
  accountPlans: AccountPlan[];
  actionStates: ActionState[];
  /** Changes of tracked deal fields (lib/domain/history.ts). */
  dealHistory: DealChange[];
  /** Recent CSV imports, for undo. */
  importBatches: ImportBatch[];
}

export const BOOK_TABLES = [
  'accounts',
  'contacts',
  'leads',
  'deals',
  'activities',
  'csat',
  'spend',
  'quotas',
  'products',
  'accountPlans',
  'actionStates',
  'dealHistory',
  'importBatches',
] as const satisfies readonly (keyof Book)[];
export type BookTable = (typeof BOOK_TABLES)[number];

export function emptyBook(): Book {
  return {
    accounts: [],
    contacts: [],
    leads: [],
    deals: [],
    activities: [],
    csat: [],
    spend: [],
    quotas: [],
    products: [],
    accountPlans: [],
    actionStates: [],
    dealHistory: [],
    importBatches: [],
  };
}
