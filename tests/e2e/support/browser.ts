import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

/** The Chromium to drive: CHROME_PATH, else the usual install paths. Never downloads one. */
export function findChrome(): string | null {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (e.g. 'sidepanel.html') in a new tab. */
  open(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Chromium with the built extension loaded, in a fresh profile. The flags keep
 * Chromium from reaching for the network (this machine has none) and from updating itself.
 */
export async function launchExtension(opts: { headless?: boolean; dir?: string; blockNetwork?: boolean } = {}): Promise<ExtensionSession> {
  const dir = opts.dir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium or Chrome found: install one, or set CHROME_PATH to its executable.');
  const profile = mkdtempSync(join(tmpdir(), 'ae-cockpit-profile-'));
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false, // the new headless mode is asked for by flag: the old one cannot load extensions
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
    viewport: { width: 420, height: 900 },
  });
  // Any request leaving the machine is a bug of the extension (or a test forgot a route).
  if (opts.blockNetwork ?? true) await context.route(/^https?:\/\//, (route: Route) => route.abort('blockedbyclient'));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async open(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
