/**
 * The popup's first reads, started by a classic script in popup.html's head
 * (entrypoints/popup-boot), before popup-app.js (React and the form, deferred) runs: the round trips
 * to the background then run while React DOM loads. popup-app.js (entrypoints/popup-app) takes them.
 */
import { sendMessage } from '../messaging/client';
import { quickLogClient } from '../messaging/quicklog-client';
import { POPUP_BOOT_KEY, type PopupBoot } from './boot-handoff';
import { popupParams } from './params';

/** An answer the background has not given by then is not coming: the popup says so instead of staying blank. */
const ANSWER_WITHIN_MS = 10_000;

/**
 * `p`, failing if no answer comes within ANSWER_WITHIN_MS, with a performance mark when it settles
 * (BENCH_MARKS=1 bench/popup.ts prints them).
 */
function marked<T>(p: Promise<T>, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the extension's background did not answer within ${ANSWER_WITHIN_MS / 1000} s`)), ANSWER_WITHIN_MS);
  });
  const out = Promise.race([p, late]).finally(() => {
    clearTimeout(timer);
    performance.mark(name);
  });
  // A failure surfaces where it is awaited (popup-app hands it to the form or the settings), not as unhandled.
  out.catch(() => undefined);
  return out;
}

export function startPopupBoot(): PopupBoot {
  performance.mark('popup-boot');
  const params = popupParams(location.search);
  const settings = marked(sendMessage('settings/get', {}), 'popup-settings');
  const opening = marked(quickLogClient.open({ keepDraft: params.dealId === null, dealId: params.dealId, tabId: params.tabId }), 'quicklog-opened');
  const boot: PopupBoot = { params, settings, opening, backend: quickLogClient, loadDemo: (now) => sendMessage('demo/load', { now }) };
  (globalThis as Record<string, unknown>)[POPUP_BOOT_KEY] = boot;
  return boot;
}
