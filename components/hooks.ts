import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb, readBook } from '../lib/db';
import type { Book } from '../lib/domain/book';

/**
 * The whole book, live: any write from any page (popup, options, background)
 * re-renders the reader without a reload. Undefined while the first read runs.
 */
export function useBook(): Book | undefined {
  return useLiveQuery(() => readBook(getDb()), []);
}

/** "Now", ticking once a minute so day boundaries and overdue flags move on their own. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
