import type { CaptureReport } from '../messaging/protocol';
import type { PageCapture } from './schema';

/**
 * The content scripts' controller: decides when to read the page and reports what the reader
 * found. Pure-ish: it is given the document, the location, the reader and a send function, and
 * uses only DOM APIs (MutationObserver, timers), so it runs the same in happy-dom, a bench page
 * and a CRM tab.
 *
 * Costs, by design:
 * - a page that is not a record page costs the URL test and nothing more (no DOM read, no
 *   observer, no message);
 * - on a record page one MutationObserver watches the record area only (the container of the
 *   CRM's record views, never the whole body); its callback only (re)arms a timer — no work per
 *   mutation — and reads happen debounced: `debounceMs` after the last change, and at least once
 *   every `maxWaitMs` while changes keep coming;
 * - a read that finds what was last sent sends nothing.
 * A reader or a send never throws into the host page.
 */

export interface CaptureWatchOptions {
  doc: Document;
  /** The page's location (only `href` is read, at each check). */
  location: { readonly href: string };
  /** Whether this is a record page the reader reads (cheap, no DOM). */
  isRecordUrl: (url: URL) => boolean;
  /** Reads the page: the capture, or null when the page shows no record. */
  read: (root: ParentNode, url: URL) => PageCapture | null;
  send: (report: CaptureReport) => unknown;
  /** The record area of the site, most specific first; the first present is observed. */
  containers: readonly string[];
  debounceMs?: number;
  maxWaitMs?: number;
  /** How long to wait for the record area to appear after a navigation (SPAs render late). */
  findRetriesMs?: readonly number[];
}

export interface CaptureWatcher {
  start(): void;
  /** After an in-page navigation (`wxt:locationchange`); `url` is the new address when known. */
  locationChanged(url?: URL): void;
  stop(): void;
  /** Reads made so far (benches and tests count them). */
  readonly reads: number;
  /** The element observed, if any. */
  readonly observed: Element | null;
}

export const CONTAINERS = {
  // Lightning's centre stage holds every page host (.oneContent / console tabs); the record views are inside.
  salesforce: ['.oneCenterStage', '.mainContentMark', '.viewport'],
  // HubSpot's app root (role=main) holds the record page and its earlier, hidden copies.
  hubspot: ['#hs_cos_wrapper', '[data-test-id="record-page"]', '[role="main"]', 'main'],
  // Pipedrive's application area beside the navigation sidebar.
  pipedrive: ['main#application', '#application', 'main', '[role="main"]'],
  // Gmail's content area (.AO) holds every view, hidden ones too; a single [role=main] may be a hidden view.
  gmail: ['.AO', '.bkK', '[role="main"]'],
  // Outlook's reading pane (the message list beside it is never read).
  outlook: ['#ReadingPaneContainerId', '#ConversationReadingPaneContainer', '[role="main"][aria-label]', '[role="main"]'],
} as const satisfies Record<string, readonly string[]>;

export function createCaptureWatcher(opts: CaptureWatchOptions): CaptureWatcher {
  const debounceMs = opts.debounceMs ?? 250;
  const maxWaitMs = opts.maxWaitMs ?? 1000;
  const retries = opts.findRetriesMs ?? [250, 1000, 3000];
  const win = opts.doc.defaultView;
  const MO = (win?.MutationObserver ?? globalThis.MutationObserver) as typeof MutationObserver | undefined;

  let running = false;
  let reads = 0;
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let retryTimers: Array<ReturnType<typeof setTimeout>> = [];
  /** What was last sent (JSON), so an unchanged page sends nothing; null = nothing sent yet. */
  let lastSent: string | null = null;
  /** Whether the last report was a record (a later non-record page then says so once). */
  let reportedRecord = false;

  function send(report: CaptureReport) {
    const json = JSON.stringify(report);
    if (json === lastSent) return;
    lastSent = json;
    reportedRecord = 'capture' in report;
    try {
      void Promise.resolve(opts.send(report)).catch(() => undefined);
    } catch {
      // The extension was reloaded or the background is gone: the page must not notice.
    }
  }

  function currentUrl(): URL | null {
    try {
      return new URL(opts.location.href);
    } catch {
      return null;
    }
  }

  function readNow() {
    timer = null;
    firstPending = 0;
    if (!running) return;
    const url = currentUrl();
    if (!url || !opts.isRecordUrl(url)) return leaveRecord();
    // The record area may have been replaced by the app: observe the new one.
    if (!observed || !observed.isConnected) attach();
    reads++;
    let capture: PageCapture | null = null;
    try {
      capture = opts.read(opts.doc, url);
    } catch {
      capture = null;
    }
    send(capture ? { capture } : { none: true });
  }

  function schedule() {
    if (!running) return;
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer) clearTimeout(timer);
    // Debounced, but never later than maxWaitMs after the first change of a burst.
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - now));
    timer = setTimeout(readNow, wait);
  }

  function detach() {
    observer?.disconnect();
    observer = null;
    observed = null;
  }

  function clearRetries() {
    for (const t of retryTimers) clearTimeout(t);
    retryTimers = [];
  }

  function findContainer(): Element | null {
    for (const sel of opts.containers) {
      try {
        const el = opts.doc.querySelector(sel);
        if (el) return el;
      } catch {
        // An invalid selector in the list is skipped.
      }
    }
    return null;
  }

  /** Observes the record area (subtree) and its parent (children only, to see it replaced). */
  function attach(): boolean {
    detach();
    const el = findContainer();
    if (!el || !MO) return false;
    observer = new MO(() => {
      // No work per mutation: (re)arm the timer; the read looks at the page as it then is.
      if (observed && !observed.isConnected) attach();
      schedule();
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'hidden', 'style', 'aria-hidden'] });
    if (el.parentNode) observer.observe(el.parentNode, { childList: true });
    observed = el;
    return true;
  }

  function enterRecord() {
    if (!attach()) {
      // The app has not rendered its record area yet: look again a few times, then stop looking.
      clearRetries();
      retryTimers = retries.map((ms) =>
        setTimeout(() => {
          if (running && !observed && attach()) schedule();
        }, ms),
      );
    }
    schedule();
  }

  function leaveRecord() {
    detach();
    clearRetries();
    if (timer) clearTimeout(timer);
    timer = null;
    if (reportedRecord) send({ none: true });
  }

  function check(url: URL | null) {
    if (!url || !opts.isRecordUrl(url)) return leaveRecord();
    enterRecord();
  }

  return {
    start() {
      if (running) return;
      running = true;
      check(currentUrl());
    },
    locationChanged(url) {
      if (!running) return;
      // After an in-page navigation report again even if the page reads the same: the
      // background may have cleared the tab's capture meanwhile.
      if (reportedRecord) lastSent = null;
      check(url ?? currentUrl());
    },
    stop() {
      running = false;
      detach();
      clearRetries();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    get reads() {
      return reads;
    },
    get observed() {
      return observed;
    },
  };
}
