// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../../lib/domain/text';
import { seededRandom } from './seeded';
import {
  all,
  clean,
  closestWithin,
  firstIn,
  firstShown,
  firstWithin,
  groupedByAttribute,
  hiddenAt,
  indicesIn,
  isHiddenUpTo,
  outermostIn,
  outermostOf,
  outsideOf,
  queryAround,
  queryIn,
  skippedByItem,
  skippedIn,
  textOf,
  within,
} from '../../../lib/capture/mail-dom';

/**
 * The mail readers' fast lookups checked against the plain queries they stand for, on random
 * trees of the attributes the readers look at (roles, ids, classes, hidden states, people).
 */

const TAGS = ['div', 'span', 'blockquote', 'table', 'tr', 'td', 'h2', 'section'];
const ATTRS: Array<[string, string[]]> = [
  ['role', ['document', 'listbox', 'option', 'main', 'listitem', 'heading', 'button']],
  ['id', ['UniqueMessageBody', 'UniqueMessageBody_2', 'divRplyFwdMsg', 'other', 'ReadingPaneContainerId']],
  ['class', ['a3s', 'ii', 'gD', 'g2 hb', 'h7', 'kv', 'x', 'M9 ip']],
  ['aria-label', ['Message body', 'Email message', 'To: A <a@x.example>', 'Google Account: N (n@x.example)']],
  ['contenteditable', ['true', 'false']],
  ['email', ['a@x.example', 'b@y.example']],
  ['hidden', ['']],
  ['aria-hidden', ['true', 'false']],
  ['style', ['display:none', 'color: red', 'visibility: hidden']],
];

/** A random tree under <body>, from a seed (a small linear congruential generator). */
function tree(seed: number): Document {
  const rnd = seededRandom(seed);
  const doc = document.implementation.createHTMLDocument('t');
  const grow = (parent: Element, depth: number) => {
    const kids = depth > 5 ? 0 : rnd(4);
    for (let k = 0; k < kids; k++) {
      const el = doc.createElement(TAGS[rnd(TAGS.length)]!);
      for (const [name, values] of ATTRS) if (rnd(6) === 0) el.setAttribute(name, values[rnd(values.length)]!);
      parent.appendChild(el);
      grow(el, depth + 1);
    }
  };
  for (let k = 0; k < 3; k++) grow(doc.body, 0);
  return doc;
}

const SKIPS = [
  '.a3s, .ii, .gmail_quote, blockquote, .adP, .adO, .ip, .M9, [contenteditable="true"]',
  '[role="document"], #UniqueMessageBody, [id^="UniqueMessageBody"], [aria-label="Message body"], .allowTextSelection, #divRplyFwdMsg, [id^="divRplyFwdMsg"], blockquote, [contenteditable="true"], [role="listbox"], [role="option"]',
];
// No descendant combinators: happy-dom matches their ancestors only inside the queried element
// (browsers match them in the whole document, as `matches` does).
const QUERIES = ['[email]', '.gD[email], span.g2[email]', '[role="listitem"], .h7, .kv', 'tr', '[aria-label]', 'td'];
const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });
const RUNS = { numRuns: 40 };
/** Generous: these run many plain queries per tree, on a busy machine too. */
const SLOW = 30_000;

describe('groupedByAttribute', () => {
  it('matches the same elements as the list it groups', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const els = all(tree(seed), '*');
        for (const list of [...SKIPS, ...QUERIES]) {
          const grouped = groupedByAttribute(list);
          for (const e of els) expect(e.matches(grouped)).toBe(e.matches(list));
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('groups single-attribute parts and keeps the rest', () => {
    expect(groupedByAttribute('[role="a"], #x, .c, [role="b"], [id^="y"], a[b="1,2"]')).toBe('[role]:is([role="a"], [role="b"]), [id]:is(#x, [id^="y"]), .c, a[b="1,2"]');
    expect(groupedByAttribute('[x="a\\"]"], [x]')).toBe('[x="a\\"]"], [x]');
  });
});

describe('firstShown', () => {
  it('is the first match in page order that is not hidden and is accepted', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const doc = tree(seed);
        const accept = (e: Element) => !e.matches('span');
        for (const sel of ['div, span', '[email]', 'td, h2', '[role="main"]']) {
          expect(firstShown(doc, sel)).toBe(all(doc, sel).find((e) => !isHiddenUpTo(e)) ?? null);
          expect(firstShown(doc, sel, accept)).toBe(all(doc, sel).find((e) => !isHiddenUpTo(e) && accept(e)) ?? null);
          const root = doc.body.firstElementChild;
          if (root) expect(firstShown(root, sel)).toBe(all(root, sel).find((e) => !isHiddenUpTo(e)) ?? null);
        }
      }),
      RUNS,
    );
  }, SLOW);
});

