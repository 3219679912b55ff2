import type { z } from 'zod';
import { quoteValue } from '../../domain/text';
import { IMPORT_ENTITIES, IMPORT_FIELDS, type FieldKind } from './fields';
import { DATE_FORMAT_PATTERN } from './values';

export { DATE_FORMAT_PATTERN };

/**
 * Why a row is rejected, worded for an AE instead of a validator: one function turns a zod
 * issue on a record the importer built into an i18n key of lib/i18n/messages/import-reasons.ts
 * and its params ("Longer than 300 characters.", "Not a date: expected YYYY-MM-DD."), never the
 * schema's own text ("Too big: expected string to have <=300 characters"). The row, column and
 * value are shown beside the reason, so it does not repeat them; a value shown to the AE goes
 * through quoteCell, so a 5 MB cell is echoed as 40 characters and an ellipsis.
 */

export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

/** The zod issue type (zod 4) as the importer's safeParse reports it. */
export type ZodIssue = z.core.$ZodIssue;

/** Characters of a value shown in a message (CLI and preview). */
export const QUOTE_MAX = 40;

/**
 * A cell as it may be shown in a message: one line, at most `max` characters with an ellipsis
 * (lib/domain/text.ts quoteValue). Only a prefix of a huge value is looked at, so quoting a
 * 5 MB cell costs no more than quoting a name.
 */
export function quoteCell(value: string, max = QUOTE_MAX): string {
  const head = max * 8;
  if (value.length <= head) return quoteValue(value, max);
  const q = quoteValue(value.slice(0, head), max);
  return q.endsWith('…') ? q : `${q}…`;
}

/** Field name → kind, over every entity (a field name has one kind wherever it occurs). */
const KIND = new Map<string, FieldKind>();
for (const e of IMPORT_ENTITIES) for (const d of IMPORT_FIELDS[e]) if (!KIND.has(d.field)) KIND.set(d.field, d.kind);

/** Record keys whose values are calendar days or fractions, for issues on keys no field names. */
const DATE_KEY = /(On|Due|Since)$/;

/**
 * The reason for one zod issue on a record the importer built. `field` is the importer field
 * whose column the value came from ('name', 'close', …; '' when none), which decides the wording
 * (a date field's format error is "not a date", a percent field's range is 0–100%).
 */
export function reasonOfIssue(issue: ZodIssue, field: string): Reason {
  const kind = KIND.get(field);
  const key = String(issue.path[issue.path.length - 1] ?? '');
  const isDate = kind === 'date' || DATE_KEY.test(key);
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'io.reason.tooLong', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'io.reason.tooManyValues', params: { max } };
      if (kind === 'percent') return { key: 'io.reason.probabilityRange', params: {} };
      if (kind === 'amount') return { key: 'io.reason.amountRange', params: {} };
      return { key: 'io.reason.numberTooBig', params: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { key: 'io.reason.empty', params: {} } : { key: 'io.reason.tooShort', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { key: 'io.reason.empty', params: {} };
      if (kind === 'percent') return { key: 'io.reason.probabilityRange', params: {} };
      if (kind === 'amount') return { key: 'io.reason.amountRange', params: {} };
      return issue.inclusive === false ? { key: 'io.reason.numberNotAbove', params: { min } } : { key: 'io.reason.numberTooSmall', params: { min } };
    }
    case 'invalid_format':
      if (issue.format === 'email' || kind === 'email') return { key: 'io.reason.notEmail', params: {} };
      if (kind === 'currency' || /currency/i.test(key)) return { key: 'io.reason.notCurrency', params: {} };
      if (isDate) return { key: 'io.reason.badDate', params: { expected: DATE_FORMAT_PATTERN.iso } };
      return { key: 'io.reason.invalid', params: {} };
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number' || issue.expected === 'nan') {
        if (kind === 'amount') return { key: 'io.reason.amountRange', params: {} };
        return { key: issue.expected === 'int' ? 'io.reason.notWholeNumber' : 'io.reason.notNumber', params: {} };
      }
      if (issue.expected === 'boolean') return { key: 'io.reason.notYesNo', params: {} };
      if (isDate) return { key: 'io.reason.badDate', params: { expected: DATE_FORMAT_PATTERN.iso } };
      return { key: 'io.reason.invalid', params: {} };
    case 'invalid_value':
      return { key: 'io.reason.oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { key: kind === 'amount' ? 'io.reason.amountRange' : 'io.reason.notWholeNumber', params: {} };
    case 'custom':
      // The schema's own refinements are written for people already ("not a real calendar date").
      if (isDate && /calendar|real/i.test(issue.message)) return { key: 'io.reason.notRealDate', params: {} };
      return { key: 'io.reason.rule', params: { detail: quoteCell(issue.message.replace(/\.$/, ''), 120) } };
    default:
      return { key: 'io.reason.invalid', params: {} };
  }
}
