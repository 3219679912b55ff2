/**
 * The popup's quick-log backend: every read and write is a message to the background, which runs
 * lib/platform/quicklog-service.ts against the book and validates what it is sent. No Dexie or
 * zod in the popup.
 */
import type { QuickLogBackend } from '../quicklog/backend';
import { sendMessage } from './client';

export const quickLogClient: QuickLogBackend = {
  // The background finds the tab in view itself (this page's own tab, if any, comes with the message):
  // one round trip before the popup's first paint, not a tab query and then the message.
  open: (req) => sendMessage('quicklog/open', req),
  suggested: (today) => sendMessage('quicklog/suggested', { today }),
  search: (query, today, openId) => sendMessage('quicklog/search', { query, today, openId }),
  log: (input, now) => sendMessage('quicklog/log', { input, now }),
  undo: async (result, now) => {
    await sendMessage('quicklog/undo', { result, now });
  },
  saveDraft: async (draft) => {
    await sendMessage('quicklog/draft/save', draft);
  },
  discardDraft: async () => {
    await sendMessage('quicklog/draft/discard', {});
  },
  startTimer: (now) => sendMessage('quicklog/timer/start', { now }),
  stopTimer: (now) => sendMessage('quicklog/timer/stop', { now }),
  clearTimer: async () => {
    await sendMessage('quicklog/timer/clear', {});
  },
  countDeals: () => sendMessage('quicklog/countDeals', {}),
};
