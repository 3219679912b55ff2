import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isMailThreadUrl, readMailPage } from '../../lib/capture/mail';
import type { MailSite } from '../../lib/capture/schema';
import { CONTAINERS, createCaptureWatcher } from '../../lib/capture/watch';
import { sendMessage } from '../../lib/messaging';
import { loadSettings, watchSettings } from '../../lib/platform';

/**
 * A mail content script's whole body (Gmail and Outlook share it): the same watcher as the CRM
 * scripts (lib/capture/watch.ts: URL test first, one observer on the mail area, debounced reads),
 * with the mail reader. Off in the options = the script does nothing. Everything ends with the
 * script's context. The background validates what it sends (lib/capture/boundary.ts).
 */
export function runMailCaptureScript(ctx: ContentScriptContext, site: MailSite): void {
  const watcher = createCaptureWatcher({
    doc: document,
    location: window.location,
    isRecordUrl: (url) => isMailThreadUrl(url),
    read: (root, url) => readMailPage(root, url),
    send: (report) => (ctx.isValid ? sendMessage('capture/report', report) : undefined),
    containers: CONTAINERS[site],
  });
  let listening = false;
  const apply = (enabled: boolean) => {
    if (!enabled || ctx.isInvalid) return watcher.stop();
    watcher.start();
    if (!listening) {
      listening = true;
      // Gmail and Outlook change threads by hash / history navigation: WXT reports both.
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
