import { indexExisting } from '../../../../lib/io/import/existing';
import { nameKey } from '../../../../lib/domain/text';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../lib/io/csv/decode';
import { parseCsv, type ParsedCsv } from '../../../../lib/io/csv/parse';
import type { ImportEntity } from '../../../../lib/io/import/fields';
import { detectProfile, proposeMapping } from '../../../../lib/io/import/profiles';
import { buildImport, type ExistingIndex, type ImportOptions, type ImportPlan } from '../../../../lib/io/import/rows';
import type { Deal } from '../../../../lib/domain/records';
import { DEFAULT_STAGE_RULES } from '../../../../lib/settings/schema';
import { fixtureBytes, toUtf16le, toWindows874 } from './helpers';

const NOW = Date.UTC(2026, 10, 28, 3, 0);
const empty = (): ExistingIndex => ({ bySourceKey: new Map(), accountsByName: new Map() });

function opts<E extends ImportEntity>(entity: E, site: ImportOptions['site'], extra: Partial<ImportOptions> = {}) {
  return {
    entity,
    site,
    now: NOW,
    defaultCurrency: 'THB',
    stageRules: DEFAULT_STAGE_RULES,
    existing: empty(),
    timeZone: 'Asia/Bangkok',
    ...extra,
  } as ImportOptions & { entity: E };
}

function importFile(name: string, extra: Partial<ImportOptions> = {}) {
  const parsed = parseCsv(decodeBytes(fixtureBytes(name)).text);
  const det = detectProfile(parsed.headers);
  const mapping = proposeMapping(parsed.headers, parsed.rows, det.entity, det.crm);
  const site = det.crm === 'generic' ? 'csv' : det.crm;
  return { parsed, mapping, plan: buildImport(parsed, mapping, opts(det.entity, site, extra)) };
}

const deals = (plan: ImportPlan) => [...plan.creates, ...plan.updates].map((p) => p.record as Deal);
const byName = (plan: ImportPlan, name: string) => deals(plan).find((d) => d.name === name)!;

/** What the database would hold after writing a plan, as the next import sees it. */
/** The index the database would give after storing `plan` (the same pure indexer it uses). */
function existingAfter(plan: ImportPlan): ExistingIndex {
  const records = [...plan.creates, ...plan.updates].map((p) => p.record as never);
  const deals = plan.entity === 'deals' ? records : [];
  const contacts = plan.entity === 'contacts' ? records : [];
  const accounts = [...plan.accountsToCreate, ...(plan.entity === 'accounts' ? records : [])];
  return indexExisting(plan.entity, records, { accounts, deals, contacts });
}

