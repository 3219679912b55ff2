import { cleanLine, emailKey } from '../domain/text';
import type { CapturedPerson, RecordCapture, RecordField, RecordFields } from './schema';

/**
 * DOM helpers shared by the page readers (CRM record pages now, mail pages later). Pure and
 * cheap: they read attributes and text nodes only — no layout (getComputedStyle, offsetParent,
 * getBoundingClientRect), no innerHTML, no browser-extension APIs — so they give the same answer
 * on a live page, a saved page and a DOMParser document, and never run page code.
 *
 * The exports of this file are a stable interface: other readers import them.
 */

// ---------------------------------------------------------------- visibility

/**
 * Hidden by what the page itself writes on an element: the `hidden` attribute, SLDS's
 * `slds-hide`, Aura's `hideEl`, an inline `display:none`. Checked on an element and its
 * ancestors with one native `closest` call, so it costs no layout.
 */
export const HIDDEN_ANCESTOR = '[hidden], .slds-hide, .hideEl, [style*="display: none"], [style*="display:none"]';
/** On the candidate itself, `aria-hidden="true"` counts too (not on ancestors: modals set it on the app behind them). */
export const HIDDEN_SELF = `${HIDDEN_ANCESTOR}, [aria-hidden="true"]`;

/** One cheap check per candidate container: hidden itself or inside a hidden ancestor. */
export function isHidden(el: Element): boolean {
  return el.matches(HIDDEN_SELF) || el.closest(HIDDEN_ANCESTOR) !== null;
}

/** Every match of `selector` under `root`; an engine that rejects the selector gives none. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  let list: NodeListOf<Element>;
  try {
    list = root.querySelectorAll(selector);
  } catch {
    return [];
  }
  // Copied by index: Array.from goes through the NodeList's iterator, which costs more than the
  // query of a small subtree (the readers run dozens of those per read).
  const n = list.length;
  const out: Element[] = new Array<Element>(n);
  for (let k = 0; k < n; k++) out[k] = list[k]!;
  return out;
}

export function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

/** The first match of `selector` that is not hidden (see isHidden); never simply the first match. */
export function firstVisible(root: ParentNode, selector: string): Element | null {
  for (const el of queryAll(root, selector)) if (!isHidden(el)) return el;
  return null;
}

/**
 * Matches of several selectors, each run on its own, in the order given (not document order).
 * A list of simple selectors run one by one uses the engine's fast paths (tag, class); the same
 * list as one comma-separated selector is matched against every element for every part, which in
 * Chromium costs about ten document walks.
 */
export function queryAllOf(root: ParentNode, selectors: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const s of selectors) for (const el of queryAll(root, s)) if (!out.includes(el)) out.push(el);
  return out;
}

/** The first visible match of the first selector (in order) that has one. */
export function firstVisibleOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = firstVisible(root, s);
    if (el) return el;
  }
  return null;
}

/** First match among several selectors tried in order (the first selector that matches wins). */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    const el = query(root, s);
    if (el) return el;
  }
  return null;
}

// ---------------------------------------------------------------- text

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'BUTTON', 'SELECT', 'svg', 'SVG', 'IMG', 'IFRAME', 'OBJECT']);
const BLOCK_TAGS = new Set([
  'DIV', 'P', 'LI', 'UL', 'OL', 'BR', 'TD', 'TH', 'TR', 'DD', 'DT', 'DL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'TABLE', 'TBODY',
]);

function skipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const cl = el.classList;
  // Screen-reader-only text ("Open Acme preview", "Edit Amount") is not the value.
  return cl.contains('slds-assistive-text') || cl.contains('assistiveText');
}

/**
 * The text a node shows, as a string: text nodes only (never HTML), skipping script, style,
 * template, buttons, images, hidden elements and screen-reader-only text; block elements are
 * separated by a space. Stops collecting after `limit` characters, so a megabyte field costs a
 * megabyte of reading at most once and never a megabyte of cleaning.
 */
