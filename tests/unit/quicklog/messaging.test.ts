/**
 * The popup's quick log end to end below the UI: the messaging client (what the popup bundles)
 * talking to the background's handlers (entrypoints/background/quicklog.ts) over the extension's
 * messaging, on fake-browser and Dexie on fake-indexeddb.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerQuickLog } from '../../../entrypoints/background/quicklog';
import { clearAll, getDb } from '../../../lib/db';
import { sendMessage } from '../../../lib/messaging/client';
import { quickLogClient as client } from '../../../lib/messaging/quicklog-client';
import { setCapture } from '../../../lib/platform/captures';
import { readDraft } from '../../../lib/platform/draft';
import { account, deal } from '../kpi/fixtures';

const NOW = Date.UTC(2026, 10, 26, 3);

beforeAll(() => registerQuickLog());
beforeEach(async () => {
  // Not fakeBrowser.reset(): it would drop the handlers registered above.
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.storage.local.clear();
  await clearAll(getDb());
  const db = getDb();
  await db.accounts.add(account({ id: 'acc-1', name: 'Siam Cement Digital', domains: ['scd.co.th'] }));
  await db.deals.add(
    deal({ id: 'deal-1', name: 'ERP rollout phase 2', accountId: 'acc-1', status: 'open', stage: 'Discovery', createdOn: null, closeOn: '2026-12-10', sourceKey: 'salesforce:006000000000001AAA' }),
  );
});

describe('the popup quick log over messaging', () => {
  it('settings come back validated (a stored bad field is reset and named)', async () => {
    await fakeBrowser.storage.local.set({ settings: { language: 'klingon' } });
    const { settings, problems } = await sendMessage('settings/get', {});
    expect(settings.language).toBe('auto');
    expect(problems.join(' ')).toMatch(/language/);
  });

  it('opens prefilled from the tab handed in, searches, logs with a next step, and undo takes it all back', async () => {
    await setCapture({
      tabId: 4, capturedAt: NOW,
      capture: { type: 'record', site: 'salesforce', kind: 'deal', url: 'https://x.lightning.force.com/x', externalId: '006000000000001AAA', fields: {}, raw: {}, people: [], missing: [] },
    });
    const opened = await client.open({ keepDraft: true, dealId: null, tabId: 4 });
    expect(opened.fromPage).toMatchObject({ by: 'sourceKey', target: { kind: 'deal', id: 'deal-1' } });

    const found = await client.search('erp', '2026-11-26', 'open-1');
    expect(found.map((t) => `${t.kind}:${t.id}`)).toEqual(['deal:deal-1']);
    expect((await client.search('siam', '2026-11-26', 'open-1')).map((t) => `${t.kind}:${t.id}`)).toEqual(['deal:deal-1', 'account:acc-1']);

    const result = await client.log({ kind: 'call', outcome: 'connected', durationMin: 5, dealId: 'deal-1', accountId: 'acc-1', nextStep: { text: 'Send the quote', due: '2026-11-30' } }, NOW);
    expect(await getDb().activities.count()).toBe(1);
    expect(await getDb().deals.get('deal-1')).toMatchObject({ nextStep: 'Send the quote', nextStepDue: '2026-11-30' });
    expect(await client.countDeals()).toBe(1);

    await client.undo(result, NOW + 1000);
    expect(await getDb().activities.count()).toBe(0);
    expect(await getDb().deals.get('deal-1')).toMatchObject({ nextStep: null, nextStepDue: null });
  });

  it('a log the background refuses writes nothing and says why', async () => {
    await expect(client.log({ kind: 'call', outcome: 'held', dealId: 'deal-1' }, NOW)).rejects.toThrow(/outcome/);
    await expect(sendMessage('quicklog/log', { input: { kind: 'call' }, now: -5 } as never)).rejects.toThrow(/now/);
    expect(await getDb().activities.count()).toBe(0);
  });

  it('an undo handed a result that is not one is refused, and nothing is deleted', async () => {
    await client.log({ kind: 'note', notes: 'kept', dealId: 'deal-1' }, NOW);
    await expect(sendMessage('quicklog/undo', { result: { activity: { id: '' } }, now: NOW } as never)).rejects.toThrow();
    expect(await getDb().activities.count()).toBe(1);
  });

  it('keeps a draft and a running timer in session storage, through the background', async () => {
    await client.saveDraft({ kind: 'call', target: null, outcome: '', duration: '', notes: 'half typed', nextStep: '', nextStepDue: '', stage: '', closeOn: '', newContactName: '', newContactEmail: '', newAccountName: '', newAccountDomain: '', savedAt: NOW });
    expect((await client.open({ keepDraft: true, dealId: null, tabId: null })).draft).toMatchObject({ notes: 'half typed' });
    await expect(sendMessage('quicklog/draft/save', { notes: 5 } as never)).rejects.toThrow();
    expect(await readDraft()).toMatchObject({ notes: 'half typed' });
    await client.discardDraft();
    expect(await readDraft()).toBeNull();

    expect(await client.startTimer(NOW)).toEqual({ startedAt: NOW, stoppedAt: null });
    expect(await client.stopTimer(NOW + 90_000)).toEqual({ startedAt: NOW, stoppedAt: NOW + 90_000 });
    expect((await client.open({ keepDraft: false, dealId: 'deal-1', tabId: null })).timer).toEqual({ startedAt: NOW, stoppedAt: NOW + 90_000 });
    await client.clearTimer();
    expect((await client.open({ keepDraft: false, dealId: 'deal-1', tabId: null })).timer).toBeNull();
  });
});

describe("the popup's first-run demo load over messaging", () => {
  it('the background loads the demo book and its exchange rates; a bad payload loads nothing', async () => {
    await clearAll(getDb());
    await expect(sendMessage('demo/load', { now: 'today' } as never)).rejects.toThrow();
    expect(await getDb().deals.count()).toBe(0);

    const counts = await sendMessage('demo/load', { now: NOW });
    expect(counts.deals).toBeGreaterThan(10);
    expect(await getDb().deals.count()).toBe(counts.deals);
    expect(await getDb().activities.count()).toBe(counts.activities);
    const { settings } = await sendMessage('settings/get', {});
    expect(settings.demoLoadedAt).toBe(NOW);
    expect(Object.keys(settings.fxRates).length).toBeGreaterThan(0);
  });

  it('is refused to a content script (a CRM page), and writes nothing', async () => {
    await clearAll(getDb());
    const message = { id: 1, type: 'demo/load', data: { now: NOW }, timestamp: NOW };
    const fromPage = { url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view', tab: { id: 3 } };
    // The listener's answer, as @webext-core/messaging sends it back: { err } for a refusal.
    const answer = await new Promise((respond) => void fakeBrowser.runtime.onMessage.trigger(message, fromPage as never, respond));
    expect(answer).toMatchObject({ err: { message: expect.stringMatching(/extension pages only/) } });
    expect(await getDb().deals.count()).toBe(0);
  });
});
