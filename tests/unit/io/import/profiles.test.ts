import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../lib/io/csv/decode';
import { parseCsv } from '../../../../lib/io/csv/parse';
import {
  applyMapSpec,
  columnLetter,
  duplicateHeaderWarnings,
  detectMappedDateFormats,
  detectProfile,
  headerSetKey,
  mappingFromStored,
  mappingToStored,
  normalizeHeader,
  proposeMapping,
  sniffColumn,
} from '../../../../lib/io/import/profiles';
import { fixtureBytes } from './helpers';
import { translate } from '../../../../lib/i18n';

function load(name: string) {
  return parseCsv(decodeBytes(fixtureBytes(name)).text);
}

/** The proposed mapping with header names instead of indexes, unmapped fields left out. */
function named(name: string) {
  const p = load(name);
  const det = detectProfile(p.headers);
  const m = proposeMapping(p.headers, p.rows, det.entity, det.crm);
  return {
    det,
    map: Object.fromEntries(Object.entries(m).flatMap(([f, i]) => (i === null || i === undefined ? [] : [[f, p.headers[i]]]))),
  };
}

describe('normalizeHeader', () => {
  it('makes labels, API names and dotted paths comparable', () => {
    expect(normalizeHeader('CloseDate')).toBe('close date');
    expect(normalizeHeader('Account.Name')).toBe('account name');
    expect(normalizeHeader('Probability (%)')).toBe('probability');
    expect(normalizeHeader('\uFEFFDeal - Title')).toBe('deal title');
    expect(normalizeHeader(' วันที่ปิด ')).toBe('วันที่ปิด');
  });
});

