/** Which tab the quick log is about (the background asks for the popup; the side panel in its page); browser only. */
import { browser } from 'wxt/browser';

/**
 * The tab whose page the popup logs against: `explicitTabId` (popup.html?tab=N, used when the
 * popup is opened in a window of its own), else the active tab of the last focused window that
 * is not the asking page itself (a popup opened as a tab would otherwise find itself). `selfTabId`
 * is that page's tab when the caller knows it (the background: the message's sender); else the
 * page asks for its own.
 */
export async function activeTabId(explicitTabId: number | null = null, selfTabId?: number | null): Promise<number | null> {
  if (explicitTabId !== null) return explicitTabId;
  try {
    // Both at once: one round trip to the browser, not two.
    const [self, tabs] = await Promise.all([
      selfTabId !== undefined ? selfTabId : browser.tabs.getCurrent().then((t) => t?.id ?? null),
      browser.tabs.query({ active: true, lastFocusedWindow: true }),
    ]);
    return tabs.find((t) => t.id !== undefined && t.id !== self)?.id ?? null;
  } catch {
    return null;
  }
}
