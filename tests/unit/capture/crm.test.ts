// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crmSiteOf, isCrmRecordUrl, readCrmPage } from '../../../lib/capture/crm';
import { recordCaptureSchema } from '../../../lib/capture/schema';

const page = (path: string) => new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${path}`, 'utf8'), 'text/html');

describe('readCrmPage dispatches by hostname', () => {
  it.each([
    ['salesforce/opportunity.html', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view', 'salesforce', 'Acme Platform Renewal'],
    ['hubspot/deal.html', 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210', 'hubspot', 'Acme Platform Renewal'],
    ['pipedrive/deal.html', 'https://acme.pipedrive.com/deal/123', 'pipedrive', 'Acme Platform Renewal'],
  ])('%s → %s', (file, url, site, name) => {
    const r = readCrmPage(page(file), new URL(url));
    expect(recordCaptureSchema.parse(r)).toMatchObject({ site, kind: 'deal', fields: { name } });
  });

  it.each([
    ['salesforce/opportunity.html', 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view'],
    ['hubspot/deal.html', 'https://app.hubspot.com/contacts/123456/record/0-3/9876543210'],
    ['pipedrive/deal.html', 'https://acme.pipedrive.com/deal/123'],
  ])('%s: the deal\'s created date, the shown record\'s (each fixture hides an earlier record created on another day)', (file, url) => {
    const r = readCrmPage(page(file), new URL(url))!;
    expect(r.type === 'record' && r.fields.createdOn).toBe('2026-03-02');
    expect(r.missing).not.toContain('createdOn');
  });

  it('a record URL of one CRM never runs another CRM\'s reader on the page', () => {
    // A HubSpot URL over a Salesforce page: the HubSpot reader finds nothing of its own.
    const r = readCrmPage(page('salesforce/opportunity.html'), new URL('https://app.hubspot.com/contacts/1/record/0-3/2'))!;
    expect(r.site).toBe('hubspot');
    expect(r.fields).toEqual({});
  });
});

describe('isCrmRecordUrl', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view', true],
    ['https://acme.my.salesforce.com/lightning/r/Lead/00Q5g00000LeAdS/view', true],
    ['https://acme.lightning.force.com/lightning/o/Opportunity/list', false],
    ['https://app.hubspot.com/contacts/123456/record/0-2/777', true],
    ['https://app-eu1.hubspot.com/contacts/123456/company/777', true],
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list', false],
    ['https://acme.pipedrive.com/person/11', true],
    ['https://acme.pipedrive.com/pipeline', false],
    ['https://mail.google.com/mail/u/0/#inbox', false],
    ['https://example.com/deal/1', false],
  ])('%s → %s', (url, yes) => expect(isCrmRecordUrl(new URL(url))).toBe(yes));

  it('crmSiteOf knows the hosts only', () => {
    expect(crmSiteOf(new URL('https://x.lightning.force.com/'))).toBe('salesforce');
    expect(crmSiteOf(new URL('https://app.hubspot.com/'))).toBe('hubspot');
    expect(crmSiteOf(new URL('https://x.pipedrive.com/'))).toBe('pipedrive');
    expect(crmSiteOf(new URL('https://pipedrive.com.evil.example/'))).toBeNull();
  });

  it('a page that is not a record page costs no DOM read', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('the DOM was touched'); } }) as ParentNode;
    for (const u of ['https://acme.lightning.force.com/lightning/page/home', 'https://app.hubspot.com/reports/1', 'https://acme.pipedrive.com/pipeline', 'https://example.com/']) {
      expect(readCrmPage(trap, new URL(u))).toBeNull();
    }
  });
});