describe('detectProfile and proposeMapping on CRM exports', () => {
  it('Salesforce report with column labels', () => {
    const { det, map } = named('salesforce-opportunities-report.csv');
    expect(det).toMatchObject({ crm: 'salesforce', entity: 'deals' });
    expect(map).toEqual({
      external_id: 'Opportunity ID',
      name: 'Opportunity Name',
      account: 'Account Name',
      amount: 'Amount',
      stage: 'Stage',
      probability: 'Probability (%)',
      created: 'Created Date',
      close: 'Close Date',
      owner: 'Opportunity Owner',
      type: 'Type',
      next_step: 'Next Step',
    });
  });

  it('Salesforce API names (Data Loader)', () => {
    const { det, map } = named('salesforce-opportunities-api.csv');
    expect(det).toEqual({ crm: 'salesforce', entity: 'deals', confidence: 1 });
    expect(map).toMatchObject({
      external_id: 'Id',
      name: 'Name',
      account: 'Account.Name',
      currency: 'CurrencyIsoCode',
      stage: 'StageName',
      probability: 'Probability',
      created: 'CreatedDate',
      close: 'CloseDate',
      owner: 'Owner.Name',
      forecast_category: 'ForecastCategoryName',
      next_step: 'NextStep',
    });
  });

  it('HubSpot deals, companies and contacts', () => {
    const deals = named('hubspot-deals.csv');
    expect(deals.det).toMatchObject({ crm: 'hubspot', entity: 'deals' });
    expect(deals.map).toMatchObject({
      external_id: 'Record ID',
      name: 'Deal Name',
      stage: 'Deal Stage',
      account: 'Associated Company',
      created: 'Create Date',
      close: 'Close Date',
      owner: 'Deal owner',
    });
    const companies = named('hubspot-companies.csv');
    expect(companies.det).toMatchObject({ crm: 'hubspot', entity: 'accounts' });
    expect(companies.map).toMatchObject({ name: 'Company name', domain: 'Company Domain Name', industry: 'Industry' });
    expect(companies.map.customer_since).toBeUndefined();
    const contacts = named('hubspot-contacts.csv');
    expect(contacts.det).toMatchObject({ crm: 'hubspot', entity: 'contacts' });
    expect(contacts.map).toEqual({
      external_id: 'Record ID',
      first_name: 'First Name',
      last_name: 'Last Name',
      email: 'Email',
      phone: 'Phone Number',
      title: 'Job Title',
      account: 'Associated Company',
    });
  });

  it('Pipedrive deals, organisations and people', () => {
    const deals = named('pipedrive-deals.csv');
    expect(deals.det).toMatchObject({ crm: 'pipedrive', entity: 'deals' });
    expect(deals.map).toMatchObject({
      external_id: 'Deal - ID',
      name: 'Deal - Title',
      amount: 'Deal - Value',
      currency: 'Deal - Currency',
      status: 'Deal - Status',
      won_time: 'Deal - Won time',
      lost_time: 'Deal - Lost time',
      loss_reason: 'Deal - Lost reason',
      close: 'Deal - Expected close date',
      created: 'Deal - Deal created',
    });
    expect(named('pipedrive-organizations.csv').det).toMatchObject({ crm: 'pipedrive', entity: 'accounts' });
    const people = named('pipedrive-people.csv');
    expect(people.det).toMatchObject({ crm: 'pipedrive', entity: 'contacts' });
    expect(people.map).toMatchObject({ name: 'Person - Name', email: 'Person - Email - Work', account: 'Person - Organization' });
  });

  it('a generic CSV: names, contained aliases and value sniffing; the stage is left to the AE', () => {
    const { det, map } = named('generic-deals-th.csv');
    expect(det.crm).toBe('generic');
    expect(det.entity).toBe('deals');
    // Opened holds the earlier dates, so it is `created`; Expected is `close`.
    expect(map).toEqual({ name: 'Opportunity', account: 'Client', amount: 'Value (THB)', created: 'Opened', close: 'Expected' });
  });

  it('a deal file that names one of its two dates: the other date column is the other date', () => {
    const headers = ['Deal', 'Company', 'Value', 'Created', 'Closes'];
    const rows = [['Kiosk', 'Chiang Mai Retail', '120,000', '2026-03-02', '2026-05-04']];
    expect(proposeMapping(headers, rows, 'deals')).toMatchObject({ created: 3, close: 4 });
    expect(proposeMapping(['Deal', 'Opened', 'Close Date'], [['K', '2026-03-02', '2026-05-04']], 'deals')).toMatchObject({ created: 1, close: 2 });
  });

  it('sniffs value shapes', () => {
    expect(sniffColumn(['a@b.co', ' x@y.org '])).toBe('email');
    expect(sniffColumn(['THB', 'USD'])).toBe('currency');
    expect(sniffColumn(['60%', '10 %'])).toBe('percent');
    expect(sniffColumn(['3/5/2026', ''])).toBe('date');
    expect(sniffColumn(['1,200', '5'])).toBe('number');
    expect(sniffColumn(['฿1,200', 'USD 5'])).toBe('amount');
    expect(sniffColumn(['Acme', '12'])).toBe('text');
    expect(sniffColumn(['', ''])).toBe('empty');
  });

  it('maps Thai headers', () => {
    const headers = ['ชื่อดีล', 'ลูกค้า', 'มูลค่า', 'ขั้นตอน', 'วันที่สร้าง', 'วันที่ปิด'];
    expect(proposeMapping(headers, [], 'deals')).toMatchObject({ name: 0, account: 1, amount: 2, stage: 3, created: 4, close: 5 });
  });
});

describe('date formats of mapped columns', () => {
  it('a column whose order is open takes the order another date column settles', () => {
    const p = load('salesforce-opportunities-products.csv');
    const m = proposeMapping(p.headers, p.rows, 'deals', 'salesforce');
    expect(detectMappedDateFormats(p.headers, p.rows, m, 'deals')).toEqual({
      created: { ambiguous: false, format: 'mdy', buddhistEra: false },
      close: { ambiguous: false, format: 'mdy', buddhistEra: false },
    });
  });
  it('stays ambiguous when no column settles it', () => {
    const headers = ['Name', 'Stage', 'Close Date'];
    const rows = [['A', 'Won', '3/4/2026']];
    expect(detectMappedDateFormats(headers, rows, { name: 0, stage: 1, close: 2 }, 'deals')).toEqual({
      close: { ambiguous: true, candidates: ['mdy', 'dmy'], buddhistEra: false },
    });
  });
});

