/**
 * What the AE has typed in the quick log and not saved, kept in storage.session so closing the
 * popup (a click outside closes it) loses nothing; restored on the next open.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

const str = (max: number) => z.string().max(max).default('');

export const quickLogDraftSchema = z.object({
  kind: z.enum(['call', 'meeting', 'email', 'note']).default('call'),
  target: z
    .object({ kind: z.enum(['deal', 'account', 'contact']), id: z.string().min(1).max(200), name: z.string().max(300), detail: z.string().max(500) })
    .nullable()
    .default(null),
  outcome: str(50),
  duration: str(50),
  notes: str(20000),
  nextStep: str(500),
  nextStepDue: str(50),
  stage: str(200),
  closeOn: str(50),
  newContactName: str(300),
  newContactEmail: str(320),
  newAccountName: str(300),
  newAccountDomain: str(253),
  savedAt: z.number().int().nonnegative(),
});
export type QuickLogDraft = z.infer<typeof quickLogDraftSchema>;

const draftItem = storage.defineItem<unknown>('session:quicklogDraft', { fallback: null });

export async function readDraft(): Promise<QuickLogDraft | null> {
  const parsed = quickLogDraftSchema.safeParse(await draftItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveDraft(draft: QuickLogDraft): Promise<void> {
  await draftItem.setValue(quickLogDraftSchema.parse(draft));
}

export async function discardDraft(): Promise<void> {
  await draftItem.removeValue();
}
