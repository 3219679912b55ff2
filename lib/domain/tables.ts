import type { z } from 'zod';
import type { BookTable } from './book';
import {
  accountPlanSchema,
  accountSchema,
  actionStateSchema,
  activitySchema,
  contactSchema,
  csatResponseSchema,
  dealSchema,
  leadSchema,
  productSchema,
  quotaSchema,
  spendEntrySchema,
} from './records';
import { dealChangeSchema, importBatchSchema } from './history';

/** The record schema of each table of a Book: stored records, backups and the integrity check all use it. */
export const TABLE_SCHEMAS: Record<BookTable, z.ZodType> = {
  accounts: accountSchema,
  contacts: contactSchema,
  leads: leadSchema,
  deals: dealSchema,
  activities: activitySchema,
  csat: csatResponseSchema,
  spend: spendEntrySchema,
  quotas: quotaSchema,
  products: productSchema,
  accountPlans: accountPlanSchema,
  actionStates: actionStateSchema,
  dealHistory: dealChangeSchema,
  importBatches: importBatchSchema,
};