export function textOf(node: Node | null | undefined, limit = 20_000): string {
  if (!node) return '';
  const parts: string[] = [];
  let length = 0;
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c && length < limit; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const v = c.nodeValue ?? '';
        parts.push(v);
        length += v.length;
      } else if (c.nodeType === 1) {
        const e = c as Element;
        if (skipped(e)) continue;
        const block = BLOCK_TAGS.has(e.tagName);
        if (block) parts.push(' ');
        walk(e);
        if (block) parts.push(' ');
      }
    }
  };
  if (node.nodeType === 3) return (node.nodeValue ?? '').slice(0, limit);
  walk(node);
  const out = parts.join('');
  return out.length > limit ? out.slice(0, limit) : out;
}

/** textOf, cleaned to one line of at most `max` characters (lib/domain/text.ts cleanLine). */
export function lineOf(node: Node | null | undefined, max: number): string {
  return cleanLine(textOf(node, max * 4 + 256), max);
}

/** The lines of a block (each child block element one line), cleaned; empty lines dropped. */
export function linesOf(node: Element | null | undefined, max: number): string[] {
  if (!node) return [];
  const out: string[] = [];
  const kids = Array.from(node.children).filter((c) => !skipped(c));
  if (kids.length > 1 && kids.every((k) => BLOCK_TAGS.has(k.tagName))) {
    for (const k of kids) {
      const l = lineOf(k, max);
      if (l) out.push(l);
    }
    return out;
  }
  // <br>-separated text: split on the breaks.
  let cur = '';
  const flush = () => {
    const l = cleanLine(cur, max);
    if (l) out.push(l);
    cur = '';
  };
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).tagName === 'BR') flush();
    else if (c.nodeType === 1 && BLOCK_TAGS.has((c as Element).tagName)) {
      flush();
      cur = textOf(c, max * 4);
      flush();
    } else cur += textOf(c, max * 4);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- documents, links, emails

/** The document a root belongs to (the root itself when it is one). */
export function docOf(root: ParentNode): Document | null {
  const n = root as Node;
  if (n.nodeType === 9) return n as Document;
  return n.ownerDocument ?? null;
}

/** The page's declared language (`<html lang>`), lower case; null when it declares none. */
export function pageLang(root: ParentNode): string | null {
  const lang = docOf(root)?.documentElement?.getAttribute('lang')?.trim();
  return lang ? lang.toLowerCase() : null;
}

/** An element's href resolved against `base`; null when missing or not a URL. */
export function hrefOf(el: Element | null | undefined, base: URL | string): URL | null {
  const h = el?.getAttribute('href');
  if (!h) return null;
  try {
    return new URL(h, base);
  } catch {
    return null;
  }
}

const EMAIL_IN = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const EMAIL_WHOLE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

export function isEmailAddress(s: string): boolean {
  return s.length <= 320 && EMAIL_WHOLE.test(s);
}

/**
 * Email addresses an element shows: `mailto:` links first (their address, not their label),
 * then addresses in its text. Cleaned, lower-cased for dedupe (emailKey), at most `max`.
 */
export function emailsIn(el: Element | null | undefined, max = 50): string[] {
  if (!el) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (raw: string) => {
    const e = emailKey(raw);
    if (!isEmailAddress(e) || seen.has(e) || out.length >= max) return;
    seen.add(e);
    out.push(e);
  };
  const links = el.matches('a[href^="mailto:" i]') ? [el] : queryAll(el, 'a[href^="mailto:" i]');
  for (const a of links) {
    const href = a.getAttribute('href') ?? '';
    let addr = href.slice(7).split('?')[0] ?? '';
    try {
      addr = decodeURIComponent(addr);
    } catch {
      /* keep it encoded; the pattern test below rejects it */
    }
    add(addr);
  }
  if (out.length >= max) return out;
  for (const m of textOf(el, 4000).matchAll(EMAIL_IN)) add(m[0]);
  return out;
}

// ---------------------------------------------------------------- label–value pairs

/**
 * Label → value pairs shown as definition lists (`dt`/`dd`, SLDS `.slds-item_label` /
 * `.slds-item_detail`) under `scope`: the label cleaned (trailing colon dropped), the value element.
 */
export function definitionPairs(scope: ParentNode): Array<{ label: string; value: Element }> {
  const out: Array<{ label: string; value: Element }> = [];
  let labels = queryAll(scope, 'dt');
  if (labels.length === 0) labels = queryAll(scope, '.slds-item_label');
  for (const dt of labels) {
    const dd = dt.nextElementSibling;
    if (!dd) continue;
    const label = cleanLine(textOf(dt, 400), 100).replace(/\s*:$/, '');
    if (label) out.push({ label, value: dd });
  }
  return out;
}

