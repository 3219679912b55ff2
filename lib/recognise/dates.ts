import type { IsoDate } from '../domain/primitives';
import { detectDateFormat, parseDate, type DateFormat } from '../io/import/values';
import { MAX_INPUT, span, withoutOverlaps, type Recognised } from './types';

export interface DateValue {
  date: IsoDate;
  /** The year was written in the Buddhist era (2569 → 2026). */
  buddhistEra: boolean;
  /** Day and month could be either way round (03/04/2026) and nothing in the text settled it: read by `order`. */
  ambiguous: boolean;
}
export type DateMatch = Recognised<'date', DateValue>;

const EN_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const TH_MONTHS =
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|' +
  'ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.';
const ERA = '(?:(?:พ\\.ศ\\.|ค\\.ศ\\.)\\s?)?';

const YMD = /(?<![\d/.-])(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\d/.-]|[.]\d)/g;
const NUMERIC = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/-]|\.\d)/g;
const D_MON_Y = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?[ -]?(${EN_MONTHS}|${TH_MONTHS})\\.?,?[ -]?${ERA}(\\d{4})(?!\\p{N})`,
  'giu',
);
const MON_D_Y = new RegExp(`(?<![\\p{L}\\p{N}])(${EN_MONTHS})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\p{N})`, 'giu');

function monthKey(word: string): string {
  const w = word.toLowerCase();
  return w === 'sept' ? 'sep' : w;
}

/**
 * Dates in free text → `YYYY-MM-DD`: ISO (2026-03-15, 2026/03/15), numeric day/month/year
 * (15/03/2569, 15.03.2026, 03-15-2026), "15 มี.ค. 2569", "15 มีนาคม พ.ศ. 2569", "March 15, 2026",
 * "15 March 2026". Buddhist-era years (≥ 2400) become CE (lib/io/import/values parseDate).
 * Numeric dates are read together, like a CSV column: any value with a part above 12 settles the
 * order for all with the same separator; otherwise `order` (default day first, as Thai writes
 * dates) is used and `ambiguous` is set. Two-digit years are not read (Thai "69" would be 2569).
 */
export function recogniseDates(input: string, opts: { order?: 'dmy' | 'mdy' } = {}): DateMatch[] {
  const text = input.length > MAX_INPUT ? input.slice(0, MAX_INPUT) : input;
  const order = opts.order ?? 'dmy';
  const out: DateMatch[] = [];
  const be = (y: string) => +y >= 2400;

  for (const m of text.matchAll(YMD)) {
    const r = parseDate(m[0], m[2] === '-' ? 'iso' : 'ymd_slash');
    if (r.ok && r.value) out.push(span('date', input, m.index, m.index + m[0].length, { date: r.value, buddhistEra: be(m[1]!), ambiguous: false }));
  }
  for (const m of text.matchAll(D_MON_Y)) {
    const r = parseDate(`${m[1]} ${monthKey(m[2]!)} ${m[3]}`, 'd_mon_y');
    if (r.ok && r.value) out.push(span('date', input, m.index, m.index + m[0].length, { date: r.value, buddhistEra: be(m[3]!), ambiguous: false }));
  }
  for (const m of text.matchAll(MON_D_Y)) {
    const r = parseDate(`${monthKey(m[1]!)} ${m[2]}, ${m[3]}`, 'mon_d_y');
    if (r.ok && r.value) out.push(span('date', input, m.index, m.index + m[0].length, { date: r.value, buddhistEra: be(m[3]!), ambiguous: false }));
  }

  // Numeric: one format per separator, settled across all values with that separator.
  const numeric = [...text.matchAll(NUMERIC)];
  for (const sep of ['/', '-', '.'] as const) {
    const group = numeric.filter((m) => m[2] === sep);
    if (group.length === 0) continue;
    const detected = detectDateFormat(group.map((m) => m[0]));
    for (const m of group) {
      let format: DateFormat | null = null;
      let ambiguous = false;
      const d = detected ?? detectDateFormat([m[0]]);
      if (d && !d.ambiguous) format = d.format;
      else if (d && d.ambiguous) {
        ambiguous = true;
        format = sep === '/' ? order : sep === '-' ? (order === 'dmy' ? 'dmy_dash' : 'mdy_dash') : 'dmy_dot';
      }
      if (!format) continue;
      const r = parseDate(m[0], format);
      if (r.ok && r.value) out.push(span('date', input, m.index, m.index + m[0].length, { date: r.value, buddhistEra: be(m[4]!), ambiguous }));
    }
  }
  return withoutOverlaps(out);
}
