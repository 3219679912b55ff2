import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_INPUT } from '../../../lib/recognise/types';
import { recognise, recogniseAmounts, recogniseDates, recogniseEmails, recognisePhones, recogniseSignatures } from '../../../lib/recognise';

// Fragments that trigger every recogniser, glued with arbitrary text: the matches land next to
// each other, at string ends, and next to odd characters.
const FRAGMENTS = [
  'somchai@chonburisteel.co.th', '02-123-4567', '081 234 5678', '+66 81 234 5678', '+1 (415) 555-0100', '+44 20 7946 0958',
  '฿1,234.56', 'THB 1.2M', '$', 'USD', '€1.234,56', '1.234,56 EUR', '12,500 บาท', '15/03/2569', '15 มี.ค. 2569', 'March 15, 2026',
  '2026-03-15', '03/04/2026', 'Best regards,\n', 'ขอบคุณครับ\n', 'Somchai Jaidee\n', 'Head of Procurement\n', 'Co., Ltd.', '\n', ' ', ',', '.', '-',
  '@', '+', '0', '9', '\u202E', '\u200B', '🙏', 'ก', '\r\n', '/', '(', ')',
];
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((a) => a.join('')),
);

const recognisers = [recogniseEmails, recognisePhones, recogniseAmounts, (s: string) => recogniseDates(s), recogniseSignatures];

describe('recognisers (properties)', () => {
  it('never throw, and every match is the exact slice at its offsets', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const r of recognisers) {
          for (const m of r(input)) {
            expect(m.text).toBe(input.slice(m.start, m.end));
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(input.length);
          }
        }
        const all = recognise(input);
        for (const m of all.all) expect(m.text).toBe(input.slice(m.start, m.end));
        for (const s of all.signatures) {
          for (const p of [s.value.name, s.value.title, s.value.company]) if (p) expect(p.text).toBe(input.slice(p.start, p.end));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('amounts are safe non-negative integers with an ISO code; dates are real YYYY-MM-DD', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const a of recogniseAmounts(input)) {
          expect(Number.isSafeInteger(a.value.minor) && a.value.minor >= 0).toBe(true);
          expect(a.value.currency).toMatch(/^[A-Z]{3}$/);
        }
        for (const d of recogniseDates(input)) expect(Number.isNaN(Date.parse(`${d.value.date}T00:00:00Z`))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the combined list has no overlaps and is in input order', () => {
    fc.assert(
      fc.property(text, (input) => {
        const all = recognise(input).all;
        for (let i = 1; i < all.length; i++) expect(all[i]!.start).toBeGreaterThanOrEqual(all[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('nearly a megabyte of text is read whole; past MAX_INPUT nothing more is read', () => {
    const block = 'Best regards,\nSomchai Jaidee\nHead of Procurement\n THB 1,234.56 081 234 5678 15/03/2569 a@b.co\n';
    const r = recognise(block.repeat(10_000));
    expect(block.length * 10_000).toBeLessThan(MAX_INPUT);
    expect([r.emails.length, r.phones.length, r.amounts.length, r.dates.length, r.signatures.length]).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    const over = recognise(block.repeat(20_000));
    expect(over.emails.at(-1)!.end).toBeLessThanOrEqual(MAX_INPUT);
  });
});
