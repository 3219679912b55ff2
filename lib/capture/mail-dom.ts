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

/** The first match of a selector, never throwing on one the engine rejects: the CRM readers' own helper. */
export { query as first };

/** All matches of a selector, in document order, never throwing: dom.ts queryAll (one helper). */
export const all = queryAll;

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
 * The text of an element as a reader sees it: text nodes (CDATA sections too, as textContent
 * counts them) in order, `<img data-emoji|alt>` as its emoji, subtrees matching `skip` (buttons,
 * scripts, styles by default) left out. Iterative, so a deep tree cannot overflow the stack.
 */
export function textOf(el: Element | null, skip = 'button,[role="button"],script,style,noscript,template'): string {
  if (!el) return '';
  // No element inside (a name, a time): its text nodes are all there is, as textContent joins them.
  if (el.firstElementChild === null && el.tagName !== 'IMG') return el.textContent ?? '';
  let out = '';
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      out += node.nodeValue ?? '';
      continue;
    }
    if (type !== 1) continue;
    const e = node as Element;
    if (e !== el && safeMatches(e, skip)) continue;
    if (e.tagName === 'IMG') {
      const emoji = e.getAttribute('data-emoji') ?? '';
      if (emoji) out += emoji;
      continue;
    }
    for (let c = e.lastChild; c; c = c.previousSibling) stack.push(c);
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

/**
 * What cleanLine would change: an invisible or control character (its INVISIBLE list), white
 * space other than single spaces between words. Kept in step with lib/domain/text.ts by a
 * property test.
 */
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[^\S ]| {2}|^ | $/;

/** cleanLine(s, max), without its replacements when there is nothing to clean (most names, dates, labels). */
export function clean(s: string, max = Infinity): string {
  return s.length <= max && !NEEDS_CLEANING.test(s) ? s : cleanLine(s, max);
}

/** A cleaned one-line value, or null when nothing is left. */
export function line(s: string | null | undefined, max: number): string | null {
  if (s == null) return null;
  const v = clean(s, max);
  return v === '' ? null : v;
}

/** The first email address in a string, lower-cased; null if none. */
export function findEmail(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = EMAIL_RE.exec(s);
  return m ? keyOfMatch(m[0]) : null;
}

