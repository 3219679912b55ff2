/**
 * Deterministic, seeded demo data: a believable AE book relative to `now`, and the
 * large books the benchmarks run on. Same seed + now → deep-equal output.
 */
export { generateBook, demoScale, demoFxRates, DEMO_USD_THB } from './generate';
export type { DemoOptions, DemoScale } from './generate';
export { Rng, rngFor, cumulative } from './random';
