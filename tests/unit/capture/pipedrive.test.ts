// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pipedriveRecordOf, readPipedrive } from '../../../lib/capture/pipedrive';
import { recordCaptureSchema, type RecordCapture } from '../../../lib/capture/schema';

/** A saved page as DOMParser builds it (scripts never run); @@ONE_MEGABYTE@@ becomes a 1 MB value. */
function page(file: string): Document {
  const html = readFileSync(`tests/fixtures/pages/pipedrive/${file}`, 'utf8').replace('@@ONE_MEGABYTE@@', 'megabyte '.repeat(116_509));
  return new DOMParser().parseFromString(html, 'text/html');
}
const read = (file: string, url: string): RecordCapture => {
  const r = readPipedrive(page(file), new URL(url));
  expect(r).not.toBeNull();
  expect(recordCaptureSchema.parse(r)).toEqual(r);
  return r!;
};
const APP = 'https://acme.pipedrive.com';

describe('record URLs', () => {
  it.each([
    [`${APP}/deal/123`, 'deal', '123'],
    [`${APP}/deal/123/`, 'deal', '123'],
    [`${APP}/organization/321`, 'account', '321'],
    [`${APP}/person/11?tab=activity`, 'contact', '11'],
    ['https://app.pipedrive.com/deal/7', 'deal', '7'],
  ])('%s is a %s', (url, kind, id) => expect(pipedriveRecordOf(new URL(url))).toMatchObject({ kind, id }));
  it.each([
    `${APP}/pipeline/1/user/everyone`,
    `${APP}/deals/list`,
    `${APP}/leads/inbox/abc`,
    'https://www.pipedrive.com/deal/1',
    'https://acme.pipedrive.com.evil.example/deal/1',
  ])('%s is not a record page: null', (url) => expect(readPipedrive(document, new URL(url))).toBeNull());
});