describe('outsideOf and the lookups over it', () => {
  it('walks exactly the elements outside skipped subtrees, with their ranges, parents and skipped roots', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const root = tree(seed).body;
        for (const skip of SKIPS) {
          const o = outsideOf(root, skip);
          const plain = all(root, '*').filter((e) => !closestWithin(e, skip, root));
          expect(o.elements).toEqual(plain);
          expect(o.skipped).toEqual(all(root, skip).filter((e) => !closestWithin(e.parentElement!, skip, root)));
          o.elements.forEach((el, i) => {
            expect(o.elements.slice(i + 1, o.end[i])).toEqual(plain.filter((d) => d !== el && el.contains(d)));
            expect(o.parent[i]).toBe(el.parentElement === root ? -1 : o.elements.indexOf(el.parentElement!));
            expect(o.holdsSkipped[i]).toBe(o.skipped.some((s) => el.contains(s)));
            expect(skippedIn(o, i)).toEqual(o.skipped.filter((s) => el.contains(s)));
            for (const sel of QUERIES) {
              const expected = o.elements.slice(i + 1, o.end[i]).filter((d) => d.matches(sel));
              expect(queryIn(o, i, sel)).toEqual(expected);
              expect(firstIn(o, i, sel)).toBe(expected[0]);
            }
          });
          for (const sel of QUERIES) expect(queryIn(o, -1, sel)).toEqual(plain.filter((d) => d.matches(sel)));
          // Positions, sliced per element: the same as the plain query of its subtree outside skipped ones.
          for (const sel of QUERIES) {
            const at = indicesIn(o, sel);
            expect(at.map((j) => o.elements[j])).toEqual(all(root, sel).filter((e) => !closestWithin(e, skip, root)));
            expect(within(o, at, -1)).toEqual(at);
            expect(firstWithin(o, at, -1)).toBe(at.length > 0 ? at[0] : -1);
            o.elements.forEach((el, i) => {
              const plainIn = all(el, sel).filter((e) => !closestWithin(e, skip, root));
              expect(within(o, at, i).map((j) => o.elements[j])).toEqual(plainIn);
              const f = firstWithin(o, at, i);
              expect(f < 0 ? undefined : o.elements[f]).toBe(plainIn[0]);
            });
          }
          expect(indicesIn(o, '[')).toEqual([]);
          // Among the matches of a list holding the selector: the same positions.
          const anyOf = indicesIn(o, groupedByAttribute(QUERIES.join(', ')));
          for (const sel of QUERIES) expect(indicesIn(o, sel, anyOf)).toEqual(indicesIn(o, sel));
          expect(indicesIn(o, '[email]', [0, 2, 4].filter((j) => j < o.elements.length))).toEqual([0, 2, 4].filter((j) => j < o.elements.length && o.elements[j]!.matches('[email]')));
          // The outermost matches, and the skipped roots inside each of them.
          for (const sel of QUERIES) {
            const at = indicesIn(o, sel);
            const top = outermostOf(o, at);
            expect(top).toEqual(at.filter((j) => !at.some((k) => k !== j && o.elements[k]!.contains(o.elements[j]!))));
            expect(skippedByItem(o, top).map((ks) => ks.map((k) => o.skipped[k]))).toEqual(top.map((i) => o.skipped.filter((r) => o.elements[i]!.contains(r))));
          }
          expect(skippedByItem(o, [-1])).toEqual([o.skipped.map((_, k) => k)]);
          // Hidden up to the root, by positions: asked in any order, the same as the climb.
          const hidden = hiddenAt(o, root);
          const order = o.elements.map((_, j) => j).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13));
          for (const j of order) expect(hidden(j)).toBe(isHiddenUpTo(o.elements[j]!, root));
          expect(hidden(-1)).toBe(isHiddenUpTo(root, root));
          const take = (e: Element) => e.matches('[role="listitem"], .h7, .kv, td');
          expect(outermostIn(o, take)).toEqual(
            o.elements.flatMap((e, i) => (take(e) && !o.elements.some((a) => a !== e && a.contains(e) && take(a)) ? [i] : [])),
          );
        }
      }),
      RUNS,
    );
  }, SLOW);

  it('queryAround gives the matches outside a region: before it (its ancestors and itself among them) and after', () => {
    fc.assert(
      fc.property(seeds, fc.nat(), (seed, pick) => {
        const doc = tree(seed);
        const els = all(doc.body, '*');
        if (els.length === 0) return;
        const region = els[pick % els.length]!;
        for (const sel of QUERIES) {
          const around = queryAround(doc, region, sel);
          const outside = all(doc, sel).filter((e) => e === region || !region.contains(e));
          const before = outside.filter((e) => e === region || e.compareDocumentPosition(region) & 4 || e.contains(region));
          expect(around.before).toEqual(before);
          expect(around.after).toEqual(outside.filter((e) => !before.includes(e)));
        }
      }),
      RUNS,
    );
  }, SLOW);
});