describe('buildImport: identity (rows are records unless they share a record id)', () => {
  const csv = [
    'Opportunity Name,Account Name,Stage,Amount,Close Date,Type',
    'Renewal,Acme,Closed Won,100,2026-03-31,Renewal',
    'Renewal,Acme,Closed Won,200,2026-06-30,Renewal',
    'Renewal,Acme,Prospecting,300,2026-09-30,Existing Customer - Downgrade',
    'Upsell,Acme,Closed Lost,50,2026-04-15,Add-On Business',
  ].join('\n');
  const mapping = { name: 0, account: 1, stage: 2, amount: 3, close: 4, type: 5 };

  it('a Salesforce report without ids that repeats deal names keeps every row as its own deal', () => {
    const plan = buildImport(parseCsv(csv), mapping, opts('deals', 'salesforce'));
    expect(plan.rejects).toEqual([]);
    expect(plan.creates.map((c) => [c.record.name, (c.record as Deal).amountMinor])).toEqual([
      ['Renewal', 10_000],
      ['Renewal', 20_000],
      ['Renewal', 30_000],
      ['Upsell', 5_000],
    ]);
    expect(plan.warnings.filter((w) => w.message === 'io.warn.duplicateRow')).toEqual([]);
    // No created date in the file: unknown, not the import day.
    expect(plan.creates.every((c) => (c.record as Deal).createdOn === null)).toBe(true);
  });

  it('re-import of that file matches the repeated names in order (name + account + close) and changes nothing else', () => {
    const first = buildImport(parseCsv(csv), mapping, opts('deals', 'salesforce'));
    const again = buildImport(parseCsv(csv), mapping, opts('deals', 'salesforce', { existing: existingAfter(first) }));
    expect(again.creates).toEqual([]);
    expect(again.updates.map((u) => u.record.id)).toEqual(first.creates.map((c) => c.record.id));
    expect(again.naturalMatches).toEqual({ count: 4, byRule: { name_account_close: 4 } });
  });

  it("Salesforce's standard and sample Type values map to deal types and the CRM's words are kept", () => {
    const rows = ['New Customer', 'Existing Customer - Upgrade', 'Existing Customer - Replacement', 'Existing Customer - Downgrade', 'New Business', 'Existing Business', 'Add-On Business', 'Services', 'Renewal', 'Partner Deal'];
    const text = ['Name,Account,Stage,Type', ...rows.map((t, i) => `D${i},Acme,Prospecting,${t}`)].join('\n');
    const plan = buildImport(parseCsv(text), { name: 0, account: 1, stage: 2, type: 3 }, opts('deals', 'salesforce'));
    expect(plan.creates.map((c) => [(c.record as Deal).type, (c.record as Deal).typeLabel])).toEqual([
      ['new_business', 'New Customer'],
      ['upsell', 'Existing Customer - Upgrade'],
      ['renewal', 'Existing Customer - Replacement'],
      ['renewal', 'Existing Customer - Downgrade'],
      ['new_business', 'New Business'],
      ['upsell', 'Existing Business'],
      ['cross_sell', 'Add-On Business'],
      ['cross_sell', 'Services'],
      ['renewal', 'Renewal'],
      ['new_business', 'Partner Deal'],
    ]);
    expect(plan.warnings.filter((w) => w.message === 'io.warn.unknownType').map((w) => w.row)).toEqual([11]);
  });

  it('a close date before the created date is kept and warned about', () => {
    const plan = buildImport(parseCsv('Name,Account,Stage,Created,Close\nX,Acme,Closed Won,2026-05-01,2026-04-01\n'), { name: 0, account: 1, stage: 2, created: 3, close: 4 }, opts('deals', 'salesforce'));
    expect(plan.creates[0]!.record).toMatchObject({ createdOn: '2026-05-01', closeOn: '2026-04-01' });
    expect(plan.warnings).toEqual([expect.objectContaining({ row: 2, message: 'io.warn.closeBeforeCreated', params: { created: '2026-05-01' } })]);
  });

  it.each([['Acme  Corp'], ['Acme\u00A0Corp'], ['acme\tcorp'], [' ACME CORP '], ['\u202EAcme Corp'], ['Acme\u200B Corp']])(
    'a name spelled %j links to the stored account instead of creating a second one',
    (spelling) => {
      const stored = buildImport(parseCsv('Name\nAcme Corp\n'), { name: 0 }, opts('accounts', 'csv'));
      const text = `Name,Account,Stage,Created\nX,"${spelling}",Proposal,2026-01-01\n`;
      const plan = buildImport(parseCsv(text), { name: 0, account: 1, stage: 2, created: 3 }, opts('deals', 'csv', { existing: existingAfter(stored) }));
      expect(plan.accountsToCreate).toEqual([]);
      expect((plan.creates[0]!.record as Deal).accountId).toBe(stored.creates[0]!.record.id);
    },
  );

  it('bidi controls and invisible characters are stripped from names on import', () => {
    const plan = buildImport(parseCsv('Name,Stage,Created\n"\u202Egnp.exe\u200B deal",Proposal,2026-01-01\n'), { name: 0, stage: 1, created: 2 }, opts('deals', 'csv'));
    expect(plan.creates[0]!.record.name).toBe('gnp.exe deal');
  });
});

