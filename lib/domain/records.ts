import { z } from 'zod';
import {
  currencySchema,
  fractionSchema,
  idSchema,
  instantSchema,
  isoDateSchema,
  minorUnitsSchema,
  provenanceSchema,
  recordBase,
} from './primitives';

const text = (max = 2000) => z.string().max(max);
const optionalText = (max = 2000) => z.string().max(max).nullable().default(null);

// ---------------------------------------------------------------- accounts

export const accountSchema = z.object({
  ...recordBase,
  name: text(300).min(1, 'an account needs a name'),
  domains: z.array(z.string().max(253)).default([]),
  industry: optionalText(200),
  territory: optionalText(200),
  isTarget: z.boolean().default(false),
  /** First day the account became a customer; derived from won deals when null. */
  customerSince: isoDateSchema.nullable().default(null),
  churnedOn: isoDateSchema.nullable().default(null),
  /** Estimated wallet size, for account penetration and cross-sell ranking. */
  potentialMinor: minorUnitsSchema.nonnegative().nullable().default(null),
  potentialCurrency: currencySchema.nullable().default(null),
  notes: text(20000).default(''),
  provenance: provenanceSchema.nullable().default(null),
  sourceKey: z.string().nullable().default(null),
  /**
   * Derived, maintained from activities on every write (see lib/actions/touches.ts): latest
   * touch (epoch ms, <= write time) counting for the account. Records stored before the field
   * existed lack it: read undefined as null.
   */
  lastTouchAt: instantSchema.nullable().default(null),
});
export type Account = z.infer<typeof accountSchema>;

// ---------------------------------------------------------------- contacts

export const buyingRoleSchema = z.enum(['decision_maker', 'champion', 'influencer', 'user', 'blocker']);
export type BuyingRole = z.infer<typeof buyingRoleSchema>;

export const contactSchema = z.object({
  ...recordBase,
  name: text(300).min(1, 'a contact needs a name'),
  emails: z.array(z.string().max(320)).default([]),
  phone: optionalText(50),
  title: optionalText(200),
  accountId: idSchema.nullable().default(null),
  buyingRole: buyingRoleSchema.nullable().default(null),
  notes: text(20000).default(''),
  provenance: provenanceSchema.nullable().default(null),
  sourceKey: z.string().nullable().default(null),
});
export type Contact = z.infer<typeof contactSchema>;

// ---------------------------------------------------------------- leads

export const leadSchema = z.object({
  ...recordBase,
  name: text(300).min(1, 'a lead needs a name'),
  company: optionalText(300),
  email: optionalText(320),
  source: text(200).default('unknown'),
  createdOn: isoDateSchema,
  qualifiedOn: isoDateSchema.nullable().default(null),
  disqualifiedOn: isoDateSchema.nullable().default(null),
  convertedDealId: idSchema.nullable().default(null),
  /** Day the lead became a deal; falls back to the deal's createdOn when null. */
  convertedOn: isoDateSchema.nullable().default(null),
  provenance: provenanceSchema.nullable().default(null),
  sourceKey: z.string().nullable().default(null),
});
export type Lead = z.infer<typeof leadSchema>;

// ---------------------------------------------------------------- deals

export const dealStatusSchema = z.enum(['open', 'won', 'lost']);
export type DealStatus = z.infer<typeof dealStatusSchema>;
export const forecastCategorySchema = z.enum(['commit', 'best_case', 'pipeline', 'omitted']);
export type ForecastCategory = z.infer<typeof forecastCategorySchema>;
export const dealTypeSchema = z.enum(['new_business', 'upsell', 'cross_sell', 'renewal']);
export type DealType = z.infer<typeof dealTypeSchema>;

export const lineItemSchema = z.object({
  productId: idSchema.nullable().default(null),
  productName: text(300).min(1),
  quantity: z.number().positive().max(1e9),
  /** Per unit, in the deal's currency. */
  unitPriceMinor: minorUnitsSchema,
});
export type LineItem = z.infer<typeof lineItemSchema>;

export const dealSchema = z.object({
  ...recordBase,
  name: text(300).min(1, 'a deal needs a name'),
  accountId: idSchema.nullable().default(null),
  /** Null while an open deal has no amount yet. */
  amountMinor: minorUnitsSchema.nonnegative().nullable().default(null),
  currency: currencySchema,
  stage: text(200).min(1),
  status: dealStatusSchema,
  probability: fractionSchema,
  forecastCategory: forecastCategorySchema,
  type: dealTypeSchema.default('new_business'),
  /** The deal type as the CRM words it ("Existing Customer - Downgrade"), kept when it maps to no type or maps loosely. */
  typeLabel: optionalText(200),
  /** Null = the source did not say (never a substitute such as the import day). */
  createdOn: isoDateSchema.nullable().default(null),
  /** Expected close for open deals, actual close for won and lost ones. */
  closeOn: isoDateSchema.nullable().default(null),
  lossReason: optionalText(500),
  nextStep: optionalText(500),
  nextStepDue: isoDateSchema.nullable().default(null),
  territory: optionalText(200),
  ownerName: optionalText(200),
  primaryContactId: idSchema.nullable().default(null),
  lineItems: z.array(lineItemSchema).default([]),
  provenance: provenanceSchema.nullable().default(null),
  sourceKey: z.string().nullable().default(null),
  /**
   * Derived, maintained from activities on every write (see lib/actions/touches.ts): latest
   * touch linked to the deal (<= write time) and latest meeting linked to it that was not a
   * no-show (booked future ones included). Undefined in older stored records = null.
   */
  lastTouchAt: instantSchema.nullable().default(null),
  lastMeetingAt: instantSchema.nullable().default(null),
});
export type Deal = z.infer<typeof dealSchema>;

