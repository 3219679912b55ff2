import { cleanLine } from '../domain/text';
import { MAX_INPUT, type Recognised } from './types';

export interface SignaturePart {
  text: string;
  start: number;
  end: number;
}
export interface SignatureValue {
  name: SignaturePart;
  title: SignaturePart | null;
  company: SignaturePart | null;
}
export type SignatureMatch = Recognised<'signature', SignatureValue>;

const CLOSING =
  /^(?:(?:best|kind|warm|warmest|many)?\s*regards|best(?: wishes)?|thanks(?:\s*(?:&|and)\s*(?:best\s*)?regards)?|many thanks|thank you(?: very much)?|cheers|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|ขอบคุณ(?:มาก)?(?:ครับ|ค่ะ|คะ|คับ)?|ขอบพระคุณ(?:ครับ|ค่ะ)?|ขอแสดงความนับถือ|ด้วยความเคารพ(?:อย่างสูง)?|--)[\s,.!]*$/i;
const COMPANY = /(?:\b(?:co\.?,?\s*ltd\.?|ltd\.?|limited|inc\.?|llc|corp\.?|corporation|company|plc|gmbh|pte\.?|s\.a\.|group)\b|บริษัท|จำกัด|\(มหาชน\)|ห้างหุ้นส่วน)/i;
const URLISH = /https?:\/\/|www\.|@|\.(?:com|net|org|co\.th)\b/i;

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      // Trim the line's own spaces so offsets cover the words only.
      let s = start;
      while (s < end && /\s/.test(text[s]!)) s++;
      while (end > s && /\s/.test(text[end - 1]!)) end--;
      out.push({ text: text.slice(s, end), start: s, end });
      start = i + 1;
    }
  }
  return out;
}

function looksLikeName(s: string): boolean {
  if (s.length < 2 || s.length > 60 || /\d/.test(s) || URLISH.test(s) || CLOSING.test(s)) return false;
  const words = cleanLine(s).split(' ');
  if (words.length > 6) return false;
  return /\p{L}/u.test(s) && !/[:;|<>{}[\]]/.test(s);
}

function looksLikeLine(s: string): boolean {
  if (s.length < 2 || s.length > 100 || URLISH.test(s) || CLOSING.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  // A phone or fax line, not a title.
  if (digits >= 6 || /^(?:tel|phone|mobile|fax|m|t|p|โทร)\b/i.test(s)) return false;
  return /\p{L}/u.test(s);
}

/**
 * Name, title and company from the lines after a closing ("Best regards,", "ขอบคุณครับ", "--"):
 * "Somchai Jaidee\nHead of Procurement\nChonburi Steel Co., Ltd." A line that reads as a company
 * (Co., Ltd., Inc., บริษัท … จำกัด) is the company; phone, email and web lines end the block.
 * One blank line may sit between the closing and the name.
 */
export function recogniseSignatures(input: string): SignatureMatch[] {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const lines = linesOf(text);
  const out: SignatureMatch[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!CLOSING.test(lines[i]!.text)) continue;
    let j = i + 1;
    if (j < lines.length && lines[j]!.text === '') j++;
    const nameLine = lines[j];
    if (!nameLine || !looksLikeName(nameLine.text)) continue;
    const part = (l: Line): SignaturePart => ({ text: l.text, start: l.start, end: l.end });
    let title: SignaturePart | null = null;
    let company: SignaturePart | null = null;
    let last = nameLine;
    let lastIndex = j;
    for (let k = j + 1; k < lines.length && k <= j + 2; k++) {
      const l = lines[k]!;
      if (!looksLikeLine(l.text)) break;
      if (!company && COMPANY.test(l.text)) {
        company = part(l);
        last = l;
        lastIndex = k;
        break;
      }
      if (title) break;
      title = part(l);
      last = l;
      lastIndex = k;
    }
    out.push({
      kind: 'signature',
      text: input.slice(nameLine.start, last.end),
      start: nameLine.start,
      end: last.end,
      value: { name: part(nameLine), title, company },
    });
    i = lastIndex;
  }
  return out;
}
