import { generateBook } from '../demo';
import { putBook } from './book-io';
import type { CockpitDB } from './database';

/** Loads the seeded demo book relative to `now`, in one transaction. Ids are stable, so loading twice is harmless. */
export async function loadDemoData(db: CockpitDB, now: number): Promise<{ deals: number; activities: number }> {
  const book = generateBook({ now });
  await putBook(db, book);
  return { deals: book.deals.length, activities: book.activities.length };
}