function keyOfMatch(match: string): string | null {
  // EMAIL_RE matches address characters only: nothing for emailKey to clean but the case.
  const e = match.toLowerCase();
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
  const s = clean(raw ?? '');
  if (s === '') return null;
  const m = EMAIL_RE.exec(s);
  const email = m ? keyOfMatch(m[0]) : null;
  let name = s;
  if (m && email) name = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/[<>()[\]]/g, ' ');
  name = name.replace(/^[\s"'“”]+|[\s"'“”;,]+$/g, '');
  return addressOfKey(name, email);
}

/** A cleaned MailAddress; a name that is only the address again is dropped. Null when both are empty. `email`: any text holding the address. */
export function makeAddress(name: string | null | undefined, email: string | null | undefined): MailAddress | null {
  return addressOfKey(name, email ? findEmail(email) : null);
}

/**
 * makeAddress for an address as findEmail (or emailFromAttributes, parseNameAndEmail) gave it:
 * findEmail gives such an address back unchanged, so it is not searched and cleaned again.
 */
export function addressOfKey(name: string | null | undefined, e: string | null): MailAddress | null {
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

/** Invisible marks (OWA's U+200E/U+200F), narrow no-break spaces (cleanLine makes them one space) and "at" between date and time, normalised. */
function normaliseDateText(s: string): string {
  return clean(s).replace(/\s+at\s+/i, ' ');
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
    // parseDate's ISO date: YYYY-MM-DD.
    const ms = new Date(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), t.h, t.min, t.sec).getTime();
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
 * The same selector list with its single-attribute parts grouped under the attribute they test:
 * `[role="document"], [role="option"], #a, [id^="b"], .c` becomes
 * `[role]:is([role="document"], [role="option"]), [id]:is(#a, [id^="b"]), .c`. It matches the
 * same elements; Chromium passes an element lacking the attribute with one test per group
 * instead of one per part (half the cost for a walk's long skip list). Parts that are not a
 * single `[attr…]` or `#id` are kept as they are; a list it cannot split safely is returned
 * unchanged.
 */
export function groupedByAttribute(list: string): string {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\') return list;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, k).trim());
      start = k + 1;
    }
  }
  if (quote || depth !== 0) return list;
  parts.push(list.slice(start).trim());
  const groups = new Map<string, string[]>();
  const rest: string[] = [];
  for (const part of parts) {
    const attr = /^#[-\w]+$/.test(part) ? 'id' : /^\[\s*([-\w]+)\s*(?:[~|^$*]?=\s*(?:"[^"]*"|'[^']*'|[-\w]+)\s*(?:[iIsS]\s*)?)?\]$/.exec(part)?.[1]?.toLowerCase();
    if (!attr) rest.push(part);
    else groups.set(attr, [...(groups.get(attr) ?? []), part]);
  }
  const out: string[] = [];
  for (const [attr, ps] of groups) out.push(ps.length > 1 ? `[${attr}]:is(${ps.join(', ')})` : ps[0]!);
  return [...out, ...rest].join(', ');
}

/**
 * The first match of `selector` under `root`, in document order, that is not hidden
 * (isHiddenUpTo, up to the document) and that `accept` keeps: the same element as
 * `all(root, selector).find((e) => !isHiddenUpTo(e) && accept(e))`, without querying the whole
 * page. Native early-exit queries: a hidden match's outermost hidden ancestor is skipped whole
 * (everything under it is hidden too), a refused match is searched inside, then after.
 */
export function firstShown(root: ParentNode, selector: string, accept: (el: Element) => boolean = () => true): Element | null {
  let hit = query(root, selector);
  while (hit) {
    const hidden = outermostHidden(hit);
    if (hidden) {
      if (hidden === root || hidden.contains(root as Node)) return null;
      hit = nextMatchAfter(root, hidden, selector);
    } else if (accept(hit)) return hit;
    else hit = query(hit, selector) ?? nextMatchAfter(root, hit, selector);
  }
  return null;
}

/** The outermost of `el` and its ancestors (up to the document) hidden by attributes; null when none is. */
function outermostHidden(el: Element): Element | null {
  let out: Element | null = null;
  for (let n: Element | null = el; n; n = n.parentElement) if (isHiddenElement(n)) out = n;
  return out;
}

/** The first match of `selector` under `root` after `node`'s subtree, in document order. */
function nextMatchAfter(root: ParentNode, node: Element, selector: string): Element | null {
  for (let n: Element | null = node; n && n !== root; n = n.parentElement) {
    for (let s = n.nextElementSibling; s; s = s.nextElementSibling) {
      if (safeMatches(s, selector)) return s;
      const q = query(s, selector);
      if (q) return q;
    }
  }
  return null;
}

/**
 * The matches of `selector` under `root` (root itself excluded) outside `region`'s subtree, in
 * document order: `before` (region's ancestors below root among them, and region itself) and
 * `after`. Native queries of the subtrees beside the path from root down to region, so a reader
 * can search a page without the open thread, whose own elements it already holds (outsideOf).
 * When region is not under root: every match, in `before`.
 */
export function queryAround(root: ParentNode, region: Element, selector: string): { before: Element[]; after: Element[] } {
  const path: Element[] = [];
  let n: Element | null = region;
  for (; n && n !== root; n = n.parentElement) path.push(n);
  if (n !== root && !(path.length > 0 && path[path.length - 1]!.parentNode === root)) return { before: all(root, selector), after: [] };
  path.reverse();
  const before: Element[] = [];
  const after: Element[] = [];
  const take = (out: Element[], s: Element) => {
    if (safeMatches(s, selector)) out.push(s);
    for (const e of all(s, selector)) out.push(e);
  };
  for (const a of path) {
    for (let s = a.parentNode?.firstElementChild ?? null; s && s !== a; s = s.nextElementSibling) take(before, s);
    if (safeMatches(a, selector)) before.push(a);
  }
  for (let i = path.length - 1; i >= 0; i--) for (let s = path[i]!.nextElementSibling; s; s = s.nextElementSibling) take(after, s);
  return { before, after };
}

/**
 * What outsideOf walked: `elements`, the descendants of its root (root excluded) outside every
 * subtree whose root matches the skip selector, in document order; `end[i]`, the index in
 * `elements` after the last descendant of `elements[i]` (its descendants are
 * `elements.slice(i + 1, end[i])`); `parent[i]`, the index of its parent (-1: the root);
 * `holdsSkipped[i]`, whether a skipped subtree lies under
 * `elements[i]`; `skipped`, the skipped subtree roots in document order, and `skippedUnder[k]`,
 * the index in `elements` of `skipped[k]`'s parent (-1: the root).
 */
export interface Outside {
  elements: Element[];
  end: number[];
  parent: number[];
  holdsSkipped: boolean[];
  skipped: Element[];
  skippedUnder: number[];
}

/**
 * The descendants of `root` outside every subtree whose root matches `skip` (see Outside). `e` is
 * in `elements` exactly when `closestWithin(e, skip, root)` is null — so a reader filters these
 * instead of querying the whole `root` (message bodies included) and discarding the body
 * matches. One walk that never enters a body.
 */
export function outsideOf(root: Element, skip: string): Outside {
  const elements: Element[] = [];
  const end: number[] = [];
  const parent: number[] = [];
  const holdsSkipped: boolean[] = [];
  const skipped: Element[] = [];
  const skippedUnder: number[] = [];
  // Indices of the walk's current ancestors in `elements`.
  const path: number[] = [];
  let e: Element | null = root.firstElementChild;
  while (e) {
    let down: Element | null = null;
    if (safeMatches(e, skip)) {
      skipped.push(e);
      skippedUnder.push(path.length > 0 ? path[path.length - 1]! : -1);
      // Its ancestors hold a skipped subtree (marked from the nearest up, until one already is).
      for (let p = path.length - 1; p >= 0 && !holdsSkipped[path[p]!]; p--) holdsSkipped[path[p]!] = true;
    } else {
      parent.push(path.length > 0 ? path[path.length - 1]! : -1);
      path.push(elements.length);
      elements.push(e);
      end.push(-1);
      holdsSkipped.push(false);
      down = e.firstElementChild;
    }
    if (down) {
      e = down;
      continue;
    }
    // Leaving e, and each ancestor that has no next sibling: their subtrees end here.
    let n: Element | null = e;
    e = null;
    while (n && n !== root) {
      if (path.length > 0 && elements[path[path.length - 1]!] === n) end[path.pop()!] = elements.length;
      const next: Element | null = n.nextElementSibling;
      if (next) {
        e = next;
        break;
      }
      n = n.parentElement;
    }
  }
  return { elements, end, parent, holdsSkipped, skipped, skippedUnder };
}

/**
 * The matches of `selector` among the descendants of `outside.elements[i]` in `outside.elements`
 * (i = -1: all of them), in document order; none when the engine rejects the selector. A subtree
 * that holds nothing skipped is queried natively instead of matched element by element.
 */
export function queryIn(outside: Outside, i: number, selector: string): Element[] {
  const out: Element[] = [];
  scanIn(outside, i, selector, false, (e) => {
    out.push(e);
    return false;
  });
  return out;
}

/** The first of queryIn(outside, i, selector), found with early exits; undefined when none. */
export function firstIn(outside: Outside, i: number, selector: string): Element | undefined {
  let hit: Element | undefined;
  scanIn(outside, i, selector, true, (e) => {
    hit = e;
    return true;
  });
  return hit;
}

/** Feeds the matches of queryIn to `take` in document order until it returns true (`firstOnly`: it will at the first). */
function scanIn(outside: Outside, i: number, selector: string, firstOnly: boolean, take: (e: Element) => boolean): void {
  const { elements, end, holdsSkipped } = outside;
  const stop = i < 0 ? elements.length : end[i]!;
  for (let j = i + 1; j < stop; ) {
    const el = elements[j]!;
    if (safeMatches(el, selector) && take(el)) return;
    if (holdsSkipped[j]) {
      j++;
      continue;
    }
    // Nothing under el is skipped: its descendants are exactly those of `elements` up to end[j].
    if (firstOnly) {
      const d = query(el, selector);
      if (d && take(d)) return;
    } else for (const d of all(el, selector)) if (take(d)) return;
    j = end[j]!;
  }
}

/** The skipped subtree roots (outsideOf) below `outside.elements[i]`, in document order. */
export function skippedIn(outside: Outside, i: number): Element[] {
  const end = outside.end[i]!;
  return outside.skipped.filter((_, k) => outside.skippedUnder[k]! >= i && outside.skippedUnder[k]! < end);
}

/**
 * Indices of the outermost elements of `outside` that `take` keeps, in document order: an element
 * is tested only when no ancestor of it below the root was taken.
 */
export function outermostIn(outside: Outside, take: (el: Element) => boolean): number[] {
  const out: number[] = [];
  const els = outside.elements;
  for (let i = 0; i < els.length; ) {
    if (take(els[i]!)) {
      out.push(i);
      i = outside.end[i]!;
    } else i++;
  }
  return out;
}

/**
 * Indices in `outside.elements` of the elements matching `selector`, in document order (none
 * when the engine rejects it): `queryIn(outside, -1, selector)` as positions, so a reader can
 * slice it per message with `within` instead of querying each message again. With `among`
 * (ascending positions): those of them that match — given the matches of a selector list
 * holding `selector`'s, the same positions for fewer tests.
 */
export function indicesIn(outside: Outside, selector: string, among?: readonly number[]): number[] {
  const out: number[] = [];
  const els = outside.elements;
  try {
    if (among) {
      for (const j of among) if (els[j]!.matches(selector)) out.push(j);
    } else for (let j = 0; j < els.length; j++) if (els[j]!.matches(selector)) out.push(j);
  } catch {
    return [];
  }
  return out;
}

/** The first position in the ascending `indices` holding a value ≥ `v`. */
function lowerBound(indices: readonly number[], v: number): number {
  let lo = 0;
  let hi = indices.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (indices[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The entries of `indices` (ascending, as indicesIn gives them) that are descendants of
 * `outside.elements[i]` (i = -1: all): with indicesIn, the same elements as queryIn(outside, i, …).
 */
export function within(outside: Outside, indices: readonly number[], i: number): number[] {
  if (i < 0) return indices.slice();
  return indices.slice(lowerBound(indices, i + 1), lowerBound(indices, outside.end[i]!));
}

/** The first of within(outside, indices, i); -1 when none. */
export function firstWithin(outside: Outside, indices: readonly number[], i: number): number {
  const k = lowerBound(indices, i + 1);
  if (k >= indices.length) return -1;
  const j = indices[k]!;
  return i < 0 || j < outside.end[i]! ? j : -1;
}

/**
 * The entries of ascending positions `indices` (as indicesIn gives them) that no other entry
 * holds (an ancestor of an element is in `outside` too), in document order: one sweep, a held
 * entry lying before its holder's end.
 */
export function outermostOf(outside: Outside, indices: readonly number[]): number[] {
  const out: number[] = [];
  let until = -1;
  for (const j of indices) {
    if (j < until) continue;
    out.push(j);
    until = outside.end[j]!;
  }
  return out;
}

/**
 * skippedIn for each of `items` (ascending positions in `outside`, none holding another; [-1]:
 * the root, all skipped roots), as indices in `outside.skipped`, with one binary search per
 * skipped root instead of a pass over all of them per item.
 */
export function skippedByItem(outside: Outside, items: readonly number[]): number[][] {
  const out: number[][] = items.map(() => []);
  const { skipped, skippedUnder, end } = outside;
  if (items.length === 1 && items[0]! < 0) out[0] = skipped.map((_, k) => k);
  else {
    for (let k = 0; k < skipped.length; k++) {
      // The last item at or before the parent q (ascending, disjoint): q's item if it holds q.
      const q = skippedUnder[k]!;
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (items[mid]! <= q) lo = mid + 1;
        else hi = mid;
      }
      const n = lo - 1;
      if (n >= 0 && q < end[items[n]!]!) out[n]!.push(k);
    }
  }
  return out;
}

/**
 * isHiddenUpTo(outside.elements[j], root) for positions j in `outside` (walked from `root`;
 * j = -1: the root itself), each element's attributes read at most once however many of its
 * descendants are asked about.
 */
export function hiddenAt(outside: Outside, root: Element): (j: number) => boolean {
  const { elements, parent } = outside;
  // 0: not known yet, 1: shown (nothing hidden from it up to the root), 2: hidden.
  const memo = new Int8Array(elements.length);
  let rootState = 0;
  const path: number[] = [];
  return (j) => {
    if (j < 0) {
      if (rootState === 0) rootState = isHiddenElement(root) ? 2 : 1;
      return rootState === 2;
    }
    let p = j;
    while (p >= 0 && memo[p] === 0) {
      path.push(p);
      p = parent[p]!;
    }
    let hidden = p >= 0 ? memo[p] === 2 : (rootState === 0 ? (rootState = isHiddenElement(root) ? 2 : 1) : rootState) === 2;
    while (path.length > 0) {
      const q = path.pop()!;
      if (!hidden && isHiddenElement(elements[q]!)) hidden = true;
      memo[q] = hidden ? 2 : 1;
    }
    return memo[j] === 2;
  };
}
