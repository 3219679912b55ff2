// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSalesforce, salesforceRecordOf, to18 } from '../../../lib/capture/salesforce';
import { recordCaptureSchema, type RecordCapture } from '../../../lib/capture/schema';

/** A saved page as DOMParser builds it (scripts never run); @@ONE_MEGABYTE@@ becomes a 1 MB value. */
function page(file: string): Document {
  const html = readFileSync(`tests/fixtures/pages/salesforce/${file}`, 'utf8').replace('@@ONE_MEGABYTE@@', 'megabyte '.repeat(116_509));
  return new DOMParser().parseFromString(html, 'text/html');
}
const ORG = 'https://acme.lightning.force.com';
const read = (file: string, path: string): RecordCapture => {
  const r = readSalesforce(page(file), new URL(ORG + path));
  expect(r).not.toBeNull();
  // Every capture fits the boundary schema as it is.
  expect(recordCaptureSchema.parse(r)).toEqual(r);
  return r!;
};

describe('15 → 18 character ids', () => {
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['0065g00000AbCdE', '0065g00000AbCdEAAV'],
    ['003000000000000', '003000000000000AAA'],
    ['ZZZZZZZZZZZZZZZ', 'ZZZZZZZZZZZZZZZ555'],
    ['0065g00000AbCdEaav', '0065g00000AbCdEAAV'],
  ])('%s → %s', (id, id18) => expect(to18(id)).toBe(id18));
  it('refuses what is not an id', () => {
    expect(to18('0065g00000AbCd')).toBeNull();
    expect(to18('0065g00000AbCdE!')).toBeNull();
  });
});