describe('Pipedrive record pages', () => {
  it.each([
    {
      file: 'deal.html',
      url: `${APP}/deal/123`,
      kind: 'deal',
      fields: {
        name: 'Acme Platform Renewal',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Proposal Made',
        pipeline: 'Sales pipeline',
        closeOn: '2026-03-25',
        createdOn: '2026-03-02',
        probability: 0.6,
        status: 'open',
        ownerName: 'Maria Garcia',
        accountName: 'Acme Corporation',
        accountExternalId: '321',
      },
      missing: [],
    },
    {
      file: 'deal-changed.html',
      url: `${APP}/deal/124`,
      kind: 'deal',
      fields: { name: 'Initech Pilot', stage: 'Qualified', accountName: 'Initech', accountExternalId: '555' },
      missing: ['amountMinor', 'currency', 'closeOn', 'createdOn', 'probability', 'status', 'ownerName', 'people'],
    },
    {
      file: 'deal-es.html',
      url: `${APP}/deal/125`,
      kind: 'deal',
      fields: {
        name: 'Iberia Renovación 2026',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Propuesta realizada',
        pipeline: 'Embudo de ventas',
        closeOn: '2026-03-05',
        createdOn: '2026-01-14',
        probability: 0.6,
        status: 'won',
        ownerName: 'Carlos Ruiz',
        accountName: 'Iberia Logística S.L.',
        accountExternalId: '322',
      },
      missing: [],
    },
    {
      file: 'organization.html',
      url: `${APP}/organization/321`,
      kind: 'account',
      fields: { name: 'Acme Corporation', ownerName: 'Maria Garcia', website: 'https://www.acme.example', domain: 'acme.example' },
      missing: [],
    },
    {
      file: 'person.html',
      url: `${APP}/person/11`,
      kind: 'contact',
      fields: {
        name: 'Jane Doe',
        ownerName: 'Maria Garcia',
        title: 'VP Finance',
        phone: '+1 415 555 0199',
        emails: ['jane.doe@acme.example', 'jane@home.example'],
        accountName: 'Acme Corporation',
        accountExternalId: '321',
        createdOn: '2024-02-10',
      },
      missing: [],
    },
  ])('$file: exact fields and missing', ({ file, url, kind, fields, missing }) => {
    const r = read(file, url);
    expect(r.site).toBe('pipedrive');
    expect(r.kind).toBe(kind);
    expect(r.fields).toEqual(fields);
    expect(r.missing.sort()).toEqual([...missing].sort());
  });

  it('reads the shown deal, not the earlier one left hidden before it', () => {
    const doc = page('deal.html');
    expect(doc.querySelector('[data-testid="header-title"]')?.textContent).toBe('Globex Expansion');
    const r = readPipedrive(doc, new URL(`${APP}/deal/123`))!;
    expect(r.fields.name).toBe('Acme Platform Renewal');
    expect(JSON.stringify(r)).not.toMatch(/Globex|Hank|Old Owner|120,000/);
  });

  it("'Deal created' of the shown deal, not the hidden earlier deal's; missing when it does not parse", () => {
    const doc = page('deal.html');
    const labels = [...doc.querySelectorAll('.cui5-field__label')].filter((l) => l.textContent === 'Deal created');
    // The trap is real: the earlier deal's comes first in the document.
    expect(labels.map((l) => l.nextElementSibling!.textContent)).toEqual(['January 5, 2025 8:00 AM', 'March 2, 2026 9:14 AM']);
    const r = readPipedrive(doc, new URL(`${APP}/deal/123`))!;
    expect(r.fields.createdOn).toBe('2026-03-02');
    expect(JSON.stringify(r)).not.toMatch(/2025/);
    labels[1]!.nextElementSibling!.textContent = '23 days ago';
    const r2 = readPipedrive(doc, new URL(`${APP}/deal/123`))!;
    expect(r2.fields.createdOn).toBeUndefined();
    expect(r2.missing).toEqual(['createdOn']);
    // An organisation page without one names nothing missing.
    expect(read('organization.html', `${APP}/organization/321`).missing).toEqual([]);
  });

  it('people with their addresses', () => {
    expect(read('deal.html', `${APP}/deal/123`).people).toEqual([
      { name: 'Jane Doe', email: 'jane.doe@acme.example', role: null, title: null, externalId: '11' },
      { name: 'Raj Patel', email: 'raj.patel@acme.example', role: null, title: null, externalId: '12' },
    ]);
  });

  it('multi-currency: the deal value, not the converted one in brackets', () => {
    const r = read('deal.html', `${APP}/deal/123`);
    expect(r.raw['Value']).toBe('€8,400 (≈ $9,114)');
    expect([r.fields.amountMinor, r.fields.currency]).toEqual([840_000, 'EUR']);
  });

  it('an ambiguous D/M date with no page locale is left out; "8.400 €" then reads as 8.4', () => {
    const doc = page('deal-es.html');
    doc.documentElement.removeAttribute('lang');
    // 'Trato creado 14/1/2026' still settles the order for every date of the record.
    expect(readPipedrive(doc, new URL(`${APP}/deal/125`))!.fields.closeOn).toBe('2026-03-05');
    const created = [...doc.querySelectorAll('.cui5-field__label')].find((l) => l.textContent === 'Trato creado')!.nextElementSibling!;
    created.textContent = '2/1/2026 10:02';
    const r = readPipedrive(doc, new URL(`${APP}/deal/125`))!;
    expect(r.fields.closeOn).toBeUndefined();
    expect(r.fields.createdOn).toBeUndefined();
    expect(r.missing.sort()).toEqual(['closeOn', 'createdOn']);
    // '8.400' alone does not say which separator it is: without the locale the importer's default (dot) applies.
    expect(r.fields.amountMinor).toBe(840);
  });

  it('hostile content stays text: cleaned, capped, never run', () => {
    const r = read('deal-hostile.html', `${APP}/deal/126`);
    expect(r.fields.name).toBe('Acme evil Deal 🚀');
    expect(r.fields.accountName).toBe('บริษัท ทดสอบ จำกัด 🙂');
    expect(r.fields.ownerName).toBe('<script>alert(1)</script><img src=x onerror=alert(2)>');
    // 'Deal created' beside markup shown as text, in the Buddhist era of a Thai account.
    expect(r.raw['Deal created']).toBe('<img src=x onerror=alert(3)> 21/3/2569 09:00 🚀');
    expect(r.fields.createdOn).toBe('2026-03-21');
    expect(r.fields.pipeline!.length).toBe(200);
    expect(r.fields.pipeline).toMatch(/^megabyte megabyte/);
    expect(r.people).toEqual([{ name: 'ผู้ติดต่อ 🙂 RTL', email: 'thai@test.example', role: null, title: null, externalId: '31' }]);
    expect(JSON.stringify(r)).not.toMatch(/pwned|\u202e/);
  });

  it('never throws: a broken DOM gives a partial capture', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } } as unknown as ParentNode;
    const r = readPipedrive(broken, new URL(`${APP}/deal/1`))!;
    expect(recordCaptureSchema.parse(r).missing).toContain('name');
  });
});
