/**
 * Runs inside Chromium (bundled by bench/capture.ts) on a saved record page served as the page
 * itself: one full read by the page's reader, timed against a floor measured on the same document
 * in the same run — one `document.querySelectorAll('*')`. Both are repeated until a sample spans
 * a few milliseconds (the browser's clock is coarse), and reported per call.
 */
import { readHubspot } from '../../lib/capture/hubspot';
import { readPipedrive } from '../../lib/capture/pipedrive';
import { readSalesforce } from '../../lib/capture/salesforce';

/** Readers by name; a case in bench/capture.ts names one. Mail readers are added here by name too. */
export const READERS: Record<string, (root: ParentNode, url: URL) => unknown> = {
  salesforce: readSalesforce,
  hubspot: readHubspot,
  pipedrive: readPipedrive,
};

const SAMPLE_MS = 5;

/** Per-call milliseconds of `fn`, from one sample of enough calls to span SAMPLE_MS. */
function perCall(fn: () => unknown): number {
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

export function runCaptureBench(reader: string, url: string, runs: number): { reads: number[]; floors: number[]; elements: number; fields: number } {
  const read = READERS[reader];
  if (!read) throw new Error(`no reader ${reader}`);
  const u = new URL(url);
  const once = read(document, u) as { fields?: Record<string, unknown> } | null;
  if (!once || !once.fields || Object.keys(once.fields).length < 5) throw new Error(`${reader}: the read found too little: ${JSON.stringify(once)}`);
  const reads: number[] = [];
  const floors: number[] = [];
  let sink = 0;
  for (let i = 0; i < 3; i++) {
    read(document, u);
    sink += document.querySelectorAll('*').length;
  }
  // Interleaved, so both see the same machine state.
  for (let i = 0; i < runs; i++) {
    reads.push(perCall(() => read(document, u)));
    floors.push(perCall(() => (sink += document.querySelectorAll('*').length)));
  }
  return { reads, floors, elements: document.querySelectorAll('*').length + (sink & 0), fields: Object.keys(once.fields).length };
}

(globalThis as unknown as { runCaptureBench: typeof runCaptureBench }).runCaptureBench = runCaptureBench;
