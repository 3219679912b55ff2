import { BOOK_TABLES, type Book, type BookTable } from '../domain/book';
import { TABLE_SCHEMAS } from '../domain/tables';

export { TABLE_SCHEMAS };

export interface InvalidRecord {
  table: BookTable;
  id: string;
  /** `field: message`, e.g. "closeOn: not a real calendar date". */
  problems: string[];
}

/**
 * Checks stored records against their schemas. Bad records are reported, never
 * dropped: the AE decides (fix in the CRM and re-import, or delete).
 */
export function checkBook(book: Partial<Book>, limit = 200): { invalid: InvalidRecord[]; invalidCount: number } {
  const invalid: InvalidRecord[] = [];
  let invalidCount = 0;
  for (const table of BOOK_TABLES) {
    const rows = (book[table] ?? []) as Array<Record<string, unknown>>;
    const schema = TABLE_SCHEMAS[table];
    for (const row of rows) {
      const r = schema.safeParse(row);
      if (r.success) continue;
      invalidCount++;
      if (invalid.length < limit) {
        invalid.push({
          table,
          id: typeof row?.id === 'string' ? row.id : '?',
          problems: r.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`),
        });
      }
    }
  }
  return { invalid, invalidCount };
}
