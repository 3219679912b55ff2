/**
 * Exact string id → array index, built once per call; used by deriveTouches (a million
 * activity links resolved against 100,000 deals).
 *
 * Why not a Map there: the records are freshly structured-cloned out of IndexedDB, so
 * every id string is a new object with no cached hash, and a cold `Map.get` over
 * 100,000 keys costs a few cache misses each (bucket, entry, the key string scattered
 * in the heap); measured ≈290 ms against ≈350 ms for the Map. For a few thousand keys
 * (accounts, in the next-action engine) the Map is the faster one.
 * Here the keys are copied into one packed string and an open-addressing table of
 * typed arrays, both small enough to stay in cache; a lookup hashes the tail of the
 * id and compares characters against the packed copy, so a match is always exact.
 */

/**
 * A 32-bit hash of an id's length and its last `tail` characters, two per step
 * (the multiply chain is what costs). Ids that differ only further left collide;
 * the index stays exact (it compares the whole id) and falls back to a Map when
 * collisions pile up. The tail holds the varying part of UUIDs, CRM and demo ids.
 */
export function tailHash(s: string, tail: number): number {
  const n = s.length;
  const stop = n > tail ? n - tail : 0;
  let h = Math.imul(n ^ 0x2545f491, 0x9e3779b1);
  let k = n - 1;
  for (; k > stop; k -= 2) h = Math.imul(h ^ (s.charCodeAt(k) | (s.charCodeAt(k - 1) << 16)), 0x01000193);
  if (k === stop) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  // Finaliser (murmur3 fmix32): tables are addressed by the low bits.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** The fingerprint {@link IdIndex} is keyed by. */
export function idFingerprint(s: string): number {
  return tailHash(s, 16);
}

export class IdIndex {
  /** Fingerprint of each record's id, by record index. */
  readonly keyFp: Int32Array;
  private readonly packed: string;
  /** Offset of record i's id in `packed`; `start[n]` is the total length. */
  private readonly start: Int32Array;
  /** Slot s holds [fingerprint, record index + 1]; 0 in the second cell = empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Used instead of the table when ids share their tails so much that probing degrades. */
  private readonly map: Map<string, number> | null = null;

  constructor(records: readonly { id: string }[]) {
    const n = records.length;
    const ids = new Array<string>(n);
    const start = new Int32Array(n + 1);
    const keyFp = new Int32Array(n);
    let off = 0;
    for (let i = 0; i < n; i++) {
      const id = records[i]!.id;
      ids[i] = id;
      start[i] = off;
      off += id.length;
      keyFp[i] = idFingerprint(id);
    }
    start[n] = off;
    this.keyFp = keyFp;
    this.start = start;
    this.packed = ids.join('');
    let cap = 16;
    while (cap < n * 2) cap <<= 1; // load factor <= 0.5
    const mask = cap - 1;
    const table = new Int32Array(cap * 2);
    this.table = table;
    this.mask = mask;
    let probes = 0;
    const budget = 8 * n + 64;
    for (let i = 0; i < n; i++) {
      const fp = keyFp[i]!;
      let s = fp & mask;
      for (;;) {
        const v = table[2 * s + 1]!;
        if (v === 0) {
          table[2 * s] = fp;
          table[2 * s + 1] = i + 1;
          break;
        }
        // A repeated id: the later record wins, as Map.set would.
        if (table[2 * s] === fp && ids[v - 1] === ids[i]) {
          table[2 * s + 1] = i + 1;
          break;
        }
        s = (s + 1) & mask;
        probes++;
      }
      if (probes > budget) {
        const map = new Map<string, number>();
        for (let j = 0; j < n; j++) map.set(ids[j]!, j);
        this.map = map;
        return;
      }
    }
  }

  /** Index of the record with this id (the last one if repeated), or -1. */
  find(id: string): number {
    return this.findFp(id, idFingerprint(id));
  }

  /** {@link find} with the id's fingerprint already computed. */
  findFp(id: string, fp: number): number {
    if (this.map !== null) return this.map.get(id) ?? -1;
    const { table, mask, start, packed } = this;
    const len = id.length;
    let s = fp & mask;
    for (;;) {
      const v = table[2 * s + 1]!;
      if (v === 0) return -1;
      if (table[2 * s] === fp) {
        const r = v - 1;
        const o = start[r]!;
        if (start[r + 1]! - o === len && packed.startsWith(id, o)) return r;
      }
      s = (s + 1) & mask;
    }
  }
}
