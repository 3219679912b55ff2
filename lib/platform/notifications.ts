/**
 * Reminder notifications, and the hand-over to the side panel: a click stores "open deal X" in
 * storage.session (`session:openDeal`, { dealId, at }) and opens the panel (or, where the browser
 * refuses to open it outside a user gesture, `sidepanel.html?deal=<id>` in a tab). The panel
 * reads the request with `takeOpenDealRequest()`.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { openCockpit } from './index';

const openDealSchema = z.object({ dealId: z.string().min(1).max(200), at: z.number().int().nonnegative() });
export type OpenDealRequest = z.infer<typeof openDealSchema>;
const openDealItem = storage.defineItem<unknown>('session:openDeal', { fallback: null });

export async function requestOpenDeal(dealId: string, now: number): Promise<void> {
  await openDealItem.setValue({ dealId, at: now });
}

/** The deal a notification asked the panel to show, once (it is removed as it is read). */
export async function takeOpenDealRequest(): Promise<OpenDealRequest | null> {
  const parsed = openDealSchema.safeParse(await openDealItem.getValue());
  await openDealItem.removeValue();
  return parsed.success ? parsed.data : null;
}

export async function peekOpenDealRequest(): Promise<OpenDealRequest | null> {
  const parsed = openDealSchema.safeParse(await openDealItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function showNotification(id: string, o: { title: string; message: string; buttons: string[] }): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: o.title,
    message: o.message,
    buttons: o.buttons.map((title) => ({ title })),
    requireInteraction: true,
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

export function onNotificationClicked(cb: (id: string) => void): void {
  browser.notifications.onClicked.addListener(cb);
}

export function onNotificationButton(cb: (id: string, index: number) => void): void {
  browser.notifications.onButtonClicked.addListener(cb);
}

/** The side panel on a deal: the panel where the browser allows it, else the panel page in a tab. */
export async function openPanelOnDeal(dealId: string, now: number): Promise<void> {
  await requestOpenDeal(dealId, now);
  try {
    if (await openCockpit()) return;
  } catch {
    // Chrome opens the side panel only in a user gesture; a notification click may not count.
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?deal=${encodeURIComponent(dealId)}`) });
}

/** The quick log on a deal, in a small window of its own (a popup cannot be opened from the worker). */
export async function openQuickLogOnDeal(dealId: string): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?deal=${encodeURIComponent(dealId)}&kind=call`), type: 'popup', width: 400, height: 640 });
}

export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
