// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NOT_HEADER, marksOf, readOutlook, readWell, readWellAt, outlookItemFromUrl } from '../../../lib/capture/outlook';
import { outsideOf } from '../../../lib/capture/mail-dom';
import { threadCaptureSchema, type ThreadCapture } from '../../../lib/capture/schema';
import { largeOutlookConversation } from '../../fixtures/pages/outlook/large';
import { seededRandom } from './seeded';

const fixture = (name: string) => readFileSync(`tests/fixtures/pages/outlook/${name}.html`, 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const CONV = 'AAQkADAwATM0MDAAMS1steel111111111BBBB=';
const CONV_URL = new URL(`https://outlook.office.com/mail/inbox/id/${encodeURIComponent(CONV)}`);
const at = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).getTime();

function read(html: string, url = CONV_URL, opts = {}): ThreadCapture {
  const c = readOutlook(parse(html), url, opts);
  expect(c).not.toBeNull();
  return threadCaptureSchema.parse(c);
}

const SOMCHAI = { name: 'สมชาย ใจดี', email: 'somchai@chonburisteel.example' };
const NOK = { name: 'Nok Wongsawat', email: 'nok@aecockpit.example' };

describe('outlookItemFromUrl / readOutlook on other views', () => {
  it.each([
    ['https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D', { id: CONV, kind: 'conversation' }],
    ['https://outlook.office365.com/mail/0/inbox/id/AAMkADmessage%2Bplus%2Fslash%3D', { id: 'AAMkADmessage+plus/slash=', kind: 'message' }],
    ['https://outlook.live.com/mail/0/inbox/id/AQQkADAwATYwMAItYjQ5', { id: 'AQQkADAwATYwMAItYjQ5', kind: 'conversation' }],
    ['https://outlook.office.com/mail/deeplink/read/AAMkADdeeplink00%3D?ItemID=x', { id: 'AAMkADdeeplink00=', kind: 'message' }],
    ['https://outlook.office365.com/owa/?ItemID=AAMkADclassic000%3D&exvsurl=1&viewmodel=ReadMessageItem', { id: 'AAMkADclassic000=', kind: 'message' }],
  ])('%s', (href, expected) => {
    expect(outlookItemFromUrl(new URL(href))).toEqual(expected);
  });

  it.each([
    'https://outlook.office.com/mail/',
    'https://outlook.office.com/mail/inbox',
    'https://outlook.live.com/mail/0/sentitems',
    'https://outlook.office.com/calendar/view/week',
    'https://outlook.office.com/mail/inbox/id/x',
    'https://evil.example/mail/inbox/id/AAQkADAwATM0MDAAMS1steel111111111BBBB%3D',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfBsxtWlkKSVvxvnXbDkRsgkQw',
  ])('%s is not a mail item view: null', (href) => {
    expect(readOutlook(parse(fixture('conversation')), new URL(href))).toBeNull();
  });
});

describe('readOutlook on a conversation', () => {
  const c = read(fixture('conversation'));

  it('reads the reading pane, not the message list', () => {
    expect(c.subject).toBe('Re: Steel coil supply for Q3 📦');
    expect(c.externalId).toBe(CONV);
    expect(c.otherIds).toBeUndefined();
    expect(c.selfEmail).toBe('nok@aecockpit.example');
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email);
    expect(everyone).not.toContain('ceo@rivalcorp.example');
    expect(everyone).not.toContain('draft@composer.example');
  });

  it.each([
    [0, { id: null, from: SOMCHAI, to: [], cc: [], at: at(2026, 3, 4, 10, 15), collapsed: true }],
    [
      1,
      {
        id: null,
        from: SOMCHAI,
        // OWA shows the signed-in person by name only.
        to: [{ name: 'Nok Wongsawat', email: null }],
        cc: [
          { name: 'Procurement Team', email: 'procurement@chonburisteel.example' },
          { name: 'Khun Evil', email: 'evil@chonburisteel.example' },
        ],
        at: at(2026, 3, 19, 14, 5),
        collapsed: false,
      },
    ],
    [2, { id: null, from: NOK, to: [SOMCHAI], cc: [], at: at(2026, 3, 20, 11, 45), collapsed: false }],
  ])('message %i', (i, expected) => {
    expect(c.messages[i]).toEqual(expected);
  });

  it('has the three messages and names the missing message ids', () => {
    expect(c.messages).toHaveLength(3);
    expect(c.missing).toEqual(['message.id']);
  });

  it('takes no one from quoted "From: … To: …" history or the reply editor', () => {
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email);
    for (const e of ['wichai@othercorp.example', 'quoted@othercorp.example', 'cc-quoted@othercorp.example']) expect(everyone).not.toContain(e);
  });
});

