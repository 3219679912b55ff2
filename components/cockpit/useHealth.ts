import { partitionBook, type InvalidRecord } from '../../lib/db';
import type { Book } from '../../lib/domain/book';
import { BOOK_TABLES } from '../../lib/domain/book';

export interface Health {
  invalid: InvalidRecord[];
  invalidCount: number;
}

/**
 * The stored-data check, off the render path: every write goes through lib/db and is validated,
 * so stored records are valid by construction; only what was there before (an old version's
 * data, a hand-edited database) can fail. The full check therefore runs once per panel open, in
 * the cockpit worker after the first numbers are out (CockpitEngine.check), and afterwards only
 * the records it named are kept out of the numbers.
 */
export function checkOnce(book: Book): Health {
  const { invalid, invalidCount } = partitionBook(book, { limit: 20 });
  return { invalid, invalidCount };
}

/** The book without the records the check named (the same book when none failed). */
export function withoutInvalid(book: Book, health: Health): Book {
  if (health.invalidCount === 0) return book;
  const bad = new Set(health.invalid.map((r) => `${r.table}:${r.id}`));
  const out = { ...book };
  for (const t of BOOK_TABLES) {
    if (!health.invalid.some((r) => r.table === t)) continue;
    (out as Record<string, unknown[]>)[t] = (book[t] as Array<{ id: string }>).filter((r) => !bad.has(`${t}:${r.id}`));
  }
  return out;
}