describe('buildImport: deals from CRM exports', () => {
  it('Salesforce report: stages, amounts with codes, blank amount on an open deal, accounts once per name', () => {
    const { plan } = importFile('salesforce-opportunities-report.csv');
    expect(plan.rejects).toEqual([]);
    expect(plan.creates).toHaveLength(5);
    expect(plan.accountsToCreate.map((a) => a.name)).toEqual([
      'Siam Logistics Co., Ltd.',
      'Bangkok Dental Group',
      'Chiang Mai Coffee Roasters',
      'Phuket Resorts Holding',
    ]);
    const fleet = byName(plan, 'Siam Logistics - Fleet Tracking');
    expect(fleet).toMatchObject({
      amountMinor: 125_000_000,
      currency: 'THB',
      status: 'open',
      probability: 0.8,
      forecastCategory: 'commit',
      createdOn: '2026-02-18',
      closeOn: '2026-03-31',
      ownerName: 'Somchai Prasert',
      nextStep: 'Send revised quote',
      sourceKey: 'salesforce:0065g00000AbCd1AAF',
    });
    expect(fleet.accountId).toBe(plan.accountsToCreate[0]!.id);
    expect(byName(plan, 'Siam Logistics - Driver App')).toMatchObject({
      amountMinor: null,
      type: 'upsell',
      accountId: fleet.accountId,
      probability: 0.1,
    });
    expect(byName(plan, 'BDG - Clinic Suite Renewal')).toMatchObject({ status: 'won', probability: 1, closeOn: '2026-03-14' });
    expect(byName(plan, 'CMCR - POS Pilot')).toMatchObject({ status: 'lost', probability: 0, forecastCategory: 'omitted' });
    expect(byName(plan, 'PRH - Guest Wi-Fi')).toMatchObject({ amountMinor: 4_200_000, currency: 'USD', probability: 0.6 });
  });

  it('Salesforce API names: ISO datetimes, decimals, forecast category from the file', () => {
    const { plan } = importFile('salesforce-opportunities-api.csv');
    expect(plan.rejects).toEqual([]);
    expect(byName(plan, 'Krungthep Insurance - Claims Portal')).toMatchObject({ createdOn: '2026-01-12', closeOn: '2026-05-29' });
    expect(byName(plan, 'Thai Foods - EDI Upgrade')).toMatchObject({ amountMinor: 78_000_050, status: 'won', type: 'upsell' });
    expect(byName(plan, 'Andaman Marine - Telematics')).toMatchObject({
      currency: 'USD',
      amountMinor: 15_000_000,
      probability: 0.8,
      forecastCategory: 'commit',
    });
    expect(byName(plan, 'Korat Steel - MES Pilot').amountMinor).toBeNull();
  });

  it('Salesforce "Opportunities with Products": rows of one deal become line items', () => {
    const { plan } = importFile('salesforce-opportunities-products.csv');
    expect(plan.rejects).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.creates).toHaveLength(2);
    const metro = byName(plan, 'Metro Clinics - Rollout');
    expect(plan.creates.find((c) => (c.record as Deal).name === 'Metro Clinics - Rollout')!.rows).toEqual([2, 3]);
    expect(metro).toMatchObject({ amountMinor: 3_000_000, currency: 'USD', createdOn: '2026-01-10', closeOn: '2026-03-20' });
    expect(metro.lineItems).toEqual([
      { productId: null, productName: 'Clinic Suite License', quantity: 20, unitPriceMinor: 120_000 },
      { productId: null, productName: 'Onboarding Package', quantity: 1, unitPriceMinor: 600_000 },
    ]);
  });

  it('HubSpot deals: datetimes, internal deal types, default HubSpot stages known', () => {
    const { plan } = importFile('hubspot-deals.csv');
    expect(plan.rejects).toEqual([]);
    expect(byName(plan, 'Nakhon Retail - Loyalty App')).toMatchObject({
      status: 'open',
      // HubSpot's "Appointment Scheduled" default rule.
      probability: 0.2,
      forecastCategory: 'pipeline',
      closeOn: '2026-06-30',
      createdOn: '2026-03-02',
      sourceKey: 'hubspot:18234567001',
    });
    expect(byName(plan, 'Eastern Seaboard Parts - ERP Connector')).toMatchObject({ amountMinor: 110_000_000, probability: 0.9 });
    expect(byName(plan, 'Lanna Hotels - Upsell Spa Module')).toMatchObject({ status: 'won', type: 'upsell', closeOn: '2026-02-28' });
    expect(plan.unknownStages).toEqual([]);
  });

  it('Pipedrive deals: the status column wins, won/lost time is the close date, deleted deals are rejected', () => {
    const { plan } = importFile('pipedrive-deals.csv');
    expect(plan.rejects).toEqual([
      { row: 5, column: 'Deal - Status', value: 'deleted', message: 'io.reject.deletedInCrm', params: {} },
    ]);
    expect(byName(plan, 'Samui Villas - Booking Engine')).toMatchObject({ status: 'won', probability: 1, closeOn: '2026-02-04' });
    expect(byName(plan, 'Hat Yai Traders - Inventory')).toMatchObject({
      status: 'lost',
      closeOn: '2026-03-02',
      lossReason: 'Went with competitor',
    });
    expect(byName(plan, 'Rayong Chemicals - Safety Training')).toMatchObject({ status: 'open', closeOn: '2026-04-30' });
    expect(plan.unknownStages).toEqual([]);
    expect(byName(plan, 'Rayong Chemicals - Safety Training')).toMatchObject({ probability: 0.6, forecastCategory: 'best_case' });
  });

  it('a generic Thai-dated CSV once the AE maps the stage column', () => {
    const parsed = parseCsv(decodeBytes(fixtureBytes('generic-deals-th.csv')).text);
    const mapping = proposeMapping(parsed.headers, parsed.rows, 'deals');
    expect(buildImport(parsed, mapping, opts('deals', 'csv')).missingFields).toEqual(['stage']);
    const plan = buildImport(parsed, { ...mapping, stage: 3 }, opts('deals', 'csv'));
    expect(plan.rejects).toEqual([]);
    expect(byName(plan, 'Rooftop PV Monitoring')).toMatchObject({
      amountMinor: 185_000_000,
      createdOn: '2026-01-15',
      closeOn: '2026-04-28',
      probability: 0.5,
    });
    expect(byName(plan, 'Latex QC Vision')).toMatchObject({ amountMinor: 62_000_050, status: 'won', createdOn: '2025-11-03' });
    expect(byName(plan, 'Dock Scheduling')).toMatchObject({ amountMinor: null, probability: 0.3 });
  });
});

