/**
 * Runs inside Chromium (bundled by bench/capture.ts) on a saved or generated page served as the
 * page itself: one full read by the page's reader, timed against a floor measured on the same
 * document in the same run — one `document.querySelectorAll('*')`. Both are repeated until a
 * sample spans a few milliseconds (the browser's clock is coarse), and reported per call.
 *
 * A CRM case names an app shell (./capture-chrome.ts): the page is read once bare, the shell is
 * added around the record, and the page is read again; the two captures must be identical (the
 * shell is outside the record) or the bench fails. Only then is the full page timed.
 */
import { readGmail } from '../../lib/capture/gmail';
import { readHubspot } from '../../lib/capture/hubspot';
import { readOutlook } from '../../lib/capture/outlook';
import { readPipedrive } from '../../lib/capture/pipedrive';
import { readSalesforce } from '../../lib/capture/salesforce';
import { appChrome } from './capture-chrome';

/** Readers by name; a case in bench/capture.ts names one. */
export const READERS: Record<string, (root: ParentNode, url: URL) => unknown> = {
  salesforce: readSalesforce,
  hubspot: readHubspot,
  pipedrive: readPipedrive,
  gmail: (root, url) => readGmail(root, url),
  outlook: (root, url) => readOutlook(root, url),
};

const SAMPLE_MS = 5;

/** V8's collector, exposed by the bench's `--js-flags=--expose-gc`. */
const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Per-call milliseconds of `fn`, from one sample of enough calls to span SAMPLE_MS. Each sample
 * starts from a collected heap: without it the garbage a read leaves is collected during the next
 * floor sample, and the floor over a 16,000-element thread rose from 0.34 ms to 1.4 ms after the
 * first reads (a flattering ratio). What a call allocates within its own sample is still paid there.
 */
function perCall(fn: () => unknown): number {
  gc?.();
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    fn();
    n++;
    t = performance.now();
  } while (t - t0 < SAMPLE_MS);
  return (t - t0) / n;
}

export interface CaptureBenchOptions {
  /** A site of capture-chrome.ts: its app shell goes around the record before timing. */
  chrome?: string | null;
  /** For a thread page: the number of messages the read must find. */
  messages?: number | null;
}

export interface CaptureBenchResult {
  reads: number[];
  floors: number[];
  /** Floors measured before the first read. */
  cleanFloors: number[];
  elements: number;
  chromeElements: number;
  fields?: number;
  messages?: number;
}

function checked(reader: string, once: unknown, opts: CaptureBenchOptions): { fields?: number; messages?: number } {
  const c = once as { fields?: Record<string, unknown>; messages?: unknown[] } | null;
  if (opts.messages != null) {
    if (!c || !Array.isArray(c.messages) || c.messages.length !== opts.messages) throw new Error(`${reader}: expected ${opts.messages} messages: ${JSON.stringify(c)?.slice(0, 2000)}`);
    return { messages: c.messages.length };
  }
  if (!c || !c.fields || Object.keys(c.fields).length < 5) throw new Error(`${reader}: the read found too little: ${JSON.stringify(c)}`);
  return { fields: Object.keys(c.fields).length };
}

export function runCaptureBench(reader: string, url: string, runs: number, opts: CaptureBenchOptions = {}): CaptureBenchResult {
  const read = READERS[reader];
  if (!read) throw new Error(`no reader ${reader}`);
  const u = new URL(url);
  let chromeElements = 0;
  if (opts.chrome) {
    const bare = JSON.stringify(read(document, u));
    const before = document.querySelectorAll('*').length;
    const shell = appChrome(opts.chrome);
    document.body.insertAdjacentHTML('afterbegin', shell.head);
    document.body.insertAdjacentHTML('beforeend', shell.tail);
    chromeElements = document.querySelectorAll('*').length - before;
    const full = JSON.stringify(read(document, u));
    if (full !== bare) throw new Error(`${reader}: the app shell changed the capture.\nbare: ${bare}\nwith shell: ${full}`);
  }
  // The floor on the document before any read, reported beside the interleaved one: the two agree
  // when reads leave nothing behind that slows the floor.
  const cleanFloors: number[] = [];
  let sink = 0;
  for (let i = 0; i < Math.min(runs, 11); i++) cleanFloors.push(perCall(() => (sink += document.querySelectorAll('*').length)));
  const counts = checked(reader, read(document, u), opts);
  const reads: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < 3; i++) {
    read(document, u);
    sink += document.querySelectorAll('*').length;
  }
  // Interleaved, so both see the same machine state.
  for (let i = 0; i < runs; i++) {
    reads.push(perCall(() => read(document, u)));
    floors.push(perCall(() => (sink += document.querySelectorAll('*').length)));
  }
  if (!gc) throw new Error('gc() is not exposed: launch Chromium with --js-flags=--expose-gc');
  return { reads, floors, cleanFloors, elements: document.querySelectorAll('*').length + (sink & 0), chromeElements, ...counts };
}

(globalThis as unknown as { runCaptureBench: typeof runCaptureBench }).runCaptureBench = runCaptureBench;
