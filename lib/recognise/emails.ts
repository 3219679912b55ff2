import { emailKey } from '../domain/text';
import { MAX_INPUT, span, type Recognised } from './types';

export type EmailMatch = Recognised<'email', string>;

// Local part, @, dot-separated labels, a letter TLD. Bounded repetitions keep it linear.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9][A-Za-z0-9-]{0,62}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

/** Email addresses in free text; `value` is the address as matched (lower case). */
export function recogniseEmails(input: string): EmailMatch[] {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const out: EmailMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    let s = m[0];
    // "a..b@x.com" and a local part ending in '.' are not addresses.
    const local = s.slice(0, s.indexOf('@'));
    if (local.includes('..') || local.endsWith('.')) continue;
    // Labels may not end with '-'.
    if (/-\./.test(s.slice(s.indexOf('@')))) continue;
    s = emailKey(s);
    out.push(span('email', input, m.index, m.index + m[0].length, s));
  }
  return out;
}