describe('buildImport: encodings end to end', () => {
  it('a Thai file in Windows-874 bytes', () => {
    const csv =
      'ชื่อดีล,ลูกค้า,มูลค่า,ขั้นตอน,วันที่สร้าง,วันที่ปิด\r\n' +
      'ระบบบัญชี,บริษัท สยามค้าส่ง จำกัด,"฿450,000",Closed Won,5 ม.ค. 2569,20 มี.ค. 2569\r\n' +
      'แอปสมาชิก,ร้านกาแฟดอย,"120,000",Proposal,1 ก.พ. 2569,30 เม.ย. 2569\r\n';
    const decoded = decodeBytes(toWindows874(csv));
    expect(decoded.encoding).toBe('windows-874');
    const parsed = parseCsv(decoded.text);
    const mapping = proposeMapping(parsed.headers, parsed.rows, detectProfile(parsed.headers).entity);
    const plan = buildImport(parsed, mapping, opts('deals', 'csv'));
    expect(plan.rejects).toEqual([]);
    expect(byName(plan, 'ระบบบัญชี')).toMatchObject({
      amountMinor: 45_000_000,
      currency: 'THB',
      status: 'won',
      createdOn: '2026-01-05',
      closeOn: '2026-03-20',
    });
    expect(plan.accountsToCreate.map((a) => a.name)).toEqual(['บริษัท สยามค้าส่ง จำกัด', 'ร้านกาแฟดอย']);
  });

  it('Excel "Unicode text": UTF-16LE with BOM, tab-separated', () => {
    const text = 'Opportunity Name\tAccount Name\tAmount\tStage\tClose Date\tCreated Date\r\nPOS Rollout\tสยามพารากอน\t"1,200.00"\tClosed Won\t31/3/2026\t1/2/2026\r\n';
    const parsed = parseCsv(decodeBytes(toUtf16le(text)).text);
    const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'deals', 'salesforce'), opts('deals', 'salesforce'));
    expect(plan.rejects).toEqual([]);
    expect(deals(plan)[0]).toMatchObject({ name: 'POS Rollout', amountMinor: 120_000, closeOn: '2026-03-31', createdOn: '2026-02-01' });
  });
});

