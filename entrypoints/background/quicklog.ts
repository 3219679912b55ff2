/**
 * Answers the popup's quick log (lib/messaging/quicklog-client.ts) with the service the side panel
 * runs in its page. Each payload is validated here; a log's input again by quickLog itself.
 */
import { browser } from 'wxt/browser';
import type { QuickLog, QuickLogResult } from '../../lib/db/writes';
import {
  onMessage,
  quickLogNowSchema,
  quickLogOpenSchema,
  quickLogSearchSchema,
  quickLogTodaySchema,
  quickLogUndoSchema,
  quickLogWriteSchema,
} from '../../lib/messaging';
import { loadSettings } from '../../lib/platform';
import { loadDemo } from '../../lib/platform/demo';
import { quickLogService as service } from '../../lib/platform/quicklog-service';

export function registerQuickLog(): void {
  onMessage('settings/get', () => loadSettings());
  // The sender's own tab (a popup opened as a tab) is not the page in view.
  onMessage('quicklog/open', ({ data, sender }) => service.open(quickLogOpenSchema.parse(data), sender.tab?.id ?? null));
  onMessage('quicklog/suggested', ({ data }) => service.suggested(quickLogTodaySchema.parse(data).today));
  onMessage('quicklog/search', ({ data }) => {
    const { query, today, openId } = quickLogSearchSchema.parse(data);
    return service.search(query, today, openId);
  });
  onMessage('quicklog/log', ({ data }) => {
    const { input, now } = quickLogWriteSchema.parse(data);
    // quickLog parses the input with quickLogSchema before it writes anything.
    return service.log(input as QuickLog, now);
  });
  onMessage('quicklog/undo', async ({ data }) => {
    const { result, now } = quickLogUndoSchema.parse(data);
    await service.undo(result as QuickLogResult, now);
    return { ok: true as const };
  });
  onMessage('quicklog/draft/save', async ({ data }) => {
    // saveDraft parses the draft with quickLogDraftSchema.
    await service.saveDraft(data);
    return { ok: true as const };
  });
  onMessage('quicklog/draft/discard', async () => {
    await service.discardDraft();
    return { ok: true as const };
  });
  onMessage('quicklog/timer/start', ({ data }) => service.startTimer(quickLogNowSchema.parse(data).now));
  onMessage('quicklog/timer/stop', ({ data }) => service.stopTimer(quickLogNowSchema.parse(data).now));
  onMessage('quicklog/timer/clear', async () => {
    await service.clearTimer();
    return { ok: true as const };
  });
  onMessage('quicklog/countDeals', () => service.countDeals());
  // The popup's first-run screen. Only from the extension's own pages: a content script (a CRM
  // page) has no reason to write a demo book into the AE's data.
  onMessage('demo/load', ({ data, sender }) => {
    if (sender.url !== undefined && !sender.url.startsWith(browser.runtime.getURL('/'))) throw new Error('demo/load is answered for the extension pages only');
    return loadDemo(quickLogNowSchema.parse(data).now);
  });
}
