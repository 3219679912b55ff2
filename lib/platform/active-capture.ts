/**
 * The capture of the page the AE is looking at, for the quick log's prefill. The background
 * keeps the latest capture per tab and answers 'capture/forTab'; this asks it for the active tab.
 */
import { browser } from 'wxt/browser';
import type { PageCapture } from '../capture/schema';
import { sendMessage, storedCaptureSchema } from '../messaging';

/**
 * The tab whose page the popup logs against: `explicitTabId` (popup.html?tab=N, used when the
 * popup is opened in a window of its own), else the active tab of the last focused window that
 * is not this page itself (a popup opened as a tab would otherwise find itself).
 */
export async function activeTabId(explicitTabId: number | null = null): Promise<number | null> {
  if (explicitTabId !== null) return explicitTabId;
  try {
    const self = await browser.tabs.getCurrent();
    const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs.find((t) => t.id !== undefined && t.id !== self?.id)?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * The latest valid capture of the tab, or null: no tab, nothing captured, a capture that failed
 * validation, or no background handler (an older background answers nothing or throws).
 */
export async function activeCapture(explicitTabId: number | null = null): Promise<PageCapture | null> {
  const tabId = await activeTabId(explicitTabId);
  if (tabId === null) return null;
  try {
    const parsed = storedCaptureSchema.safeParse(await sendMessage('capture/forTab', { tabId }));
    return parsed.success && 'capture' in parsed.data ? parsed.data.capture : null;
  } catch {
    return null;
  }
}
