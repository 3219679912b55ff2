// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSOC_PANES, COMPANY_LINK, CONTACT_LINK, OWN_PANES, PaneHooks, hubspotRecordOf, labelIn, readHubspot, recordLinks } from '../../../lib/capture/hubspot';
import { recordCaptureSchema, type RecordCapture } from '../../../lib/capture/schema';

/** A saved page as DOMParser builds it (scripts never run); @@ONE_MEGABYTE@@ becomes a 1 MB value. */
function page(file: string): Document {
  const html = readFileSync(`tests/fixtures/pages/hubspot/${file}`, 'utf8').replace('@@ONE_MEGABYTE@@', 'megabyte '.repeat(116_509));
  return new DOMParser().parseFromString(html, 'text/html');
}
const read = (file: string, url: string): RecordCapture => {
  const r = readHubspot(page(file), new URL(url));
  expect(r).not.toBeNull();
  expect(recordCaptureSchema.parse(r)).toEqual(r);
  return r!;
};
const APP = 'https://app.hubspot.com/contacts/123456';

describe('record URLs', () => {
  it.each([
    [`${APP}/record/0-3/9876543210`, 'deal', '9876543210'],
    [`${APP}/record/0-3/9876543210/view/1`, 'deal', '9876543210'],
    ['https://app-eu1.hubspot.com/contacts/123456/record/0-2/777', 'account', '777'],
    [`${APP}/record/0-1/501`, 'contact', '501'],
    [`${APP}/deal/42`, 'deal', '42'],
    [`${APP}/company/777/`, 'account', '777'],
    [`${APP}/contact/501`, 'contact', '501'],
  ])('%s is a %s', (url, kind, id) => expect(hubspotRecordOf(new URL(url))).toMatchObject({ kind, id }));
  it.each([
    `${APP}/objects/0-3/views/all/list`,
    `${APP}/record/0-5/1`,
    'https://app.hubspot.com/reports-dashboard/123456/view/1',
    'https://www.hubspot.com/contacts/123456/record/0-3/1',
    'https://app.hubspot.com.evil.example/contacts/123456/record/0-3/1',
  ])('%s is not a record page: null', (url) => expect(readHubspot(document, new URL(url))).toBeNull());
});

