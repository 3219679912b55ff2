import { cleanLine, emailKey } from '../domain/text';
import { detectDateFormat, parseDate, type DateFormat } from '../io/import/values';
import { query, queryAll } from './dom';
import type { MailAddress } from './schema';

/**
 * DOM helpers shared by the Gmail and Outlook readers. Pure: they read attributes and text
 * nodes only (no layout, no getComputedStyle, no innerHTML), so they run the same on a live
 * page, a saved page and a DOMParser document.
 */

export const NAME_MAX = 300;
export const EMAIL_MAX = 320;
export const ID_MAX = 300;
export const SUBJECT_MAX = 1000;

const EMAIL_RE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const EMAIL_WHOLE = new RegExp(`^${EMAIL_RE.source}$`);

/** Hidden by an attribute the page itself sets: `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`. */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style)) return true;
  return false;
}

/** True when `el` or an ancestor (up to and including `stop`, or the document) is hidden by attributes. */
export function isHiddenUpTo(el: Element, stop: Element | null = null): boolean {
  for (let n: Element | null = el; n; n = n.parentElement) {
    if (isHiddenElement(n)) return true;
    if (n === stop) break;
  }
  return false;
}

/** All matches / the first match of a selector, never throwing on one the engine rejects: the CRM readers' own helpers. */
export { queryAll as all, query as first };

/** `el.closest(selector)` limited to `el`'s ancestors inside `within` (within itself excluded). */
export function closestWithin(el: Element, selector: string, within: Element | null): Element | null {
  let hit: Element | null;
  try {
    hit = el.closest(selector);
  } catch {
    return null;
  }
  if (!hit) return null;
  if (within && (hit === within || !within.contains(hit))) return null;
  return hit;
}

/**
 * The text of an element as a reader sees it: text nodes in order, `<img data-emoji|alt>` as its
 * emoji, subtrees matching `skip` (buttons, scripts, styles by default) left out. Iterative,
 * so a deep tree cannot overflow the stack.
 */