describe('buildImport: re-import and dedupe', () => {
  it('re-importing the same file updates, never duplicates (with external ids)', () => {
    const first = importFile('salesforce-opportunities-report.csv');
    const again = importFile('salesforce-opportunities-report.csv', { existing: existingAfter(first.plan), now: NOW + 86_400_000 });
    expect(again.plan.creates).toEqual([]);
    expect(again.plan.accountsToCreate).toEqual([]);
    expect(again.plan.updates).toHaveLength(5);
    for (const u of again.plan.updates) {
      const before = first.plan.creates.find((c) => c.sourceKey === u.sourceKey)!;
      expect(u.record.id).toBe(before.record.id);
      expect(u.record.createdAt).toBe(NOW);
      expect(u.record.updatedAt).toBe(NOW + 86_400_000);
      expect((u.record as Deal).accountId).toBe((before.record as Deal).accountId);
    }
    expect(again.plan.updateKeys).toEqual(expect.arrayContaining(['amountMinor', 'closeOn', 'stage', 'accountId']));
    expect(again.plan.updateKeys).not.toContain('notes');
    expect(again.plan.updateKeys).not.toContain('territory');
  });

  it('re-importing a file without ids updates through the natural key name + account + created, and says so', () => {
    const parsed = parseCsv('Deal,Account,Stage,Created\nA,Acme,Proposal,2026-01-05\nB,Acme,Proposal,2026-01-06\n');
    const mapping = { name: 0, account: 1, stage: 2, created: 3 };
    const first = buildImport(parsed, mapping, opts('deals', 'csv'));
    expect(first.creates).toHaveLength(2);
    expect(first.creates[0]!.record.sourceKey).toBeNull();
    expect(first.naturalMatches).toEqual({ count: 0, byRule: {} });
    const again = buildImport(parsed, mapping, opts('deals', 'csv', { existing: existingAfter(first) }));
    expect(again.creates).toHaveLength(0);
    expect(again.updates.map((u) => u.record.id)).toEqual(first.creates.map((c) => c.record.id));
    expect(again.updates.map((u) => u.matchedBy)).toEqual(['name_account_created', 'name_account_created']);
    expect(again.naturalMatches).toEqual({ count: 2, byRule: { name_account_created: 2 } });
    // The AE can choose to import them as new records instead.
    const asNew = buildImport(parsed, mapping, opts('deals', 'csv', { existing: existingAfter(first), naturalMatches: 'new' }));
    expect(asNew.updates).toEqual([]);
    expect(asNew.creates).toHaveLength(2);
    expect(asNew.naturalMatches.count).toBe(2);
    // A different created date is a different deal.
    const other = buildImport(parseCsv('Deal,Account,Stage,Created\nA,Acme,Proposal,2026-02-05\n'), mapping, opts('deals', 'csv', { existing: existingAfter(first) }));
    expect(other.creates).toHaveLength(1);
  });

  it('rows with the same key in one file: the last wins, with a warning', () => {
    const parsed = parseCsv('Id,Name,Stage,Amount,Created Date\n7,First,Proposal,100,2026-01-01\n7,Second,Proposal,200,2026-01-01\n');
    const plan = buildImport(parsed, { external_id: 0, name: 1, stage: 2, amount: 3, created: 4 }, opts('deals', 'salesforce'));
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]!.record).toMatchObject({ name: 'Second', amountMinor: 20_000 });
    expect(plan.creates[0]!.rows).toEqual([2, 3]);
    expect(plan.warnings).toEqual([{ row: 3, column: '', value: '', message: 'io.warn.duplicateRow', params: { firstRow: 2 } }]);
  });

  it('links deals to existing accounts by name, case-insensitively', () => {
    const parsed = parseCsv('Name,Account,Stage,Created\nX,  ACME corp ,Proposal,2026-01-01\n');
    const existing = { bySourceKey: new Map(), accountsByName: new Map([[nameKey('Acme Corp'), 'acc-1']]) };
    const plan = buildImport(parsed, { name: 0, account: 1, stage: 2, created: 3 }, opts('deals', 'csv', { existing }));
    expect(plan.accountsToCreate).toEqual([]);
    expect((plan.creates[0]!.record as Deal).accountId).toBe('acc-1');
  });
});

