import type { MailAddress, MailMessage, ThreadCapture } from '../schema';
import {
  EMAIL_MAX,
  ID_MAX,
  SUBJECT_MAX,
  addressOfKey,
  clean,
  all,
  documentTitle,
  emailFromAttributes,
  findEmail,
  first,
  firstIn,
  firstShown,
  firstWithin,
  outermostOf,
  skippedByItem,
  groupedByAttribute,
  hiddenAt,
  isEmail,
  indicesIn,
  isHiddenElement,
  isHiddenUpTo,
  line,
  outsideOf,
  parseNameAndEmail,
  queryIn,
  pushUnique,
  readMailDates,
  textOf,
  within,
  type DayOrder,
  type Outside,
} from '../mail-dom';
import { outlookItemFromUrl, type OutlookUrlItem } from './url';

export { outlookItemFromUrl } from './url';

/**
 * Reads the message or conversation open in Outlook on the web's reading pane. Selectors and
 * their sources are in tests/fixtures/pages/mail-SOURCES.md:
 *
 * - the pane: `#ReadingPaneContainerId`, `[aria-label="Reading Pane"]`,
 *   `#ConversationReadingPaneContainer`, `[data-app-section="ConversationContainer"]`, else the
 *   last `[role=main]`. The message list (`[role=listbox] [role=option][data-convid]`) is never read.
 * - subject: `[id^="CONV_"][id$="_SUBJECT"]`, else `[role=heading][aria-level="2"|"1"]`, without
 *   its buttons ("Summarize").
 * - messages: one per `[data-testid="SentReceivedSavedTime"]` (each item's own time; the item is
 *   the largest ancestor holding no other message's time), or `[aria-label="Email message"]`.
 *   Collapsed: no message body (`[role=document]`, `#UniqueMessageBody`) in the item.
 * - people: personas `[data-lpc-hover-target-id]` / `[title*="@"]` ("Name <a@b.c>" text, the
 *   address in title or aria-label); the sender is the first outside `[data-testid="RecipientWell"]`
 *   (or `[aria-label^="From:"]`); recipients are the well's personas, To or Cc by the label before
 *   them. Never from the body or `#divRplyFwdMsg` (quoted "From: … Sent: … To:" history).
 * - conversation id: `[data-convid]` in the pane, the address's `/id/<AAQk…>`, the selected list
 *   row `[role=option][aria-selected=true][data-convid]`.
 * - signed-in address: `#mectrl_currentAccount_secondary`, account button aria-labels, the title.
 */
export function readOutlook(root: ParentNode, url: URL, opts: { dateOrder?: DayOrder } = {}): ThreadCapture | null {
  const u = outlookItemFromUrl(url);
  if (!u) return null;
  try {
    return read(root, url, u, opts);
  } catch {
    return {
      type: 'thread',
      site: 'outlook',
      url: url.href.slice(0, 4000),
      externalId: line(u.id, ID_MAX),
      subject: '',
      selfEmail: null,
      messages: [],
      missing: ['thread'],
    };
  }
}

const PANE = '#ReadingPaneContainerId, [aria-label="Reading Pane"], #ConversationReadingPaneContainer, [data-app-section="ConversationContainer"]';
const LIST = '[role="listbox"], [role="option"], [role="grid"], [role="tree"], [role="navigation"]';
const TIME = '[data-testid="SentReceivedSavedTime"]';
const BODY_ONLY = '[role="document"], #UniqueMessageBody, [id^="UniqueMessageBody"], [aria-label="Message body"], [data-app-section="MessageBody"]';
/** Body, quoted history and reply editors: never a source of people. */
const BODY = `${BODY_ONLY}, .allowTextSelection, #divRplyFwdMsg, [id^="divRplyFwdMsg"], blockquote, [contenteditable="true"]`;
const SUBJECTS = ['[id^="CONV_"][id$="_SUBJECT"]:not(input)', '[role="heading"][aria-level="2"], [role="heading"][aria-level="1"]', 'h1, h2'];
/** What the pane's walk does not enter: bodies, history, editors, lists (grouped: the same elements, fewer tests). */
export const NOT_HEADER = groupedByAttribute(`${BODY}, ${LIST}`);
const PERSONA = '[data-lpc-hover-target-id], [title*="@"]';
const WELL = '[data-testid="RecipientWell"]';
const LABEL_RE = /^(to|cc|bcc|ถึง|สำเนาถึง|สำเนา|สำเนาลับ)\s*[:：]?$/i;

