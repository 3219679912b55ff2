/**
 * The latest capture of each tab, in storage.session: it survives the MV3 worker going to sleep
 * (a Map in the worker would not), is gone when the browser closes, and is readable by the
 * extension's pages only (content scripts cannot read session storage by default).
 * Pages follow changes through storage change events, never by polling.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from 'wxt/utils/storage';
import { acceptCaptureReport } from '../capture/boundary';
import { isCrmRecordUrl, readCrmPage } from '../capture/crm';
import { isMailThreadUrl, readMailPage } from '../capture/mail';
import type { CrmSite, MailSite, PageCapture } from '../capture/schema';
import { CONTAINERS, createCaptureWatcher } from '../capture/watch';
import { onMessage, sendMessage, storedCaptureSchema, type StoredCapture } from '../messaging';
import { loadSettings, watchSettings } from './index';
import { onTabGone } from './tabs';

type Key = `session:capture:${number}`;
const keyOf = (tabId: number): Key => `session:capture:${tabId}`;

/** Stored values are validated on the way out too: session storage is ours, but a bad value must not crash the panel. */
function parse(v: unknown): StoredCapture | null {
  const r = storedCaptureSchema.safeParse(v);
  return r.success ? r.data : null;
}

export async function getCapture(tabId: number): Promise<StoredCapture | null> {
  return parse(await storage.getItem(keyOf(tabId)));
}

export async function setCapture(value: StoredCapture): Promise<void> {
  await storage.setItem(keyOf(value.tabId), value);
}

export async function clearCapture(tabId: number): Promise<void> {
  await storage.removeItem(keyOf(tabId));
}

/** Calls `cb` with the tab's capture whenever it changes (null when cleared). Returns the unwatch. */
export function watchCapture(tabId: number, cb: (value: StoredCapture | null) => void): () => void {
  return storage.watch(keyOf(tabId), (v) => cb(parse(v)));
}

// ---------------------------------------------------------------- content scripts

/**
 * A CRM content script's whole body: when the site is switched on in the options, watch the
 * page (lib/capture/watch.ts) and report to the background; when it is switched off, do nothing
 * (and stop, if it was running). Everything ends with the script's context.
 */
export function runCrmCaptureScript(ctx: ContentScriptContext, site: CrmSite): void {
  // Only this site's pages: another CRM's URL on this host is not ours to read.
  runCaptureScript(ctx, site, isCrmRecordUrl, readCrmPage);
}

/** The same for Gmail and Outlook on the web, with the mail reader (they change threads by hash or history). */
export function runMailCaptureScript(ctx: ContentScriptContext, site: MailSite): void {
  runCaptureScript(ctx, site, isMailThreadUrl, (root, url) => readMailPage(root, url));
}

/**
 * One content script's whole body: the watcher (URL test first, one observer on the record or
 * mail area, debounced reads) with the site's reader; off in the options = nothing runs; all ends
 * with the script's context. The background validates what it sends (lib/capture/boundary.ts).
 */
function runCaptureScript(
  ctx: ContentScriptContext,
  site: CrmSite | MailSite,
  isRecordUrl: (url: URL) => boolean,
  read: (root: ParentNode, url: URL) => PageCapture | null,
): void {
  const watcher = createCaptureWatcher({
    doc: document,
    location: window.location,
    isRecordUrl,
    read,
    send: (report) => (ctx.isValid ? sendMessage('capture/report', report) : undefined),
    containers: CONTAINERS[site],
  });
  let listening = false;
  const apply = (enabled: boolean) => {
    if (!enabled || ctx.isInvalid) return watcher.stop();
    watcher.start();
    if (!listening) {
      listening = true;
      ctx.addEventListener(window, 'wxt:locationchange', (e) => watcher.locationChanged((e as unknown as { newUrl?: URL }).newUrl));
    }
  };
  void loadSettings()
    .then(({ settings }) => apply(settings.capture[site]))
    .catch(() => undefined);
  const unwatch = watchSettings(({ settings }) => apply(settings.capture[site]));
  ctx.onInvalidated(() => {
    unwatch();
    watcher.stop();
  });
}

// ---------------------------------------------------------------- background

/**
 * The background's part: keep each tab's latest capture (validated again here, see
 * lib/capture/boundary.ts), drop it when the tab closes, loads another page or reports that it
 * left the record. Pages read it from storage.session (getCapture, watchCapture); state lives there only.
 */
export function registerCaptures(): void {
  onMessage('capture/report', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    // Only a tab's own content script reports for it (extension pages have no sender tab).
    if (tabId === undefined || tabId < 0) return { ok: false, error: 'not sent from a tab' };
    const accepted = acceptCaptureReport(data, tabId, Date.now());
    if ('none' in accepted) await clearCapture(tabId);
    else await setCapture(accepted);
    return 'error' in accepted ? { ok: false, error: accepted.error } : { ok: true };
  });
  onTabGone((tabId) => void clearCapture(tabId));
}