describe('buildImport: rejects name the row, column and value', () => {
  const headers = 'Name,Stage,Amount,Close,Created\n';
  const mapping = { name: 0, stage: 1, amount: 2, close: 3, created: 4 };
  const run = (body: string, extra: Partial<ImportOptions> = {}) => buildImport(parseCsv(headers + body), mapping, opts('deals', 'csv', extra));

  it('negative, malformed amounts and bad dates', () => {
    const plan = run('A,Proposal,(100),2026-05-01,2026-01-01\nB,Proposal,lots,2026-05-01,2026-01-01\nC,Proposal,5,2026-02-30,2026-01-01\nD,Proposal,5,2026-05-01,2026-01-01\n');
    expect(plan.rejects).toEqual([
      { row: 2, column: 'Amount', value: '(100)', message: 'io.reject.negativeAmount', params: {} },
      { row: 3, column: 'Amount', value: 'lots', message: 'io.reject.badAmount', params: {} },
      { row: 4, column: 'Close', value: '2026-02-30', message: 'io.reject.notRealDate', params: {} },
    ]);
    expect(plan.creates.map((c) => c.record.name)).toEqual(['D']);
  });

  it('won or lost deals without a close date', () => {
    const plan = run('A,Closed Won,5,,2026-01-01\n');
    expect(plan.rejects).toEqual([
      { row: 2, column: 'Close', value: '', message: 'io.reject.closedWithoutDate', params: { status: 'won' } },
    ]);
  });

  it('a missing name, and schema limits mapped back to the column', () => {
    const plan = run(`,Proposal,5,,2026-01-01\n${'x'.repeat(301)},Proposal,5,,2026-01-01\n`);
    expect(plan.rejects).toEqual([
      { row: 2, column: 'Name', value: '', message: 'io.reject.required', params: { field: 'name' } },
      { row: 3, column: 'Name', value: `${'x'.repeat(39)}…`, message: 'io.reason.tooLong', params: { max: 300 } },
    ]);
  });

  it('rows the CSV parser could not read are rejects too', () => {
    const plan = run('A,Proposal,5,,2026-01-01\nB,Proposal\n');
    expect(plan.rejects).toEqual([
      { row: 3, column: '', value: '', message: 'io.error.tooFewFields', params: { row: 3, expected: 5, found: 2 } },
    ]);
    expect(plan.creates).toHaveLength(1);
  });

  it('an ambiguous date column blocks the plan until the AE picks the format', () => {
    const body = 'A,Proposal,5,4/5/2026,3/1/2026\n';
    const blocked = run(body);
    expect(blocked.needsDateFormat).toEqual([
      { field: 'created', column: 'Created', candidates: ['mdy', 'dmy'] },
      { field: 'close', column: 'Close', candidates: ['mdy', 'dmy'] },
    ]);
    expect(blocked.creates).toEqual([]);
    const chosen = run(body, { dateFormats: { close: 'dmy', created: 'dmy' } });
    expect(chosen.creates[0]!.record).toMatchObject({ closeOn: '2026-05-04', createdOn: '2026-01-03' });
  });

  it('unknown stages import as open with the file probability, else 0.1', () => {
    const parsed = parseCsv('Name,Stage,Probability,Created\nA,Pilot Running,45%,2026-01-01\nB,Pilot Running,,2026-01-01\nC,Verbal Won,,2026-01-01\n');
    const plan = buildImport(parsed, { name: 0, stage: 1, probability: 2, created: 3 }, opts('deals', 'csv'));
    expect(deals(plan).map((d) => [d.name, d.status, d.probability])).toEqual([
      ['A', 'open', 0.45],
      ['B', 'open', 0.1],
      ['C', 'open', 0.1],
    ]);
    expect(plan.rejects.map((r) => r.message)).toEqual([]);
    expect(plan.unknownStages).toEqual([
      { stage: 'Pilot Running', count: 2 },
      { stage: 'Verbal Won', count: 1 },
    ]);
  });

  it('stage rules the AE edited apply case- and space-insensitively', () => {
    const rules = [{ stage: 'Pilot Running', status: 'open' as const, probability: 0.7, forecastCategory: 'best_case' as const }];
    const parsed = parseCsv('Name,Stage,Created\nA,pilotrunning,2026-01-01\n');
    const plan = buildImport(parsed, { name: 0, stage: 1, created: 2 }, opts('deals', 'csv', { stageRules: rules }));
    expect(deals(plan)[0]).toMatchObject({ probability: 0.7, forecastCategory: 'best_case', stage: 'pilotrunning' });
    expect(plan.unknownStages).toEqual([]);
  });
});

