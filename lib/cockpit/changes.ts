/**
 * Turning Dexie's mutation notices into "which records to read again". Dexie fires
 * `storagemutated` after every committed write, in the writing page and (over a
 * BroadcastChannel) in every other page and worker of the origin, with one range tree per
 * `idb://<db>/<table>/<index>` part. The primary-key part ('' index) of a small write holds
 * its exact keys; a bulk write (≥ 50 rows), a clear or a range delete holds a range, and then
 * the whole table is read again. Pure: the trees are walked as plain objects, so a notice that
 * crossed a BroadcastChannel (a structured clone, no longer a RangeSet) reads the same.
 */

/** A node of Dexie's range tree (RangeSet), as an instance or its structured clone. */
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

export type TableChange = { kind: 'keys'; keys: string[] } | { kind: 'all' };

/** Per table of `tables`: the keys to read again, or 'all'. Tables not named did not change. */
export function changedRecords(parts: Record<string, unknown>, dbName: string, tables: readonly string[]): Map<string, TableChange> {
  const out = new Map<string, TableChange>();
  if ('all' in parts) {
    for (const t of tables) out.set(t, { kind: 'all' });
    return out;
  }
  const prefix = `idb://${dbName}/`;
  for (const t of tables) {
    const pk = parts[`${prefix}${t}/`] as RangeNode | undefined;
    if (!pk) continue;
    const keys: string[] = [];
    if (!collectKeys(pk, keys)) out.set(t, { kind: 'all' });
    else if (keys.length > 0) out.set(t, { kind: 'keys', keys });
  }
  return out;
}

/** Collects the point keys of a range tree; false when it holds a real range (or a key that is not a string). */
function collectKeys(node: RangeNode | null | undefined, into: string[]): boolean {
  // Iterative: a tree from a 49-row write is shallow, but never trust depth.
  const stack: (RangeNode | null | undefined)[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (!n || !('from' in n)) continue;
    if (n.from !== undefined || n.to !== undefined) {
      if (typeof n.from !== 'string' || n.from !== n.to) return false;
      into.push(n.from);
    }
    stack.push(n.l, n.r);
  }
  return true;
}

/** Merges changes noticed while a refresh was running into those still waiting. */
export function mergeChanges(into: Map<string, TableChange>, more: Map<string, TableChange>): void {
  for (const [t, c] of more) {
    const prev = into.get(t);
    if (!prev) into.set(t, c.kind === 'keys' ? { kind: 'keys', keys: [...c.keys] } : c);
    else if (prev.kind === 'all' || c.kind === 'all') into.set(t, { kind: 'all' });
    else prev.keys.push(...c.keys);
  }
}

/**
 * Applies re-read records to an in-memory table kept in primary-key order (the order
 * IndexedDB returns, and so the order `readBook` gives the engines: a "first currency with no
 * rate" or a tie in the ranking then reads the same). `fetched[i]` is the record now stored
 * under `keys[i]`, or undefined when it was deleted. Returns a new array: the old one may still
 * be read by a computation that is running.
 */
export function applyKeyed<T extends { id: string }>(rows: readonly T[], keys: readonly string[], fetched: readonly (T | undefined)[]): T[] {
  const out = rows.slice();
  keys.forEach((key, i) => {
    const rec = fetched[i];
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (out[mid]!.id < key) lo = mid + 1;
      else hi = mid;
    }
    const found = lo < out.length && out[lo]!.id === key;
    if (rec && found) out[lo] = rec;
    else if (rec) out.splice(lo, 0, rec);
    else if (found) out.splice(lo, 1);
  });
  return out;
}