describe('textOf', () => {
  /** The plain reading: text and CDATA nodes in order, an <img>'s data-emoji, skipped subtrees (below the element) left out. */
  function plainText(el: Element, skip: string, top = true): string {
    if (!top && el.matches(skip)) return '';
    if (el.tagName === 'IMG') return el.getAttribute('data-emoji') ?? '';
    let out = '';
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3 || c.nodeType === 4) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) out += plainText(c as Element, skip, false);
    }
    return out;
  }

  it('reads every element as the plain recursive reading does', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rnd = seededRandom(seed);
        const doc = document.implementation.createHTMLDocument('t');
        const grow = (parent: Element, depth: number) => {
          const kids = depth > 4 ? 0 : rnd(4);
          for (let k = 0; k < kids + rnd(2); k++) {
            const pick = rnd(8);
            if (pick < 3) parent.appendChild(doc.createTextNode(['a', ' b ', 'ก', '😀', ''][rnd(5)]!));
            else if (pick === 3) parent.appendChild(doc.createComment('c'));
            else {
              const el = doc.createElement(['div', 'span', 'button', 'img', 'script', 'b'][rnd(6)]!);
              if (rnd(3) === 0) el.setAttribute('data-emoji', '🙏');
              if (rnd(5) === 0) el.setAttribute('role', 'button');
              parent.appendChild(el);
              grow(el, depth + 1);
            }
          }
        };
        grow(doc.body, 0);
        const skip = 'button,[role="button"],script,style,noscript,template';
        for (const el of [doc.body, ...all(doc.body, '*')]) expect(textOf(el)).toBe(plainText(el, skip));
      }),
      RUNS,
    );
  }, SLOW);
});

describe('clean', () => {
  it('is cleanLine for every UTF-16 unit alone, between letters, doubled and at the ends', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `a${ch}${ch}b`, `${ch}a`, `a${ch}`, `a ${ch}b`]) if (clean(s) !== cleanLine(s)) expect([c, clean(s)]).toEqual([c, cleanLine(s)]);
    }
  });

  it('is cleanLine on random strings of spaces, marks, controls and text, with and without a limit', () => {
    const units = ['a', 'ก', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u200e', '\u202e', '\ufeff', '\u00ad', '\u0000', '\u007f', '\u2000', '\u202f', '\u3000', '\u2028', '😀', '\ud83d'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (parts, max) => {
        const s = parts.join('');
        expect(clean(s, max)).toBe(cleanLine(s, max));
      }),
      { numRuns: 2000 },
    );
  });
});
