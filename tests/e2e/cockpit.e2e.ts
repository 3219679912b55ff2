import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/browser';
import { seriousViolations } from './support/axe';
import { OptionsPage, PopupPage, SidePanelPage } from './support/pages';

let session: ExtensionSession;

beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('the built extension', () => {
  it('has the side panel, popup, options page and background worker, and no permission it does not use', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.options_ui.page).toBe('options.html');
    expect(manifest.background.service_worker).toBe('background.js');
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'contextMenus', 'notifications', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.commands['open-side-panel']).toBeTruthy();
  });

  it('opens every page on an empty state that says what to do next', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemoButton.waitFor();
    expect(await panel.page.getByRole('heading', { name: 'Welcome to AE Cockpit' }).isVisible()).toBe(true);
    const popup = await PopupPage.open(session);
    await popup.page.getByTestId('load-demo').waitFor();
    const options = await OptionsPage.open(session);
    await options.page.getByTestId('data-counts').waitFor();
    expect(await options.page.getByTestId('data-counts').textContent()).toContain('0 deals');
    await Promise.all([panel.page.close(), popup.page.close(), options.page.close()]);
  });

  it('loads demo data, then a call logged in the popup shows in the open side panel without a reload', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemo();
    await panel.selectPeriod('this_month');
    const before = Number(await panel.kpi('calls_logged').getAttribute('data-value'));
    let reloaded = false;
    panel.page.on('load', () => (reloaded = true));

    const popup = await PopupPage.open(session);
    await popup.quickLog({ kindShortcut: 1, search: 'a', notes: 'Discussed renewal terms' });
    expect(await popup.toast().textContent()).toMatch(/logged/i);

    await expect
      .poll(async () => Number(await panel.kpi('calls_logged').getAttribute('data-value')), { timeout: 15_000 })
      .toBe(before + 1);
    expect(reloaded).toBe(false);
    await popup.page.close();
    await panel.page.close();
  });

  it('has no serious accessibility violations (axe-core) on the side panel, popup and options page', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.kpi('total_revenue').waitFor();
    const popup = await PopupPage.open(session);
    await popup.page.getByTestId('log-search').waitFor();
    const options = await OptionsPage.open(session);
    await options.page.getByTestId('data-counts').waitFor();
    for (const page of [panel.page, popup.page, options.page]) {
      expect(await seriousViolations(page), page.url()).toEqual([]);
    }
    // The check itself can fail: an unlabelled field is reported.
    await options.page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'text' })));
    expect((await seriousViolations(options.page)).map((v) => v.id)).toContain('label');
    await Promise.all([panel.page.close(), popup.page.close(), options.page.close()]);
  });

  it('the popup opens the side panel, and the keyboard command is registered', async () => {
    const worker = session.context.serviceWorkers()[0]!;
    const sidePanels = () =>
      worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length);
    expect(await sidePanels()).toBe(0);
    const popup = await PopupPage.open(session);
    await popup.page.getByTestId('log-search').waitFor();
    await popup.page.getByRole('button', { name: 'Open cockpit' }).click();
    await expect.poll(sidePanels, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => popup.page.isClosed()).toBe(true); // the popup gets out of the way
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'open-side-panel')?.shortcut).toBe('Alt+Shift+K');
  });

  it('the Firefox build declares the side panel as a sidebar', () => {
    const ff = JSON.parse(readFileSync(join(EXTENSION_DIR, '../firefox-mv2/manifest.json'), 'utf8'));
    expect(ff.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(ff.browser_action.default_popup).toBe('popup.html');
    expect(ff.permissions).not.toContain('sidePanel');
  });

  it('switches the whole UI to Thai from the options page, with Buddhist-era dates', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.kpi('total_revenue').waitFor();
    const options = await OptionsPage.open(session);
    await options.setLanguage('th');
    await expect.poll(() => panel.page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe('th');
    const range = (await panel.page.getByTestId('period-range').textContent()) ?? '';
    const year = new Date().getFullYear();
    expect(range).toContain(String(year + 543));
    await options.setLanguage('en');
    await options.page.close();
    await panel.page.close();
  });
});
