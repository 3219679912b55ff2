import { useEffect, useState } from 'react';
import type { StoredCapture } from '../../lib/messaging/protocol';
import { getCapture, watchCapture } from '../../lib/platform/captures';
import { activeTabId, watchActiveTab } from '../../lib/platform/tabs';

/** `sidepanel.html?tab=<id>` pins the panel to one tab (the panel opened as a tab, tests). */
export function pinnedTabFromUrl(search: string = globalThis.location?.search ?? ''): number | null {
  const raw = new URLSearchParams(search).get('tab');
  const n = raw !== null && /^\d+$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * The tab the panel describes (pinned, else the active tab of its window, following switches)
 * and that tab's latest capture, following storage changes (in-page navigation) without polling.
 * `undefined` while the first read runs.
 */
export function useTabCapture(pinned: number | null): { tabId: number | null; stored: StoredCapture | null | undefined } {
  const [tabId, setTabId] = useState<number | null>(pinned);
  const [stored, setStored] = useState<StoredCapture | null | undefined>(undefined);

  useEffect(() => {
    if (pinned !== null) {
      setTabId(pinned);
      return;
    }
    let alive = true;
    void activeTabId().then((id) => alive && setTabId(id));
    const unwatch = watchActiveTab((id) => alive && setTabId(id));
    return () => {
      alive = false;
      unwatch();
    };
  }, [pinned]);

  useEffect(() => {
    if (tabId === null) {
      setStored(null);
      return;
    }
    let alive = true;
    setStored(undefined);
    void getCapture(tabId).then((v) => alive && setStored(v));
    const unwatch = watchCapture(tabId, (v) => alive && setStored(v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [tabId]);

  return { tabId, stored };
}