describe('HubSpot record pages', () => {
  it.each([
    {
      file: 'deal.html',
      url: `${APP}/record/0-3/9876543210`,
      kind: 'deal',
      fields: {
        name: 'Acme Platform Renewal',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Contract sent',
        pipeline: 'Sales Pipeline',
        closeOn: '2026-03-25',
        createdOn: '2026-03-02',
        ownerName: 'Maria Garcia',
        nextStep: 'Send MSA redlines',
        dealType: 'Existing Business',
        accountName: 'Acme Corporation',
        accountExternalId: '777',
      },
      missing: [],
    },
    {
      file: 'deal-legacy.html',
      url: `${APP}/deal/42`,
      kind: 'deal',
      fields: { name: 'Initech Pilot', amountMinor: 840_000, currency: 'USD', stage: 'Qualified to buy' },
      missing: ['pipeline', 'closeOn', 'createdOn', 'ownerName', 'nextStep', 'accountName', 'people'],
    },
    {
      file: 'deal-es.html',
      url: 'https://app-eu1.hubspot.com/contacts/123456/record/0-3/55',
      kind: 'deal',
      fields: {
        name: 'Iberia Renovación 2026',
        amountMinor: 840_000,
        currency: 'EUR',
        stage: 'Presentación programada',
        pipeline: 'Pipeline de ventas',
        closeOn: '2026-03-05',
        createdOn: '2026-02-17',
        ownerName: 'Carlos Ruiz',
        nextStep: 'Enviar propuesta',
        accountName: 'Iberia Logística S.L.',
        accountExternalId: '778',
      },
      missing: [],
    },
    {
      file: 'company.html',
      url: `${APP}/record/0-2/777`,
      kind: 'account',
      fields: {
        name: 'Acme Corporation',
        website: 'https://www.acme.example',
        domain: 'acme.example',
        industry: 'Computer Software',
        accountType: 'Customer',
        ownerName: 'Maria Garcia',
        city: 'Berlin',
        country: 'Germany',
        createdOn: '2024-02-10',
      },
      missing: [],
    },
    {
      file: 'contact.html',
      url: `${APP}/contact/501`,
      kind: 'contact',
      fields: {
        name: 'Jane Doe',
        title: 'VP Finance',
        emails: ['jane.doe@acme.example', 'jdoe@acme-finance.example'],
        phone: '+1 (415) 555-0199',
        accountName: 'Acme Corporation',
        accountExternalId: '777',
      },
      missing: [],
    },
  ])('$file: exact fields and missing', ({ file, url, kind, fields, missing }) => {
    const r = read(file, url);
    expect(r.site).toBe('hubspot');
    expect(r.kind).toBe(kind);
    expect(r.fields).toEqual(fields);
    expect(r.missing.sort()).toEqual([...missing].sort());
  });

  it('reads the shown record, not the earlier one left hidden before it', () => {
    const doc = page('deal.html');
    expect(doc.querySelector('[data-test-id="highlight-record-label"]')?.textContent).toBe('Globex Expansion');
    const r = readHubspot(doc, new URL(`${APP}/record/0-3/9876543210`))!;
    expect(r.fields.name).toBe('Acme Platform Renewal');
    expect(JSON.stringify(r)).not.toMatch(/Globex|Hank|Old Owner|120,000/);
  });

  it("the create date (createdate) of the shown record, not the hidden earlier record's", () => {
    const doc = page('deal.html');
    // The trap is real: the earlier record's create date comes first in the document.
    expect(doc.querySelector('[data-selenium-test="property-input-createdate"]')?.textContent).toBe('01/05/2025 8:00 AM EST');
    const r = readHubspot(doc, new URL(`${APP}/record/0-3/9876543210`))!;
    expect(r.fields.createdOn).toBe('2026-03-02');
    expect(r.raw['Create date']).toBe('03/02/2026 9:14 AM EST');
    expect(JSON.stringify(r)).not.toMatch(/2025/);
  });

  it('the create date by its hook whatever the label or card (hs_createdate, data-test-id input); not invented', () => {
    const doc = page('deal.html');
    const visible = doc.querySelectorAll('[data-selenium-test="property-input-createdate"]')[1]!;
    visible.setAttribute('data-selenium-test', 'property-input-hs_createdate');
    visible.closest('span[data-test-id]')!.querySelector('label')!.textContent = 'Fecha de creación';
    expect(readHubspot(doc, new URL(`${APP}/record/0-3/9876543210`))!.fields.createdOn).toBe('2026-03-02');
    visible.querySelector('.private-truncated-string__inner')!.textContent = '--';
    const r = readHubspot(doc, new URL(`${APP}/record/0-3/9876543210`))!;
    expect(r.fields.createdOn).toBeUndefined();
    expect(r.missing).toEqual(['createdOn']);
    // A contact page without one names nothing missing (the app keeps no created date on contacts).
    expect(read('contact.html', `${APP}/contact/501`).missing).toEqual([]);
  });

  it('associated contacts with their addresses; the associated company is the account', () => {
    const r = read('deal.html', `${APP}/record/0-3/9876543210`);
    expect(r.people).toEqual([
      { name: 'Jane Doe', email: 'jane.doe@acme.example', role: null, title: null, externalId: '501' },
      { name: 'Raj Patel', email: 'raj.patel@acme.example', role: null, title: null, externalId: '502' },
    ]);
  });

  it('multi-currency: the deal amount in the deal currency, not the company-currency amount', () => {
    const r = read('deal.html', `${APP}/record/0-3/9876543210`);
    expect(r.raw['Amount in company currency']).toBe('$9,114.00');
    expect([r.fields.amountMinor, r.fields.currency]).toEqual([840_000, 'EUR']);
  });

  it('a bare "$" amount takes the deal currency when it is a dollar currency', () => {
    const doc = page('deal.html');
    for (const el of doc.querySelectorAll('[data-selenium-test="property-input-amount"] .private-truncated-string__inner, [data-test-id="highlight-property-display-amount"] span')) el.textContent = '$8,400.00';
    for (const el of doc.querySelectorAll('[data-selenium-test="property-input-deal_currency_code"] .private-truncated-string__inner')) el.textContent = 'AUD';
    const r = readHubspot(doc, new URL(`${APP}/record/0-3/9876543210`))!;
    expect([r.fields.amountMinor, r.fields.currency]).toEqual([840_000, 'AUD']);
  });

  it('an ambiguous D/M close date with no page locale is left out and listed', () => {
    const doc = page('deal-es.html');
    doc.documentElement.removeAttribute('lang');
    // 17/2/2026 (the create date) still settles the order for every date on the record.
    expect(readHubspot(doc, new URL(`${APP}/record/0-3/55`))!.fields.closeOn).toBe('2026-03-05');
    for (const el of doc.querySelectorAll('[data-selenium-test="property-input-createdate"] .private-truncated-string__inner')) el.textContent = '2/2/2026';
    const r = readHubspot(doc, new URL(`${APP}/record/0-3/55`))!;
    expect(r.fields.closeOn).toBeUndefined();
    expect(r.fields.createdOn).toBeUndefined();
    expect(r.missing.sort()).toEqual(['closeOn', 'createdOn']);
  });

  it('hostile content stays text: cleaned, capped, never run', () => {
    const r = read('deal-hostile.html', `${APP}/record/0-3/66`);
    expect(r.fields.name).toBe('Acme evil Deal 🚀');
    expect(r.fields.stage).toBe('ปิดการขายได้ 🎉');
    expect(r.fields.accountName).toBe('บริษัท ทดสอบ จำกัด 🙂');
    expect([r.fields.amountMinor, r.fields.currency]).toEqual([100_000, 'THB']);
    expect(r.fields.nextStep).toBe('<script>alert(1)</script><img src=x onerror=alert(2)> call back');
    expect(r.raw['Deal description']!.length).toBe(2000);
    // Its create date in Thai digits and the Buddhist era, beside markup shown as text.
    expect(r.raw['วันที่สร้าง']).toBe('<img src=x onerror=alert(3)> ๒๑/๓/๒๕๖๙ 09:00');
    expect(r.fields.createdOn).toBe('2026-03-21');
    expect(JSON.stringify(r)).not.toMatch(/pwned|\u202e/);
  });

  it('never throws: a broken DOM gives a partial capture', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } } as unknown as ParentNode;
    const r = readHubspot(broken, new URL(`${APP}/record/0-3/1`))!;
    expect(recordCaptureSchema.parse(r).missing).toContain('name');
  });
});

