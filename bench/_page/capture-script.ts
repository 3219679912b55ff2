/**
 * Runs inside Chromium (bundled by bench/capture-script.ts) on a saved CRM page served as the page
 * itself: the content script's controller (lib/capture/watch.ts) with the real readers, as the
 * Salesforce content script builds it, given the CRM address as its location.
 */
import { isCrmRecordUrl, readCrmPage } from '../../lib/capture/crm';
import { CONTAINERS, createCaptureWatcher, type CaptureWatcher } from '../../lib/capture/watch';

const SAMPLE_MS = 5;

function perCall(fn: () => unknown): number {
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < SAMPLE_MS) {
    fn();
    n++;
    t = performance.now();
  }
  return (t - t0) / n;
}

function watcher(href: string, sent: unknown[]): CaptureWatcher {
  return createCaptureWatcher({
    doc: document,
    location: { href },
    isRecordUrl: isCrmRecordUrl,
    read: readCrmPage,
    send: (r) => void sent.push(r),
    containers: CONTAINERS.salesforce,
  });
}

/** capture.idle: start + stop of the controller on a page of the host that is not a record page. */
export function runIdle(href: string, runs: number): { times: number[]; floors: number[]; reads: number; observed: boolean } {
  const times: number[] = [];
  const floors: number[] = [];
  let reads = 0;
  let observed = false;
  for (let i = 0; i < runs; i++) {
    times.push(
      perCall(() => {
        const w = watcher(href, []);
        w.start();
        reads += w.reads;
        observed ||= w.observed !== null;
        w.stop();
      }),
    );
    // The floor: what any script pays to look at its address once.
    floors.push(perCall(() => new URL(href).pathname.length));
  }
  return { times, floors, reads, observed };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 1,000 DOM changes spread over about a second, in batches, timed (main-thread time of the batches). */
async function mutate(target: Element, count: number): Promise<number> {
  let spent = 0;
  const batches = 20;
  for (let b = 0; b < batches; b++) {
    const t0 = performance.now();
    for (let i = 0; i < count / batches; i++) target.setAttribute('data-tick', String(b * 1000 + i));
    target.textContent = String(b);
    spent += performance.now() - t0;
    await sleep(50);
  }
  return spent;
}

/**
 * capture.mutations: on a record page, after the first read, 1,000 mutations outside the record
 * area within one second; how many reads they cause, and the mutations' cost with and without
 * the watcher attached.
 */
export async function runMutations(href: string, runs: number): Promise<{ times: number[]; floors: number[]; reads: number[]; readsInside: number; sends: number }> {
  const outside = document.createElement('div');
  outside.id = 'bench-outside';
  (document.getElementById('oneHeader') ?? document.body).append(outside);
  const times: number[] = [];
  const floors: number[] = [];
  const reads: number[] = [];
  const sent: unknown[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(await mutate(outside, 1000));
    const w = watcher(href, sent);
    w.start();
    await sleep(400);
    const before = w.reads;
    times.push(await mutate(outside, 1000));
    await sleep(1200);
    reads.push(w.reads - before);
    w.stop();
  }
  // Inside the record area, for comparison: debounced to at most one read per second plus a trailing one.
  const inside = document.querySelector('.oneCenterStage')!.appendChild(document.createElement('span'));
  const w = watcher(href, sent);
  w.start();
  await sleep(400);
  const before = w.reads;
  await mutate(inside, 1000);
  await sleep(1200);
  const readsInside = w.reads - before;
  w.stop();
  inside.remove();
  return { times, floors, reads, readsInside, sends: sent.length };
}

Object.assign(globalThis, { captureScriptBench: { runIdle, runMutations } });
