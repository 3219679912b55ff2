import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './browser';

/** Page objects: selectors live here, test bodies speak in AE terms. */

export class SidePanelPage {
  constructor(readonly page: Page) {}
  static async open(s: ExtensionSession) {
    return new SidePanelPage(await s.open('sidepanel.html'));
  }
  get loadDemoButton(): Locator {
    return this.page.getByTestId('load-demo');
  }
  async loadDemo() {
    await this.loadDemoButton.click();
    await this.kpi('total_revenue').waitFor({ timeout: 30_000 });
  }
  kpi(id: string): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }
  async kpiValueText(id: string): Promise<string> {
    return (await this.kpi(id).getByTestId('kpi-value').textContent())?.trim() ?? '';
  }
  async selectPeriod(preset: string) {
    await this.page.getByTestId('period-select').selectOption(preset);
  }
  get actions(): Locator {
    return this.page.getByTestId('next-action');
  }
}

export class PopupPage {
  constructor(readonly page: Page) {}
  static async open(s: ExtensionSession) {
    return new PopupPage(await s.open('popup.html'));
  }
  /** Keyboard only, as an AE would: Alt+N picks the type, type to search, Enter picks, Enter saves. */
  async quickLog(opts: { kindShortcut?: 1 | 2 | 3 | 4; search?: string; notes?: string }) {
    // The search box has the focus as soon as the popup opens: no click needed.
    await this.page.getByTestId('log-search').waitFor();
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'log-search');
    if (opts.kindShortcut) await this.page.keyboard.press(`Alt+${opts.kindShortcut}`);
    if (opts.search) {
      await this.page.keyboard.type(opts.search);
      await this.page.getByRole('option').first().waitFor();
      await this.page.keyboard.press('Enter');
      await this.page.getByTestId('chosen-target').waitFor();
    }
    if (opts.notes) {
      await this.page.keyboard.press('Tab'); // outcome
      await this.page.keyboard.press('Tab'); // minutes
      await this.page.keyboard.press('Tab'); // notes
      await this.page.keyboard.type(opts.notes);
      await this.page.keyboard.press('Control+Enter');
    } else {
      await this.page.keyboard.press('Enter');
    }
    await this.page.getByTestId('toast').waitFor();
  }
  toast(): Locator {
    return this.page.getByTestId('toast');
  }
  /** popup.html with parameters (`tab=<id>`, `deal=<id>`), opened as a tab. */
  static async openWith(s: ExtensionSession, query: string) {
    return new PopupPage(await s.open(`popup.html?${query}`));
  }
  async ready() {
    await this.page.locator('[data-testid="quicklog"][data-ready="true"]').waitFor();
  }
  get chosenTarget(): Locator {
    return this.page.getByTestId('chosen-target');
  }
  get nextStepDue(): Locator {
    return this.page.getByTestId('next-step-due');
  }
  /** Only keys from the moment the popup opens: kind, target, then Tab through to the next step, Enter saves. */
  async logCallWithNextStep(opts: { search: string; notes: string; nextStep: string }) {
    await this.ready();
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'log-search');
    const k = this.page.keyboard;
    await k.press('Alt+1');
    await k.type(opts.search);
    await this.page.getByRole('option').first().waitFor();
    await k.press('Enter');
    await this.chosenTarget.waitFor();
    await k.press('Tab'); // outcome
    await k.press('ArrowDown'); // the first outcome of a call: connected
    await k.press('Tab'); // minutes
    await k.type('12');
    await k.press('Tab'); // notes
    await k.type(opts.notes);
    await k.press('Tab'); // timer
    await k.press('Tab'); // next step
    await k.type(opts.nextStep);
    await k.press('Enter');
    await this.toast().waitFor();
  }
}

export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(s: ExtensionSession) {
    return new OptionsPage(await s.open('options.html'));
  }
  async setLanguage(lang: 'auto' | 'en' | 'th') {
    await this.page.locator('#opt-language').selectOption(lang);
  }
  /** Options → Mail threads: the never-capture list (one entry a line), saved. */
  async setNeverCapture(entries: string[]) {
    await this.page.getByTestId('mail-never-capture').fill(entries.join('\n'));
    await this.page.getByTestId('mail-settings-save').click();
    await this.page.getByTestId('toast').filter({ hasText: 'Mail settings saved' }).last().waitFor();
  }
}