describe('record URLs', () => {
  it.each([
    [`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`, 'deal', '0065g00000AbCdEAAV'],
    [`${ORG}/lightning/r/Opportunity/0065g00000AbCdEAAV/view`, 'deal', '0065g00000AbCdEAAV'],
    ['https://acme.my.salesforce.com/lightning/r/Account/0015g00000QrStU/view', 'account', '0015g00000QrStUAAV'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Contact/0035g00000JaNeD/view?ws=x', 'contact', '0035g00000JaNeDAAV'],
    [`${ORG}/lightning/r/Lead/00Q5g00000LeAdS/view`, 'lead', '00Q5g00000LeAdSEAV'],
  ])('%s is a %s', (url, kind, id) => expect(salesforceRecordOf(new URL(url))).toMatchObject({ kind, id }));
  it.each([
    `${ORG}/lightning/o/Opportunity/list`,
    `${ORG}/lightning/r/Case/5005g00000AbCdE/view`,
    `${ORG}/lightning/r/Opportunity/0065g00000AbCdE/related/OpportunityContactRoles/view`,
    `${ORG}/lightning/page/home`,
    'https://lightning.force.com.evil.example/lightning/r/Opportunity/0065g00000AbCdE/view',
    'https://acme.pipedrive.com/deal/1',
  ])('%s is not a record page: null, without reading the DOM', (url) => {
    expect(readSalesforce(document, new URL(url))).toBeNull();
  });
});

describe('Lightning record pages', () => {
  it.each([
    {
      file: 'opportunity.html',
      path: '/lightning/r/Opportunity/0065g00000AbCdE/view',
      kind: 'deal',
      fields: {
        name: 'Acme Platform Renewal',
        accountName: 'Acme Corporation',
        accountExternalId: '0015g00000QrStUAAV',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Negotiation/Review',
        probability: 0.9,
        closeOn: '2026-03-25',
        createdOn: '2026-03-02',
        nextStep: 'Send MSA redlines',
        ownerName: 'Maria Garcia',
        dealType: 'Existing Customer - Upgrade',
      },
      missing: [],
    },
    {
      file: 'opportunity-es.html',
      path: '/lightning/r/Opportunity/0065g00000AbCdE/view',
      kind: 'deal',
      fields: {
        name: 'Iberia Renovación 2026',
        accountName: 'Iberia Logística S.L.',
        accountExternalId: '0015g00000QrStUAAV',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Propuesta/Presupuesto',
        probability: 0.6,
        closeOn: '2026-03-05',
        createdOn: '2026-03-02',
        nextStep: 'Enviar propuesta',
        ownerName: 'Carlos Ruiz',
        dealType: 'Cliente existente - Ampliación',
      },
      missing: [],
    },
    {
      file: 'opportunity-changed.html',
      path: '/lightning/r/Opportunity/0065g00000AbCdEAAV/view',
      kind: 'deal',
      fields: { name: 'Initech Pilot', stage: 'Prospecting', ownerName: 'Peter Gibbons', createdOn: '2026-01-07' },
      missing: ['accountName', 'amountMinor', 'currency', 'probability', 'closeOn', 'nextStep', 'dealType', 'people'],
    },
    {
      file: 'account-console.html',
      path: '/lightning/r/Account/0015g00000QrStU/view',
      kind: 'account',
      fields: {
        name: 'Acme Corporation',
        website: 'https://www.acme.example/',
        domain: 'acme.example',
        industry: 'Manufacturing',
        accountType: 'Customer - Direct',
        ownerName: 'Maria Garcia',
        city: 'Berlin',
        country: 'Germany',
      },
      missing: [],
    },
    {
      file: 'contact.html',
      path: '/lightning/r/Contact/0035g00000JaNeD/view',
      kind: 'contact',
      fields: {
        name: 'Jane Doe',
        title: 'VP Finance',
        accountName: 'Acme Corporation',
        accountExternalId: '0015g00000QrStUAAV',
        emails: ['jane.doe@acme.example', 'jdoe@acme-finance.example'],
        phone: '+1 (415) 555-0199',
      },
      missing: [],
    },
    {
      file: 'lead.html',
      path: '/lightning/r/Lead/00Q5g00000LeAdS/view',
      kind: 'lead',
      fields: { name: 'Sam Lee', title: 'Operations Director', accountName: 'Umbrella Health', emails: ['sam.lee@umbrella.example'], phone: '+44 20 7946 0000', createdOn: '2026-01-14' },
      missing: [],
    },
  ])('$file: exact fields and missing', ({ file, path, kind, fields, missing }) => {
    const r = read(file, path);
    expect(r.site).toBe('salesforce');
    expect(r.kind).toBe(kind);
    expect(r.fields).toEqual(fields);
    expect(r.missing.sort()).toEqual([...missing].sort());
  });

  it('reads the active record, not the earlier one Lightning keeps hidden before it', () => {
    const doc = page('opportunity.html');
    // The trap is real: the first record in the document is the earlier one.
    expect(doc.querySelector('records-highlights2 [slot="primaryField"]')?.textContent).toBe('Globex Expansion');
    const r = readSalesforce(doc, new URL(`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`))!;
    expect(r.fields.name).toBe('Acme Platform Renewal');
    expect(JSON.stringify(r)).not.toMatch(/Globex|Hank|Old Owner|120,000/);
  });

  it('reads the active console tab, not an earlier one', () => {
    const r = read('account-console.html', '/lightning/r/Account/0015g00000QrStU/view');
    expect(JSON.stringify(r)).not.toMatch(/Globex|Springfield|Energy/);
  });

  it('reads nothing when no page host is active (no guessing which record)', () => {
    const doc = page('opportunity.html');
    doc.querySelector('.oneContent.active')!.classList.remove('active');
    const r = readSalesforce(doc, new URL(`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`))!;
    expect(r.fields).toEqual({});
    expect(r.missing).toContain('name');
  });

  it('a 15- and an 18-character URL are one record (externalId is the 18-character form)', () => {
    const a = read('opportunity.html', '/lightning/r/Opportunity/0065g00000AbCdE/view');
    const b = read('opportunity.html', '/lightning/r/Opportunity/0065g00000AbCdEAAV/view');
    expect(a.externalId).toBe('0065g00000AbCdEAAV');
    expect(b.externalId).toBe(a.externalId);
    expect(b.fields).toEqual(a.fields);
  });

  it('takes the record amount of a multi-currency org, not the converted one', () => {
    const r = read('opportunity.html', '/lightning/r/Opportunity/0065g00000AbCdE/view');
    expect(r.raw['Amount']).toBe('EUR 8,400.00 (USD 9,114.00)');
    expect([r.fields.amountMinor, r.fields.currency]).toEqual([840_000, 'EUR']);
  });

  it('contact roles: name, email, role, title and the 18-character contact id', () => {
    expect(read('opportunity.html', '/lightning/r/Opportunity/0065g00000AbCdE/view').people).toEqual([
      { name: 'Jane Doe', email: 'jane.doe@acme.example', role: 'Economic Buyer', title: 'VP Finance', externalId: '0035g00000JaNeDAAV' },
      { name: 'Raj Patel', email: 'raj.patel@acme.example', role: 'Technical Buyer', title: 'Head of IT', externalId: '0035g00000RaJpTAAV' },
    ]);
    // The datatable form, with Spanish column labels.
    expect(read('opportunity-es.html', '/lightning/r/Opportunity/0065g00000AbCdE/view').people).toEqual([
      { name: 'Lucía Fernández', email: 'lucia@iberia.example', role: 'Responsable de la toma de decisiones', title: 'Directora Financiera', externalId: '0035g00000LuCiAAAV' },
    ]);
  });

  it('an ambiguous D/M date with no page locale is left out and listed, not guessed', () => {
    const doc = page('opportunity-es.html');
    doc.documentElement.removeAttribute('lang');
    const r = readSalesforce(doc, new URL(`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`))!;
    expect(r.fields.closeOn).toBeUndefined();
    // Created By's '2/3/2026 9:14' is as ambiguous: left out too.
    expect(r.fields.createdOn).toBeUndefined();
    expect(r.missing.sort()).toEqual(['closeOn', 'createdOn']);
    // Without the locale, '8.400,00 €' still reads by its own shape.
    expect(r.fields.amountMinor).toBe(840_000);
  });

  it('the same ambiguous date follows the locale: es → day first, en-US → month first', () => {
    const doc = page('opportunity-es.html');
    doc.documentElement.setAttribute('lang', 'en-US');
    const r = readSalesforce(doc, new URL(`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`))!;
    expect(r.fields.closeOn).toBe('2026-05-03');
    expect(r.fields.createdOn).toBe('2026-02-03');
  });

  it('hostile content stays text: cleaned, capped, never run', () => {
    const doc = page('opportunity-hostile.html');
    const title = doc.title;
    const r = read('opportunity-hostile.html', '/lightning/r/Opportunity/0065g00000AbCdE/view');
    expect(r.fields.name).toBe('Acme evil Deal 🚀'); // U+202E/U+202C stripped, emoji kept
    expect(r.fields.accountName).toBe('บริษัท ทดสอบ จำกัด 🙂');
    expect(r.fields.ownerName).toBe('ผู้ขาย ทดสอบ');
    expect(r.fields.nextStep).toBe('<script>alert(1)</script><img src=x onerror=alert(2)> call back');
    // The creator's name holds a date of its own: the created date is the modstamp's.
    expect(r.fields.createdOn).toBe('2026-03-01');
    expect(r.raw['Description']!.length).toBe(2000);
    expect(r.raw['Description']).toMatch(/^megabyte megabyte/);
    expect(JSON.stringify(r)).not.toMatch(/pwned|\u202e/);
    expect(doc.title).toBe(title);
  });

  describe('the created date (Created By / Created Date)', () => {
    const OPP = `${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`;
    /** The visible record's layout item with this label. */
    const visibleItem = (doc: Document, label: string) => doc.querySelector(`.oneContent.active records-record-layout-item[field-label="${label}"]`)!;

    it("is the date of the visible record's Created By, not the hidden earlier record's, nor Last Modified By's", () => {
      const doc = page('opportunity.html');
      // The traps are real: the earlier record's Created By comes first, Last Modified By has another date.
      expect(doc.querySelector('records-record-layout-item[field-label="Created By"] records-modstamp lightning-formatted-text')?.textContent).toBe('1/5/2026, 8:00 AM');
      expect(visibleItem(doc, 'Last Modified By').textContent).toContain('3/20/2026');
      const r = readSalesforce(doc, new URL(OPP))!;
      expect(r.fields.createdOn).toBe('2026-03-02');
      expect(r.raw['Created By']).toBe('Sam Admin, 3/2/2026, 9:14 AM');
    });

    it('is read from the modstamp when the output field is the creator lookup alone (the date outside it)', () => {
      const r = read('lead.html', '/lightning/r/Lead/00Q5g00000LeAdS/view');
      expect(r.raw['Created By']).toBe('Sam Admin');
      expect(r.fields.createdOn).toBe('2026-01-14');
    });

    it('a deal or lead page without it names it missing; a date that does not parse is missing, not invented', () => {
      const doc = page('opportunity.html');
      visibleItem(doc, 'Created By').remove();
      expect(readSalesforce(doc, new URL(OPP))!.missing).toEqual(['createdOn']);

      const doc2 = page('opportunity.html');
      visibleItem(doc2, 'Created By').querySelector('records-modstamp lightning-formatted-text')!.textContent = 'Yesterday at 9:14 AM';
      const r = readSalesforce(doc2, new URL(OPP))!;
      expect(r.fields.createdOn).toBeUndefined();
      expect(r.missing).toEqual(['createdOn']);

      const lead = page('lead.html');
      lead.querySelector('records-record-layout-item[field-label="Created By"]')!.remove();
      expect(readSalesforce(lead, new URL(`${ORG}/lightning/r/Lead/00Q5g00000LeAdS/view`))!.missing).toEqual(['createdOn']);
    });

    it('without a modstamp, the date after the creator (whose name may hold a date) — Aura layouts', () => {
      const r = read('opportunity-changed.html', '/lightning/r/Opportunity/0065g00000AbCdEAAV/view');
      expect(r.raw['Created By']).toBe('Migration 9/1/2025, 1/7/2026 6:30 AM');
      expect(r.fields.createdOn).toBe('2026-01-07');
    });

    it('a Created Date field, where the layout shows one, by API name or translated label; contacts and accounts are not asked for it', () => {
      const doc = page('opportunity.html');
      const by = visibleItem(doc, 'Created By');
      const cd = by.cloneNode(true) as Element;
      cd.setAttribute('field-label', 'Created Date');
      cd.setAttribute('data-target-selection-name', 'sfdc:RecordField.Opportunity.CreatedDate');
      cd.querySelector('.test-id__field-label')!.textContent = 'Created Date';
      cd.querySelector('records-modstamp')!.replaceWith(Object.assign(doc.createElement('lightning-formatted-text'), { textContent: '2/27/2026, 5:00 PM' }));
      by.after(cd);
      expect(readSalesforce(doc, new URL(OPP))!.fields.createdOn).toBe('2026-02-27');
      // Without the API-name hook, by its label (Spanish page).
      const es = page('opportunity-es.html');
      const item = es.querySelector('records-record-layout-item[field-label="Creado por"]')!;
      item.removeAttribute('data-target-selection-name');
      item.setAttribute('field-label', 'Fecha de creación');
      item.querySelector('.test-id__field-label')!.textContent = 'Fecha de creación';
      expect(readSalesforce(es, new URL(OPP))!.fields.createdOn).toBe('2026-03-02');
      // A contact page without one lists nothing missing.
      expect(read('contact.html', '/lightning/r/Contact/0035g00000JaNeD/view').missing).not.toContain('createdOn');
    });
  });

  it('never throws: a broken DOM gives a partial capture', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } } as unknown as ParentNode;
    const r = readSalesforce(broken, new URL(`${ORG}/lightning/r/Opportunity/0065g00000AbCdE/view`))!;
    expect(recordCaptureSchema.parse(r).missing).toContain('name');
    expect(r.fields).toEqual({});
  });
});
