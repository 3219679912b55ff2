import { z } from 'zod';
import { siteSchema } from '../domain/primitives';

/**
 * What a page reader found on a CRM or mail page. Scraped text is untrusted: it is
 * validated here at the boundary and only ever rendered as text.
 */
export const pageContextSchema = z.object({
  site: siteSchema,
  url: z.string().max(4000),
  kind: z.enum(['deal', 'account', 'contact', 'lead', 'email', 'unknown']),
  externalId: z.string().max(500).nullable(),
  title: z.string().max(500),
  fields: z.record(z.string().max(100), z.string().max(2000)).default({}),
  capturedAt: z.number().int().nonnegative(),
});
export type PageContext = z.infer<typeof pageContextSchema>;

export const openPanelSchema = z.object({ windowId: z.number().int().optional() });

/**
 * The one message protocol of the extension. Content scripts and pages send; the
 * background answers. Every payload is zod-validated by the receiver.
 */
export interface ProtocolMap {
  /** Content script → background: the record on the open page. */
  'page/context'(data: PageContext): { ok: true } | { ok: false; error: string };
  /** Panel → background: the last context seen in a tab. */
  'page/current'(data: { tabId: number }): PageContext | null;
  /** Popup → background: open the side panel (the popup closes when it opens). */
  'panel/open'(data: z.infer<typeof openPanelSchema>): { ok: boolean };
}