export class ImportFlow {
  constructor(readonly page: Page) {}
  async chooseFile(name: string, content: string | Buffer) {
    await this.page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
    await this.page.getByTestId('import-detected').waitFor();
  }
  async preview() {
    await this.page.getByTestId('import-preview').click();
    await this.page.getByTestId('import-plan').waitFor();
  }
  async planCounts() {
    const n = async (id: string) => Number(((await this.page.getByTestId(id).textContent()) ?? '').replace(/[^\d]/g, ''));
    return { creates: await n('plan-creates'), updates: await n('plan-updates'), rejects: await n('plan-rejects') };
  }
  async run() {
    await this.page.getByTestId('import-go').click();
    await this.page.getByTestId('toast').filter({ hasText: 'Imported' }).waitFor();
  }
  /** Clicks a download button and returns the file's text (as bytes, to see a BOM). */
  async download(testId: string): Promise<Buffer> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }
}

/** The side panel opened as a tab on one tab's capture (`sidepanel.html?tab=<id>`), and the CRM page it describes. */
export class ThisPageFlow {
  constructor(readonly page: Page) {}
  static async openFor(s: ExtensionSession, tabId: number) {
    return new ThisPageFlow(await s.open(`sidepanel.html?tab=${tabId}`));
  }
  /**
   * The browser's id of the tab showing `url`, as the background stored it with the tab's capture
   * (read from storage.session through an extension page; no "tabs" permission needed).
   */
  static async tabIdOf(extensionPage: Page, url: string, timeout = 20_000): Promise<number> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const id = await extensionPage.evaluate(async (u) => {
        const all = (await chrome.storage.session.get(null)) as Record<string, { tabId: number; capture?: { url: string } }>;
        return Object.values(all).find((v) => v?.capture?.url === u)?.tabId ?? null;
      }, url);
      if (id !== null) return id;
      if (Date.now() > deadline) throw new Error(`no capture stored for ${url}`);
      await extensionPage.waitForTimeout(200);
    }
  }
  get section(): Locator {
    return this.page.getByTestId('this-page');
  }
  get name(): Locator {
    return this.page.getByTestId('this-page-name');
  }
  get known(): Locator {
    return this.page.getByTestId('this-page-known');
  }
  /** Records put straight into the extension's IndexedDB (schema-valid ones: the test parses them first), once the app has created it. */
  static async seed(extensionPage: Page, records: Record<string, unknown[]>) {
    await extensionPage.evaluate(
      (records) =>
        new Promise<void>((resolve, reject) => {
          const tryOpen = (left: number) => {
            const req = indexedDB.open('ae-cockpit');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const db = req.result;
              const names = Object.keys(records);
              if (!names.every((n) => db.objectStoreNames.contains(n))) {
                db.close();
                if (left <= 0) return reject(new Error('the database has no stores yet'));
                return void setTimeout(() => tryOpen(left - 1), 200);
              }
              const tx = db.transaction(names, 'readwrite');
              for (const n of names) for (const r of records[n]!) tx.objectStore(n).put(r);
              tx.oncomplete = () => {
                db.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error);
            };
          };
          tryOpen(50);
        }),
      records,
    );
  }
  get thread(): Locator {
    return this.page.getByTestId('this-page-thread');
  }
  get people(): Locator {
    return this.page.getByTestId('this-page-person');
  }
  /** The thread view's Log, waiting for its toast. */
  async logThread() {
    await this.page.getByTestId('this-page-log').click();
    await this.page.getByTestId('toast').filter({ hasText: 'Logged' }).last().waitFor();
  }
  async save() {
    await this.page.getByTestId('this-page-save').click();
    await this.page.getByTestId('toast').filter({ hasText: 'Saved' }).last().waitFor();
  }
  /** In-page navigation as a single-page CRM does it: a pushState and a swap of the record area's content. */
  static async navigateInPage(crmPage: Page, url: string, container: string, html: string) {
    await crmPage.evaluate(
      ({ url, container, html }) => {
        history.pushState({}, '', url);
        const next = new DOMParser().parseFromString(html, 'text/html').querySelector(container);
        const here = document.querySelector(container);
        if (!next || !here) throw new Error(`no ${container}`);
        here.replaceChildren(...Array.from(next.childNodes).map((n) => document.importNode(n, true)));
      },
      { url, container, html },
    );
  }
}
