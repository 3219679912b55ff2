import { BOOK_TABLES, emptyBook, type Book } from '../domain/book';
import type { CockpitDB } from './database';
import { InvalidWriteError } from './errors';
import { checkBook } from './integrity';

/** Refuses a book with any record that fails its schema, naming the first (table, id, fields). */
function assertValid(book: Book): void {
  const { invalid, invalidCount } = checkBook(book, 1);
  if (invalidCount === 0) return;
  const r = invalid[0]!;
  throw new InvalidWriteError(r.table, r.id, r.problems.map((p) => ({ field: p.split(':')[0] ?? '', message: p.slice(p.indexOf(':') + 1).trim() })));
}

/** Reads every table into a Book in one read transaction (a consistent snapshot). */
export async function readBook(db: CockpitDB): Promise<Book> {
  const book = emptyBook();
  await db.transaction('r', BOOK_TABLES.map((t) => db.table(t)), async () => {
    await Promise.all(
      BOOK_TABLES.map(async (t) => {
        (book as unknown as Record<string, unknown[]>)[t] = await db.table(t).toArray();
      }),
    );
  });
  return book;
}

/**
 * Replaces the whole database with `book` in one transaction (restore): every record is
 * validated first; either every table is replaced or, on any error (an invalid record, a full
 * disk), nothing changed.
 */
export async function replaceBook(db: CockpitDB, book: Book): Promise<void> {
  assertValid(book);
  await db.transaction('rw', BOOK_TABLES.map((t) => db.table(t)), async () => {
    for (const t of BOOK_TABLES) {
      await db.table(t).clear();
      const rows = book[t] as unknown[];
      if (rows.length) await db.table(t).bulkAdd(rows);
    }
  });
}

/** Adds a book's records (e.g. demo data) without touching what is already stored under other ids. */
export async function putBook(db: CockpitDB, book: Book): Promise<void> {
  assertValid(book);
  await db.transaction('rw', BOOK_TABLES.map((t) => db.table(t)), async () => {
    for (const t of BOOK_TABLES) {
      const rows = book[t] as unknown[];
      if (rows.length) await db.table(t).bulkPut(rows);
    }
  });
}

export async function clearAll(db: CockpitDB): Promise<void> {
  await db.transaction('rw', BOOK_TABLES.map((t) => db.table(t)), async () => {
    await Promise.all(BOOK_TABLES.map((t) => db.table(t).clear()));
  });
}

export async function countAll(db: CockpitDB): Promise<Record<(typeof BOOK_TABLES)[number], number>> {
  const entries = await Promise.all(BOOK_TABLES.map(async (t) => [t, await db.table(t).count()] as const));
  return Object.fromEntries(entries) as Record<(typeof BOOK_TABLES)[number], number>;
}