// ---------------------------------------------------------------- the record a reader builds

/**
 * What a record reader accumulates: fields (each set once, first value wins), every label →
 * value pair read (`raw`), people, and the fields looked for and not found (`missing`).
 */
export class RecordDraft {
  readonly fields: RecordFields = {};
  readonly raw: Record<string, string> = {};
  readonly people: CapturedPerson[] = [];
  private readonly missingSet = new Set<string>();

  /** Sets a field unless it is already set or the value is empty; returns whether it is set now. */
  set<K extends RecordField>(key: K, value: RecordFields[K] | null | undefined): boolean {
    if (this.fields[key] !== undefined) return true;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return false;
    this.fields[key] = value;
    return true;
  }

  /** Records that `key` was looked for: missing unless a field of that name is set by the end. */
  want(...keys: string[]): void {
    for (const k of keys) this.missingSet.add(k);
  }

  /** Marks a looked-for item as found (for items that are not fields, such as "people"). */
  found(key: string): void {
    this.missingSet.delete(key);
  }

  /** One raw pair, as shown, capped to the schema's lengths; the first value of a label wins. */
  addRaw(label: string, value: string): void {
    const l = cleanLine(label, 100);
    const v = cleanLine(value, 2000);
    if (!l || !v || l in this.raw || Object.keys(this.raw).length >= 500) return;
    this.raw[l] = v;
  }

  addPerson(p: CapturedPerson): void {
    if (this.people.length >= 200) return;
    if (p.name === null && p.email === null) return;
    const key = p.email ?? p.externalId;
    if (key && this.people.some((q) => (q.email ?? q.externalId) === key)) return;
    this.people.push(p);
  }

  /** The fields looked for and not found. */
  missing(): string[] {
    const out: string[] = [];
    for (const k of this.missingSet) if (!(k in this.fields)) out.push(k);
    return out;
  }
}

/** Runs `fn`; an exception (a page the reader did not expect) is swallowed, the draft keeps what it had. */
export function attempt(fn: () => void): void {
  try {
    fn();
  } catch {
    /* a reader never throws: what was not read stays listed in `missing` */
  }
}

/** Each field's kind and bounds, as recordFieldsSchema states them (tests parse every capture with the schema itself). */
const FIELD_RULES: Record<RecordField, { kind: 'line'; max: number } | { kind: 'int' } | { kind: 'fraction' } | { kind: 'currency' } | { kind: 'date' } | { kind: 'status' } | { kind: 'emails' }> = {
  name: { kind: 'line', max: 300 },
  accountName: { kind: 'line', max: 300 },
  accountExternalId: { kind: 'line', max: 100 },
  amountMinor: { kind: 'int' },
  currency: { kind: 'currency' },
  stage: { kind: 'line', max: 200 },
  pipeline: { kind: 'line', max: 200 },
  probability: { kind: 'fraction' },
  closeOn: { kind: 'date' },
  createdOn: { kind: 'date' },
  nextStep: { kind: 'line', max: 500 },
  ownerName: { kind: 'line', max: 200 },
  dealType: { kind: 'line', max: 200 },
  status: { kind: 'status' },
  website: { kind: 'line', max: 500 },
  domain: { kind: 'line', max: 253 },
  industry: { kind: 'line', max: 200 },
  accountType: { kind: 'line', max: 200 },
  city: { kind: 'line', max: 200 },
  country: { kind: 'line', max: 200 },
  title: { kind: 'line', max: 200 },
  emails: { kind: 'emails' },
  phone: { kind: 'line', max: 50 },
};

const isLine = (v: unknown, max: number) => typeof v === 'string' && v.length >= 1 && v.length <= max;