export function textOf(el: Element | null, skip = 'button,[role="button"],script,style,noscript,template'): string {
  if (!el) return '';
  let out = '';
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const e = node as Element;
    if (e !== el && safeMatches(e, skip)) continue;
    if (e.tagName === 'IMG') {
      const emoji = e.getAttribute('data-emoji') ?? '';
      if (emoji) out += emoji;
      continue;
    }
    const kids = e.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

function safeMatches(e: Element, selector: string): boolean {
  try {
    return e.matches(selector);
  } catch {
    return false;
  }
}

/** A cleaned one-line value, or null when nothing is left. */
export function line(s: string | null | undefined, max: number): string | null {
  if (s == null) return null;
  const v = cleanLine(s, max);
  return v === '' ? null : v;
}

/** The first email address in a string, lower-cased; null if none. */
export function findEmail(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = EMAIL_RE.exec(s);
  if (!m) return null;
  const e = emailKey(m[0]);
  return e.length <= EMAIL_MAX ? e : null;
}

export function isEmail(s: string): boolean {
  return EMAIL_WHOLE.test(s);
}

/**
 * A participant from a display string: "Name <a@b.c>", "a@b.c", "Name (a@b.c)" or "Name".
 * Surrounding quotes and a trailing ';' or ',' are dropped from the name.
 */
export function parseNameAndEmail(raw: string | null | undefined): MailAddress | null {
  const s = cleanLine(raw ?? '');
  if (s === '') return null;
  const email = findEmail(s);
  let name = s;
  if (email) {
    const m = EMAIL_RE.exec(s)!;
    name = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/[<>()[\]]/g, ' ');
  }
  name = name.replace(/^[\s"'“”]+|[\s"'“”;,]+$/g, '');
  return makeAddress(name, email);
}

/** A cleaned MailAddress; a name that is only the address again is dropped. Null when both are empty. */
export function makeAddress(name: string | null | undefined, email: string | null | undefined): MailAddress | null {
  const e = email ? findEmail(email) : null;
  let n = line(name, NAME_MAX);
  if (n && e && n.toLowerCase() === e) n = null;
  if (n && isEmail(n)) {
    // A name that is an address: keep it as the address when none was given.
    return { name: null, email: e ?? emailKey(n) };
  }
  if (!n && !e) return null;
  return { name: n, email: e };
}

/** Appends an address unless the same address (or, lacking addresses, the same name) is already there. */
export function pushUnique(list: MailAddress[], a: MailAddress | null, limit = 500): void {
  if (!a || list.length >= limit) return;
  const dup = list.some((b) => (a.email && b.email ? a.email === b.email : !a.email && !b.email && a.name === b.name));
  if (!dup) list.push(a);
}

// ---------------------------------------------------------------- dates shown by mail apps

const TIME_RE = /(?<![\d:.])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d.:])\s*(a\.?\s?m\.?|p\.?\s?m\.?|am|pm|ก่อนเที่ยง|หลังเที่ยง)?/i;
const NUMERIC_RE = /(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
const YMD_RE = /(?<!\d)(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?!\d)/;
const MON_D_Y_RE = /(?<![A-Za-z])([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})(?!\d)/;
const D_MON_Y_RE = /(?<!\d)(\d{1,2})[ -]([A-Za-z]{3,9}\.?|[\u0E01-\u0E4F.]{2,12})[ -](\d{4})(?!\d)/;

/** Invisible marks (OWA's U+200E/U+200F), narrow no-break spaces and "at" between date and time, normalised. */
function normaliseDateText(s: string): string {
  return cleanLine(s.replace(/[\u202F\u00A0]/g, ' ')).replace(/\s+at\s+/i, ' ');
}

type DatePart = { iso: string } | { numeric: string } | null;

function datePartOf(s: string): DatePart {
  let m = YMD_RE.exec(s);
  if (m) {
    const r = parseDate(m[0], m[2] === '-' ? 'iso' : 'ymd_slash');
    return r.ok && r.value ? { iso: r.value } : null;
  }
  m = MON_D_Y_RE.exec(s);
  if (m) {
    const r = parseDate(`${m[1]} ${m[2]}, ${m[3]}`, 'mon_d_y');
    if (r.ok && r.value) return { iso: r.value };
  }
  m = D_MON_Y_RE.exec(s);
  if (m) {
    const r = parseDate(`${m[1]} ${m[2]} ${m[3]}`, 'd_mon_y');
    if (r.ok && r.value) return { iso: r.value };
  }
  m = NUMERIC_RE.exec(s);
  if (m) return { numeric: m[0] };
  return null;
}

function timeOf(s: string): { h: number; min: number; sec: number } | null {
  const m = TIME_RE.exec(s);
  if (!m) return null;
  let h = +m[1]!;
  const min = +m[2]!;
  const sec = m[3] ? +m[3] : 0;
  const mer = m[4]?.toLowerCase().replace(/[.\s]/g, '');
  if (mer) {
    const pm = mer === 'pm' || mer === 'หลังเที่ยง';
    if (h < 1 || h > 12) return null;
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  if (h > 23 || min > 59 || sec > 59) return null;
  return { h, min, sec };
}

export type DayOrder = 'dmy' | 'mdy';

/**
 * Instants for the date strings a mail app shows ("Wed, Mar 4, 2026, 10:15 AM", "Thu, Dec 18,
 * 2014 at 12:35 PM", "Wed 3/4/2026 10:15 AM", "4 มี.ค. 2569 10:15"), read in the runtime's time
 * zone (the one the page displays in). Numeric dates are read as one column: a value with a part
 * above 12 settles day/month order for all; when nothing settles it and no `order` is given,
 * those values stay null (the page does not say it exactly). A string without a full date and a
 * time ("Yesterday", "10:15 AM") is null.
 */
export function readMailDates(values: readonly (string | null)[], order?: DayOrder): { at: (number | null)[]; ambiguous: boolean } {
  const norm = values.map((v) => (v ? normaliseDateText(v) : ''));
  const parts = norm.map(datePartOf);
  const numeric = parts.flatMap((p) => (p && 'numeric' in p ? [p.numeric] : []));
  let format: DateFormat | null = null;
  let ambiguous = false;
  if (numeric.length > 0) {
    const d = detectDateFormat(numeric);
    if (d && !d.ambiguous) format = d.format;
    else if (d && d.ambiguous) {
      const sep = numeric[0]!.includes('-') ? 'dash' : numeric[0]!.includes('.') ? 'dot' : 'slash';
      if (sep === 'dot') format = 'dmy_dot';
      else if (order) format = sep === 'dash' ? (order === 'dmy' ? 'dmy_dash' : 'mdy_dash') : order;
      else ambiguous = true;
    }
  }
  const at = parts.map((p, i) => {
    if (!p) return null;
    let iso: string | null = null;
    if ('iso' in p) iso = p.iso;
    else if (format) {
      const r = parseDate(p.numeric, format);
      iso = r.ok ? r.value : null;
    }
    if (!iso) return null;
    const t = timeOf(norm[i]!.replace(/(?<!\d)\d{1,4}([/.-])\d{1,2}\1\d{1,4}(?!\d)/, ' '));
    if (!t) return null;
    const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
    const ms = new Date(y, mo - 1, d, t.h, t.min, t.sec).getTime();
    return Number.isSafeInteger(ms) && ms >= 0 ? ms : null;
  });
  return { at, ambiguous };
}

/** The address in an element's attributes used by mail apps for people: email, data-hovercard-id, title, aria-label. */
export function emailFromAttributes(el: Element): string | null {
  return (
    findEmail(el.getAttribute('email')) ??
    findEmail(el.getAttribute('data-hovercard-id')) ??
    findEmail(el.getAttribute('title')) ??
    findEmail(el.getAttribute('aria-label'))
  );
}

/** The document title, whether `root` is a Document or a node inside one. */
export function documentTitle(root: ParentNode): string {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  try {
    if (doc && typeof doc.title === 'string' && doc.title) return doc.title;
  } catch {
    /* a detached fragment */
  }
  const t = query(root, 'title');
  return t?.textContent ?? '';
}

/**
 * The descendants of `root` (root itself excluded) that are outside every subtree whose root
 * matches `skip`, in document order, and those skipped subtree roots. `e` is in `elements`
 * exactly when `closestWithin(e, skip, root)` is null — so a reader filters these instead of
 * querying the whole `root` (message bodies included) and discarding the body matches. One walk
 * that never enters a body.
 */
export function outsideOf(root: Element, skip: string): { elements: Element[]; skipped: Element[] } {
  const elements: Element[] = [];
  const skipped: Element[] = [];
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (safeMatches(e, skip)) {
      skipped.push(e);
      continue;
    }
    elements.push(e);
    for (let c = e.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return { elements, skipped };
}

/** The elements of `outside` (document order, from outsideOf) that are descendants of `el`, which is one of them. */
export function descendantsIn(outside: readonly Element[], el: Element): Element[] | null {
  const i = outside.indexOf(el);
  if (i < 0) return null;
  let j = i + 1;
  while (j < outside.length && el.contains(outside[j]!)) j++;
  return outside.slice(i + 1, j);
}

/** The matches of `selector` among `els`, in their order; none when the engine rejects the selector. */
export function matching(els: readonly Element[], selector: string): Element[] {
  return els.filter((e) => safeMatches(e, selector));
}
