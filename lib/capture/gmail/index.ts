import type { MailAddress, MailMessage, ThreadCapture } from '../schema';
import {
  EMAIL_MAX,
  ID_MAX,
  SUBJECT_MAX,
  addressOfKey,
  clean,
  all,
  closestWithin,
  documentTitle,
  emailFromAttributes,
  findEmail,
  first,
  firstIn,
  firstShown,
  hiddenAt,
  isEmail,
  isHiddenUpTo,
  line,
  outermostIn,
  outsideOf,
  pushUnique,
  queryAround,
  queryIn,
  readMailDates,
  textOf,
  type DayOrder,
  type Outside,
} from '../mail-dom';
import { gmailThreadFromUrl, type GmailUrlThread } from './url';

export { gmailThreadFromUrl } from './url';

/**
 * Reads the open Gmail thread (mail.google.com). Selectors, and the sources that justify them,
 * are listed in tests/fixtures/pages/mail-SOURCES.md:
 *
 * - the thread: the subject heading `h2.hP` (gmail.js, InboxSDK `.ha h2`), which also carries
 *   `data-thread-perm-id` / `data-legacy-thread-id` (InboxSDK getThreadID, gmail.js
 *   api.get.thread_id: "only the visible header of the visible email is a H2"). Gmail keeps the
 *   inbox list and other views in the page, hidden: the first heading with no hidden ancestor
 *   wins (early-exit queries that skip hidden views whole), and only its view (`[role=main]`)
 *   is read, walked once outside message bodies.
 * - messages: `[role=listitem]` items and Gmail's view-state classes `.h7` (expanded), `.kv`
 *   (collapsed), `.kQ`/`.kx` (folded into "N older messages") (InboxSDK getViewState);
 *   ids from `[data-message-id]` (`#msg-f:…`) and `[data-legacy-message-id]`.
 * - people: the sender `span.gD[email][name]` (gmail.js dom.email "from", InboxSDK getSender),
 *   recipients from the details table rows labelled to:/cc:/bcc: when it is in the page,
 *   otherwise the "to …" line `span.hb span.g2[email]` (gmail.js "to", InboxSDK getRecipients),
 *   which does not tell To from Cc. Never from a message body (`.a3s`, `.ii`, `.gmail_quote`,
 *   `blockquote`): quoted history names other people.
 * - the date: `span.g3[title]` (InboxSDK getDateString, gmail.js "timestamp").
 * - the signed-in address: the account button's aria-label "Google Account: Name (me@x.com)",
 *   else the document title "Inbox - me@x.com - Gmail". Never from the open thread's bodies.
 *
 * Never throws; a layout it does not recognise gives a partial capture naming what is missing.
 */
export function readGmail(root: ParentNode, url: URL, opts: { dateOrder?: DayOrder } = {}): ThreadCapture | null {
  const u = gmailThreadFromUrl(url);
  if (!u) return null;
  try {
    return read(root, url, u, opts);
  } catch {
    return {
      type: 'thread',
      site: 'gmail',
      url: url.href.slice(0, 4000),
      externalId: line(u.token, ID_MAX),
      subject: '',
      selfEmail: null,
      messages: [],
      missing: ['thread'],
    };
  }
}

const HEADING = 'h2.hP, h2[data-thread-perm-id], h2[data-legacy-thread-id]';
const VIEW = '[role="main"]';
const THREAD_BOX = '.nH.if, .a98.iY, .PeIF1d, .nH.bkK';
const ITEM = '[role="listitem"], .h7, .kv, .kQ, .kx';
const MESSAGE = '.adn, .adf, [data-message-id], [data-legacy-message-id]';
const MARKER = '[data-message-id], [data-legacy-message-id], [email], .gD, .g3, .adn, .adf';
/** A message's body, quoted history, reply box: never a source of people. */
const BODY = '.a3s, .ii, .gmail_quote, blockquote, .adP, .adO, .ip, .M9, [contenteditable="true"]';
const ME = new Set(['me', 'ฉัน', 'ตัวฉัน']);

