import { useEffect, useMemo, useState } from 'react';
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
 * data, a hand-edited database) can fail. The full check therefore runs once per page open, in
 * idle time, and afterwards only the records it named are kept out of the numbers.
 */
export function useHealth(book: Book | undefined): { valid: Book | undefined; health: Health | null } {
  const [health, setHealth] = useState<Health | null>(null);
  const loaded = book !== undefined;
  useEffect(() => {
    if (!loaded || health) return;
    const run = () => {
      const { invalid, invalidCount } = partitionBook(book!, { limit: 20 });
      setHealth({ invalid, invalidCount });
    };
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    if (idle) idle(run);
    else setTimeout(run, 0);
    // Once per open: later books are written through lib/db.
  }, [loaded]);
  const valid = useMemo(() => {
    if (!book || !health || health.invalidCount === 0) return book;
    const bad = new Set(health.invalid.map((r) => `${r.table}:${r.id}`));
    const out = { ...book };
    for (const t of BOOK_TABLES) {
      const rows = book[t] as Array<{ id: string }>;
      if (health.invalid.some((r) => r.table === t)) (out as Record<string, unknown[]>)[t] = rows.filter((r) => !bad.has(`${t}:${r.id}`));
    }
    return out;
  }, [book, health]);
  return { valid: health ? valid : undefined, health };
}
