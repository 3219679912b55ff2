import { recogniseAmounts, type AmountMatch } from './amounts';
import { recogniseDates, type DateMatch } from './dates';
import { recogniseEmails, type EmailMatch } from './emails';
import { recognisePhones, type PhoneMatch } from './phones';
import { recogniseSignatures, type SignatureMatch } from './signature';
import { withoutOverlaps } from './types';

export { recogniseAmounts, type AmountMatch, type AmountValue } from './amounts';
export { recogniseDates, type DateMatch, type DateValue } from './dates';
export { recogniseEmails, type EmailMatch } from './emails';
export { recognisePhones, type PhoneMatch, type PhoneValue } from './phones';
export { recogniseSignatures, type SignatureMatch, type SignaturePart, type SignatureValue } from './signature';
export type { Recognised } from './types';

export type AnyMatch = EmailMatch | PhoneMatch | AmountMatch | DateMatch;

export interface Recognition {
  emails: EmailMatch[];
  phones: PhoneMatch[];
  amounts: AmountMatch[];
  dates: DateMatch[];
  signatures: SignatureMatch[];
  /** Emails, phones, amounts and dates in input order, no two overlapping (earliest, then longest, wins). */
  all: AnyMatch[];
}

/**
 * Everything recognised in a pasted text or a selection. Pure, never throws; every match's
 * `text` is `input.slice(start, end)`. A phone inside an email or a date is not reported twice:
 * phones overlapping an email, amount or date are dropped.
 */
export function recognise(input: string, opts: { dateOrder?: 'dmy' | 'mdy' } = {}): Recognition {
  const text = typeof input === 'string' ? input : '';
  const emails = recogniseEmails(text);
  const amounts = recogniseAmounts(text);
  const dates = recogniseDates(text, { order: opts.dateOrder });
  const taken = [...emails, ...amounts, ...dates].sort((a, b) => a.start - b.start);
  // Phones come in input order: one sweep over the other matches, sorted by start.
  let k = 0;
  let reach = -1;
  const phones = recognisePhones(text).filter((p) => {
    while (k < taken.length && taken[k]!.start < p.end) reach = Math.max(reach, taken[k++]!.end);
    return !(reach > p.start);
  });
  const signatures = recogniseSignatures(text);
  const all = withoutOverlaps<AnyMatch>([...emails, ...phones, ...amounts, ...dates]);
  return { emails, phones, amounts, dates, signatures, all };
}
