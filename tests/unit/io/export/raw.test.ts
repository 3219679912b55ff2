import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { accountSchema, activitySchema, contactSchema, dealSchema, type Account } from '../../../../lib/domain/records';
import { IMPORT_FIELDS } from '../../../../lib/io/import/fields';
import {
  ACCOUNT_HEADERS,
  ACTIVITY_HEADERS,
  CONTACT_HEADERS,
  DEAL_HEADERS,
  accountsToCsv,
  activitiesToCsv,
  contactsToCsv,
  dealsToCsv,
  exportFileName,
  externalIdOf,
  isoLocal,
  rawCsvs,
} from '../../../../lib/io/export/raw';

const acme = accountSchema.parse({
  id: 'acc-1',
  createdAt: 1,
  updatedAt: 1,
  name: 'Acme, Thailand',
  domains: ['acme.co.th', 'acme.com'],
  industry: 'Retail',
  isTarget: true,
  potentialMinor: 5000000,
  potentialCurrency: 'THB',
  customerSince: '2025-03-01',
  provenance: { site: 'salesforce', externalId: '001A', capturedAt: 5 },
  sourceKey: 'salesforce:001A',
});
const accountsById = new Map<string, Account>([[acme.id, acme]]);

const deal = dealSchema.parse({
  id: 'deal-1',
  createdAt: 1,
  updatedAt: 2,
  name: '=Renewal "2026"',
  accountId: 'acc-1',
  amountMinor: 123456,
  currency: 'THB',
  stage: 'Negotiation',
  status: 'open',
  probability: 0.8,
  forecastCategory: 'commit',
  type: 'renewal',
  createdOn: '2026-09-01',
  closeOn: '2026-12-15',
  nextStep: 'Send contract\nto legal',
  nextStepDue: '2026-12-01',
  ownerName: 'สมชาย ใจดี',
  sourceKey: 'hubspot:98765',
});
const bare = dealSchema.parse({
  id: 'deal-2',
  createdAt: 1,
  updatedAt: 2,
  name: 'Pilot',
  currency: 'JPY',
  amountMinor: 500000,
  stage: 'Closed Lost',
  status: 'lost',
  probability: 0,
  forecastCategory: 'omitted',
  createdOn: '2026-01-05',
  lossReason: '-price',
});

describe('raw CSV headers', () => {
  it('use only field names the importer knows, so columns map automatically', () => {
    const known = (entity: keyof typeof IMPORT_FIELDS) => new Set(IMPORT_FIELDS[entity].map((f) => f.field));
    for (const h of DEAL_HEADERS) expect(known('deals')).toContain(h);
    for (const h of ACCOUNT_HEADERS) expect(known('accounts')).toContain(h);
    for (const h of CONTACT_HEADERS) expect(known('contacts')).toContain(h);
    for (const h of ACTIVITY_HEADERS) expect(known('activities')).toContain(h);
  });
});

describe('externalIdOf', () => {
  it('takes the external part of the sourceKey, else the provenance id, else the record id', () => {
    expect(externalIdOf({ id: 'x', sourceKey: 'salesforce:006ABC' })).toBe('006ABC');
    expect(externalIdOf({ id: 'x', sourceKey: 'csv:a:b' })).toBe('a:b');
    expect(externalIdOf({ id: 'x', sourceKey: null, provenance: { externalId: 'E1' } })).toBe('E1');
    expect(externalIdOf({ id: 'x', sourceKey: null, provenance: null })).toBe('x');
  });
});

describe('dealsToCsv', () => {
  const csv = dealsToCsv([deal, bare], accountsById);

  it('writes the exact expected lines', () => {
    expect(csv).toBe(
      '\uFEFF' +
        DEAL_HEADERS.join(',') +
        '\r\n' +
        `98765,"'=Renewal ""2026""","Acme, Thailand",1234.56,THB,Negotiation,open,0.8,commit,renewal,2026-09-01,2026-12-15,สมชาย ใจดี,,"Send contract\nto legal",2026-12-01,\r\n` +
        `deal-2,Pilot,,500000,JPY,Closed Lost,lost,0,omitted,new_business,2026-01-05,,,,,,'-price`,
    );
  });

  it('parses back with papaparse into one row per deal with every column', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    for (const row of parsed.data) expect(row).toHaveLength(DEAL_HEADERS.length);
    expect(parsed.data[1]![12]).toBe('สมชาย ใจดี');
  });

  it('an empty list still has the header', () => {
    expect(dealsToCsv([], accountsById)).toBe(`\uFEFF${DEAL_HEADERS.join(',')}`);
  });

  it('a deal with no created date gets an empty created cell, never a made-up day', () => {
    const undated = dealSchema.parse({ ...bare, id: 'deal-3', createdOn: null });
    expect(undated.createdOn).toBeNull();
    const row = Papa.parse<string[]>(dealsToCsv([undated], accountsById).slice(1), { skipEmptyLines: true }).data[1]!;
    expect(row).toHaveLength(DEAL_HEADERS.length);
    expect(row[DEAL_HEADERS.indexOf('created')]).toBe('');
    expect(row.join(',')).toBe(`deal-3,Pilot,,500000,JPY,Closed Lost,lost,0,omitted,new_business,,,,,,,'-price`);
    // A record without the field at all (parsed with the default) reads the same.
    const { createdOn: _c, ...rest } = bare;
    expect(dealSchema.parse({ ...rest, id: 'deal-4' }).createdOn).toBeNull();
  });
});

