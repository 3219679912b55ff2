import { z } from 'zod';
import { pageCaptureSchema, type PageCapture } from '../capture/schema';
import type { QuickLog, QuickLogResult } from '../db/writes';
import { instantSchema, isoDateSchema } from '../domain/primitives';
import type { LogTarget, TimerState } from '../domain/quicklog';
import { activitySchema, dealSchema } from '../domain/records';
import type { QuickLogDraft } from '../platform/draft';
import type { QuickLogOpened } from '../quicklog/backend';
import type { Settings } from '../settings/schema';

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

export const openPanelSchema = z.object({ windowId: z.number().int().optional() });

// The popup's quick log, answered by the background (entrypoints/background/quicklog.ts) with the
// same service the side panel runs in its page. The receiver validates every payload; a log's
// input is validated again by quickLog itself (quickLogSchema) before anything is written.
export const quickLogOpenSchema = z.object({ keepDraft: z.boolean(), dealId: z.string().min(1).max(200).nullable(), tabId: tabIdSchema.nullable() });
export const quickLogTodaySchema = z.object({ today: isoDateSchema });
export const quickLogSearchSchema = z.object({ query: z.string().max(300), today: isoDateSchema, openId: z.string().min(1).max(100) });
export const quickLogNowSchema = z.object({ now: instantSchema });
export const quickLogWriteSchema = z.object({ input: z.unknown(), now: instantSchema });
const dealFieldsSchema = dealSchema.pick({ nextStep: true, nextStepDue: true, stage: true, closeOn: true, updatedAt: true });
/** What a log wrote, handed back for undo: undo deletes and restores by it, so it is checked. */
export const quickLogResultSchema = z.object({
  activity: activitySchema,
  taskId: z.string().min(1).nullable(),
  createdAccountId: z.string().min(1).nullable(),
  createdContactId: z.string().min(1).nullable(),
  deal: z.object({ id: z.string().min(1), before: dealFieldsSchema, after: dealFieldsSchema }).nullable(),
});
export const quickLogUndoSchema = z.object({ result: quickLogResultSchema, now: instantSchema });

/**
 * The one message protocol of the extension. Content scripts and pages send; the
 * background answers. Every payload is zod-validated by the receiver.
 */
export interface ProtocolMap {
  /** Content script → background: the record on the open page, or that there is none. The tab comes from the sender. */
  'capture/report'(data: CaptureReport): { ok: true } | { ok: false; error: string };
  /** Popup → background: open the side panel (the popup closes when it opens). */
  'panel/open'(data: z.infer<typeof openPanelSchema>): { ok: boolean };
  /** Popup → background: the settings as validated from storage. */
  'settings/get'(data: Record<string, never>): { settings: Settings; problems: string[] };
  'quicklog/open'(data: z.infer<typeof quickLogOpenSchema>): QuickLogOpened;
  'quicklog/suggested'(data: z.infer<typeof quickLogTodaySchema>): LogTarget[];
  'quicklog/search'(data: z.infer<typeof quickLogSearchSchema>): LogTarget[];
  'quicklog/log'(data: { input: QuickLog; now: number }): QuickLogResult;
  'quicklog/undo'(data: { result: QuickLogResult; now: number }): { ok: true };
  'quicklog/draft/save'(data: QuickLogDraft): { ok: true };
  'quicklog/draft/discard'(data: Record<string, never>): { ok: true };
  'quicklog/timer/start'(data: z.infer<typeof quickLogNowSchema>): TimerState;
  'quicklog/timer/stop'(data: z.infer<typeof quickLogNowSchema>): TimerState | null;
  'quicklog/timer/clear'(data: Record<string, never>): { ok: true };
  'quicklog/countDeals'(data: Record<string, never>): number;
  /** Popup → background: load the demo book (the first-run screen), as lib/platform/demo.ts does in a page. */
  'demo/load'(data: z.infer<typeof quickLogNowSchema>): { deals: number; activities: number };
}