function read(root: ParentNode, url: URL, u: GmailUrlThread, opts: { dateOrder?: DayOrder }): ThreadCapture {
  const missing = new Set<string>();
  const heading = firstShown(root, HEADING);
  let view: Element | null = null;
  if (heading) {
    view = heading.closest(VIEW) ?? heading.closest(THREAD_BOX);
    if (!view || !first(view, MESSAGE)) {
      // Neither landmark found: the nearest ancestor of the heading that holds messages.
      view = heading.parentElement;
      while (view && !first(view, MESSAGE) && view.parentElement) view = view.parentElement;
    }
  } else {
    missing.add('subject');
    view = firstShown(root, VIEW, (v) => first(v, '.adn, [data-message-id], [data-legacy-message-id]') !== null);
  }

  const subject = heading ? clean(textOf(heading), SUBJECT_MAX) : '';
  if (heading && subject === '') missing.add('subject');

  // Thread ids: the heading's own attributes, else any in the view; the URL token beside them.
  const ids: string[] = [];
  const idHolder = heading?.hasAttribute('data-thread-perm-id') || heading?.hasAttribute('data-legacy-thread-id') ? heading : view ? first(view, '[data-thread-perm-id], [data-legacy-thread-id]') : null;
  for (const attr of ['data-thread-perm-id', 'data-legacy-thread-id']) {
    const v = idHolder?.getAttribute(attr);
    const id = v && v !== 'undefined' ? line(v.replace(/^#/, ''), ID_MAX) : null;
    if (id && !ids.includes(id)) ids.push(id);
  }
  const token = line(u.token, ID_MAX);
  if (token && !ids.includes(token)) ids.push(token);
  if (!idHolder) missing.add('threadId');

  // The view's elements outside message bodies and quoted history, walked once: the message
  // items, their headers and the account label are found among these, never by querying bodies.
  const outside = view ? outsideOf(view, BODY) : null;

  const selfEmail = gmailSelfEmail(root, view && outside ? { view, outside } : undefined);
  if (!selfEmail) missing.add('selfEmail');

  const messages: MailMessage[] = [];
  const dateTexts: (string | null)[] = [];
  if (view && outside) {
    for (const i of messageItems(view, outside)) {
      if (messages.length >= 1000) break;
      const m = readMessage(outside.elements[i]!, missing, outside, i);
      messages.push(m.message);
      dateTexts.push(m.dateText);
    }
  }
  if (messages.length === 0) missing.add('messages');

  const dates = readMailDates(dateTexts, opts.dateOrder);
  messages.forEach((m, i) => {
    m.at = dates.at[i] ?? null;
    if (m.at === null) missing.add('message.at');
  });
  if (selfEmail) for (const m of messages) for (const a of [m.from, ...m.to, ...m.cc]) if (a && a.email === selfEmail && a.name && ME.has(a.name.toLowerCase())) a.name = null;

  const capture: ThreadCapture = {
    type: 'thread',
    site: 'gmail',
    url: url.href.slice(0, 4000),
    externalId: ids[0] ?? null,
    subject,
    selfEmail,
    messages,
    missing: [...missing],
  };
  if (ids.length > 1) capture.otherIds = ids.slice(1, 10);
  return capture;
}

/** The outermost message items of the view (indices in `outside`), in page order, hidden ones left out. */
function messageItems(view: Element, outside: Outside): number[] {
  let items = outermostIn(outside, (el) => el.matches(ITEM) && (el.matches('.h7, .kv, .kQ, .kx') || first(el, MARKER) !== null));
  if (items.length === 0) items = outermostIn(outside, (el) => el.matches('.adn, .adf'));
  const hidden = hiddenAt(outside, view);
  return items.filter((i) => !hidden(i));
}

function addressOf(el: Element): MailAddress | null {
  const email = emailFromAttributes(el);
  const name = el.getAttribute('name') ?? textOf(el);
  return addressOfKey(name, email);
}

const LABELS: Record<string, 'to' | 'cc' | 'bcc' | 'from'> = {
  to: 'to',
  cc: 'cc',
  bcc: 'bcc',
  from: 'from',
  ถึง: 'to',
  สำเนา: 'cc',
  สำเนาถึง: 'cc',
  สำเนาลับ: 'bcc',
  จาก: 'from',
};

/** One message: `outside.elements[i]`, read from its elements outside bodies and quoted history. */
function readMessage(item: Element, missing: Set<string>, outside: Outside, i: number): { message: MailMessage; dateText: string | null } {
  // Id: the item's own attributes, else the message wrapper inside it.
  const idEl = item.matches('[data-message-id], [data-legacy-message-id]') ? item : firstIn(outside, i, '[data-message-id], [data-legacy-message-id]');
  const rawId = idEl ? (idEl.getAttribute('data-message-id') || idEl.getAttribute('data-legacy-message-id')) : null;
  const id = rawId && rawId !== 'undefined' ? line(rawId.replace(/^#/, ''), ID_MAX) : null;
  if (!id) missing.add('message.id');

  const senderEl =
    firstIn(outside, i, '.gD[email], .gD[data-hovercard-id]') ??
    firstIn(outside, i, 'h3.iw [email], td.gF [email], .iw [email]') ??
    queryIn(outside, i, '[email]').find((e) => !e.matches('.g2') && !closestWithin(e, '.hb, tr', item));
  const from = senderEl ? addressOf(senderEl) : null;
  if (!from) missing.add('message.from');

  // Collapsed by its view state, else when no body in it is shown (queryIn never enters a body).
  const collapsed =
    item.matches('.kv, .kQ, .kx, [aria-expanded="false"]') || (!item.matches('.h7') && !all(item, '.a3s, .ii').some((b) => !isHiddenUpTo(b, item)));

  const to: MailAddress[] = [];
  const cc: MailAddress[] = [];
  if (!collapsed) {
    // The details table (to:/cc:/bcc: rows) when the page has it.
    let detailed = false;
    for (const row of queryIn(outside, i, 'tr')) {
      const labelCell = row.firstElementChild;
      if (!labelCell || !labelCell.nextElementSibling) continue;
      const label = clean(textOf(labelCell)).toLowerCase().replace(/[:：]$/, '').trim();
      const kind = LABELS[label];
      if (!kind || kind === 'from') continue;
      detailed = true;
      if (kind === 'bcc') continue;
      for (const el of all(row, '[email]')) pushUnique(kind === 'to' ? to : cc, addressOf(el));
    }
    if (!detailed) {
      for (const el of queryIn(outside, i, '.hb [email], span.g2[email]')) pushUnique(to, addressOf(el));
      if (to.length > 0) missing.add('message.cc');
    }
    if (!detailed && to.length === 0) missing.add('message.to');
  }

  const dateEl = firstIn(outside, i, '.g3[title], .g3[alt]') ?? firstIn(outside, i, '.g3');
  const dateText = dateEl ? (dateEl.getAttribute('title') || dateEl.getAttribute('alt') || textOf(dateEl)) : null;

  return { message: { id, from, to, cc, at: null, collapsed }, dateText };
}

/**
 * The signed-in address: the account button's label, else the document title. With the open
 * `thread` (its view and what outsideOf walked of it), labels inside that thread's message bodies
 * are not read (a mail could carry one), and the view is not queried again.
 */
export function gmailSelfEmail(root: ParentNode, thread?: { view: Element; outside: Outside }): string | null {
  // The matches of '[aria-label^="Google Account"], [aria-label^="บัญชี Google"],
  // [aria-label*="Google Account:"]', then those of '#gb [aria-label*="@"], [role="banner"]
  // [aria-label*="@"], header [aria-label*="@"]', each in page order: from one query for the
  // labelled elements instead of six full-page matches.
  let withLabel: Element[];
  if (thread) {
    const around = queryAround(root, thread.view, '[aria-label]');
    withLabel = [...around.before, ...queryIn(thread.outside, -1, '[aria-label]'), ...around.after];
  } else withLabel = all(root, '[aria-label]');
  const account = (l: string) => l.startsWith('Google Account') || l.startsWith('บัญชี Google') || l.includes('Google Account:');
  const inBanner = (el: Element) => (el.getAttribute('aria-label') ?? '').includes('@') && el.parentElement?.closest('#gb, [role="banner"], header') != null;
  const labelled = [...withLabel.filter((el) => account(el.getAttribute('aria-label') ?? '')), ...withLabel.filter(inBanner)];
  for (const el of labelled) {
    const label = el.getAttribute('aria-label') ?? '';
    const inParens = /\(([^()\s]+@[^()\s]+)\)/.exec(label);
    const e = findEmail(inParens ? inParens[1] : label);
    if (e && e.length <= EMAIL_MAX) return e;
  }
  // "Inbox (3) - me@x.com - Gmail", "Subject - me@x.com - Company Mail": the last part that is an address.
  const parts = documentTitle(root).split(/\s[-–—]\s/);
  for (let i = parts.length - 1; i >= 1; i--) {
    const p = clean(parts[i]!);
    if (isEmail(p)) return p.toLowerCase();
  }
  return null;
}