// ---------------------------------------------------------------- activities

export const activityKindSchema = z.enum(['call', 'email', 'meeting', 'note', 'task']);
export type ActivityKind = z.infer<typeof activityKindSchema>;
export const activityOutcomeSchema = z.enum([
  'connected',
  'left_voicemail',
  'no_answer',
  'held',
  'no_show',
  'sent',
  'replied',
  'done',
  'follow_up',
  'meeting_booked',
  'not_interested',
]);
export type ActivityOutcome = z.infer<typeof activityOutcomeSchema>;

export const activitySchema = z.object({
  ...recordBase,
  kind: activityKindSchema,
  /** When it happened (or is due, for an open task). */
  at: instantSchema,
  durationMin: z.number().int().nonnegative().max(24 * 60).nullable().default(null),
  outcome: activityOutcomeSchema.nullable().default(null),
  subject: text(300).default(''),
  notes: text(20000).default(''),
  dealId: idSchema.nullable().default(null),
  accountId: idSchema.nullable().default(null),
  contactId: idSchema.nullable().default(null),
  /** Tasks only: when the AE ticked it off. */
  completedAt: instantSchema.nullable().default(null),
  provenance: provenanceSchema.nullable().default(null),
});
export type Activity = z.infer<typeof activitySchema>;

// ---------------------------------------------------------------- CSAT, spend, quota, catalogue

export const csatResponseSchema = z.object({
  ...recordBase,
  accountId: idSchema,
  score: z.number().int().min(1).max(5),
  on: isoDateSchema,
  comment: text(5000).default(''),
  /** Set when the AE has followed up on this response (clears the low-CSAT action). */
  followedUpAt: instantSchema.nullable().default(null),
});
export type CsatResponse = z.infer<typeof csatResponseSchema>;

export const spendCategorySchema = z.enum(['sales', 'marketing']);
export const spendEntrySchema = z.object({
  ...recordBase,
  on: isoDateSchema,
  amountMinor: minorUnitsSchema.nonnegative(),
  currency: currencySchema,
  category: spendCategorySchema,
  note: text(500).default(''),
});
export type SpendEntry = z.infer<typeof spendEntrySchema>;

/** A quota covers an inclusive range of days; reports prorate it by days when a period cuts across. */
export const quotaSchema = z
  .object({
    ...recordBase,
    start: isoDateSchema,
    end: isoDateSchema,
    amountMinor: minorUnitsSchema.nonnegative(),
    currency: currencySchema,
    label: text(100).default(''),
  })
  .refine((q) => q.start <= q.end, { message: 'quota ends before it starts', path: ['end'] });
export type Quota = z.infer<typeof quotaSchema>;

export const productSchema = z.object({
  ...recordBase,
  name: text(300).min(1),
  sku: optionalText(100),
  listPriceMinor: minorUnitsSchema.nonnegative().nullable().default(null),
  currency: currencySchema.nullable().default(null),
  active: z.boolean().default(true),
});
export type Product = z.infer<typeof productSchema>;

// ---------------------------------------------------------------- account plan and insights

export const handoffTeamSchema = z.enum(['marketing', 'product', 'customer_success']);
export const accountPlanSchema = z.object({
  ...recordBase,
  accountId: idSchema,
  goals: z.array(text(1000)).default([]),
  pains: z.array(text(1000)).default([]),
  strategy: text(20000).default(''),
  industryTrends: text(20000).default(''),
  insights: z.array(z.object({ at: instantSchema, text: text(5000) })).default([]),
  handoffs: z
    .array(
      z.object({
        team: handoffTeamSchema,
        note: text(5000),
        at: instantSchema,
        done: z.boolean().default(false),
      }),
    )
    .default([]),
});
export type AccountPlan = z.infer<typeof accountPlanSchema>;

// ---------------------------------------------------------------- next-action state

/** The AE's answer to a next action: done, or snoozed until an instant. Keyed by the action's stable key. */
export const actionStateSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['done', 'snoozed']),
  until: instantSchema.nullable().default(null),
  at: instantSchema,
});
export type ActionState = z.infer<typeof actionStateSchema>;
