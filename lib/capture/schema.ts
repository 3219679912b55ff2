import { z } from 'zod';
import { currencySchema, fractionSchema, instantSchema, isoDateSchema } from '../domain/primitives';

/**
 * What a page reader found on a CRM or mail page: the boundary between an untrusted page and
 * the extension. Readers clean every text (lib/domain/text.ts: invisible characters stripped,
 * lengths capped) and the receiver validates again with these schemas; page text is only ever
 * rendered as text.
 *
 * A reader never throws: a changed layout gives a partial capture whose `missing` names the
 * fields it looked for and did not find. A value the page does not show stays absent; nothing
 * is defaulted or guessed.
 */

export const crmSiteSchema = z.enum(['salesforce', 'hubspot', 'pipedrive']);
export type CrmSite = z.infer<typeof crmSiteSchema>;
export const mailSiteSchema = z.enum(['gmail', 'outlook']);
export type MailSite = z.infer<typeof mailSiteSchema>;

export const recordKindSchema = z.enum(['deal', 'account', 'contact', 'lead']);
export type RecordKind = z.infer<typeof recordKindSchema>;

const line = (max: number) => z.string().min(1).max(max);

/** A person the record names: opportunity contact roles, HubSpot associations, Pipedrive people. */
export const capturedPersonSchema = z.object({
  name: line(300).nullable(),
  email: line(320).nullable(),
  /** The role as the page words it ("Decision Maker", "Economic Buyer"); mapped to a buying role later. */
  role: line(200).nullable(),
  title: line(200).nullable(),
  externalId: line(100).nullable(),
});
export type CapturedPerson = z.infer<typeof capturedPersonSchema>;

/**
 * The values read from a record page, parsed. Every field is optional: absent means the page did
 * not show it (and the reader lists it in `missing` when it looked for it).
 */
export const recordFieldsSchema = z
  .object({
    /** Deal / account / contact / lead name as the record's title shows it. */
    name: line(300),
    /** Deal: its account (organisation, company). Contact: their account. Lead: company. */
    accountName: line(300),
    accountExternalId: line(100),
    /** The record's own amount in its own currency (multi-currency orgs also show the user's: not this). */
    amountMinor: z.number().int().safe().nonnegative(),
    currency: currencySchema,
    stage: line(200),
    pipeline: line(200),
    probability: fractionSchema,
    closeOn: isoDateSchema,
    /** When the CRM says the record was created (Salesforce "Created By … <date>", HubSpot "Create date", Pipedrive "Deal created"). */
    createdOn: isoDateSchema,
    nextStep: line(500),
    ownerName: line(200),
    /** Deal type as the CRM words it ("New Business", "Existing Customer - Upgrade"). */
    dealType: line(200),
    /** Pipedrive shows won/lost/open; others imply it from the stage. */
    status: z.enum(['open', 'won', 'lost']),
    website: line(500),
    domain: line(253),
    industry: line(200),
    accountType: line(200),
    city: line(200),
    country: line(200),
    title: line(200),
    emails: z.array(line(320)).max(50),
    phone: line(50),
  })
  .partial();
export type RecordFields = z.infer<typeof recordFieldsSchema>;
export type RecordField = keyof RecordFields;

export const recordCaptureSchema = z.object({
  type: z.literal('record'),
  site: crmSiteSchema,
  kind: recordKindSchema,
  url: z.string().max(4000),
  /** The CRM's id of the record, from the URL (Salesforce: always the 18-character form). */
  externalId: line(100),
  fields: recordFieldsSchema,
  /** Every label → value pair read, as shown (cleaned, capped): what "every field read" lists. */
  raw: z.record(z.string().max(100), z.string().max(2000)),
  people: z.array(capturedPersonSchema).max(200),
  /** Fields looked for and not found on this page. */
  missing: z.array(z.string().max(100)),
});
export type RecordCapture = z.infer<typeof recordCaptureSchema>;

/** A mail participant: display name and address, either may be unknown. */
export const mailAddressSchema = z.object({
  name: line(300).nullable(),
  email: line(320).nullable(),
});
export type MailAddress = z.infer<typeof mailAddressSchema>;

export const mailMessageSchema = z.object({
  /** The mail app's id of the message (dedupe key when logging); null when the page shows none. */
  id: line(300).nullable(),
  from: mailAddressSchema.nullable(),
  to: z.array(mailAddressSchema).max(500),
  cc: z.array(mailAddressSchema).max(500),
  /** When it was sent, epoch ms, when the page states it exactly. */
  at: instantSchema.nullable(),
  /** Collapsed in the view: its sender is known, its recipients may not be. */
  collapsed: z.boolean(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

export const threadCaptureSchema = z.object({
  type: z.literal('thread'),
  site: mailSiteSchema,
  url: z.string().max(4000),
  /** Gmail thread id / Outlook conversation id; null when neither the URL nor the page gives one. */
  externalId: line(300).nullable(),
  /**
   * Other ids the page gives for the same thread (Gmail: the address token beside the thread's
   * perm/legacy id; Outlook: the item id in the address beside the conversation id). Optional.
   */
  otherIds: z.array(line(300)).max(10).optional(),
  subject: z.string().max(1000),
  /** The signed-in mailbox's address: tells the AE's side from the customer's. */
  selfEmail: line(320).nullable(),
  messages: z.array(mailMessageSchema).max(1000),
  missing: z.array(z.string().max(100)),
});
export type ThreadCapture = z.infer<typeof threadCaptureSchema>;

export const pageCaptureSchema = z.discriminatedUnion('type', [recordCaptureSchema, threadCaptureSchema]);
export type PageCapture = z.infer<typeof pageCaptureSchema>;