function realDate(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

function fieldOk(key: RecordField, v: unknown): boolean {
  const rule = FIELD_RULES[key];
  if (!rule) return false;
  switch (rule.kind) {
    case 'line':
      return isLine(v, rule.max);
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    case 'fraction':
      return typeof v === 'number' && v >= 0 && v <= 1;
    case 'currency':
      return typeof v === 'string' && /^[A-Z]{3}$/.test(v);
    case 'date':
      return realDate(v);
    case 'status':
      return v === 'open' || v === 'won' || v === 'lost';
    case 'emails':
      return Array.isArray(v) && v.length <= 50 && v.every((e) => isLine(e, 320));
  }
}

const personOk = (p: CapturedPerson) =>
  (p.name === null || isLine(p.name, 300)) &&
  (p.email === null || isLine(p.email, 320)) &&
  (p.role === null || isLine(p.role, 200)) &&
  (p.title === null || isLine(p.title, 200)) &&
  (p.externalId === null || isLine(p.externalId, 100));

/**
 * The capture a reader returns, held to recordCaptureSchema's rules (a cheap check of the same
 * bounds, not a zod parse: this runs on every page view, and the receiver parses with the schema
 * anyway). A value that breaks a rule (a reader bug, never page text — that is cleaned before it
 * gets here) is dropped and listed as missing instead of failing the whole capture.
 */
export function finishRecord(
  d: RecordDraft,
  head: { site: RecordCapture['site']; kind: RecordCapture['kind']; url: URL; externalId: string },
): RecordCapture {
  const fields: RecordFields = {};
  const missing = d.missing();
  for (const [k, v] of Object.entries(d.fields) as Array<[RecordField, unknown]>) {
    if (fieldOk(k, v)) (fields as Record<string, unknown>)[k] = v;
    else if (!missing.includes(k)) missing.push(k);
  }
  return {
    type: 'record',
    site: head.site,
    kind: head.kind,
    url: head.url.href.slice(0, 4000),
    externalId: cleanLine(head.externalId, 100) || '?',
    fields,
    raw: { ...d.raw },
    people: d.people.filter(personOk).slice(0, 200),
    missing: missing.map((m) => m.slice(0, 100)),
  };
}

// ---------------------------------------------------------------- values found by their label text

/**
 * Values found by the label shown beside them, whatever the markup: each text node under `scope`
 * whose text (trailing colon dropped) matches one of `labels` is a label; its value is the label
 * element's next element sibling, or its parent's when the label stands alone in a wrapper
 * ('<dt>Value</dt><dd>€8,400</dd>', '<div><span>Value</span></div><div>€8,400</div>'). The first
 * match of each key wins. One walk over the text nodes; no layout.
 */
const combined = new WeakMap<object, RegExp>();

export function labelledValues<K extends string>(
  scope: ParentNode,
  labels: Readonly<Record<K, RegExp>>,
): Map<K, { label: string; value: Element }> {
  const found = new Map<K, { label: string; value: Element }>();
  const keys = Object.keys(labels) as K[];
  const doc = docOf(scope);
  if (!doc || keys.length === 0) return found;
  // One test per text node: every label pattern in one alternation.
  let any = combined.get(labels);
  if (!any) {
    any = new RegExp(`^(?:${keys.map((k) => `(?:${labels[k].source.replace(/^\^|\$$/g, '')})`).join('|')})$`, 'i');
    combined.set(labels, any);
  }
  const walker = doc.createTreeWalker(scope as Node, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n && found.size < keys.length; n = walker.nextNode()) {
    const raw = n.nodeValue ?? '';
    if (raw.length > 80 || raw.length < 2) continue;
    const text = cleanLine(raw, 80).replace(/\s*:$/, '');
    if (!any.test(text)) continue;
    const key = keys.find((k) => !found.has(k) && labels[k].test(text));
    if (key === undefined) continue;
    let el = n.parentElement;
    if (!el || SKIP_TAGS.has(el.tagName)) continue;
    // The label element: climb out of wrappers that hold nothing but the label.
    while (!el.nextElementSibling && el.parentElement && el.parentElement !== scope && cleanLine(textOf(el.parentElement, 100), 100).replace(/\s*:$/, '') === text) {
      el = el.parentElement;
    }
    const value = el.nextElementSibling;
    if (value) found.set(key, { label: text, value });
  }
  return found;
}

/** The tile of one linked record in a list: the largest ancestor (below `stop`) holding no other link matching `links`. */
export function tileAround(link: Element, links: string, stop: Element | null, maxUp = 8): Element {
  let tile = link;
  for (let p = link.parentElement, i = 0; p && p !== stop && i < maxUp; p = p.parentElement, i++) {
    if (queryAll(p, links).length > 1) break;
    tile = p;
  }
  return tile;
}
