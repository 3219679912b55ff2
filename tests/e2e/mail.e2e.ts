import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountSchema, contactSchema, dealSchema } from '../../lib/domain/records';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/browser';
import { dumpDatabase } from './support/idb';
import { OptionsPage, ThisPageFlow } from './support/pages';

const fixture = (p: string) => readFileSync(join(import.meta.dirname, '../fixtures/pages', p), 'utf8');
const T = Date.UTC(2026, 0, 5);

/** The customer as the AE already has it: the account (with its mail domain), one contact, an open deal and a won one. */
function book() {
  const deal = { accountId: 'acc-steel', currency: 'THB', probability: 0.5, forecastCategory: 'pipeline', createdAt: T, updatedAt: T };
  return {
    accounts: [accountSchema.parse({ id: 'acc-steel', name: 'Chonburi Steel', domains: ['chonburisteel.example'], createdAt: T, updatedAt: T })],
    contacts: [contactSchema.parse({ id: 'con-somchai', name: 'สมชาย ใจดี', emails: ['somchai@chonburisteel.example'], accountId: 'acc-steel', createdAt: T, updatedAt: T })],
    deals: [
      dealSchema.parse({ ...deal, id: 'deal-mes', name: 'Plant MES rollout', stage: 'Proposal', status: 'open', closeOn: '2026-09-30' }),
      dealSchema.parse({ ...deal, id: 'deal-old', name: 'Coil line 2024', stage: 'Closed Won', status: 'won', probability: 1, forecastCategory: 'commit', closeOn: '2024-06-30' }),
    ],
  };
}

interface MailCase {
  site: string;
  url: string;
  body: string;
  emails: number;
  people: string[];
  neverCapture: string[];
  hidden: string | null;
}

const CASES: MailCase[] = [
  {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw',
    body: fixture('gmail/thread.html'),
    emails: 5,
    people: ['somchai@chonburisteel.example', 'procurement@chonburisteel.example'],
    neverCapture: [],
    hidden: null,
  },
  {
    // A competitor on cc, on the never-capture list by domain.
    site: 'outlook',
    url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D',
    body: fixture('outlook/conversation.html').replaceAll('evil@chonburisteel.example', 'spy@rival.example'),
    emails: 3,
    people: ['somchai@chonburisteel.example', 'procurement@chonburisteel.example'],
    neverCapture: ['rival.example'],
    hidden: 'rival.example',
  },
];