describe('fast lookups give what the plain queries give (random trees)', () => {
  const VALUES: Record<string, string[]> = {
    'data-selenium-test': ['property-label-dealname', 'property-label-hs_next_step', 'property-label-deal stage', 'property-label-négocio', 'property-label-', 'xproperty-labely', 'property-input-dealname', 'PROPERTY-LABEL-dealname'],
    'data-test-id': ['property-label', 'my-property-label-x', 'dealname', 'property-labe'],
    href: ['/contacts/1/record/0-2/5', '/company/7', '/contacts/1/record/0-1/9', '/contact/3', 'https://app.hubspot.com/contacts/1/record/0-1/2?x=/company/1', '/Record/0-2/1', '/contacts/1/record/0-3/4', '#', ''],
  };
  interface T { tag: string; attrs: Array<[string, number]>; kids: T[] }
  const tree: fc.Arbitrary<T> = fc.letrec<{ node: T }>((tie) => ({
    node: fc.record({
      tag: fc.constantFrom<string>('div', 'span', 'a', 'label', 'ul', 'li', 'button'),
      attrs: fc.array(fc.tuple(fc.constantFrom(...Object.keys(VALUES)), fc.nat()), { maxLength: 3 }),
      kids: fc.oneof({ maxDepth: 5 }, fc.constant<T[]>([]), fc.array(tie('node'), { maxLength: 4 })),
    }),
  })).node;
  function build(doc: Document, t: T): Element {
    const el = doc.createElement(t.tag);
    for (const [name, i] of t.attrs) el.setAttribute(name, VALUES[name]![i % VALUES[name]!.length]!);
    for (const k of t.kids) el.append(build(doc, k));
    return el;
  }
  const doc = document.implementation.createHTMLDocument('t');

  it('labelIn(row, name) is querySelector of the exact label hook, else of the loose one', () => {
    fc.assert(
      // Internal names are [a-z0-9_]; a quote or backslash in one would need CSS escapes the test DOM does not parse.
      fc.property(tree, fc.constantFrom('dealname', 'hs_next_step', 'deal stage', 'négocio', ''), (t, name) => {
        const row = build(doc, t);
        const plain =
          row.querySelector(`[data-selenium-test="property-label-${name.replace(/["\\]/g, '\\$&')}"]`) ??
          row.querySelector('[data-selenium-test*="property-label"], [data-test-id*="property-label"], label');
        expect(labelIn(row, name)).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('PaneHooks matches every pane selector exactly as querySelectorAll does, and queryAllOf as dom.ts queryAllOf', () => {
    // Hook values, near misses and other values that the groups' wider selectors also catch.
    const PANE_VALUES: Record<string, string[]> = {
      'data-test-id': ['left-sidebar', 'records-right-sidebar', 'right-sidebar', 'left-sidebar-x', 'xleft-sidebar', '-sidebar', 'middle-pane', 'middle-panel', 'all-properties-panel', 'all-properties-pane', 'x-pane-y', 'record-highlight-content', 'record-highlight-contents', 'Left-Sidebar'],
      'data-selenium-test': ['highlightedPropertySidebar', 'highlightedPropertySidebarX', 'deal-highlight-details', '-highlight-details', 'highlight-details', 'highlightTitle', 'deal-highlight-detailsx', 'x'],
      'data-selenium-component': ['ProfileHighlightContainer', 'ProfileHighlightContainers', 'x'],
      id: ['record-page-left-sidebar', 'record-page-right-sidebar', 'record-page-left-sidebar-x'],
    };
    interface P { attrs: Array<[string, number]>; kids: P[] }
    const paneTree: fc.Arbitrary<P> = fc.letrec<{ node: P }>((tie) => ({
      node: fc.record({
        attrs: fc.array(fc.tuple(fc.constantFrom(...Object.keys(PANE_VALUES)), fc.nat()), { maxLength: 3 }),
        kids: fc.oneof({ maxDepth: 5 }, fc.constant<P[]>([]), fc.array(tie('node'), { maxLength: 4 })),
      }),
    })).node;
    const buildPane = (t: P): Element => {
      const el = doc.createElement('div');
      for (const [name, i] of t.attrs) el.setAttribute(name, PANE_VALUES[name]![i % PANE_VALUES[name]!.length]!);
      for (const k of t.kids) el.append(buildPane(k));
      return el;
    };
    const selectors = [...OWN_PANES, ...ASSOC_PANES];
    fc.assert(
      fc.property(paneTree, fc.shuffledSubarray(selectors), (t, some) => {
        const root = doc.createElement('div');
        root.append(buildPane(t));
        const hooks = new PaneHooks(root);
        for (const sel of selectors) expect(hooks.matches(sel)).toEqual([...root.querySelectorAll(sel)]);
        const plain: Element[] = [];
        for (const sel of some) for (const el of root.querySelectorAll(sel)) if (!plain.includes(el)) plain.push(el);
        expect(new PaneHooks(root).queryAllOf(some)).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('recordLinks(scope) is querySelectorAll of the company, contact and both link selectors', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const scope = build(doc, t);
        const links = recordLinks(scope);
        expect(links.companies).toEqual([...scope.querySelectorAll(COMPANY_LINK)]);
        expect(links.contacts).toEqual([...scope.querySelectorAll(CONTACT_LINK)]);
        expect(links.all).toEqual([...scope.querySelectorAll(`${COMPANY_LINK}, ${CONTACT_LINK}`)]);
      }),
      { numRuns: 300 },
    );
  });
});