describe('readOutlook with a Thai interface (no English labels)', () => {
  const c = read(fixture('thai-ui'), new URL('https://outlook.live.com/mail/0/inbox/id/AQQkADthaiUIconversation0000CCCC%3D'));

  it('reads subject, people by Thai labels, day-first dates', () => {
    expect(c.subject).toBe('ใบเสนอราคา เหล็กม้วน ไตรมาส 3');
    expect(c.externalId).toBe('AQQkADthaiUIconversation0000CCCC=');
    expect(c.selfEmail).toBe('nok@aecockpit.example');
    expect(c.messages).toEqual([
      { id: null, from: SOMCHAI, to: [NOK], cc: [{ name: 'ฝ่ายจัดซื้อ', email: 'procurement@chonburisteel.example' }], at: at(2026, 3, 4, 10, 15), collapsed: false },
      { id: null, from: NOK, to: [SOMCHAI], cc: [], at: at(2026, 3, 20, 11, 45), collapsed: false },
    ]);
  });
});

describe('readOutlook on a single message (conversation view off)', () => {
  const url = new URL('https://outlook.office365.com/mail/inbox/id/AAMkADmessageonly000000DDDD%3D');

  it('uses the message id from the address; an unsettled numeric date stays null', () => {
    const c = read(fixture('message'), url);
    expect(c.externalId).toBe('AAMkADmessageonly000000DDDD=');
    expect(c.subject).toBe('Intro call next week?');
    expect(c.messages).toEqual([
      { id: 'AAMkADmessageonly000000DDDD=', from: { name: 'New Lead', email: 'lead@newco.example' }, to: [{ name: 'Nok Wongsawat', email: null }], cc: [], at: null, collapsed: false },
    ]);
    expect(c.missing).toEqual(['conversationId', 'selfEmail', 'message.at']);
  });

  it.each([
    ['mdy', at(2026, 3, 4, 10, 15)],
    ['dmy', at(2026, 4, 3, 10, 15)],
  ] as const)('dateOrder %s settles it', (dateOrder, expected) => {
    expect(read(fixture('message'), url, { dateOrder }).messages[0]!.at).toBe(expected);
  });
});

describe('readOutlook when the layout changed', () => {
  it.each([
    ['no reading pane', (h: string) => h.replace('id="ReadingPaneContainerId"', '').replace('role="main" aria-label="Reading Pane"', '').replace('data-app-section="ConversationContainer"', ''), ['readingPane', 'messages']],
    ['no heading', (h: string) => h.replace(/role="heading" aria-level="2"/, ''), ['subject']],
    ['no times', (h: string) => h.replace(/data-testid="SentReceivedSavedTime"/g, ''), ['message.at']],
    ['no account', (h: string) => h.replace(/<div id="mectrl_currentAccount_secondary">[^<]*<\/div>/, ''), ['selfEmail']],
  ])('%s: partial capture naming what is missing', (_n, mutate, expectMissing) => {
    const c = read(mutate(fixture('conversation')));
    for (const m of expectMissing) expect(c.missing).toContain(m);
  });

  it('a hidden reading pane is not read', () => {
    const c = read(fixture('conversation').replace('<div id="ReadingPaneContainerId">', '<div id="ReadingPaneContainerId" aria-hidden="true">'));
    expect(c.messages.flatMap((m) => [m.from]).map((a) => a?.email)).not.toContain('somchai@chonburisteel.example');
  });

  it.each([
    ['an empty document', '<html><body></body></html>'],
    ['only a message list', '<div role="listbox"><div role="option" data-convid="AAQkADx"><span title="a@b.example">A</span></div></div>'],
  ])('%s still gives a valid capture', (_n, html) => {
    expect(read(html).missing).toContain('messages');
  });
});

describe('readOutlook on hostile content', () => {
  const html = fixture('hostile').replace('<!--ONE-MEGABYTE-BODY-->', '<div>' + 'ยาว '.repeat(256 * 1024) + '</div>');
  const c = read(html, new URL('https://outlook.office.com/mail/inbox/id/AAQkADhostile0000000000EEEE%3D'));

  it('runs nothing, strips overrides, keeps emoji, ignores fake header markup in the body', () => {
    expect((globalThis as { __hostileRan?: boolean }).__hostileRan).toBeUndefined();
    expect(c.subject).toBe('💰 Invoice fdp.exe');
    expect(c.messages).toEqual([
      { id: null, from: { name: 'lanif Bank 🏦', email: 'attacker@evil.example' }, to: [{ name: 'Nok', email: 'nok@aecockpit.example' }], cc: [], at: at(2026, 3, 21, 0, 0), collapsed: false },
    ]);
  });
});

