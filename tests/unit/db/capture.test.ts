// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCrmPage } from '../../../lib/capture/crm';
import type { PageCapture, RecordCapture } from '../../../lib/capture/schema';
import { CockpitDB, InvalidWriteError, checkBook, readBook } from '../../../lib/db';
import { buyingRoleOf, LEAD_NO_CREATED_ON, planCapture, saveCapture, saveManualRecord } from '../../../lib/db/capture';
import { editDeal } from '../../../lib/db/deals';
import { dealSchema, type Deal, type Lead } from '../../../lib/domain/records';
import { defaultSettings } from '../../../lib/settings/schema';

const SF_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view';
const NOW = Date.UTC(2026, 2, 1, 9, 0);
const read = (file: string, url: string) =>
  readCrmPage(new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${file}`, 'utf8'), 'text/html'), new URL(url))!;

let db: CockpitDB;
beforeEach(async () => {
  db = new CockpitDB(`capture-${Math.random()}`);
  await db.open();
});

const counts = async () => ({ deals: await db.deals.count(), accounts: await db.accounts.count(), contacts: await db.contacts.count() });
const LEAD_URL = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LeAdS/view';

function dealCapture(over: Partial<RecordCapture> & { fields?: RecordCapture['fields'] } = {}): RecordCapture {
  return {
    type: 'record',
    site: 'pipedrive',
    kind: 'deal',
    url: 'https://acme.pipedrive.com/deal/123',
    externalId: '123',
    raw: {},
    people: [],
    missing: [],
    ...over,
    fields: { name: 'Acme Renewal', accountName: 'Acme Corporation', accountExternalId: '321', amountMinor: 840000, currency: 'EUR', stage: 'Proposal Made', closeOn: '2026-03-25', ...over.fields },
  };
}

describe('saveCapture', () => {
  it('creates the deal, account and contacts from a Salesforce page, linked, with roles, provenance and sourceKey', async () => {
    const capture = read('salesforce/opportunity.html', SF_URL);
    const r = await saveCapture(db, capture, NOW);
    expect(r.created).toBe(4);
    const book = await readBook(db);
    expect(checkBook(book).invalid).toEqual([]);
    const [deal] = book.deals;
    const [account] = book.accounts;
    expect(deal).toMatchObject({
      name: 'Acme Platform Renewal',
      accountId: account!.id,
      amountMinor: 840000,
      currency: 'EUR',
      stage: 'Negotiation/Review',
      status: 'open',
      probability: 0.9, // the page's, not the stage rule's 0.8
      forecastCategory: 'commit',
      closeOn: '2026-03-25',
      createdOn: '2026-03-02', // the page's Created By date, never the capture day
      sourceKey: 'salesforce:0065g00000AbCdEAAV',
      provenance: { site: 'salesforce', url: SF_URL, externalId: '0065g00000AbCdEAAV', capturedAt: NOW },
    });
    expect(account).toMatchObject({ name: 'Acme Corporation', sourceKey: 'salesforce:0015g00000QrStUAAV' });
    const byName = Object.fromEntries(book.contacts.map((c) => [c.name, c]));
    expect(byName['Jane Doe']).toMatchObject({ emails: ['jane.doe@acme.example'], buyingRole: 'decision_maker', title: 'VP Finance', accountId: account!.id });
    expect(byName['Raj Patel']).toMatchObject({ buyingRole: 'influencer', accountId: account!.id });
    expect(book.dealHistory).toEqual([]);
  });

  it('saving twice, or again after another record, leaves one of each', async () => {
    const a = read('salesforce/opportunity.html', SF_URL);
    await saveCapture(db, a, NOW);
    const again = await saveCapture(db, a, NOW + 1000);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    await saveCapture(db, dealCapture(), NOW + 2000);
    await saveCapture(db, a, NOW + 3000);
    expect(await counts()).toEqual({ deals: 2, accounts: 2, contacts: 2 });
  });

  it('a 15-character Salesforce id stored by an export is the same record as the page\'s 18-character one', async () => {
    const capture = read('salesforce/opportunity.html', SF_URL);
    await saveCapture(db, capture, NOW);
    const [deal] = await db.deals.toArray();
    await db.deals.update(deal!.id, { sourceKey: 'salesforce:0065g00000AbCdE' });
    await saveCapture(db, capture, NOW + 1);
    expect(await db.deals.count()).toBe(1);
    expect((await db.deals.get(deal!.id))!.sourceKey).toBe('salesforce:0065g00000AbCdE'); // the export's key stays, so re-imports still match
  });

  it('matches stored records by email, domain and exact name when there is no CRM id', async () => {
    await db.contacts.add({ id: 'c1', createdAt: 1, updatedAt: 1, name: 'J. Doe', emails: ['Jane.Doe@ACME.example'], phone: null, title: null, accountId: null, buyingRole: null, notes: '', provenance: null, sourceKey: null });
    await db.accounts.add({ id: 'a1', createdAt: 1, updatedAt: 1, name: 'Acme  Corporation', domains: [], industry: null, territory: null, isTarget: false, customerSince: null, churnedOn: null, potentialMinor: null, potentialCurrency: null, notes: '', provenance: null, sourceKey: null, lastTouchAt: null });
    const capture = dealCapture({ people: [{ name: 'Jane Doe', email: 'jane.doe@acme.example', role: 'Champion', title: null, externalId: null }] });
    const plan = await planCapture(db, capture, NOW);
    expect(plan.account).toMatchObject({ action: 'unchanged', matchedBy: 'name', before: { id: 'a1' } });
    expect(plan.contacts[0]).toMatchObject({ matchedBy: 'email' });
    // The stored contact's name differs and has no capture baseline: asked, not overwritten.
    expect(plan.conflicts.map((c) => c.key)).toEqual(['contacts:c1:name']);
    await saveCapture(db, capture, NOW);
    expect(await counts()).toEqual({ deals: 1, accounts: 1, contacts: 1 });
    expect(await db.contacts.get('c1')).toMatchObject({ name: 'J. Doe', buyingRole: 'champion', accountId: 'a1' });
    expect((await db.accounts.get('a1'))!.name).toBe('Acme  Corporation'); // same nameKey: not a conflict, not rewritten

    await db.accounts.add({ ...(await db.accounts.get('a1'))!, id: 'a2', name: 'Other name', domains: ['initech.example'], sourceKey: null });
    const acct: RecordCapture = { ...dealCapture(), kind: 'account', url: 'https://acme.pipedrive.com/organization/9', externalId: '9', fields: { name: 'Initech', website: 'https://www.initech.example/about' } };
    expect((await planCapture(db, acct, NOW)).account).toMatchObject({ matchedBy: 'domain', before: { id: 'a2' } });
  });

  it('an AE edit is kept until the AE decides; "use CRM" takes the page, "keep mine" is not asked again', async () => {
    await saveCapture(db, dealCapture(), NOW);
    const [deal] = await db.deals.toArray();
    await db.deals.update(deal!.id, { amountMinor: 900000 }); // the AE's own figure

    // The page shows the same as last time: no question, the AE's value stays.
    expect((await planCapture(db, dealCapture(), NOW)).conflicts).toEqual([]);

    // The CRM moves: a conflict, the AE's value kept while unsettled, asked again next time.
    const moved = dealCapture({ fields: { amountMinor: 1000000 } });
    const plan = await planCapture(db, moved, NOW);
    expect(plan.conflicts).toEqual([expect.objectContaining({ key: `deals:${deal!.id}:amountMinor`, crm: 1000000, mine: 900000, decision: null })]);
    const r = await saveCapture(db, moved, NOW + 1);
    expect(r.unsettled).toHaveLength(1);
    expect((await db.deals.get(deal!.id))!.amountMinor).toBe(900000);
    expect((await planCapture(db, moved, NOW)).conflicts).toHaveLength(1);

    await saveCapture(db, moved, NOW + 2, { [`deals:${deal!.id}:amountMinor`]: 'mine' });
    expect((await db.deals.get(deal!.id))!.amountMinor).toBe(900000);
    expect((await planCapture(db, moved, NOW)).conflicts).toEqual([]);

    const again = dealCapture({ fields: { amountMinor: 1100000 } });
    const key = `deals:${deal!.id}:amountMinor`;
    expect((await planCapture(db, again, NOW)).conflicts.map((c) => c.key)).toEqual([key]);
    await saveCapture(db, again, NOW + 3, { [key]: 'crm' });
    expect((await db.deals.get(deal!.id))!.amountMinor).toBe(1100000);
  });

  it('a captured change of stage, amount or close date enters the deal history; unchanged fields stay', async () => {
    await saveCapture(db, dealCapture(), NOW);
    const changed = dealCapture({ fields: { stage: 'Negotiations Started', amountMinor: 900000, closeOn: '2026-04-30' } });
    await saveCapture(db, changed, NOW + 10);
    const [deal] = await db.deals.toArray();
    expect(deal).toMatchObject({ stage: 'Negotiations Started', probability: 0.8, forecastCategory: 'commit', amountMinor: 900000, closeOn: '2026-04-30' });
    const h = await db.dealHistory.toArray();
    expect(h.map((x) => [x.field, x.from, x.to, x.source]).sort()).toEqual(
      [
        ['amountMinor', 840000, 900000, 'capture'],
        ['closeOn', '2026-03-25', '2026-04-30', 'capture'],
        ['forecastCategory', 'best_case', 'commit', 'capture'],
        ['probability', 0.6, 0.8, 'capture'],
        ['stage', 'Proposal Made', 'Negotiations Started', 'capture'],
      ].sort(),
    );
    // A page showing less (another layout) never blanks what is stored.
    await saveCapture(db, dealCapture({ fields: { amountMinor: undefined, closeOn: undefined } } as never), NOW + 20);
    expect(await db.deals.get(deal!.id)).toMatchObject({ amountMinor: 900000, closeOn: '2026-04-30' });
  });

  it('won from the stage rules; reporting currency only when the page shows no amount', async () => {
    const won = dealCapture({ externalId: '5', fields: { stage: 'Won', amountMinor: undefined, currency: undefined } } as never);
    const plan = await planCapture(db, won, NOW, {}, { ...defaultSettings(), reportingCurrency: 'THB' });
    expect(plan.currencyFromSettings).toBe(true);
    await saveCapture(db, won, NOW, {}, { ...defaultSettings(), reportingCurrency: 'THB' });
    expect(await db.deals.get((await db.deals.toArray())[0]!.id)).toMatchObject({ status: 'won', probability: 1, currency: 'THB', amountMinor: null });

    const noCurrency = dealCapture({ externalId: '6', fields: { name: 'Other deal', currency: undefined } } as never);
    await expect(saveCapture(db, noCurrency, NOW)).rejects.toMatchObject({ table: 'deals', problems: [{ field: 'currency' }] });
  });

  it('an invalid capture is refused with nothing written', async () => {
    const bad = dealCapture({ fields: { name: 'x'.repeat(301) } });
    await expect(saveCapture(db, bad, NOW)).rejects.toBeInstanceOf(InvalidWriteError);
    await expect(saveCapture(db, bad, NOW)).rejects.toMatchObject({ table: 'deals', problems: [expect.objectContaining({ field: 'name' })] });
    const noStage = dealCapture({ fields: { stage: undefined } } as never);
    await expect(saveCapture(db, noStage, NOW)).rejects.toMatchObject({ table: 'deals', problems: [{ field: 'stage', message: 'the page shows no stage' }] });
    expect(await counts()).toEqual({ deals: 0, accounts: 0, contacts: 0 });
    // A mail thread is shown, not saved.
    const thread: PageCapture = { type: 'thread', site: 'gmail', url: 'https://mail.google.com/', externalId: null, subject: '', selfEmail: null, messages: [], missing: [] };
    await expect(saveCapture(db, thread, NOW)).rejects.toMatchObject({ table: 'capture' });
    expect(await counts()).toEqual({ deals: 0, accounts: 0, contacts: 0 });
  });

  it('HubSpot and Pipedrive pages save too; a contact page links its account', async () => {
    await saveCapture(db, read('hubspot/deal.html', 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210'), NOW);
    await saveCapture(db, read('pipedrive/deal.html', 'https://acme.pipedrive.com/deal/123'), NOW);
    // Records another CRM id claims are not matched by name; people are, by email.
    expect(await counts()).toEqual({ deals: 2, accounts: 2, contacts: 2 });
    // Nor by the same CRM under another id.
    await saveCapture(db, read('pipedrive/deal.html', 'https://acme.pipedrive.com/deal/124'), NOW);
    expect(await counts()).toEqual({ deals: 3, accounts: 2, contacts: 2 });
    const contact: RecordCapture = { ...dealCapture(), kind: 'contact', url: 'https://acme.pipedrive.com/person/77', externalId: '77', fields: { name: 'Kim Lee', accountName: 'Globex', emails: ['kim@globex.example'], title: 'CTO' } };
    await saveCapture(db, contact, NOW);
    const kim = (await db.contacts.toArray()).find((c) => c.name === 'Kim Lee')!;
    const globex = (await db.accounts.toArray()).find((a) => a.name === 'Globex')!;
    expect(kim).toMatchObject({ accountId: globex.id, emails: ['kim@globex.example'], title: 'CTO', sourceKey: 'pipedrive:77' });
  });

  describe('lead pages', () => {
    const storedLead = (over: Partial<Lead> = {}): Lead => ({
      id: 'l1', createdAt: 1, updatedAt: 1, name: 'Old Name', company: 'Old Co', email: null, source: 'Web', createdOn: '2025-11-03',
      qualifiedOn: null, disqualifiedOn: null, convertedDealId: null, convertedOn: null, provenance: null, sourceKey: null, ...over,
    });

    it('a new lead is created with the created date its page shows', async () => {
      const capture = read('salesforce/lead.html', LEAD_URL);
      expect(capture.fields.createdOn).toBe('2026-01-14');
      const plan = await planCapture(db, capture, NOW);
      expect(plan.problems).toEqual([]);
      const r = await saveCapture(db, capture, NOW);
      expect(r).toMatchObject({ created: 1 });
      expect(await db.leads.get(r.leadId!)).toMatchObject({ name: capture.fields.name, createdOn: '2026-01-14', sourceKey: `salesforce:${capture.externalId}` });
    });

    it('a lead the book does not have is refused when its page does not say when it was created: no date is invented', async () => {
      const shown = read('salesforce/lead.html', LEAD_URL);
      const { createdOn: _, ...fields } = shown.fields;
      const capture = { ...shown, fields, missing: [...shown.missing, 'createdOn'] } as typeof shown;
      expect(capture.kind).toBe('lead');
      const plan = await planCapture(db, capture, NOW);
      expect(plan).toMatchObject({ supported: true, deal: null, account: null, contacts: [], lead: { action: 'create', matchedBy: null } });
      expect(plan.problems).toEqual([{ table: 'leads', field: 'createdOn', message: LEAD_NO_CREATED_ON }]);
      await expect(saveCapture(db, capture, NOW)).rejects.toMatchObject({ table: 'leads', problems: [{ field: 'createdOn', message: LEAD_NO_CREATED_ON }] });
      expect(await db.leads.count()).toBe(0);
      expect(await counts()).toEqual({ deals: 0, accounts: 0, contacts: 0 });
    });

    it('a stored lead (imported with its created date) is updated by its CRM id, 15 or 18 characters; saving twice = once', async () => {
      const capture = read('salesforce/lead.html', LEAD_URL);
      // As a lead report import stores it: same name, no company, no email yet.
      await db.leads.add(storedLead({ name: capture.fields.name!, company: null, createdOn: capture.fields.createdOn!, sourceKey: 'salesforce:00Q5g00000LeAdS' }));
      const plan = await planCapture(db, capture, NOW);
      expect(plan.problems).toEqual([]);
      expect(plan.conflicts).toEqual([]);
      expect(plan.lead).toMatchObject({ action: 'update', matchedBy: 'externalId' });
      const r = await saveCapture(db, capture, NOW);
      expect(r).toMatchObject({ leadId: 'l1', dealId: null, accountId: null, contactIds: [], created: 0, updated: 1 });
      const lead = (await db.leads.get('l1'))!;
      expect(lead).toMatchObject({
        name: capture.fields.name,
        company: capture.fields.accountName ?? 'Old Co',
        createdOn: '2026-01-14', // the import's, which the page agrees with; never the capture day
        source: 'Web',
        sourceKey: 'salesforce:00Q5g00000LeAdS', // the export's key stays
        provenance: { site: 'salesforce', url: LEAD_URL, externalId: capture.externalId, capturedAt: NOW },
      });
      if (capture.fields.emails?.[0]) expect(lead.email).toBe(capture.fields.emails[0].toLowerCase());
      expect(await saveCapture(db, capture, NOW + 1000)).toMatchObject({ created: 0, updated: 0, leadId: 'l1' });
      expect(await db.leads.count()).toBe(1);
      expect(await counts()).toEqual({ deals: 0, accounts: 0, contacts: 0 });
    });

    it('matches by email without an id, never by name alone; AE edits are asked about; the page source is taken', async () => {
      const capture: RecordCapture = {
        ...dealCapture(), site: 'salesforce', kind: 'lead', url: LEAD_URL, externalId: '00Q5g00000LeAdSEAV',
        raw: { 'Lead Source': 'Trade Show' }, fields: { name: 'Pat Lee', accountName: 'Initech', emails: ['Pat@Initech.example'] },
      };
      await db.leads.bulkAdd([storedLead({ id: 'byName', name: 'Pat Lee', email: null }), storedLead({ id: 'byMail', name: 'P. Lee', company: null, email: 'pat@initech.example' })]);
      const plan = await planCapture(db, capture, NOW);
      expect(plan.lead).toMatchObject({ matchedBy: 'email', before: { id: 'byMail' } });
      expect(plan.conflicts.map((c) => c.key)).toEqual(['leads:byMail:name', 'leads:byMail:source']);
      await saveCapture(db, capture, NOW, { 'leads:byMail:source': 'crm' });
      expect(await db.leads.get('byMail')).toMatchObject({ name: 'P. Lee', company: 'Initech', email: 'pat@initech.example', source: 'Trade Show', sourceKey: 'salesforce:00Q5g00000LeAdSEAV', createdOn: '2025-11-03' });
      expect(await db.leads.get('byName')).toMatchObject({ name: 'Pat Lee', sourceKey: null });
      // Found by its id now; the name question stays open, and nothing new is created.
      expect((await planCapture(db, capture, NOW)).lead).toMatchObject({ matchedBy: 'externalId', action: 'unchanged' });
      expect(await db.leads.count()).toBe(2);
    });

    it('an invalid lead capture writes nothing', async () => {
      await db.leads.add(storedLead({ sourceKey: 'salesforce:00Q5g00000LeAdSEAV' }));
      const bad: RecordCapture = { ...dealCapture(), site: 'salesforce', kind: 'lead', url: LEAD_URL, externalId: '00Q5g00000LeAdSEAV', raw: { 'Lead Source': 'x'.repeat(201) }, fields: { name: 'Pat Lee' } };
      await expect(saveCapture(db, bad, NOW, { 'leads:l1:source': 'crm', 'leads:l1:name': 'crm' })).rejects.toMatchObject({ table: 'leads', problems: [expect.objectContaining({ field: 'source' })] });
      expect(await db.leads.get('l1')).toMatchObject({ name: 'Old Name', source: 'Web', provenance: null });
    });
  });

  it('maps role words to buying roles and leaves unknown words unmapped', () => {
    expect(['Decision Maker', 'Economic Buyer', 'Champion', 'Influencer', 'End User', 'User', 'Blocker', 'Responsable de la toma de decisiones', 'Other', null].map(buyingRoleOf)).toEqual([
      'decision_maker', 'decision_maker', 'champion', 'influencer', 'user', 'user', 'blocker', 'decision_maker', null, null,
    ]);
  });

  it('a record entered by hand', async () => {
    const id = await saveManualRecord(db, { kind: 'deal', name: ' Walk-in ', stage: 'Qualification' }, NOW);
    expect(await db.deals.get(id)).toMatchObject({ name: 'Walk-in', stage: 'Qualification', status: 'open', probability: 0.2, currency: 'THB', provenance: { site: 'manual' } });
    await expect(saveManualRecord(db, { kind: 'account', name: '' }, NOW)).rejects.toBeInstanceOf(InvalidWriteError);
  });

  describe('status, probability and forecast category from the CRM stage', () => {
    const key = (id: string, field: string) => `deals:${id}:${field}`;
    const stage = (name: string, more: RecordCapture['fields'] = {}) => dealCapture({ fields: { stage: name, ...more } });
    const history = async (id: string) => (await db.dealHistory.where('dealId').equals(id).toArray()).map((h) => [h.field, h.from, h.to, h.source]).sort();
    const captured = async (id: string) => (await db.deals.get(id))!.provenance!.captured!;
    async function firstCapture() {
      await saveCapture(db, dealCapture(), NOW);
      const [deal] = await db.deals.toArray();
      return deal!.id;
    }

    it('the baseline records the derived values; an AE probability is asked about when the stage moves, the rest follows the CRM', async () => {
      const id = await firstCapture();
      expect(await captured(id)).toMatchObject({ stage: 'Proposal Made', status: 'open', probability: 0.6, forecastCategory: 'best_case' });
      await editDeal(db, id, { probability: 0.75 }, NOW + 1);

      // The page shows the same stage: nothing to say about the AE's probability.
      expect((await planCapture(db, dealCapture(), NOW + 2)).conflicts).toEqual([]);

      const moved = stage('Negotiations Started');
      expect((await planCapture(db, moved, NOW + 2)).conflicts).toEqual([expect.objectContaining({ key: key(id, 'probability'), crm: 0.8, mine: 0.75, decision: null })]);
      const r = await saveCapture(db, moved, NOW + 2);
      expect(r.unsettled.map((c) => c.key)).toEqual([key(id, 'probability')]);
      expect(await db.deals.get(id)).toMatchObject({ stage: 'Negotiations Started', probability: 0.75, forecastCategory: 'commit' });
      expect((await history(id)).filter((h) => h[3] === 'capture')).toEqual([
        ['forecastCategory', 'best_case', 'commit', 'capture'],
        ['stage', 'Proposal Made', 'Negotiations Started', 'capture'],
      ]);
      // Unsettled: asked again on the next capture, though the stage no longer moves.
      expect((await planCapture(db, moved, NOW + 3)).conflicts.map((c) => c.key)).toEqual([key(id, 'probability')]);

      // "Keep mine" sticks while the CRM says the same...
      await saveCapture(db, moved, NOW + 3, { [key(id, 'probability')]: 'mine' });
      expect((await db.deals.get(id))!.probability).toBe(0.75);
      expect((await planCapture(db, moved, NOW + 4)).conflicts).toEqual([]);
      expect(await saveCapture(db, moved, NOW + 4)).toMatchObject({ updated: 0, unsettled: [] });

      // ...and is asked again when the CRM's value changes; "use CRM" takes it, in the history.
      const back = stage('Demo Scheduled');
      expect((await planCapture(db, back, NOW + 5)).conflicts).toEqual([expect.objectContaining({ key: key(id, 'probability'), crm: 0.4, mine: 0.75 })]);
      await saveCapture(db, back, NOW + 5, { [key(id, 'probability')]: 'crm' });
      expect(await db.deals.get(id)).toMatchObject({ stage: 'Demo Scheduled', probability: 0.4, forecastCategory: 'pipeline' });
      expect(await history(id)).toContainEqual(['probability', 0.75, 0.4, 'capture']);
      expect(await captured(id)).toMatchObject({ stage: 'Demo Scheduled', probability: 0.4, forecastCategory: 'pipeline' });
    });

    it('an AE forecast category is asked about, also when edited outside the history', async () => {
      const id = await firstCapture();
      await db.deals.update(id, { forecastCategory: 'commit' });
      const plan = await planCapture(db, stage('Demo Scheduled'), NOW + 1);
      expect(plan.conflicts).toEqual([expect.objectContaining({ key: key(id, 'forecastCategory'), crm: 'pipeline', mine: 'commit' })]);
      await saveCapture(db, stage('Demo Scheduled'), NOW + 1);
      expect(await db.deals.get(id)).toMatchObject({ probability: 0.4, forecastCategory: 'commit' });
    });

    it('a deal the AE marked won stays won while the CRM still says open; a CRM loss is asked about', async () => {
      const id = await firstCapture();
      await editDeal(db, id, { status: 'won', probability: 1, forecastCategory: 'commit' }, NOW + 1);
      // The CRM's status did not change (open, as last read): no question, and the won deal
      // keeps its probability and forecast (not the open stage's 0.8).
      const moved = stage('Negotiations Started');
      expect((await planCapture(db, moved, NOW + 2)).conflicts).toEqual([]);
      await saveCapture(db, moved, NOW + 2);
      expect(await db.deals.get(id)).toMatchObject({ stage: 'Negotiations Started', status: 'won', probability: 1, forecastCategory: 'commit' });

      const lost = stage('Lost');
      expect((await planCapture(db, lost, NOW + 3)).conflicts).toEqual([expect.objectContaining({ key: key(id, 'status'), crm: 'lost', mine: 'won' })]);
      await saveCapture(db, lost, NOW + 3);
      expect((await db.deals.get(id))!.status).toBe('won');
      // Taking the CRM's status brings its probability and forecast to the question too (the AE set them).
      const decided = { [key(id, 'status')]: 'crm' } as const;
      expect((await planCapture(db, lost, NOW + 4, decided)).conflicts.map((c) => [c.field, c.crm, c.mine])).toEqual([
        ['status', 'lost', 'won'],
        ['probability', 0, 1],
        ['forecastCategory', 'omitted', 'commit'],
      ]);
      await saveCapture(db, lost, NOW + 4, { ...decided, [key(id, 'probability')]: 'crm', [key(id, 'forecastCategory')]: 'crm' });
      expect(await db.deals.get(id)).toMatchObject({ stage: 'Lost', status: 'lost', probability: 0, forecastCategory: 'omitted' });
      expect(await history(id)).toEqual(expect.arrayContaining([['status', 'won', 'lost', 'capture'], ['probability', 1, 0, 'capture'], ['forecastCategory', 'commit', 'omitted', 'capture']]));
    });

    it('a stated status (Pipedrive won) forces probability 1; the AE probability is asked, the forecast follows', async () => {
      const id = await firstCapture();
      await editDeal(db, id, { probability: 0.5 }, NOW + 1);
      const won = dealCapture({ fields: { status: 'won' } });
      expect((await planCapture(db, won, NOW + 2)).conflicts).toEqual([expect.objectContaining({ key: key(id, 'probability'), crm: 1, mine: 0.5 })]);
      await saveCapture(db, won, NOW + 2);
      expect(await db.deals.get(id)).toMatchObject({ status: 'won', probability: 0.5, forecastCategory: 'commit' });
      expect((await history(id)).filter((h) => h[3] === 'capture')).toEqual([
        ['forecastCategory', 'best_case', 'commit', 'capture'],
        ['status', 'open', 'won', 'capture'],
      ]);

      // A new lost deal: 0 and omitted, and those are what the next capture compares against.
      await saveCapture(db, dealCapture({ externalId: '9', fields: { name: 'Gone', status: 'lost', probability: 0.3 } }), NOW);
      const gone = (await db.deals.toArray()).find((d) => d.name === 'Gone')!;
      expect(gone).toMatchObject({ status: 'lost', probability: 0, forecastCategory: 'omitted' });
      expect(gone.provenance!.captured).toMatchObject({ status: 'lost', probability: 0, forecastCategory: 'omitted' });
    });

    describe('a deal imported from a CSV (no capture baseline yet)', () => {
      const imported = (over: Partial<Deal> = {}): Deal =>
        dealSchema.parse({
          id: 'd1', createdAt: 1, updatedAt: 1, name: 'Acme Renewal', amountMinor: 840000, currency: 'EUR', stage: 'Proposal Made', status: 'open',
          probability: 0.35, forecastCategory: 'best_case', closeOn: '2026-03-25', sourceKey: 'pipedrive:123', provenance: { site: 'pipedrive', externalId: '123', capturedAt: 1 },
          ...over,
        });

      it('its values are the CRM\'s: the same stage keeps the exported probability, a moved stage is taken silently', async () => {
        await db.deals.add(imported());
        await db.dealHistory.add({ id: 'h1', dealId: 'd1', field: 'probability', from: 0.2, to: 0.35, at: 1, source: 'import', batchId: null });
        expect((await planCapture(db, dealCapture(), NOW)).conflicts).toEqual([]);
        await saveCapture(db, dealCapture(), NOW);
        expect((await db.deals.get('d1'))!.probability).toBe(0.35); // not the rule's 0.6: the stage did not move
        expect(await captured('d1')).not.toHaveProperty('probability');

        // Another imported deal whose first capture shows a moved stage and amount.
        await db.deals.add(imported({ id: 'd2', sourceKey: 'pipedrive:124', provenance: { site: 'pipedrive', url: null, externalId: '124', capturedAt: 1 } }));
        const moved = dealCapture({ externalId: '124', fields: { stage: 'Negotiations Started', amountMinor: 900000 } });
        expect((await planCapture(db, moved, NOW + 1)).conflicts).toEqual([]);
        await saveCapture(db, moved, NOW + 1);
        expect(await db.deals.get('d2')).toMatchObject({ stage: 'Negotiations Started', amountMinor: 900000, probability: 0.8, forecastCategory: 'commit' });
        expect((await history('d2')).filter((h) => h[3] === 'capture')).toEqual([
          ['amountMinor', 840000, 900000, 'capture'],
          ['forecastCategory', 'best_case', 'commit', 'capture'],
          ['probability', 0.35, 0.8, 'capture'],
          ['stage', 'Proposal Made', 'Negotiations Started', 'capture'],
        ]);
      });

      it('a field the AE edited since the import is asked about, and asked again while unsettled', async () => {
        await db.deals.add(imported());
        await editDeal(db, 'd1', { probability: 0.7 }, 2);
        const moved = stage('Negotiations Started');
        expect((await planCapture(db, moved, NOW)).conflicts).toEqual([expect.objectContaining({ key: key('d1', 'probability'), crm: 0.8, mine: 0.7 })]);
        await saveCapture(db, moved, NOW);
        expect(await db.deals.get('d1')).toMatchObject({ stage: 'Negotiations Started', probability: 0.7, forecastCategory: 'commit' });
        expect((await planCapture(db, moved, NOW + 1)).conflicts.map((c) => c.key)).toEqual([key('d1', 'probability')]);
        await saveCapture(db, moved, NOW + 1, { [key('d1', 'probability')]: 'mine' });
        expect((await planCapture(db, moved, NOW + 2)).conflicts).toEqual([]);
      });

      it('a deal typed in by hand is the AE\'s: its stage and probability are asked about', async () => {
        const id = await saveManualRecord(db, { kind: 'deal', name: 'Acme Renewal', stage: 'Demo Scheduled' }, 1);
        await db.deals.update(id, { currency: 'EUR', amountMinor: 840000, closeOn: '2026-03-25' });
        const plan = await planCapture(db, stage('Negotiations Started'), NOW);
        expect(plan.deal).toMatchObject({ matchedBy: 'name', before: { id } });
        expect(plan.conflicts.map((c) => c.field)).toEqual(['stage']);
        const decided = { [key(id, 'stage')]: 'crm' } as const;
        expect((await planCapture(db, stage('Negotiations Started'), NOW, decided)).conflicts.map((c) => [c.field, c.crm, c.mine])).toEqual([
          ['stage', 'Negotiations Started', 'Demo Scheduled'],
          ['probability', 0.8, 0.4],
          ['forecastCategory', 'commit', 'pipeline'],
        ]);
      });
    });
  });

  describe('the page\'s created date', () => {
    const leadPage = (fields: RecordCapture['fields']): RecordCapture => ({ ...dealCapture(), site: 'salesforce', kind: 'lead', url: LEAD_URL, externalId: '00Q5g00000LeAdSEAV', raw: {}, fields });

    it('a new lead is created with it; without it, refused as before', async () => {
      const page = leadPage({ name: 'Pat Lee', accountName: 'Initech', emails: ['pat@initech.example'], createdOn: '2026-02-10' });
      expect((await planCapture(db, page, NOW)).problems).toEqual([]);
      const r = await saveCapture(db, page, NOW);
      expect(await db.leads.get(r.leadId!)).toMatchObject({ name: 'Pat Lee', company: 'Initech', createdOn: '2026-02-10', sourceKey: 'salesforce:00Q5g00000LeAdSEAV' });
      expect((await planCapture(db, { ...page, externalId: '00Q5g00000OtHeRAAA', fields: { name: 'Kim' } }, NOW)).problems).toEqual([{ table: 'leads', field: 'createdOn', message: LEAD_NO_CREATED_ON }]);
    });

    it('a stored lead\'s created date is not overwritten without asking', async () => {
      await db.leads.add({ id: 'l1', createdAt: 1, updatedAt: 1, name: 'Pat Lee', company: null, email: null, source: 'Web', createdOn: '2025-11-03', qualifiedOn: null, disqualifiedOn: null, convertedDealId: null, convertedOn: null, provenance: null, sourceKey: 'salesforce:00Q5g00000LeAdS' });
      expect((await planCapture(db, leadPage({ name: 'Pat Lee', createdOn: '2025-11-03' }), NOW)).conflicts).toEqual([]);
      const other = leadPage({ name: 'Pat Lee', createdOn: '2025-11-05' });
      expect((await planCapture(db, other, NOW)).conflicts).toEqual([expect.objectContaining({ key: 'leads:l1:createdOn', crm: '2025-11-05', mine: '2025-11-03' })]);
      await saveCapture(db, other, NOW);
      expect((await db.leads.get('l1'))!.createdOn).toBe('2025-11-03');
      await saveCapture(db, other, NOW, { 'leads:l1:createdOn': 'crm' });
      expect((await db.leads.get('l1'))!.createdOn).toBe('2025-11-05');
    });

    it('a new deal gets it; a stored deal without one has it filled; a different stored one is asked about', async () => {
      await saveCapture(db, dealCapture({ externalId: '7', fields: { name: 'Dated', createdOn: '2026-01-02' } }), NOW);
      expect((await db.deals.toArray())[0]!.createdOn).toBe('2026-01-02');

      // Stored without one (captured before the reader showed it).
      await saveCapture(db, dealCapture(), NOW);
      const deal = (await db.deals.toArray()).find((d) => d.name === 'Acme Renewal');
      expect(deal!.createdOn).toBeNull();
      const plan = await planCapture(db, dealCapture({ fields: { createdOn: '2026-01-15' } }), NOW + 1);
      expect(plan.deal!.changed).toEqual(['createdOn']);
      await saveCapture(db, dealCapture({ fields: { createdOn: '2026-01-15' } }), NOW + 1);
      expect((await db.deals.get(deal!.id))!.createdOn).toBe('2026-01-15');

      await db.deals.update(deal!.id, { createdOn: '2026-01-10' });
      const other = dealCapture({ fields: { createdOn: '2026-01-20' } });
      expect((await planCapture(db, other, NOW + 2)).conflicts).toEqual([expect.objectContaining({ key: `deals:${deal!.id}:createdOn`, crm: '2026-01-20', mine: '2026-01-10' })]);
      await saveCapture(db, other, NOW + 2);
      expect((await db.deals.get(deal!.id))!.createdOn).toBe('2026-01-10');
      // Absent from the page: stays as stored.
      await saveCapture(db, dealCapture(), NOW + 3);
      expect((await db.deals.get(deal!.id))!.createdOn).toBe('2026-01-10');
    });
  });
});