let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('mail threads in the side panel', () => {
  it('the mail content scripts run at document_idle on the mail hosts only, with no new host permissions', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    const scripts = manifest.content_scripts as Array<{ matches: string[]; run_at: string }>;
    const mail = scripts.filter((s) => s.matches.some((m) => /mail\.google|outlook/.test(m)));
    expect(mail.flatMap((s) => s.matches).sort()).toEqual(['*://mail.google.com/*', '*://outlook.live.com/*', '*://outlook.office.com/*', '*://outlook.office365.com/*']);
    expect(mail.every((s) => s.run_at === 'document_idle')).toBe(true);
  });

  it('a Gmail page that is not a thread (the inbox): nothing is kept for the tab', async () => {
    const { context } = session;
    await context.route(/^https:\/\/mail\.google\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture('gmail/thread.html') }));
    const mail = await context.newPage();
    await mail.goto('https://mail.google.com/mail/u/0/#inbox');
    const probe = await session.open('sidepanel.html?tab=999999');
    await probe.getByTestId('this-page-none').waitFor();
    await mail.waitForTimeout(1500);
    expect(await probe.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).toEqual([]);
  });

  it.each(CASES)('$site: participants, account and deal shown; Log twice = once; the new contact created once', async (c) => {
    const { context } = session;
    // The mail app's real address answered from the saved page (no network).
    await context.route(/^https:\/\/(mail\.google\.com|outlook\.office\.com)\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: c.body }),
    );
    if (c.neverCapture.length) {
      const options = await OptionsPage.open(session);
      await options.setNeverCapture(c.neverCapture);
      await options.page.close();
    }
    const probe = await session.open('sidepanel.html');
    await ThisPageFlow.seed(probe, book());

    const mail = await context.newPage();
    await mail.goto(c.url);
    const tabId = await ThisPageFlow.tabIdOf(probe, c.url);
    await probe.close();

    const panel = await ThisPageFlow.openFor(session, tabId);
    await panel.thread.waitFor({ timeout: 15_000 });
    await expect.poll(() => panel.people.evaluateAll((els) => els.map((e) => e.getAttribute('data-email'))), { timeout: 15_000 }).toEqual(c.people);
    expect(await panel.page.getByTestId('this-page-account').textContent()).toContain('Chonburi Steel');
    const summary = panel.page.getByTestId('this-page-summary');
    expect(await summary.textContent()).toContain('1 known contact, 1 new');
    expect(await panel.page.getByTestId('this-page-deal').textContent()).toContain('Plant MES rollout');
    if (c.hidden) expect(await panel.section.textContent()).not.toContain(c.hidden);

    await panel.logThread();
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('2 known contacts, 0 new');
    await panel.logThread();

    const db = await dumpDatabase(panel.page);
    const emails = db.activities.filter((a) => a.kind === 'email');
    expect(emails).toHaveLength(c.emails);
    expect(new Set(emails.map((a) => a.provenance?.externalId)).size).toBe(c.emails);
    expect(emails.every((a) => a.dealId === 'deal-mes' && a.accountId === 'acc-steel' && a.provenance?.site === c.site)).toBe(true);
    expect(db.contacts.map((x) => x.emails[0]).sort()).toEqual(['procurement@chonburisteel.example', 'somchai@chonburisteel.example']);
    if (c.hidden) expect(JSON.stringify(db)).not.toContain(c.hidden);
  });

  it('capture by hand: a selection handed over by "Add to AE Cockpit" fills the paste box; a contact and a note are added', async () => {
    const probe = await session.open('sidepanel.html');
    await ThisPageFlow.seed(probe, book());
    const panel = await ThisPageFlow.openFor(session, 999999);
    await panel.page.getByTestId('this-page-none').waitFor();
    // What the context-menu click stores (the menu event's selectionText), as the background does.
    const selection = 'Thanks!\n\nBest regards,\nNok Wongsawat\nPlant Manager\nnok.w@chonburisteel.example\n+66 81 234 5678';
    await probe.evaluate((text) => chrome.storage.session.set({ pendingSelection: { text, at: Date.now() } }), selection);
    await expect.poll(() => panel.page.getByTestId('paste-text').inputValue(), { timeout: 10_000 }).toBe(selection);
    await panel.page.getByTestId('paste-as-contact').check();
    expect(await panel.page.getByTestId('paste-name').inputValue()).toBe('Nok Wongsawat');
    expect(await panel.page.getByTestId('paste-email').inputValue()).toBe('nok.w@chonburisteel.example');
    await panel.page.getByTestId('paste-account').selectOption('acc-steel');
    await panel.page.getByTestId('paste-add').click();
    await panel.page.getByTestId('toast').filter({ hasText: 'Added' }).last().waitFor();
    await panel.page.getByTestId('paste-text').fill('Budget approved for phase 1');
    await panel.page.getByTestId('paste-as-note').check();
    await panel.page.getByTestId('paste-deal').selectOption('deal-mes');
    await panel.page.getByTestId('paste-add').click();
    await expect.poll(async () => (await dumpDatabase(panel.page)).activities.length, { timeout: 10_000 }).toBe(1);
    const db = await dumpDatabase(panel.page);
    expect(db.contacts.find((x) => x.name === 'Nok Wongsawat')).toMatchObject({ emails: ['nok.w@chonburisteel.example'], phone: '+66812345678', title: 'Plant Manager', accountId: 'acc-steel' });
    expect(db.activities[0]).toMatchObject({ kind: 'note', dealId: 'deal-mes', notes: 'Budget approved for phase 1' });
    // Handed over once: the stored selection is gone.
    expect(await probe.evaluate(async () => (await chrome.storage.session.get('pendingSelection')).pendingSelection)).toBeUndefined();
  });
});
