import { stripInvisible } from '../domain/text';
import { captureReportSchema, type StoredCapture } from '../messaging/protocol';
import { pageCaptureSchema } from './schema';

/**
 * The background's check of what a content script sent. The readers already clean their text,
 * but the sender is a page-facing script: every string is stripped of invisible and control
 * characters again and the whole report validated (lengths are capped by the schema). Pure.
 *
 * Returns `none` for a page that is not a record page, else what to store for the tab: the
 * capture, or its error (field: reason) when it fails validation.
 */
export function acceptCaptureReport(data: unknown, tabId: number, now: number): { none: true } | StoredCapture {
  const report = deepStrip(data, 0);
  if (captureReportSchema.safeParse(report).success && (report as { none?: unknown }).none === true) return { none: true };
  if (!report || typeof report !== 'object' || !('capture' in report)) {
    return { tabId, capturedAt: now, error: '(report): expected { capture } or { none: true }' };
  }
  // The capture on its own, so each issue names its field (a union would only say "invalid input").
  const parsed = pageCaptureSchema.safeParse(report.capture);
  if (!parsed.success) return { tabId, capturedAt: now, error: describeIssues(parsed.error.issues) };
  return { tabId, capturedAt: now, capture: parsed.data };
}

/** "fields.name: Too big…; people.0.email: …" — at most 20 issues, so a hostile page cannot flood the panel. */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const shown = issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(report)'}: ${i.message}`);
  if (issues.length > 20) shown.push(`… ${issues.length - 20} more`);
  return shown.join('; ').slice(0, 4000);
}

// Deep enough for a capture (report → capture → people → person → field); deeper is not a capture.
const MAX_DEPTH = 8;

function deepStrip(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return stripInvisible(v);
  if (depth > MAX_DEPTH || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => deepStrip(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[stripInvisible(k)] = deepStrip(x, depth + 1);
  return out;
}
