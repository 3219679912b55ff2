import { z } from 'zod';
import { activitySchema, contactSchema, dealSchema } from '../domain/records';
import { cleanBlock, cleanLine, emailKey } from '../domain/text';
import { defaultSettings } from '../settings/schema';
import { saveManualRecord } from './capture';
import type { CockpitDB } from './database';
import { validateFor } from './errors';
import { newId } from './ids';
import { applyActivityTouch } from './touches';

/**
 * "Add to AE Cockpit" from a selection or the panel's paste box, once the AE has confirmed the
 * pre-filled form: a note on a deal, a new contact, or a new deal. Validated, one transaction.
 */
export const pastedSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), dealId: z.string().min(1), text: z.string().min(1).max(20000) }),
  z.object({
    kind: z.literal('contact'),
    name: z.string().min(1).max(300),
    title: z.string().max(200).default(''),
    email: z.string().max(320).default(''),
    phone: z.string().max(50).default(''),
    accountId: z.string().nullable().default(null),
  }),
  z.object({
    kind: z.literal('deal'),
    name: z.string().min(1).max(300),
    accountId: z.string().nullable().default(null),
    amountMinor: z.number().int().nonnegative().nullable().default(null),
    currency: z.string().nullable().default(null),
    closeOn: z.string().nullable().default(null),
    stage: z.string().max(200).default(''),
  }),
]);
export type Pasted = z.input<typeof pastedSchema>;

type Settings = Parameters<typeof saveManualRecord>[3];

/** Returns the id of the activity, contact or deal created. */
export async function savePasted(db: CockpitDB, input: Pasted, now: number, settings: Settings = defaultSettings()): Promise<string> {
  const p = pastedSchema.parse(input);
  const provenance = { site: 'manual' as const, url: null, externalId: null, capturedAt: now };
  return db.transaction('rw', [db.activities, db.deals, db.accounts, db.contacts], async () => {
    if (p.kind === 'note') {
      const deal = await db.deals.get(p.dealId);
      if (!deal) throw new Error(`no deal ${p.dealId}`);
      const a = validateFor(activitySchema, 'activities', {
        id: newId(), createdAt: now, updatedAt: now, kind: 'note', at: now,
        notes: cleanBlock(p.text, 20000), dealId: deal.id, accountId: deal.accountId, provenance,
      });
      await db.activities.add(a);
      await applyActivityTouch(db, a, now);
      return a.id;
    }
    if (p.kind === 'contact') {
      const c = validateFor(contactSchema, 'contacts', {
        id: newId(), createdAt: now, updatedAt: now, name: cleanLine(p.name, 300),
        title: cleanLine(p.title, 200) || null, emails: p.email ? [emailKey(p.email)] : [], phone: cleanLine(p.phone, 50) || null,
        accountId: p.accountId, provenance,
      });
      await db.contacts.add(c);
      return c.id;
    }
    // A deal: the same stage rules as a deal entered by hand (the first open stage unless one is
    // given), then what the text gave.
    const stage = p.stage || settings.stageRules.find((r) => r.status === 'open')?.stage || '';
    const id = await saveManualRecord(db, { kind: 'deal', name: p.name, stage }, now, settings);
    const deal = await db.deals.get(id);
    const next = validateFor(dealSchema, 'deals', {
      ...deal,
      accountId: p.accountId,
      amountMinor: p.amountMinor,
      currency: p.currency ?? deal!.currency,
      closeOn: p.closeOn,
    });
    await db.deals.put(next);
    return id;
  });
}
