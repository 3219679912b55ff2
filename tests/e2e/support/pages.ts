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
}

export class OptionsPage {
  constructor(readonly page: Page) {}
  static async open(s: ExtensionSession) {
    return new OptionsPage(await s.open('options.html'));
  }
  async setLanguage(lang: 'auto' | 'en' | 'th') {
    await this.page.locator('#opt-language').selectOption(lang);
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