describe('accountsToCsv / contactsToCsv / activitiesToCsv', () => {
  const contact = contactSchema.parse({
    id: 'c-1',
    createdAt: 1,
    updatedAt: 1,
    name: 'Nok',
    emails: ['nok@acme.co.th', 'nok@gmail.com'],
    phone: '+66 81 234 5678',
    accountId: 'acc-1',
    buyingRole: 'champion',
  });
  const activity = activitySchema.parse({
    id: 'a-1',
    createdAt: 1,
    updatedAt: 1,
    kind: 'call',
    at: Date.UTC(2026, 10, 28, 2, 30),
    durationMin: 15,
    outcome: 'connected',
    subject: 'Pricing, again',
    dealId: 'deal-1',
    accountId: 'acc-1',
    contactId: 'c-1',
  });

  it('accounts: domains joined with ; (quoted), booleans, potential in major units', () => {
    expect(accountsToCsv([acme]).split('\r\n')).toEqual([
      '\uFEFF' + ACCOUNT_HEADERS.join(','),
      '001A,"Acme, Thailand","acme.co.th;acme.com",Retail,,true,50000.00,THB,2025-03-01,',
    ]);
  });

  it('contacts: emails joined with ;, phone starting with + is neutralised, account by name', () => {
    expect(contactsToCsv([contact], accountsById).split('\r\n')[1]).toBe(
      `c-1,Nok,"nok@acme.co.th;nok@gmail.com",'+66 81 234 5678,,"Acme, Thailand",champion`,
    );
  });

  it('activities: local ISO time with offset, deal external id, account name, contact email', () => {
    const lookups = {
      dealsById: new Map([[deal.id, deal]]),
      accountsById,
      contactsById: new Map([[contact.id, contact]]),
    };
    expect(activitiesToCsv([activity], lookups, 'Asia/Bangkok').split('\r\n')[1]).toBe(
      `a-1,call,2026-11-28T09:30:00+07:00,15,connected,"Pricing, again",,98765,"Acme, Thailand",nok@acme.co.th`,
    );
  });

  it('rawCsvs writes all four tables', () => {
    const out = rawCsvs({ deals: [deal], activities: [activity], accounts: [acme], contacts: [contact] }, 'UTC');
    expect(Object.keys(out).sort()).toEqual(['accounts', 'activities', 'contacts', 'deals']);
    expect(out.deals).toBe(dealsToCsv([deal], accountsById));
    expect(out.activities).toContain('2026-11-28T02:30:00+00:00');
  });

  it('file names carry the kind and the date', () => {
    expect(exportFileName('deals', '2026-11-28')).toBe('ae-cockpit-deals-2026-11-28.csv');
  });
});

describe('isoLocal', () => {
  it.each<[number, string, string]>([
    [Date.UTC(2026, 10, 28, 2, 30, 5), 'Asia/Bangkok', '2026-11-28T09:30:05+07:00'],
    [Date.UTC(2026, 10, 28, 20, 0), 'Asia/Bangkok', '2026-11-29T03:00:00+07:00'],
    [Date.UTC(2026, 10, 28, 2, 30), 'UTC', '2026-11-28T02:30:00+00:00'],
    [Date.UTC(2026, 0, 15, 12, 0), 'America/New_York', '2026-01-15T07:00:00-05:00'],
    [Date.UTC(2026, 6, 15, 12, 0), 'America/New_York', '2026-07-15T08:00:00-04:00'],
    [Date.UTC(2026, 6, 15, 12, 0), 'Asia/Kolkata', '2026-07-15T17:30:00+05:30'],
  ])('%s in %s → %s', (ms, zone, expected) => {
    expect(isoLocal(ms, zone)).toBe(expected);
    // The string names the same instant.
    expect(Date.parse(expected)).toBe(Math.floor(ms / 1000) * 1000);
  });

  it('without a zone uses the runtime zone and still names the same instant', () => {
    const ms = Date.UTC(2026, 10, 28, 2, 30, 0);
    expect(Date.parse(isoLocal(ms))).toBe(ms);
  });
});