describe('buildImport: other entities', () => {
  it('HubSpot companies, then an account first created by name is updated, not duplicated', () => {
    const { plan } = importFile('hubspot-companies.csv', { existing: { bySourceKey: new Map(), accountsByName: new Map([['lanna hotels', 'acc-9']]) } });
    expect(plan.rejects).toEqual([]);
    expect(plan.creates.map((c) => (c.record as { name: string }).name)).toEqual(['Nakhon Retail', 'Eastern Seaboard Parts']);
    expect(plan.updates.map((u) => u.record.id)).toEqual(['acc-9']);
    expect(plan.creates[1]!.record).toMatchObject({ domains: ['esparts.com'], potentialMinor: null, industry: 'AUTOMOTIVE' });
    expect(plan.creates[0]!.record).toMatchObject({ potentialMinor: 25_000_000_000, potentialCurrency: 'THB' });
  });

  it('HubSpot and Pipedrive contacts', () => {
    const hs = importFile('hubspot-contacts.csv').plan;
    expect(hs.rejects).toEqual([]);
    expect(hs.creates.map((c) => c.record)).toMatchObject([
      { name: 'Anong Chaiyaporn', emails: ['anong.c@nakhonretail.co.th'], title: 'Head of Digital' },
      { name: 'Kittisak Boonmee', emails: ['kittisak@esparts.com'] },
      { name: 'Mali', phone: null },
    ]);
    const pd = importFile('pipedrive-people.csv').plan;
    expect(pd.creates[1]!.record).toMatchObject({ emails: ['nok@samuivillas.com', 'reservations@samuivillas.com'] });
    expect(pd.accountsToCreate.map((a) => a.name)).toEqual(['Rayong Chemicals', 'Samui Villas']);
  });

  it('leads need a created date and a valid email', () => {
    const parsed = parseCsv('Name,Company,Email,Lead Source,Created\nJoy,Acme,joy@acme.co,Web,2026-03-01\nBad,Acme,not-an-email,Web,2026-03-01\nLate,Acme,,Web,\n');
    const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'leads'), opts('leads', 'csv'));
    expect(plan.creates.map((c) => c.record)).toMatchObject([{ name: 'Joy', email: 'joy@acme.co', source: 'Web', createdOn: '2026-03-01' }]);
    expect(plan.rejects.map((r) => [r.row, r.column, r.message])).toEqual([
      [3, 'Email', 'io.reject.badEmail'],
      [4, 'Created', 'io.reject.required'],
    ]);
  });

  it('activities: kinds, local times, links by name', () => {
    const parsed = parseCsv('Type,Date,Subject,Deal,Duration\nCall,2026-03-05 14:30,Intro,Big Deal,15\nFax,2026-03-05,Old,,\n');
    const existing = { ...empty(), dealsByName: new Map([['big deal', 'deal-1']]) };
    const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'activities'), opts('activities', 'csv', { existing }));
    expect(plan.creates[0]!.record).toMatchObject({
      kind: 'call',
      // 14:30 in Bangkok (UTC+7) is 07:30 UTC.
      at: Date.UTC(2026, 2, 5, 7, 30),
      subject: 'Intro',
      dealId: 'deal-1',
      durationMin: 15,
    });
    expect(plan.rejects).toEqual([{ row: 3, column: 'Type', value: 'Fax', message: 'io.reject.badKind', params: {} }]);
  });
});

describe('buildImport: a parsed file of 0 bytes', () => {
  it('plans nothing and reports the empty file', () => {
    const parsed: ParsedCsv = parseCsv('');
    const plan = buildImport(parsed, {}, opts('deals', 'csv'));
    expect(plan.creates).toEqual([]);
    expect(plan.rejects).toEqual([{ row: 0, column: '', value: '', message: 'io.error.empty', params: { row: 0 } }]);
  });
});
