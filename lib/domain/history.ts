import { z } from 'zod';
import { idSchema, instantSchema } from './primitives';
import type { Deal } from './records';

/**
 * Deal history: one row per change of a tracked field, appended by every write that changes
 * it. Stage durations and close-date slips come from it, and it cannot be backfilled later.
 * A deal's creation is not a change: its first values are the deal's own at `createdAt`.
 */
export const TRACKED_DEAL_FIELDS = ['stage', 'status', 'amountMinor', 'currency', 'closeOn', 'probability', 'forecastCategory'] as const;
export type TrackedDealField = (typeof TRACKED_DEAL_FIELDS)[number];

export const changeSourceSchema = z.enum(['import', 'capture', 'edit', 'quicklog', 'undo']);
export type ChangeSource = z.infer<typeof changeSourceSchema>;

const scalar = z.union([z.string().max(300), z.number(), z.null()]);

export const dealChangeSchema = z.object({
  id: idSchema,
  dealId: idSchema,
  field: z.enum(TRACKED_DEAL_FIELDS),
  from: scalar,
  to: scalar,
  at: instantSchema,
  source: changeSourceSchema,
  /** The import batch that made the change, so undoing the import can say what it reverts. */
  batchId: idSchema.nullable().default(null),
});
export type DealChange = z.infer<typeof dealChangeSchema>;

type Tracked = Pick<Deal, TrackedDealField>;

/** The changes from `before` to `after` (nothing for a new deal). Pure; ids come from `newId`. */
export function dealChanges(
  before: Partial<Tracked> | null | undefined,
  after: Partial<Tracked>,
  at: number,
  source: ChangeSource,
  dealId: string,
  newId: () => string,
  batchId: string | null = null,
): DealChange[] {
  if (!before) return [];
  const out: DealChange[] = [];
  for (const field of TRACKED_DEAL_FIELDS) {
    if (!(field in after)) continue;
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to) out.push({ id: newId(), dealId, field, from, to, at, source, batchId });
  }
  return out;
}

// ---------------------------------------------------------------- import batches

/**
 * One CSV import, kept so it can be undone: the records it created (removed on undo) and, for
 * each record it updated, the previous values of the fields it overwrote (put back on undo).
 */
export const importBatchSchema = z.object({
  id: idSchema,
  at: instantSchema,
  fileName: z.string().max(500),
  entity: z.enum(['deals', 'accounts', 'contacts', 'activities', 'leads']),
  created: z.array(z.object({ table: z.string().max(50), ids: z.array(idSchema) })),
  updated: z.array(
    z.object({
      table: z.string().max(50),
      id: idSchema,
      /** Field → value before the import; a field the record did not have is stored as null. */
      previous: z.record(z.string().max(100), z.unknown()),
    }),
  ),
  createdCount: z.number().int().nonnegative(),
  updatedCount: z.number().int().nonnegative(),
  undoneAt: instantSchema.nullable().default(null),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;
