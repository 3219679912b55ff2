import { cleanBlock, cleanLine, emailKey } from '../domain/text';
import { recognise } from '../recognise';

/**
 * What a pasted text or a selection pre-fills, for the AE to confirm (lib/recognise finds the
 * pieces; this picks the first of each). Pure, never throws. Nothing here is stored.
 */
export interface PastePrefill {
  /** The text, cleaned (invisible characters stripped), capped: a note's body. */
  text: string;
  contact: { name: string; title: string; email: string; phone: string; company: string };
  deal: { amountMinor: number | null; currency: string | null; closeOn: string | null };
  found: { emails: string[]; phones: string[]; amounts: string[]; dates: string[] };
}

export function prefillFromText(input: string, opts: { dateOrder?: 'dmy' | 'mdy' } = {}): PastePrefill {
  const text = cleanBlock(typeof input === 'string' ? input : '', 20000);
  const r = recognise(text, opts);
  const sig = r.signatures[0]?.value;
  const amount = r.amounts[0]?.value ?? null;
  return {
    text,
    contact: {
      name: sig ? cleanLine(sig.name.text, 300) : '',
      title: sig?.title ? cleanLine(sig.title.text, 200) : '',
      email: r.emails[0] ? emailKey(r.emails[0].text) : '',
      phone: r.phones[0]?.value.e164 ?? '',
      company: sig?.company ? cleanLine(sig.company.text, 300) : '',
    },
    deal: { amountMinor: amount?.minor ?? null, currency: amount?.currency ?? null, closeOn: r.dates[0]?.value.date ?? null },
    found: {
      emails: r.emails.map((m) => m.text),
      phones: r.phones.map((m) => m.value.e164),
      amounts: r.amounts.map((m) => m.text),
      dates: r.dates.map((m) => m.value.date),
    },
  };
}
