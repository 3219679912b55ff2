/**
 * Shared by the Chromium benches: bundle a page script of the real lib/ code with Vite (one
 * IIFE, no network), and launch Debian's Chromium headless with the flags this closed machine
 * needs. Loaded lazily by each bench so `npm run bench -- kpi` pays for none of it.
 */
import { resolve } from 'node:path';

/** The page script at bench/_page/<file>, bundled as one IIFE exposing `name`. */
export async function bundlePage(file: string, name: string): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: resolve(import.meta.dirname, '_page', file), formats: ['iife'], name, fileName: name } },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: Array<{ type: string; code?: string }> };
  return first.output.find((o) => o.type === 'chunk')!.code!;
}

/** Debian's Chromium (or CHROME_PATH), headless, no background networking; gc() exposed so a bench can start each sample from a collected heap. */
export async function launchBenchBrowser() {
  const [{ chromium }, { findChrome }] = await Promise.all([import('playwright-core'), import('../tests/e2e/support/browser')]);
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: install it or set CHROME_PATH.');
  return chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--js-flags=--expose-gc'],
  });
}
