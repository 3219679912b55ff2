// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readGmail, gmailThreadFromUrl } from '../../../lib/capture/gmail';
import { threadCaptureSchema, type ThreadCapture } from '../../../lib/capture/schema';
import { largeGmailThread } from '../../fixtures/pages/gmail/large';

const fixture = (name: string) => readFileSync(`tests/fixtures/pages/gmail/${name}.html`, 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const THREAD_URL = new URL('https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw');
const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();

function read(html: string, url = THREAD_URL): ThreadCapture {
  const c = readGmail(parse(html), url);
  expect(c).not.toBeNull();
  // Every capture passes the boundary schema.
  return threadCaptureSchema.parse(c);
}

const SOMCHAI = { name: 'สมชาย ใจดี', email: 'somchai@chonburisteel.example' };
const NOK = { name: 'Nok Wongsawat', email: 'nok@aecockpit.example' };
const PROCUREMENT = { name: 'Procurement Team', email: 'procurement@chonburisteel.example' };

describe('gmailThreadFromUrl / readGmail on other views', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw', 'FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw'],
    ['https://mail.google.com/mail/u/1/#sent/16f0c8a6d4b1e2a3', '16f0c8a6d4b1e2a3'],
    ['https://mail.google.com/mail/u/0/#label/Customers/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw', 'FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw'],
    ['https://mail.google.com/mail/u/0/#search/steel+coil/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw', 'FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw'],
    ['https://mail.google.com/mail/u/0/?ui=2&view=pt&permthid=thread-f:1790123456789012345', 'thread-f:1790123456789012345'],
  ])('%s is a thread (%s)', (href, token) => {
    expect(gmailThreadFromUrl(new URL(href))).toEqual({ token });
  });

  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/p2',
    'https://mail.google.com/mail/u/0/#search/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw',
    'https://mail.google.com/mail/u/0/#label/CustomersWithLongLabelNameABC',
    'https://mail.google.com/mail/u/0/#settings/general',
    'https://mail.google.com/mail/u/0/',
    'https://calendar.google.com/calendar/u/0/r#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw',
    'https://outlook.office.com/mail/inbox/id/AAQkADAw',
  ])('%s is not a thread view: null before reading the page', (href) => {
    expect(readGmail(parse(fixture('thread')), new URL(href))).toBeNull();
  });
});

describe('readGmail on the thread fixture', () => {
  const c = read(fixture('thread'));

  it('reads the visible thread, not the hidden inbox list or the previously opened thread', () => {
    expect(c.subject).toBe('Re: Steel coil supply for Q3 🚀');
    expect(c.externalId).toBe('thread-f:1790123456789012345');
    expect(c.otherIds).toEqual(['18d7c3a1b2e4f567', 'FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw']);
    expect(c.selfEmail).toBe('nok@aecockpit.example');
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email);
    expect(everyone).not.toContain('ceo@rivalcorp.example');
    expect(everyone).not.toContain('stale@oldthread.example');
    expect(everyone).not.toContain('draft@composer.example');
    expect(everyone).not.toContain('hidden@deleted.example');
  });

  it.each([
    [0, { id: 'msg-f:1790123456789012345', from: SOMCHAI, to: [], cc: [], at: at(2026, 3, 4, 10, 15), collapsed: true }],
    [1, { id: '18d7c3a1b2e4f601', from: NOK, to: [], cc: [], at: at(2026, 3, 5, 9, 2), collapsed: true }],
    [2, { id: 'msg-f:1790123456789012999', from: PROCUREMENT, to: [], cc: [], at: at(2026, 3, 9, 16, 30), collapsed: true }],
    [3, { id: 'msg-f:1790123456789013000', from: SOMCHAI, to: [NOK], cc: [PROCUREMENT], at: at(2026, 3, 19, 14, 5), collapsed: false }],
    [4, { id: 'msg-f:1790123456789013100', from: NOK, to: [SOMCHAI, PROCUREMENT], cc: [], at: at(2026, 3, 20, 11, 45), collapsed: false }],
  ])('message %i', (i, expected) => {
    expect(c.messages[i]).toEqual(expected);
  });

  it('has exactly the five messages of the open thread', () => {
    expect(c.messages).toHaveLength(5);
  });

  it('takes no one from quoted history or fake header markup in a body', () => {
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email);
    for (const e of ['wichai@othercorp.example', 'quoted@othercorp.example', 'cc-quoted@othercorp.example']) expect(everyone).not.toContain(e);
  });

  it('says To and Cc could not be told apart where only the "to" line is shown', () => {
    expect(c.missing).toEqual(['message.cc']);
  });
});

