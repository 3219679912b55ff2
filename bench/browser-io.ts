/**
 * Benches `import.100k` and `export.100k`: the extension's own import and export code,
 * bundled with Vite and run in Debian's Chromium against its real IndexedDB. Each is printed
 * beside a floor measured in the same run:
 *   import.100k — floor: raw IndexedDB puts of the same records in one transaction;
 *   export.100k — floor: a bare getAll of the same records plus a bare join into lines;
 *   write.quicklog — one quick log on the imported book; floor: one raw put of an activity.
 * Set BENCH_ROWS / BENCH_RUNS to try other sizes.
 */
import { bundlePage, launchBenchBrowser } from './_browser';
import { benchLine } from './_stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const code = await bundlePage('io-bench.ts', 'ioBench');
const browser = await launchBenchBrowser();
try {
  const context = await browser.newContext();
  await context.route('https://bench.invalid/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('/io-bench.js')) return route.fulfill({ contentType: 'text/javascript', body: code });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><script src="/io-bench.js"></script>' });
  });
  const page = await context.newPage();
  await page.goto('https://bench.invalid/');
  const r = await page.evaluate(
    ([rows, runs]) => (globalThis as unknown as { runIoBench: (r: number, n: number) => Promise<Record<string, number[] | number>> }).runIoBench(rows!, runs!),
    [ROWS, RUNS],
  );
  const n = (k: string) => r[k] as number[];
  console.log(benchLine('import.100k', n('imports'), n('importFloors'), { rows: ROWS, target_ratio: 1.5, floor: 'raw IndexedDB puts, one transaction' }));
  console.log(benchLine('export.100k', n('exports'), n('exportFloors'), { rows: ROWS, bytes: r.exportBytes, target_ratio: 1.5, floor: 'bare getAll + join' }));
  console.log(benchLine('write.quicklog', n('quickLogs'), n('quickLogFloors'), { deals: ROWS, floor: 'one raw IndexedDB put of an activity' }));
} finally {
  await browser.close();
}
