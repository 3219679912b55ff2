import { BOOK_TABLES, emptyBook, type Book, type BookTable } from '../domain/book';
import { TABLE_SCHEMAS } from '../domain/tables';

export { TABLE_SCHEMAS };

export interface InvalidRecord {
  table: BookTable;
  id: string;
  /** `field: message`, e.g. "closeOn: not a real calendar date". */
  problems: string[];
}

/**
 * Checks every stored record against its full schema. Bad records are reported, never
 * dropped: the AE decides (fix in the CRM and re-import, or delete).
 */
export function checkBook(book: Partial<Book>, limit = 200): { invalid: InvalidRecord[]; invalidCount: number } {
  const { invalid, invalidCount } = partitionBook(book, { limit, fastActivities: false });
  return { invalid, invalidCount };
}

const ACTIVITY_KINDS = new Set(['call', 'email', 'meeting', 'note', 'task']);
const isId = (v: unknown) => v === null || typeof v === 'string';

/**
 * What the KPI engine and the action rules read of an activity, checked without zod: a
 * million activities go through here after every write. Anything that fails this cheap
 * check gets the full schema check (and its messages).
 */
function activityLooksValid(a: Record<string, unknown>): boolean {
  return (
    typeof a.id === 'string' &&
    typeof a.at === 'number' &&
    Number.isInteger(a.at) &&
    (a.at as number) >= 0 &&
    ACTIVITY_KINDS.has(a.kind as string) &&
    isId(a.dealId) &&
    isId(a.accountId) &&
    isId(a.contactId) &&
    (a.completedAt === null || typeof a.completedAt === 'number')
  );
}

/**
 * Splits a book read from storage into the records the engines may compute with and the
 * ones that fail their schema. The invalid ones are reported (table, id, field, reason),
 * never silently dropped, and they cannot crash a page that computes KPIs.
 */
export function partitionBook(
  book: Partial<Book>,
  { limit = 200, fastActivities = true }: { limit?: number; fastActivities?: boolean } = {},
): { valid: Book; invalid: InvalidRecord[]; invalidCount: number } {
  const valid = emptyBook();
  const invalid: InvalidRecord[] = [];
  let invalidCount = 0;
  for (const table of BOOK_TABLES) {
    const rows = (book[table] ?? []) as Array<Record<string, unknown>>;
    const schema = TABLE_SCHEMAS[table];
    const keep: unknown[] = [];
    for (const row of rows) {
      if (fastActivities && table === 'activities' && row && activityLooksValid(row)) {
        keep.push(row);
        continue;
      }
      const r = schema.safeParse(row);
      if (r.success) {
        keep.push(row);
        continue;
      }
      invalidCount++;
      if (invalid.length < limit) {
        invalid.push({
          table,
          id: typeof row?.id === 'string' ? row.id : '?',
          problems: r.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
        });
      }
    }
    (valid as unknown as Record<string, unknown[]>)[table] = keep.length === rows.length ? rows : keep;
  }
  return { valid, invalid, invalidCount };
}

/**
 * The rows of one table that fit its schema, for screens that list and edit records:
 * a damaged record is left out of the list (the data check names it) instead of breaking the page.
 */
export function validRows<T extends BookTable>(table: T, rows: readonly unknown[]): Book[T] {
  const schema = TABLE_SCHEMAS[table];
  return rows.filter((r) => schema.safeParse(r).success) as Book[T];
}
