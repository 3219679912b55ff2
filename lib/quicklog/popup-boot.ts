/**
 * The popup's first reads, started by a classic script in popup.html's head
 * (entrypoints/popup-boot), before the module scripts with React are even fetched: the round trips
 * to the background then run while React DOM loads. main.tsx takes them from here.
 */
import { sendMessage } from '../messaging/client';
import { quickLogClient } from '../messaging/quicklog-client';
import { POPUP_BOOT_KEY, type PopupBoot } from './boot-handoff';
import { popupParams } from './params';
import { withOpening } from './prefetch';

export function startPopupBoot(): PopupBoot {
  performance.mark('popup-boot');
  const params = popupParams(location.search);
  const settings = sendMessage('settings/get', {});
  // A failure surfaces where it is awaited (the settings provider shows it), not as unhandled.
  settings.catch(() => undefined);
  const backend = withOpening(quickLogClient, { keepDraft: params.dealId === null, dealId: params.dealId, tabId: params.tabId });
  const boot = { params, settings, backend };
  (globalThis as Record<string, unknown>)[POPUP_BOOT_KEY] = boot;
  return boot;
}
