import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/browser';
import { dumpDatabase } from './support/idb';
import { PopupPage, SidePanelPage, ThisPageFlow } from './support/pages';

// Each test has its own profile: its own database, storage, alarms and badge.
let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

const worker = (): Worker => session.context.serviceWorkers()[0]!;
const badge = () => worker().evaluate(() => chrome.action.getBadgeText({}));
const localToday = (page: import('playwright-core').Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });

describe('the popup', () => {
  it('asks for alarms and notifications, and Alt+Shift+L opens it', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.permissions).toEqual(expect.arrayContaining(['alarms', 'notifications']));
    expect(manifest.commands._execute_action.suggested_key.default).toBe('Alt+Shift+L');
  });

  it('logs a call by keyboard alone; the open side panel shows it in calls_logged, and the deal has its next step', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemo();
    await panel.selectPeriod('this_month');
    const before = Number(await panel.kpi('calls_logged').getAttribute('data-value'));

    const popup = await PopupPage.open(session);
    await popup.logCallWithNextStep({ search: 'a', notes: 'Agreed on a pilot', nextStep: 'Send the pilot plan' });
    expect(await popup.toast().textContent()).toMatch(/Call logged on .+\. Next step due \d{4}-\d{2}-\d{2}\./);

    await expect.poll(async () => Number(await panel.kpi('calls_logged').getAttribute('data-value')), { timeout: 15_000 }).toBe(before + 1);
    const db = await dumpDatabase(popup.page);
    const logged = db.activities.find((a) => a.notes === 'Agreed on a pilot')!;
    expect(logged).toMatchObject({ kind: 'call', outcome: 'connected', durationMin: 12 });
    expect(db.deals.find((d) => d.id === logged.dealId)).toMatchObject({ nextStep: 'Send the pilot plan' });
  });

  it('on an empty book its first-run screen loads the demo through the background, then searches it', async () => {
    const popup = await PopupPage.open(session);
    await popup.ready();
    await popup.page.getByTestId('load-demo').click();
    await expect.poll(async () => (await popup.toast().textContent()) ?? '', { timeout: 15_000 }).toMatch(/demo/i);
    // The deals are counted again: the first-run screen goes, and the type-ahead finds demo deals.
    await popup.page.getByTestId('load-demo').waitFor({ state: 'detached' });
    const db = await dumpDatabase(popup.page);
    expect(db.deals.length).toBeGreaterThan(10);
    await popup.page.getByTestId('log-search').fill(db.deals[0]!.name.slice(0, 6));
    await popup.page.getByRole('option').first().waitFor();
  });

  it('the badge counts overdue next actions and follows a write and its undo', async () => {
    const popup = await PopupPage.open(session);
    await popup.ready();
    await expect.poll(badge, { timeout: 10_000 }).toBe('');
    // No deal yet: the next step becomes a task, due yesterday, so overdue at once.
    const yesterday = await popup.page.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await popup.page.getByTestId('next-step').fill('Call back');
    await popup.nextStepDue.fill(yesterday);
    await popup.page.getByTestId('next-step').press('Enter');
    await popup.toast().waitFor();
    await expect.poll(badge, { timeout: 15_000 }).toBe('1');
    await popup.toast().getByRole('button', { name: 'Undo' }).click();
    await expect.poll(badge, { timeout: 15_000 }).toBe('');
  });

  it('a next step falling due raises a notification (alarm scheduled, fired with a faked clock); clicking it opens the deal', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemo();
    const popup = await PopupPage.open(session);
    const today = await localToday(popup.page);
    await popup.ready();
    await popup.page.keyboard.type('a');
    await popup.page.getByRole('option').first().waitFor();
    await popup.page.keyboard.press('Enter');
    await popup.page.getByTestId('next-step').fill('Confirm the budget');
    await popup.nextStepDue.fill(today);
    await popup.page.getByTestId('next-step').press('Enter');
    await popup.toast().waitFor();
    const db = await dumpDatabase(popup.page);
    const deal = db.deals.find((d) => d.nextStep === 'Confirm the budget')!;
    const name = `reminder|deal:${deal.id}:${today}`;

    // The write signal re-planned the alarms: this one is set (or, past 09:00, already fired).
    await expect
      .poll(
        () =>
          worker().evaluate(async (n) => {
            const alarm = await chrome.alarms.get(n);
            const { reminderState } = (await chrome.storage.local.get('reminderState')) as { reminderState?: { fired: Record<string, number> } };
            return !!alarm || !!reminderState?.fired[n.slice('reminder|'.length)];
          }, name),
        { timeout: 15_000 },
      )
      .toBe(true);

    // The alarm handler, as the alarm would call it at 09:00 (a faked clock: we call it now).
    await worker().evaluate(async (n) => {
      const hooks = (globalThis as unknown as { aeCockpitReminders: { fire(n: string): Promise<void> } }).aeCockpitReminders;
      const key = n.slice('reminder|'.length);
      // Forget a firing that happened on its own (past 09:00), so the handler runs here.
      const s = ((await chrome.storage.local.get('reminderState')) as { reminderState: { fired: Record<string, number>; snoozed: Record<string, number> } }).reminderState;
      delete s.fired[key];
      await chrome.storage.local.set({ reminderState: s });
      await chrome.notifications.clear(n);
      await hooks.fire(n);
    }, name);
    await expect.poll(() => worker().evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 10_000 }).toContain(name);

    const opened = session.context.waitForEvent('page', { timeout: 15_000 });
    await worker().evaluate((n) => (globalThis as unknown as { aeCockpitReminders: { click(n: string): Promise<void> } }).aeCockpitReminders.click(n), name);
    const page = await opened;
    expect(page.url()).toContain(`sidepanel.html?deal=${encodeURIComponent(deal.id)}`);
    expect(await page.evaluate(async () => (await chrome.storage.session.get('openDeal')).openDeal)).toMatchObject({ dealId: deal.id });
    expect(await worker().evaluate(async () => Object.keys(await chrome.notifications.getAll()))).not.toContain(name);
  });

  it('opens prefilled from the CRM page in view (the tab\'s stored capture)', async () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view';
    await session.context.route(/^https:\/\/[^/]*force\.com\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(import.meta.dirname, '../fixtures/pages/salesforce/opportunity.html'), 'utf8') }),
    );
    const crm = await session.context.newPage();
    await crm.goto(url);
    const probe = await session.open('sidepanel.html');
    const tabId = await ThisPageFlow.tabIdOf(probe, url);
    await probe.close();

    // Not in the book yet: the account is proposed to add.
    let popup = await PopupPage.openWith(session, `tab=${tabId}`);
    await popup.ready();
    expect(await popup.page.getByTestId('from-page').textContent()).toContain('Not in your book yet');
    expect(await popup.page.getByTestId('new-account-name').inputValue()).not.toBe('');
    await popup.page.close();

    // Saved from the panel: the popup finds the deal by its CRM id, and Enter logs on it.
    const panel = await ThisPageFlow.openFor(session, tabId);
    await expect.poll(() => panel.name.textContent(), { timeout: 15_000 }).toBe('Acme Platform Renewal');
    await panel.save();
    popup = await PopupPage.openWith(session, `tab=${tabId}`);
    await popup.ready();
    expect(await popup.chosenTarget.textContent()).toContain('Acme Platform Renewal');
    expect(await popup.page.getByTestId('from-page').textContent()).toContain('Found by the CRM record');
    await popup.page.keyboard.press('Enter');
    await popup.toast().waitFor();
    const db = await dumpDatabase(popup.page);
    expect(db.activities.filter((a) => a.dealId === db.deals[0]!.id)).toHaveLength(1);
  });
});
