/**
 * Small, fast, seeded PRNG for the demo generator. mulberry32 is a 32-bit state
 * generator: good enough statistically for fake data, and ~10x faster than any
 * crypto source, which matters when generating a million activities.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index drawn from a cumulative-weight table built by `cumulative`. */
  weighted(cum: Float64Array): number {
    const total = cum[cum.length - 1]!;
    const x = this.next() * total;
    // Tables are short (stages, accounts up to a few thousand): binary search keeps bench scale fast.
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    out[i] = sum;
  }
  return out;
}

/**
 * Derives an independent stream per generator section from the seed, so that
 * changing how many leads are drawn does not reshuffle every deal.
 */
export function streamSeed(seed: number, section: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < section.length; i++) {
    h = Math.imul(h ^ section.charCodeAt(i), 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function rngFor(seed: number, section: string): Rng {
  return new Rng(streamSeed(seed, section));
}