describe('readOutlook on a long conversation', () => {
  it('reads 50 messages from more than 3 MB of markup', () => {
    const t = largeOutlookConversation();
    expect(t.html.length).toBeGreaterThan(3 * 1024 * 1024);
    const c = read(t.html, new URL(t.url));
    expect(c.externalId).toBe(t.conversationId);
    expect(c.subject).toBe(t.subject);
    expect(c.messages).toHaveLength(t.messages);
    expect(c.messages.filter((m) => m.collapsed)).toHaveLength(t.collapsed);
    expect(c.messages.every((m) => m.from?.email && m.at !== null)).toBe(true);
    const everyone = c.messages.flatMap((m) => [m.from, ...m.to, ...m.cc]).map((a) => a?.email ?? '');
    expect(everyone.some((e) => e.startsWith('quoted') || e.startsWith('q') || e.startsWith('list'))).toBe(false);
  });
});

describe('the recipient well read by positions', () => {
  // Skipped subtrees (blockquote, role=document/listbox) rare: the positions read only wells that hold none.
  const TAGS = [...Array<string>(15).fill('div'), ...Array<string>(15).fill('span'), 'blockquote'];
  const ATTRS: Array<[string, string[]]> = [
    ['data-testid', ['RecipientWell', 'other', 'other', 'SentReceivedSavedTime', 'recipientwell']],
    ['data-lpc-hover-target-id', ['p']],
    ['title', ['a@x.example', 'B <b@y.example>', 'no address']],
    ['aria-label', ['Cc:', 'To: Someone', 'Bcc', 'Cc: A <a@x.example>', 'ถึง:', 'label', 'Cc:', 'To:', 'From: N', 'จาก: น', 'Email message', 'Email message ', 'from: n']],
    ['data-itemid', ['AAMk1']],
    ['data-item-id', ['AAMk2']],
    ['role', ['document', 'listbox', ...Array<string>(30).fill('presentation')]],
  ];
  const TEXTS = ['Cc:', 'To', 'สำเนาถึง', 'bcc:', 'N <n@z.example>', 'text'];
  /** A random tree of wells, personas, labels and skipped subtrees (bodies, lists), from a seed. */
  function tree(seed: number): Document {
    const rnd = seededRandom(seed);
    const doc = document.implementation.createHTMLDocument('t');
    const text = (parent: Element) => {
      if (rnd(3) === 0) parent.appendChild(doc.createTextNode(TEXTS[rnd(TEXTS.length)]!));
    };
    const grow = (parent: Element, depth: number) => {
      const kids = depth > 4 ? 0 : rnd(4);
      text(parent);
      for (let k = 0; k < kids; k++) {
        const el = doc.createElement(TAGS[rnd(TAGS.length)]!);
        for (const [name, values] of ATTRS) if (rnd(4) === 0) el.setAttribute(name, values[rnd(values.length)]!);
        parent.appendChild(el);
        grow(el, depth + 1);
        text(parent);
      }
    };
    // Wells at the top and anywhere below.
    for (let k = 0; k < 3; k++) {
      const well = doc.createElement('div');
      well.setAttribute('data-testid', 'RecipientWell');
      doc.body.appendChild(well);
      grow(well, 0);
    }
    return doc;
  }

  it('marks the same header elements as the selectors they stand for', () => {
    const plain = {
      personas: '[data-lpc-hover-target-id], [title*="@"]',
      wells: '[data-testid="RecipientWell"]',
      fromLabels: '[aria-label^="From:"], [aria-label^="จาก:"]',
      times: '[data-testid="SentReceivedSavedTime"]',
      itemIds: '[data-itemid], [data-item-id]',
      labelled: '[aria-label="Email message"]',
    } as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const root = tree(seed).body;
        const o = outsideOf(root, NOT_HEADER);
        const marks = marksOf(o);
        for (const [kind, sel] of Object.entries(plain)) {
          expect(marks[kind as keyof typeof plain].map((j) => o.elements[j])).toEqual([...root.querySelectorAll(sel)].filter((e) => o.elements.includes(e)));
        }
        expect([...marks.isPersona].flatMap((v, j) => (v ? [j] : []))).toEqual(marks.personas);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('gives the same personas, in the same order and fields, as the walk of the well', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const root = tree(seed).body;
        const o = outsideOf(root, NOT_HEADER);
        const marks = marksOf(o);
        for (const w of marks.wells) {
          if (o.holdsSkipped[w]) continue;
          const plain: Array<[string, Element]> = [];
          const fast: Array<[string, Element]> = [];
          readWell(o.elements[w]!, (kind, el) => plain.push([kind, el]));
          readWellAt(o, w, marks, (kind, el) => fast.push([kind, el]));
          expect(fast).toEqual(plain);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