function kindOfLabel(s: string): 'to' | 'cc' | 'bcc' | null {
  const m = LABEL_RE.exec(s);
  if (!m) return null;
  const w = m[1]!.toLowerCase();
  if (w === 'to' || w === 'ถึง') return 'to';
  if (w === 'bcc' || w === 'สำเนาลับ') return 'bcc';
  return 'cc';
}

function findPane(root: ParentNode): Element | null {
  // The first shown pane in page order, outside message lists, found with early-exit queries.
  const pane = firstShown(root, PANE, (p) => !p.closest(LIST));
  if (pane) return pane;
  const mains = all(root, '[role="main"]').filter((m) => !isHiddenUpTo(m) && first(m, `${TIME}, ${BODY_ONLY}, [role="heading"]`) !== null);
  return mains[mains.length - 1] ?? null;
}

function read(root: ParentNode, url: URL, u: OutlookUrlItem, opts: { dateOrder?: DayOrder }): ThreadCapture {
  const missing = new Set<string>();
  const pane = findPane(root);
  if (!pane) missing.add('readingPane');

  // The pane's elements outside bodies, quoted history and lists, walked once (never entering a
  // body). Queries over the pane filter these instead.
  const outside = pane ? outsideOf(pane, NOT_HEADER) : null;
  const marks = outside ? marksOf(outside) : null;
  // isHiddenUpTo(outside.elements[j], pane), each ancestor read once.
  const hidden = pane && outside ? hiddenAt(outside, pane) : () => false;

  // Subject: the first shown candidate with text, by kind, then in page order.
  let subject = '';
  if (pane && outside && marks) {
    search: for (const sel of SUBJECTS) {
      for (const j of marks.marked) {
        const h = outside.elements[j]!;
        if (!h.matches(sel) || hidden(j)) continue;
        subject = clean(textOf(h), SUBJECT_MAX);
        if (subject) break search;
      }
    }
  }
  if (!subject) missing.add('subject');

  // Conversation id.
  const ids: string[] = [];
  const add = (v: string | null | undefined) => {
    const id = v ? line(v, ID_MAX) : null;
    if (id && !ids.includes(id)) ids.push(id);
  };
  const convEl = pane && outside ? (pane.matches('[data-convid]') ? pane : firstIn(outside, -1, '[data-convid]')) : undefined;
  add(convEl?.getAttribute('data-convid'));
  if (u.kind === 'conversation') add(u.id);
  add(all(root, '[role="option"][aria-selected="true"][data-convid]')[0]?.getAttribute('data-convid'));
  if (u.kind === 'message') add(u.id);
  if (!convEl && u.kind !== 'conversation') missing.add('conversationId');

  const selfEmail = outlookSelfEmail(root);
  if (!selfEmail) missing.add('selfEmail');

  const messages: MailMessage[] = [];
  const dateTexts: (string | null)[] = [];
  if (pane && outside && marks) {
    const items = messageItems(pane, outside, marks, hidden);
    const skipped = skippedByItem(outside, items);
    for (let k = 0; k < items.length; k++) {
      if (messages.length >= 1000) break;
      const i = items[k]!;
      const item = i < 0 ? pane : outside.elements[i]!;
      const r = readMessage(item, missing, outside, i, skipped[k]!, marks, hidden);
      if (!r) continue;
      messages.push(r.message);
      dateTexts.push(r.dateText);
    }
    // A single message opened by its own id: that id is the message's.
    if (u.kind === 'message' && messages.length === 1 && messages[0]!.id === null) messages[0]!.id = line(u.id, ID_MAX);
  }
  if (messages.length === 0) missing.add('messages');
  for (const m of messages) if (m.id === null) missing.add('message.id');

  const dates = readMailDates(dateTexts, opts.dateOrder);
  messages.forEach((m, i) => {
    m.at = dates.at[i] ?? null;
    if (m.at === null) missing.add('message.at');
  });

  const capture: ThreadCapture = {
    type: 'thread',
    site: 'outlook',
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

/**
 * Where the pane's header elements of each kind are, as positions in `outside` (indicesIn):
 * found once per read, then sliced per message (within) instead of querying every message.
 */
export interface Marks {
  /** The elements matching any selector below (or a subject's): the others are not tested again. */
  marked: number[];
  personas: number[];
  isPersona: Uint8Array;
  wells: number[];
  fromLabels: number[];
  times: number[];
  itemIds: number[];
  labelled: number[];
}

/** Read by attribute value in marksOf (the same elements): keep the two in step. */
const FROM_LABEL = '[aria-label^="From:"], [aria-label^="จาก:"]';
const ITEM_ID = '[data-itemid], [data-item-id]';
/** Read by attribute value in marksOf. */
const EMAIL_MESSAGE = '[aria-label="Email message"]';
/** Everything the reader looks for among the pane's header elements, as one list (grouped by attribute). */
const MARKED = groupedByAttribute([PERSONA, WELL, FROM_LABEL, TIME, ITEM_ID, EMAIL_MESSAGE, ...SUBJECTS].join(', '));

export function marksOf(outside: Outside): Marks {
  const els = outside.elements;
  const marked = indicesIn(outside, MARKED);
  const isPersona = new Uint8Array(els.length);
  const m: Marks = { marked, personas: [], isPersona, wells: [], fromLabels: [], times: [], itemIds: [], labelled: [] };
  for (const j of marked) {
    const e = els[j]!;
    if (e.matches(PERSONA)) {
      m.personas.push(j);
      isPersona[j] = 1;
    }
    // TIME, WELL: [data-testid="…"]; FROM_LABEL, EMAIL_MESSAGE: [aria-label^="…"], [aria-label="…"].
    const testId = e.getAttribute('data-testid');
    if (testId === 'SentReceivedSavedTime') m.times.push(j);
    else if (testId === 'RecipientWell') m.wells.push(j);
    const label = e.getAttribute('aria-label');
    if (label !== null) {
      if (label.startsWith('From:') || label.startsWith('จาก:')) m.fromLabels.push(j);
      else if (label === 'Email message') m.labelled.push(j);
    }
    if (e.matches(ITEM_ID)) m.itemIds.push(j);
  }
  return m;
}

/**
 * One element per message, as indices in `outside` (-1: the pane itself), in page order. Each
 * message shows its own time: the item is the largest ancestor of a time that holds no other
 * message's time (language-neutral, unlike the "Email message" label).
 */
function messageItems(pane: Element, outside: Outside, marks: Marks, hidden: (j: number) => boolean): number[] {
  const labelled = marks.labelled;
  if (labelled.length > 0) return outermostOf(outside, labelled);
  const times = marks.times;
  if (times.length === 0) {
    return first(pane, PERSONA) ? [-1] : [];
  }
  // How many times each element holds, climbing the walk's parent indices (no DOM reads).
  const { parent, end } = outside;
  const count = new Int32Array(outside.elements.length);
  for (const t of times) for (let p = parent[t]!; p >= 0; p = parent[p]!) count[p]!++;
  const items = times.map((t) => {
    let item = t;
    while (parent[item]! >= 0 && count[parent[item]!] === 1) item = parent[item]!;
    return item;
  });
  // The outermost (j holds i when j < i < end[j]), then the shown ones.
  const unique = [...new Set(items)];
  return unique.filter((i) => !unique.some((j) => j < i && i < end[j]!) && !hidden(i));
}

function personaAddress(el: Element): MailAddress | null {
  const parsed = parseNameAndEmail(textOf(el));
  // addressOfKey of parseNameAndEmail's own result gives it back.
  if (parsed?.name && parsed.email) return parsed;
  const email =
    parsed?.email ??
    emailFromAttributes(el) ??
    (() => {
      const inner = first(el, '[title*="@"], [aria-label*="@"]');
      return inner ? emailFromAttributes(inner) : null;
    })();
  let name = parsed?.name ?? null;
  if (!name) {
    // aria-label "Name <a@b.c>" or "From: Name".
    const label = el.getAttribute('aria-label');
    const fromLabel = label ? parseNameAndEmail(label.replace(/^[^:：]{1,20}[:：]\s*/, '')) : null;
    name = fromLabel?.name ?? null;
  }
  return addressOfKey(name, email);
}

/**
 * One message: `outside.elements[i]` (i = -1: the pane itself), read from its elements outside
 * bodies, history and lists (their kinds in `marks`); `skipped`: the body, history and list
 * subtrees inside it that outsideOf did not enter.
 */
function readMessage(
  item: Element,
  missing: Set<string>,
  outside: Outside,
  i: number,
  skipped: readonly number[],
  marks: Marks,
  hidden: (j: number) => boolean,
): { message: MailMessage; dateText: string | null } | null {
  const { elements, end, parent } = outside;
  const wells = within(outside, marks.wells, i);
  // Positions: j is in well w when w <= j < end[w] (w.contains(e), e itself included).
  const inWell = (j: number) => wells.some((w) => w <= j && j < end[w]!);
  const recipientLabelled = (j: number) => {
    // j and its ancestors below the item (parent -1: the pane).
    for (let p = j; p >= 0 && p !== i; p = parent[p]!) {
      const l = elements[p]!.getAttribute('aria-label');
      if (l && /^(to|cc|bcc)\s*[:：]/i.test(l)) return true;
    }
    return false;
  };

  // Sender.
  let from: MailAddress | null = null;
  const fromAt = firstWithin(outside, marks.fromLabels, i);
  const fromLabel = fromAt >= 0 ? elements[fromAt]! : null;
  const personas = outermostOf(outside, within(outside, marks.personas, i));
  const senderAt = personas.find((p) => !inWell(p) && !recipientLabelled(p));
  if (senderAt !== undefined) from = personaAddress(elements[senderAt]!);
  if (!from?.email && fromLabel) {
    const l = parseNameAndEmail((fromLabel.getAttribute('aria-label') ?? '').replace(/^[^:：]+[:：]\s*/, ''));
    if (l) from = addressOfKey(from?.name ?? l.name, l.email);
  }
  if (!from) missing.add('message.from');

  // Any shown body in the item. Every body lies in a skipped subtree; a body shown inside a
  // skipped body root means that root is shown too, so the roots that are bodies stand for
  // their subtrees, and only the other skipped subtrees (history, lists) are queried. A root
  // is shown up to the item when it is not hidden itself and nothing is hidden from its parent
  // up to the pane (else the exact climb decides).
  let shownBody = false;
  for (const k of skipped) {
    const r = outside.skipped[k]!;
    if (r.matches(BODY_ONLY)) shownBody = !isHiddenElement(r) && (!hidden(outside.skippedUnder[k]!) || !isHiddenUpTo(r, item));
    else shownBody = all(r, BODY_ONLY).some((b) => !isHiddenUpTo(b, item));
    if (shownBody) break;
  }
  const collapsed = !shownBody || item.getAttribute('aria-expanded') === 'false';

  const to: MailAddress[] = [];
  const cc: MailAddress[] = [];
  if (!collapsed) {
    let found = false;
    const push = (kind: 'to' | 'cc' | 'bcc', el: Element) => {
      found = true;
      if (kind !== 'bcc') pushUnique(kind === 'to' ? to : cc, personaAddress(el));
    };
    for (const w of wells) {
      if (outside.holdsSkipped[w]) readWell(elements[w]!, push);
      else readWellAt(outside, w, marks, push);
    }
    if (!found) {
      // No recipient well: aria-labels "To: A <a@x>; B <b@y>".
      for (const el of queryIn(outside, i, '[aria-label^="To:"], [aria-label^="Cc:"], [aria-label^="ถึง:"], [aria-label^="สำเนาถึง:"]')) {
        const label = el.getAttribute('aria-label') ?? '';
        const kind = kindOfLabel(label.split(/[:：]/)[0]!.trim());
        if (!kind || kind === 'bcc') continue;
        for (const part of label.replace(/^[^:：]+[:：]/, '').split(/[;；]/)) pushUnique(kind === 'to' ? to : cc, parseNameAndEmail(part));
        found = true;
      }
    }
    if (!found) missing.add('message.to');
  }

  const timeAt = firstWithin(outside, marks.times, i);
  const timeEl = timeAt >= 0 ? elements[timeAt]! : null;
  const dateText = timeEl ? (timeEl.getAttribute('title') || textOf(timeEl)) : null;

  const idAt = item.matches(ITEM_ID) ? -2 : firstWithin(outside, marks.itemIds, i);
  const idEl = idAt === -2 ? item : idAt >= 0 ? elements[idAt]! : null;
  const id = idEl ? line(idEl.getAttribute('data-itemid') ?? idEl.getAttribute('data-item-id'), ID_MAX) : null;

  if (!from && !timeEl && to.length === 0) return null;
  return { message: { id, from, to, cc, at: null, collapsed }, dateText };
}

export type TakePersona = (kind: 'to' | 'cc' | 'bcc', el: Element) => void;

/**
 * A recipient well's personas in page order, each with its field: a label ("Cc:", an
 * aria-label "Cc: …" holding no persona, a leaf's text) sets the field for the personas after
 * it; a persona's own labelled ancestor in the well wins. Persona subtrees are not entered.
 */
export function readWell(well: Element, take: TakePersona): void {
  let field: 'to' | 'cc' | 'bcc' = 'to';
  const wellPersonas = new Set(outermost(all(well, PERSONA), well));
  const stack: Element[] = [];
  for (let c = well.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (wellPersonas.has(el)) {
      take(ancestorLabelKind(el, well) ?? field, el);
      continue;
    }
    const own = el.getAttribute('aria-label');
    const labelKind = own ? kindOfLabel(own.split(/[:：]/)[0]!.trim()) : null;
    if (labelKind && !first(el, PERSONA)) field = labelKind;
    else if (!el.firstElementChild) {
      const k = kindOfLabel(clean(el.textContent ?? ''));
      if (k) field = k;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
}

/**
 * readWell for the well at `outside.elements[w]` when nothing under it was skipped: its
 * descendants are then exactly the positions w+1 … end[w]-1, in page order, and the personas
 * among them are marked, so the walk reads no selector.
 */
export function readWellAt(outside: Outside, w: number, marks: Pick<Marks, 'personas' | 'isPersona'>, take: TakePersona): void {
  const { elements, end } = outside;
  const well = elements[w]!;
  let field: 'to' | 'cc' | 'bcc' = 'to';
  for (let j = w + 1; j < end[w]!; ) {
    const el = elements[j]!;
    if (marks.isPersona[j]) {
      // The first persona met on a branch is an outermost one; its subtree is not entered.
      take(ancestorLabelKind(el, well) ?? field, el);
      j = end[j]!;
      continue;
    }
    const own = el.getAttribute('aria-label');
    const labelKind = own ? kindOfLabel(own.split(/[:：]/)[0]!.trim()) : null;
    if (labelKind && firstWithin(outside, marks.personas, j) < 0) field = labelKind;
    else if (end[j] === j + 1) {
      // No element child.
      const k = kindOfLabel(clean(el.textContent ?? ''));
      if (k) field = k;
    }
    j++;
  }
}

function outermost(items: Element[], stop: Element): Element[] {
  const set = new Set(items);
  return items.filter((el) => {
    for (let p = el.parentElement; p && p !== stop; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

function ancestorLabelKind(el: Element, stop: Element): 'to' | 'cc' | 'bcc' | null {
  for (let p = el.parentElement; p && p !== stop; p = p.parentElement) {
    const l = p.getAttribute('aria-label');
    if (l) {
      const k = kindOfLabel(l.split(/[:：]/)[0]!.trim());
      if (k) return k;
    }
  }
  return null;
}

/** The signed-in mailbox: the account manager's secondary line, an account button's label, or the title. */
export function outlookSelfEmail(root: ParentNode): string | null {
  const secondary = first(root, '#mectrl_currentAccount_secondary');
  const s = secondary ? findEmail(secondary.textContent) : null;
  if (s) return s;
  for (const el of all(root, '#mectrl_main_trigger, #O365_MainLink_Me, #meInitialsButton, [aria-label^="Account manager"], #mectrl_headerPicture')) {
    const e = findEmail(el.getAttribute('aria-label')) ?? findEmail(el.getAttribute('title'));
    if (e && e.length <= EMAIL_MAX) return e;
  }
  const parts = documentTitle(root).split(/\s[-–—]\s/);
  for (let i = parts.length - 1; i >= 1; i--) {
    const p = clean(parts[i]!);
    if (isEmail(p)) return p.toLowerCase();
  }
  return null;
}
