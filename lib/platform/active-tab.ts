/** Which tab the quick log is about; browser only (the popup imports it). */
import { browser } from 'wxt/browser';

/**
 * The tab whose page the popup logs against: `explicitTabId` (popup.html?tab=N, used when the
 * popup is opened in a window of its own), else the active tab of the last focused window that
 * is not this page itself (a popup opened as a tab would otherwise find itself).
 */
export async function activeTabId(explicitTabId: number | null = null): Promise<number | null> {
  if (explicitTabId !== null) return explicitTabId;
  try {
    // Both at once: one round trip to the browser, not two, before the popup's opening read.
    const [self, tabs] = await Promise.all([browser.tabs.getCurrent(), browser.tabs.query({ active: true, lastFocusedWindow: true })]);
    return tabs.find((t) => t.id !== undefined && t.id !== self?.id)?.id ?? null;
  } catch {
    return null;
  }
}