describe('remembering mappings', () => {
  it('headerSetKey is stable across case, spacing and punctuation, and differs by header set and order', () => {
    const a = headerSetKey(['Opportunity Name', 'Amount', 'Close Date']);
    expect(headerSetKey(['opportunity name', ' AMOUNT', 'Close-Date'])).toBe(a);
    expect(headerSetKey(['Amount', 'Opportunity Name', 'Close Date'])).not.toBe(a);
    expect(headerSetKey(['Opportunity Name', 'Amount'])).not.toBe(a);
    expect(a).toMatch(/^h3-[0-9a-z]+$/);
  });
  it('round-trips a mapping through its stored form (field → header)', () => {
    const headers = ['Deal', 'Client', 'Value'];
    const stored = mappingToStored({ name: 0, account: 1, amount: 2, stage: null }, headers);
    expect(stored).toEqual({ name: 'Deal', account: 'Client', amount: 'Value' });
    const back = mappingFromStored(stored, ['Value', 'deal', 'Client'], 'deals');
    expect(back).toMatchObject({ name: 1, account: 2, amount: 0, stage: null });
  });
});

describe('applyMapSpec (headless --map)', () => {
  const headers = ['Deal', 'Client', 'Value', 'When'];
  it('maps fields to columns by header text', () => {
    expect(applyMapSpec('name=Deal, account=Client,amount=value', headers, 'deals')).toEqual({
      ok: true,
      mapping: { name: 0, account: 1, amount: 2 },
    });
    expect(applyMapSpec('date=When', headers, 'activities')).toEqual({ ok: true, mapping: { at: 3 } });
  });
  it('names the unknown field or column', () => {
    expect(applyMapSpec('nam=Deal', headers, 'deals')).toEqual({ ok: false, error: 'io.error.unknownField', params: { field: 'nam' } });
    expect(applyMapSpec('name=Title', headers, 'deals')).toEqual({
      ok: false,
      error: 'io.error.unknownColumn',
      params: { column: 'Title' },
    });
  });
});

describe('duplicate header names', () => {
  it('two columns called Amount: the warning names both by letter and the one read', () => {
    const headers = ['Deal', 'Account', 'Amount', 'Stage', 'Created', 'amount ', 'Close'];
    const mapping = proposeMapping(headers, [['A', 'Acme', '100', 'Won', '2026-01-01', '200', '2026-01-02']], 'deals', 'generic');
    expect(mapping.amount).toBe(2);
    const ws = duplicateHeaderWarnings(headers, mapping);
    expect(ws).toEqual([{ key: 'io.header.duplicate', params: { name: 'Amount', columns: 'C, F', used: 'C' }, columns: [2, 5], used: 2 }]);
    expect(translate('en', ws[0]!.key, ws[0]!.params)).toBe('Columns C, F have the same name, "Amount"; C is used.');
    // The AE maps the second one instead: that is the one named as used.
    expect(duplicateHeaderWarnings(headers, { ...mapping, amount: 5 })[0]!.params.used).toBe('F');
    // Neither read: says so. Both read (for two fields): the AE's choice, no warning.
    expect(duplicateHeaderWarnings(headers, { ...mapping, amount: null })[0]!.key).toBe('io.header.duplicateUnused');
    expect(duplicateHeaderWarnings(headers, { ...mapping, amount: 2, unit_price: 5 })).toEqual([]);
    expect(duplicateHeaderWarnings(['a', 'b', ''], {})).toEqual([]);
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
