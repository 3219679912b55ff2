/**
 * Tabs, as the side panel needs them: the active tab's id and when it changes. Ids come back
 * without the "tabs" permission (only url/title need it), so none is asked for.
 */
import { browser } from 'wxt/browser';

export async function activeTabId(): Promise<number | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Calls `cb` with the active tab's id when the AE switches tabs or a tab finishes loading
 * (the panel then re-reads which tab is active in its own window). Returns the unsubscribe.
 */
export function watchActiveTab(cb: (tabId: number | null) => void): () => void {
  const check = () => void activeTabId().then(cb);
  const onUpdated = (_id: number, change: { status?: string }) => {
    if (change.status === 'complete') check();
  };
  browser.tabs.onActivated.addListener(check);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.tabs.onActivated.removeListener(check);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}

/** Background: calls `cb` when a tab closes, and when a tab starts loading a new document. */
export function onTabGone(cb: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => cb(tabId));
  // A load starts (navigation to any site, reload; the url is hidden without "tabs", the status is
  // not): the page's content script, if any, reports afresh, and after an in-page navigation it
  // reports whatever it reported before (see lib/capture/watch.ts).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') cb(tabId);
  });
}