describe('readGmail when the layout changed', () => {
  it.each([
    ['no thread heading', (h: string) => h.replace(/<h2 class="hP"[^>]*>[^<]*<img[^>]*><\/h2>/, ''), ['subject', 'threadId']],
    ['no message ids', (h: string) => h.replace(/data-(legacy-)?message-id="[^"]*"/g, ''), ['message.id']],
    ['no dates', (h: string) => h.replace(/class="g3"/g, 'class="zz"'), ['message.at']],
    ['no account button and a plain title', (h: string) => h.replace(/aria-label="Google Account:[^"]*"/, '').replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>'), ['selfEmail']],
  ])('%s: a partial capture naming what is missing', (_name, mutate, expectMissing) => {
    const c = read(mutate(fixture('thread')));
    for (const m of expectMissing) expect(c.missing).toContain(m);
  });

  it('no [role=main] and no known thread container: the heading\'s nearest ancestor holding messages, hidden views still skipped', () => {
    const html = fixture('thread').replace(/ role="main"/g, '').replace(/class="a98 iY"/g, 'class="x"');
    const c = read(html);
    expect(c.messages.map((m) => m.id)).toEqual([
      'msg-f:1790123456789012345',
      '18d7c3a1b2e4f601',
      'msg-f:1790123456789012999',
      'msg-f:1790123456789013000',
      'msg-f:1790123456789013100',
    ]);
    expect(c.messages.map((m) => m.from?.email)).not.toContain('stale@oldthread.example');
  });

  it('every thread view hidden: no messages, subject and messages missing, no throw', () => {
    const html = fixture('thread').replace(/<div class="nH" role="main">/, '<div class="nH" role="main" hidden>');
    const c = read(html);
    expect(c.messages).toEqual([]);
    expect(c.subject).toBe('');
    expect(c.missing).toEqual(expect.arrayContaining(['subject', 'messages']));
  });

  it.each([
    ['an empty document', '<html><body></body></html>'],
    ['a text node soup', '<p>hello</p>'.repeat(100)],
    ['headings but no messages', '<div role="main"><h2 class="hP">Only a subject</h2></div>'],
  ])('%s still gives a valid capture', (_n, html) => {
    const c = read(html);
    expect(c.missing).toContain('messages');
  });
});

describe('readGmail on hostile content', () => {
  const big = '<div>' + 'ยาว '.repeat(256 * 1024) + '</div>';
  const html = fixture('hostile').replace('<!--ONE-MEGABYTE-BODY-->', big);
  const c = read(html, new URL('https://mail.google.com/mail/u/0/#inbox/18d9999999999999'));

  it('runs nothing and keeps text as text', () => {
    expect((globalThis as { __hostileRan?: boolean }).__hostileRan).toBeUndefined();
    expect(html.length).toBeGreaterThan(1_000_000);
  });

  it('strips direction overrides and zero-width characters, keeps emoji, lower-cases addresses', () => {
    expect(c.subject).toBe('💰 Invoice fdp.exe now');
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]!.from).toEqual({ name: 'lanif Bank 🏦', email: 'attacker@evil.example' });
    expect(c.messages[0]!.to).toEqual([{ name: null, email: 'nok@aecockpit.example' }]);
    expect(c.messages[0]!.id).toBe('msg-f:1790999999999999999');
    expect(c.messages[0]!.at).toBe(at(2026, 3, 21, 0, 0));
  });

  it('takes no header from fake markup inside the body', () => {
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email);
    expect(everyone).not.toContain('fake-sender@evil.example');
    expect(everyone).not.toContain('fake-to@evil.example');
  });
});

describe('readGmail on a large thread', () => {
  it('reads 50 messages from more than 3 MB of markup', () => {
    const t = largeGmailThread();
    expect(t.html.length).toBeGreaterThan(3 * 1024 * 1024);
    const c = read(t.html, new URL(t.url));
    expect(c.subject).toBe(t.subject);
    expect(c.externalId).toBe(t.threadId);
    expect(c.messages).toHaveLength(t.messages);
    expect(c.messages.filter((m) => m.collapsed)).toHaveLength(t.collapsed);
    expect(c.messages.every((m) => m.from !== null && m.id !== null && m.at !== null)).toBe(true);
    expect(c.messages.flatMap((m) => [m.from, ...m.to]).some((a) => a?.email?.startsWith('quoted'))).toBe(false);
    expect(c.messages.flatMap((m) => [m.from, ...m.to]).some((a) => a?.email?.startsWith('list'))).toBe(false);
  });
});
