/**
 * Benches `capture.<site>`: one full read of a site's main record fixture by its page reader,
 * bundled with Vite and run in Debian's Chromium on the fixture served as the page itself
 * (Playwright routing; no network). Printed beside a floor measured in the same run: one
 * `document.querySelectorAll('*')` over the same document. Both per call, medians of BENCH_RUNS
 * samples (each sample repeats the call for a few milliseconds). Targets: ≤ 5 ms, ratio ≤ 3.
 * Set BENCH_RUNS to change the number of samples.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchLine, median } from './_stats';

export interface CaptureCase {
  bench: string;
  /** A reader name in bench/_page/capture-bench.ts READERS. */
  reader: string;
  /** The saved page, relative to the repository root. */
  fixture: string;
  /** The URL the page was saved from (what the reader is given). */
  url: string;
}

/** One case per reader; the mail readers add theirs here. */
export const CAPTURE_CASES: CaptureCase[] = [
  {
    bench: 'capture.salesforce',
    reader: 'salesforce',
    fixture: 'tests/fixtures/pages/salesforce/opportunity.html',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view',
  },
  {
    bench: 'capture.hubspot',
    reader: 'hubspot',
    fixture: 'tests/fixtures/pages/hubspot/deal.html',
    url: 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210',
  },
  {
    bench: 'capture.pipedrive',
    reader: 'pipedrive',
    fixture: 'tests/fixtures/pages/pipedrive/deal.html',
    url: 'https://acme.pipedrive.com/deal/123',
  },
];

const TARGET_MS = 5;
const TARGET_RATIO = 3;

async function main(): Promise<void> {
  const [{ chromium }, { build }, { findChrome }] = await Promise.all([
    import('playwright-core'),
    import('vite'),
    import('../tests/e2e/support/browser'),
  ]);
  const RUNS = Number(process.env.BENCH_RUNS ?? 41);
  const root = resolve(import.meta.dirname, '..');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: resolve(import.meta.dirname, '_page/capture-bench.ts'), formats: ['iife'], name: 'captureBench', fileName: 'capture-bench' } },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: Array<{ type: string; code?: string }> };
  const code = first.output.find((o) => o.type === 'chunk')!.code!;

  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROME_PATH.');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    let html = '';
    await context.route('https://bench.invalid/**', (route) => {
      const u = route.request().url();
      if (u.endsWith('/capture-bench.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
      return route.fulfill({ contentType: 'text/html', body: html });
    });
    // Anything else the saved page asks for (images in hostile fixtures, say) gets nothing.
    await context.route((u) => !u.href.startsWith('https://bench.invalid/'), (route) => route.abort());
    for (const c of CAPTURE_CASES) {
      const saved = readFileSync(resolve(root, c.fixture), 'utf8');
      html = saved.replace('</body>', '<script src="/capture-bench.js"></script></body>');
      const page = await context.newPage();
      await page.goto(`https://bench.invalid/${c.reader}.html`);
      const r = await page.evaluate(
        ([reader, url, runs]) =>
          (globalThis as unknown as { runCaptureBench: (r: string, u: string, n: number) => { reads: number[]; floors: number[]; elements: number; fields: number } }).runCaptureBench(
            reader as string,
            url as string,
            runs as number,
          ),
        [c.reader, c.url, RUNS] as const,
      );
      console.log(
        benchLine(c.bench, r.reads, r.floors, {
          // The floor is a few microseconds on these small saved pages: also in µs, unrounded.
          median_us: Math.round(median(r.reads) * 1000),
          floor_us: Math.round(median(r.floors) * 10000) / 10,
          fixture: c.fixture,
          elements: r.elements,
          fields: r.fields,
          target_ms: TARGET_MS,
          target_ratio: TARGET_RATIO,
          floor: "one document.querySelectorAll('*'), same document",
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
