import type { z } from 'zod';
import { BOOK_TABLES, type BookTable } from '../../domain/book';
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
} from '../../domain/records';

/** The record schema of each table a backup holds (the tables of a Book). */
export const BACKUP_TABLE_SCHEMAS: Record<BookTable, z.ZodType> = {
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
};

export { BOOK_TABLES as BACKUP_TABLES };
