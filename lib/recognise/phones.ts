import { MAX_INPUT, span, type Recognised } from './types';

export interface PhoneValue {
  /** E.164: '+' and digits ("+66812345678"). */
  e164: string;
  /** Calling code the number was read under ("66", "44", "1"). */
  callingCode: string;
}
export type PhoneMatch = Recognised<'phone', PhoneValue>;

/**
 * Phone numbers: international `+66 81 234 5678`, `+44 20 7946 0958`, `+1 (415) 555-0100`
 * (9–15 digits after '+'), and Thai national numbers `02-123-4567` (9 digits, 02–07 landlines),
 * `081 234 5678` (10 digits, 06/08/09 mobiles), read as +66. Groups are separated by one space,
 * '-' or '.'; a number glued to letters or other digits is not one.
 */
const PHONE =
  /(?<![\p{L}\p{N}+]|\d[.,])(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?|\(0\d{1,3}\)[ .-]?|0)\d(?:[ .-]?\d){5,15}(?![\p{L}\p{N}]|[.,]\d)/gu;

const CALLING_CODES_3 = /^(?:2[0-9][0-9]|3[578][0-9]|42[0-9]|5[09][0-9]|6[7-9][0-9]|8[5-9][0-9]|9[679][0-9])$/;

function callingCodeOf(digits: string): string {
  if (digits.startsWith('1') || digits.startsWith('7')) return digits[0]!;
  if (CALLING_CODES_3.test(digits.slice(0, 3))) return digits.slice(0, 3);
  return digits.slice(0, 2);
}

function phoneValue(s: string): PhoneValue | null {
  const digits = s.replace(/\D/g, '');
  if (s.startsWith('+')) {
    return digits.length >= 9 && digits.length <= 15 ? { e164: `+${digits}`, callingCode: callingCodeOf(digits) } : null;
  }
  // Thai national number.
  const second = digits[1] ?? '';
  const ok = (digits.length === 10 && /[689]/.test(second)) || (digits.length === 9 && /[2-7]/.test(second));
  return ok ? { e164: `+66${digits.slice(1)}`, callingCode: '66' } : null;
}

export function recognisePhones(input: string): PhoneMatch[] {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(PHONE)) {
    // The pattern is greedy: "081 234 5678 15" runs into the next number. Try the whole run,
    // then shorter runs ending at a group boundary, and keep the longest valid one.
    const run = m[0];
    const cuts = [run.length];
    for (let i = run.length - 1; i > 0; i--) if (/[ .-]/.test(run[i]!) && /\d/.test(run[i - 1]!)) cuts.push(i);
    for (const cut of cuts) {
      const value = phoneValue(run.slice(0, cut));
      if (value) {
        out.push(span('phone', input, m.index, m.index + cut, value));
        break;
      }
    }
  }
  return out;
}
