// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isMailThreadUrl, readMailPage } from '../../../lib/capture/mail';
import { threadCaptureSchema } from '../../../lib/capture/schema';

const doc = (site: string, name: string) => new DOMParser().parseFromString(readFileSync(`tests/fixtures/pages/${site}/${name}.html`, 'utf8'), 'text/html');

describe('isMailThreadUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw', true],
    ['https://mail.google.com/mail/u/0/#inbox', false],
    ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D', true],
    ['https://outlook.office365.com/mail/inbox/id/AAMkADmessageonly000000DDDD%3D', true],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATYwMAItYjQ5', true],
    ['https://outlook.live.com/mail/0/', false],
    ['https://example.com/mail/inbox/id/AAQkADAwATM0MDAAMS1', false],
    ['https://acme.my.salesforce.com/lightning/r/Opportunity/006000000000001AAA/view', false],
  ])('%s → %s', (href, expected) => {
    expect(isMailThreadUrl(new URL(href))).toBe(expected);
  });
});

describe('readMailPage', () => {
  it.each([
    ['gmail', 'thread', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw', 'gmail', 'thread-f:1790123456789012345'],
    ['outlook', 'conversation', 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D', 'outlook', 'AAQkADAwATM0MDAAMS1steel111111111BBBB='],
  ])('%s/%s goes to its reader', (site, name, href, expectedSite, expectedId) => {
    const c = readMailPage(doc(site, name), new URL(href));
    expect(threadCaptureSchema.parse(c)).toMatchObject({ site: expectedSite, externalId: expectedId });
  });

  it.each([
    ['gmail page on a non-thread address', 'gmail', 'thread', 'https://mail.google.com/mail/u/0/#inbox'],
    ['outlook page on a CRM address', 'outlook', 'conversation', 'https://app.hubspot.com/contacts/1/deal/2'],
  ])('%s: null', (_n, site, name, href) => {
    expect(readMailPage(doc(site, name), new URL(href))).toBeNull();
  });

  it('a Gmail page read under an Outlook address gives a partial capture, not a throw', () => {
    const c = readMailPage(doc('gmail', 'thread'), new URL('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D'));
    expect(threadCaptureSchema.parse(c).missing).toContain('messages');
  });
});
