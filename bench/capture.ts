/**
 * Benches `capture.<site>`: one full read of a page by its reader, bundled with Vite and run in
 * Debian's Chromium on the page served as the page itself (Playwright routing; no network).
 * Printed beside a floor measured in the same run: one `document.querySelectorAll('*')` over the
 * same document. Both per call, medians of BENCH_RUNS samples (each sample repeats the call for a
 * few milliseconds, from a collected heap: Chromium runs with --expose-gc). Set BENCH_RUNS to change the number of samples.
 *
 * - CRM cases: the site's main record fixture inside a generated app shell of realistic size
 *   (bench/_page/capture-chrome.ts: the saved fixtures are 155–692 elements, the apps' record
 *   pages thousands). The page script checks that the shell does not change the capture.
 *   Targets: ≤ 5 ms, ratio ≤ 3.
 * - Mail cases: the generated 50-message, > 3 MB threads of tests/fixtures/pages/{gmail,outlook}/large.ts.
 *   Targets: ≤ 10 ms, ratio ≤ 3.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { largeGmailThread } from '../tests/fixtures/pages/gmail/large';
import { largeOutlookConversation } from '../tests/fixtures/pages/outlook/large';
import { benchLine, median } from './_stats';

export interface CaptureCase {
  bench: string;
  /** A reader name in bench/_page/capture-bench.ts READERS. */
  reader: string;
  /** The saved page (relative to the repository root), or the module that generates it. */
  fixture: string;
  /** The URL the page was saved from (what the reader is given). */
  url: string;
  /** A generated page instead of the saved file. */
  html?: () => string;
  /** A site of bench/_page/capture-chrome.ts: the app shell the record is embedded in. */
  chrome?: string;
  /** A thread page: the number of messages the read must find. */
  messages?: number;
  target_ms: number;
  target_ratio: number;
}

const gmail = largeGmailThread();
const outlook = largeOutlookConversation();

/** One case per reader. */
export const CAPTURE_CASES: CaptureCase[] = [
  {
    bench: 'capture.salesforce',
    reader: 'salesforce',
    chrome: 'salesforce',
    target_ms: 5,
    target_ratio: 3,
    fixture: 'tests/fixtures/pages/salesforce/opportunity.html',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view',
  },
  {
    bench: 'capture.hubspot',
    reader: 'hubspot',
    chrome: 'hubspot',
    target_ms: 5,
    target_ratio: 3,
    fixture: 'tests/fixtures/pages/hubspot/deal.html',
    url: 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210',
  },
  {
    bench: 'capture.pipedrive',
    reader: 'pipedrive',
    chrome: 'pipedrive',
    target_ms: 5,
    target_ratio: 3,
    fixture: 'tests/fixtures/pages/pipedrive/deal.html',
    url: 'https://acme.pipedrive.com/deal/123',
  },
  {
    bench: 'capture.gmail',
    reader: 'gmail',
    fixture: 'tests/fixtures/pages/gmail/large.ts',
    url: gmail.url,
    html: () => gmail.html,
    messages: gmail.messages,
    target_ms: 10,
    target_ratio: 3,
  },
  {
    bench: 'capture.outlook',
    reader: 'outlook',
    fixture: 'tests/fixtures/pages/outlook/large.ts',
    url: outlook.url,
    html: () => outlook.html,
    messages: outlook.messages,
    target_ms: 10,
    target_ratio: 3,
  },
];

async function main(): Promise<void> {
  const { bundlePage, launchBenchBrowser } = await import('./_browser');
  const RUNS = Number(process.env.BENCH_RUNS ?? 41);
  const root = resolve(import.meta.dirname, '..');
  const code = await bundlePage('capture-bench.ts', 'captureBench');
  const browser = await launchBenchBrowser();
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
      const saved = c.html ? c.html() : readFileSync(resolve(root, c.fixture), 'utf8');
      html = saved.replace('</body>', '<script src="/capture-bench.js"></script></body>');
      const page = await context.newPage();
      await page.goto(`https://bench.invalid/${c.reader}.html`);
      const r = await page.evaluate(
        ([reader, url, runs, chrome, messages]) =>
          (
            globalThis as unknown as {
              runCaptureBench: (r: string, u: string, n: number, o: { chrome: string | null; messages: number | null }) => {
                reads: number[];
                floors: number[];
                cleanFloors: number[];
                elements: number;
                chromeElements: number;
                fields?: number;
                messages?: number;
              };
            }
          ).runCaptureBench(reader as string, url as string, runs as number, { chrome: chrome as string | null, messages: messages as number | null }),
        [c.reader, c.url, RUNS, c.chrome ?? null, c.messages ?? null] as const,
      );
      console.log(
        benchLine(c.bench, r.reads, r.floors, {
          // Also in µs, unrounded: a CRM floor is well under a millisecond.
          median_us: Math.round(median(r.reads) * 1000),
          floor_us: Math.round(median(r.floors) * 10000) / 10,
          floor_before_reads_us: Math.round(median(r.cleanFloors) * 10000) / 10,
          fixture: c.fixture,
          ...(c.chrome ? { shell: `bench/_page/capture-chrome.ts ${c.chrome}`, shell_elements: r.chromeElements } : {}),
          elements: r.elements,
          ...(c.html ? { bytes: Buffer.byteLength(saved) } : {}),
          ...(r.fields !== undefined ? { fields: r.fields } : {}),
          ...(r.messages !== undefined ? { messages: r.messages } : {}),
          target_ms: c.target_ms,
          target_ratio: c.target_ratio,
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
