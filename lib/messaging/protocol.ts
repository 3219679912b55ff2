import { z } from 'zod';
import { pageCaptureSchema, type PageCapture } from '../capture/schema';
import { instantSchema } from '../domain/primitives';

/**
 * What a content script reports about its page: the capture a reader made, or that the page is
 * not (or no longer) a record page. Scraped text is untrusted: the background validates it again
 * (lib/capture/boundary.ts) and it is only ever rendered as text.
 */
export const captureReportSchema = z.union([z.object({ capture: pageCaptureSchema }), z.object({ none: z.literal(true) })]);
/** As sent: the background parses it, so the sender's type is only a promise. */
export type CaptureReport = { capture: PageCapture } | { none: true };

const tabIdSchema = z.number().int().nonnegative();

/**
 * The latest capture of one tab, as the background keeps it in storage.session. A capture that
 * failed validation is kept as its error (field: reason; …) so the panel can say what was wrong,
 * and nothing else changes.
 */
export const storedCaptureSchema = z.union([
  z.object({ tabId: tabIdSchema, capturedAt: instantSchema, capture: pageCaptureSchema }),
  z.object({ tabId: tabIdSchema, capturedAt: instantSchema, error: z.string().max(4000) }),
]);
export type StoredCapture = z.infer<typeof storedCaptureSchema>;

export const captureForTabSchema = z.object({ tabId: tabIdSchema });

export const openPanelSchema = z.object({ windowId: z.number().int().optional() });

/**
 * The one message protocol of the extension. Content scripts and pages send; the
 * background answers. Every payload is zod-validated by the receiver.
 */
export interface ProtocolMap {
  /** Content script → background: the record on the open page, or that there is none. The tab comes from the sender. */
  'capture/report'(data: CaptureReport): { ok: true } | { ok: false; error: string };
  /** Popup / panel → background: the latest capture of a tab (null: none, or not a record page). */
  'capture/forTab'(data: z.infer<typeof captureForTabSchema>): StoredCapture | null;
  /** Popup → background: open the side panel (the popup closes when it opens). */
  'panel/open'(data: z.infer<typeof openPanelSchema>): { ok: boolean };
}
