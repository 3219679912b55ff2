import { z } from 'zod';
import { currencySchema, fractionSchema } from '../domain/primitives';
import { dealStatusSchema, forecastCategorySchema } from '../domain/records';

/** How a CRM stage name maps to the deal's status, probability and forecast category. */
export const stageRuleSchema = z.object({
  /** Stage name, matched with wordKey (case, spaces, '-' and '_' ignored). */
  stage: z.string().min(1).max(200),
  status: dealStatusSchema,
  probability: fractionSchema,
  forecastCategory: forecastCategorySchema,
});
export type StageRule = z.infer<typeof stageRuleSchema>;

export const DEFAULT_STAGE_RULES: StageRule[] = [
  { stage: 'Prospecting', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
  { stage: 'Qualification', status: 'open', probability: 0.2, forecastCategory: 'pipeline' },
  { stage: 'Needs Analysis', status: 'open', probability: 0.3, forecastCategory: 'pipeline' },
  { stage: 'Discovery', status: 'open', probability: 0.3, forecastCategory: 'pipeline' },
  { stage: 'Proposal', status: 'open', probability: 0.5, forecastCategory: 'best_case' },
  { stage: 'Proposal/Price Quote', status: 'open', probability: 0.6, forecastCategory: 'best_case' },
  { stage: 'Negotiation', status: 'open', probability: 0.8, forecastCategory: 'commit' },
  { stage: 'Negotiation/Review', status: 'open', probability: 0.8, forecastCategory: 'commit' },
  { stage: 'Contract Sent', status: 'open', probability: 0.9, forecastCategory: 'commit' },
  { stage: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'commit' },
  { stage: 'Won', status: 'won', probability: 1, forecastCategory: 'commit' },
  { stage: 'closedwon', status: 'won', probability: 1, forecastCategory: 'commit' },
  { stage: 'Closed Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
  { stage: 'Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
  { stage: 'closedlost', status: 'lost', probability: 0, forecastCategory: 'omitted' },
  // HubSpot's default sales pipeline, with HubSpot's own stage probabilities. Stage names are
  // compared ignoring case, spaces, '-' and '_', so HubSpot's internal ids (appointmentscheduled,
  // decisionmakerboughtin…) match these rules too.
  { stage: 'Appointment Scheduled', status: 'open', probability: 0.2, forecastCategory: 'pipeline' },
  { stage: 'Qualified To Buy', status: 'open', probability: 0.4, forecastCategory: 'pipeline' },
  { stage: 'Presentation Scheduled', status: 'open', probability: 0.6, forecastCategory: 'best_case' },
  { stage: 'Decision Maker Bought-In', status: 'open', probability: 0.8, forecastCategory: 'best_case' },
  // Pipedrive's default pipeline ("Demo Scheduled" was "Needs Defined" in older accounts). Pipedrive
  // sets no stage probabilities, so these rise with the stage order.
  { stage: 'Qualified', status: 'open', probability: 0.1, forecastCategory: 'pipeline' },
  { stage: 'Contact Made', status: 'open', probability: 0.2, forecastCategory: 'pipeline' },
  { stage: 'Demo Scheduled', status: 'open', probability: 0.4, forecastCategory: 'pipeline' },
  { stage: 'Needs Defined', status: 'open', probability: 0.4, forecastCategory: 'pipeline' },
  { stage: 'Proposal Made', status: 'open', probability: 0.6, forecastCategory: 'best_case' },
  { stage: 'Negotiations Started', status: 'open', probability: 0.8, forecastCategory: 'commit' },
];

export const thresholdsSchema = z.object({
  /** Open deals with no activity for this many days. */
  staleDealDays: z.number().int().min(1).max(365).default(14),
  /** Qualified leads not converted after this many days. */
  leadConversionDays: z.number().int().min(1).max(365).default(7),
  /** Customers not touched for this many days (retention risk). */
  customerTouchDays: z.number().int().min(1).max(730).default(60),
  /** Pipeline coverage wanted, as a multiple of the remaining quota. */
  coverageTarget: z.number().min(0.5).max(20).default(3),
  /** Target accounts below this penetration (products bought / catalogue) are cross-sell candidates. */
  lowPenetration: fractionSchema.default(0.34),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM');

export const SETTINGS_VERSION = 1;

/** All user settings. Stored as one versioned item; every field has a default so a new install is valid. */
export const settingsSchema = z.object({
  /** 'auto' follows the browser's UI language. */
  language: z.enum(['auto', 'en', 'th']).default('auto'),
  reportingCurrency: currencySchema.default('THB'),
  /** Units of the reporting currency per one unit of the key currency (major units). */
  fxRates: z.record(currencySchema, z.number().positive()).default({}),
  /** 1 = January. */
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  stageRules: z.array(stageRuleSchema).default(DEFAULT_STAGE_RULES),
  territories: z.array(z.string().min(1).max(200)).default([]),
  thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
  quietHours: z
    .object({ enabled: z.boolean().default(false), start: hhmm.default('19:00'), end: hhmm.default('08:00') })
    .default({ enabled: false, start: '19:00', end: '08:00' }),
  /** Column mappings the AE confirmed, keyed by a hash of the header row. */
  importMappings: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  demoLoadedAt: z.number().int().nullable().default(null),
  /** Per site: whether its content script reads record pages (off = the script does nothing). */
  /** Mail capture: the AE's own company domains (beside the signed-in address's), never external participants. */
  ownDomains: z.array(z.string().min(1).max(253)).max(100).default([]),
  /** Mail capture: addresses and domains never shown or stored (personal mail, a competitor). */
  neverCapture: z.array(z.string().min(1).max(320)).max(500).default([]),
  capture: z.object({ salesforce: z.boolean().default(true), hubspot: z.boolean().default(true), pipedrive: z.boolean().default(true), gmail: z.boolean().default(true), outlook: z.boolean().default(true) }).default({ salesforce: true, hubspot: true, pipedrive: true, gmail: true, outlook: true }),
});
export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
