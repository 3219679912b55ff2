/**
 * Benches of the CRM content scripts' controller (lib/capture/watch.ts), bundled with Vite and
 * run in Debian's Chromium on the Salesforce opportunity fixture served as the page (no network):
 *
 * - `capture.idle`: what the content script costs on a page of the CRM's host that is not a record
 *   page (start + stop of the controller: the URL test, nothing else). Floor: one `new URL` of the
 *   same address. Target ≤ 1 ms median.
 * - `capture.mutations`: on a record page, 1,000 DOM mutations outside the record area within one
 *   second cause at most 2 reads (`reads`, the largest over the runs; target ≤ 2). `median_ms` is
 *   the main-thread time of those mutations with the watcher attached, the floor the same without.
 *   `reads_inside`: the same burst inside the record area (debounced).
 * BENCH_RUNS sets the number of samples (idle) and rounds (mutations, 5 by default).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchLine, median } from './_stats';

const FIXTURE = 'tests/fixtures/pages/salesforce/opportunity.html';
const RECORD = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view';
const HOME = 'https://acme.lightning.force.com/lightning/page/home';

async function main(): Promise<void> {
  const { bundlePage, launchBenchBrowser } = await import('./_browser');
  const RUNS = Number(process.env.BENCH_RUNS ?? 41);
  const ROUNDS = Number(process.env.BENCH_RUNS ?? 5);
  const root = resolve(import.meta.dirname, '..');
  const code = await bundlePage('capture-script.ts', 'captureScript');
  const browser = await launchBenchBrowser();
  try {
    const context = await browser.newContext();
    const html = readFileSync(resolve(root, FIXTURE), 'utf8').replace('</body>', '<script src="/capture-script.js"></script></body>');
    await context.route('https://bench.invalid/**', (route) =>
      route.request().url().endsWith('/capture-script.js') ? route.fulfill({ contentType: 'text/javascript', body: code }) : route.fulfill({ contentType: 'text/html', body: html }),
    );
    await context.route((u) => !u.href.startsWith('https://bench.invalid/'), (route) => route.abort());
    const page = await context.newPage();
    await page.goto('https://bench.invalid/salesforce.html');
    type Api = { captureScriptBench: { runIdle: (h: string, n: number) => { times: number[]; floors: number[]; reads: number; observed: boolean }; runMutations: (h: string, n: number) => Promise<{ times: number[]; floors: number[]; reads: number[]; readsInside: number; sends: number }> } };
    const idle = await page.evaluate(([h, n]) => (globalThis as unknown as Api).captureScriptBench.runIdle(h as string, n as number), [HOME, RUNS] as const);
    if (idle.reads !== 0 || idle.observed) throw new Error('capture.idle: the controller read or observed a page that is not a record page');
    console.log(
      benchLine('capture.idle', idle.times, idle.floors, {
        median_us: Math.round(median(idle.times) * 10000) / 10,
        floor_us: Math.round(median(idle.floors) * 10000) / 10,
        reads: idle.reads,
        url: HOME,
        fixture: FIXTURE,
        target_ms: 1,
        floor: 'one new URL(address)',
      }),
    );
    const m = await page.evaluate(([h, n]) => (globalThis as unknown as Api).captureScriptBench.runMutations(h as string, n as number), [RECORD, ROUNDS] as const);
    console.log(
      benchLine('capture.mutations', m.times, m.floors, {
        reads: Math.max(...m.reads),
        reads_per_round: m.reads,
        reads_inside: m.readsInside,
        mutations: 1000,
        over_ms: 1000,
        fixture: FIXTURE,
        target_reads: 2,
        floor: 'the same mutations with no watcher',
      }),
    );
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
