/** One thing recognised in free text: the exact substring it came from and where. `text === input.slice(start, end)`. */
export interface Recognised<K extends string, V> {
  kind: K;
  text: string;
  start: number;
  end: number;
  value: V;
}

/** Builds a match from a regex match (or any span) of `input`. */
export function span<K extends string, V>(kind: K, input: string, start: number, end: number, value: V): Recognised<K, V> {
  return { kind, text: input.slice(start, end), start, end, value };
}

/** Keeps the earliest of overlapping matches (the longer one on a tie), in input order. */
export function withoutOverlaps<T extends { start: number; end: number }>(matches: T[]): T[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start < reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}

/** Free text is scanned up to this many characters (a paste box, a selection): later text is not read. */
export const MAX_INPUT = 1_000_000;
