import { describe, expect, it } from 'vitest';
import { recognisePhones } from '../../../lib/recognise';

describe('recognisePhones', () => {
  it.each([
    ['Tel 02-123-4567', '02-123-4567', '+6621234567', '66'],
    ['มือถือ 081 234 5678 ครับ', '081 234 5678', '+66812345678', '66'],
    ['call +66 81 234 5678', '+66 81 234 5678', '+66812345678', '66'],
    ['London +44 20 7946 0958', '+44 20 7946 0958', '+442079460958', '44'],
    ['SF: +1 (415) 555-0100.', '+1 (415) 555-0100', '+14155550100', '1'],
    ['0812345678', '0812345678', '+66812345678', '66'],
    ['(02) 123 4567', '(02) 123 4567', '+6621234567', '66'],
    ['081 234 5678 15 units', '081 234 5678', '+66812345678', '66'],
  ])('%s → %s', (input, text, e164, callingCode) => {
    const [m, ...rest] = recognisePhones(input);
    expect(rest).toEqual([]);
    expect(m).toEqual({ kind: 'phone', text, start: input.indexOf(text), end: input.indexOf(text) + text.length, value: { e164, callingCode } });
  });

  it.each([
    ['a date', '15/03/2569'],
    ['an ISO date', '2026-03-15'],
    ['an amount', 'THB 1,234.56'],
    ['a short number', '02-123'],
    ['a number glued to letters', 'PO0812345678'],
    ['part of a longer digit run', '120812345678999'],
    ['a decimal', '3.0812345678'],
    ['a Thai number of the wrong length', '081 234 567'],
    ['a too-short international number', '+66 812 345'],
  ])('not %s: %s', (_n, input) => {
    expect(recognisePhones(input)).toEqual([]);
  });
});
