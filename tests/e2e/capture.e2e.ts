import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/browser';
import { dumpDatabase } from './support/idb';
import { ThisPageFlow } from './support/pages';

const fixture = (p: string) => readFileSync(join(import.meta.dirname, '../fixtures/pages', p), 'utf8');

interface SiteCase {
  site: string;
  url: string;
  file: string;
  name: string;
  counts: { deals: number; accounts: number; contacts: number };
  container: string;
  next: { url: string; file: string; name: string };
}

const CASES: SiteCase[] = [
  {
    site: 'salesforce',
    url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view',
    file: 'salesforce/opportunity.html',
    name: 'Acme Platform Renewal',
    counts: { deals: 1, accounts: 1, contacts: 2 },
    container: '.oneCenterStage',
    next: { url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000XyZaB/view', file: 'salesforce/opportunity-changed.html', name: 'Initech Pilot' },
  },
  {
    site: 'hubspot',
    url: 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210',
    file: 'hubspot/deal.html',
    name: 'Acme Platform Renewal',
    counts: { deals: 1, accounts: 1, contacts: 2 },
    container: '#hs_cos_wrapper',
    next: { url: 'https://app.hubspot.com/contacts/123456/record/0-2/777', file: 'hubspot/company.html', name: 'Acme Corporation' },
  },
  {
    site: 'pipedrive',
    url: 'https://acme.pipedrive.com/deal/123',
    file: 'pipedrive/deal.html',
    name: 'Acme Platform Renewal',
    counts: { deals: 1, accounts: 1, contacts: 2 },
    container: 'main#application',
    next: { url: 'https://acme.pipedrive.com/deal/124', file: 'pipedrive/deal-changed.html', name: 'Initech Pilot' },
  },
];

// Each test has its own browser profile: its own database and storage, so it passes alone.
let session: ExtensionSession;
beforeEach(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await session?.close();
});

describe('capture from CRM pages', () => {
  it('the manifest asks for no host access beyond the content scripts\' CRM hosts', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions).not.toContain('tabs');
    const matches = (manifest.content_scripts as Array<{ matches: string[]; run_at: string }>).flatMap((c) => c.matches).sort();
    expect(matches).toEqual(['*://*.lightning.force.com/*', '*://*.my.salesforce.com/*', '*://*.pipedrive.com/*', '*://app-eu1.hubspot.com/*', '*://app.hubspot.com/*', '*://mail.google.com/*', '*://outlook.live.com/*', '*://outlook.office.com/*', '*://outlook.office365.com/*']);
  });

  it.each(CASES)('$site: the panel shows the record, Save stores it once (twice = once), and in-page navigation is followed', async (c) => {
    const { context } = session;
    // The CRM's real address answered from the saved page (no network).
    await context.route(/^https:\/\/[^/]*(force\.com|salesforce\.com|hubspot\.com|pipedrive\.com)\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(c.file) }),
    );
    const crm = await context.newPage();
    await crm.goto(c.url);

    const probe = await session.open('sidepanel.html');
    const tabId = await ThisPageFlow.tabIdOf(probe, c.url);
    await probe.close();

    // (1) the panel, opened as a tab on that tab's capture, shows the record.
    const panel = await ThisPageFlow.openFor(session, tabId);
    await expect.poll(() => panel.name.textContent(), { timeout: 15_000 }).toBe(c.name);

    // (2) Save: one deal, account and contacts.
    await panel.save();
    const count = async () => {
      const db = await dumpDatabase(panel.page);
      return { deals: db.deals.length, accounts: db.accounts.length, contacts: db.contacts.length };
    };
    expect(await count()).toEqual(c.counts);
    const db = await dumpDatabase(panel.page);
    expect(db.deals[0]).toMatchObject({ name: c.name, provenance: { site: c.site, url: c.url } });

    // (3) Save again: still once.
    await expect.poll(() => panel.known.textContent(), { timeout: 10_000 }).toContain('up to date');
    await panel.save();
    expect(await count()).toEqual(c.counts);

    // (4) in-page navigation to another record: the panel follows.
    await ThisPageFlow.navigateInPage(crm, c.next.url, c.container, fixture(c.next.file));
    await expect.poll(() => panel.name.textContent(), { timeout: 15_000 }).toBe(c.next.name);
    expect(await panel.page.getByTestId('this-page-record').getAttribute('data-external-id')).not.toBe('');
  });

  it('a page of a CRM host that is not a record page: the panel says so, and nothing is stored', async () => {
    const { context } = session;
    await context.route(/^https:\/\/acme\.pipedrive\.com\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<main id="application"><h1>Pipeline</h1></main>' }));
    const crm = await context.newPage();
    await crm.goto('https://acme.pipedrive.com/pipeline');
    const probe = await session.open('sidepanel.html?tab=999999');
    await probe.getByTestId('this-page-none').waitFor();
    await crm.waitForTimeout(1000);
    expect(await probe.evaluate(async () => Object.keys(await chrome.storage.session.get(null)))).toEqual([]);
  });
});
