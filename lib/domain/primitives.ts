import { z } from 'zod';
import { daysInMonth, isRealIsoDate } from './dates';

export { daysInMonth };

/** A local calendar day, `YYYY-MM-DD`. Validated as a real date (no 2026-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isRealIsoDate, 'not a real calendar date');
export type IsoDate = z.infer<typeof isoDateSchema>;

/** An instant, epoch milliseconds. */
export const instantSchema = z.number().int().nonnegative();

/** ISO 4217 alphabetic code. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as THB');

/** Money is always integer minor units (satang, cents) beside a currency code. */
export const minorUnitsSchema = z.number().int().safe();

export const idSchema = z.string().min(1).max(200);

/** Fraction in [0, 1]: probabilities and rates are never percentages in storage. */
export const fractionSchema = z.number().min(0).max(1);

/** Where a record came from, so the same CRM record captured twice stays one record. */
export const siteSchema = z.enum(['salesforce', 'hubspot', 'pipedrive', 'gmail', 'outlook', 'csv', 'manual', 'demo']);
export type Site = z.infer<typeof siteSchema>;

export const provenanceSchema = z.object({
  site: siteSchema,
  url: z.string().max(4000).nullable().default(null),
  externalId: z.string().max(500).nullable().default(null),
  capturedAt: instantSchema,
  /** The values the last page capture read, per field (lib/db/capture.ts): a stored value that differs was edited by the AE. */
  captured: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.null()])).optional(),
});
export type Provenance = z.infer<typeof provenanceSchema>;

/** Fields every stored record carries. */
export const recordBase = {
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

/** Stable dedupe key for a record captured from a site: `site:externalId`, or null. */
export function sourceKeyOf(p: Provenance | null | undefined): string | null {
  return p?.externalId ? `${p.site}:${p.externalId}` : null;
}

/**
 * How names typed by people and CRMs are matched (stage names, types, outcomes):
 * case-insensitive, ignoring spaces, '-' and '_' ("Closed Won" = "closedwon" = "CLOSED_WON").
 */
export function wordKey(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, '');
}
