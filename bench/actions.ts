/**
 * Bench `actions`: the next-action list over the bench-scale demo book
 * (100,000 deals, 1,000,000 activities, 50,000 leads). The floor, measured in the
 * same run, is one bare loop reading one field of every record the engine reads.
 * median_ms is the cold run (id join rebuilt); warm_median_ms reuses the cached join.
 * Run: node --import tsx bench/actions.ts
 */
import { nextActions, type ActionOptions } from '../lib/actions';
import { localDateOf } from '../lib/domain/dates';
import { demoFxRates, demoScale, generateBook } from '../lib/demo';
import { thresholdsSchema } from '../lib/settings/schema';

const WARMUP = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const now = Date.UTC(2026, 10, 28, 3); // 10:00 in Bangkok
const tzOffsetMinutes = 420;
const today = localDateOf(now, 'Asia/Bangkok');
const book = generateBook({ ...demoScale('bench'), now });

const opts: ActionOptions = {
  now,
  today,
  tzOffsetMinutes,
  thresholds: thresholdsSchema.parse({}),
  reportingCurrency: 'THB',
  fxRates: demoFxRates('THB'),
  period: { start: `${today.slice(0, 8)}01`, end: '2026-11-30' },
  coverage: { ratio: 2.1, remainingQuotaMinor: 10_000_000_00, openPipelineMinor: 21_000_000_00 },
};

const tables: { updatedAt: number }[][] = [book.deals, book.activities, book.leads, book.accounts, book.contacts, book.csat, book.products];

function floor(): number {
  let sum = 0;
  for (const t of tables) for (let i = 0; i < t.length; i++) sum += t[i]!.updatedAt;
  for (const s of book.actionStates) sum += s.at;
  return sum;
}

function time(fn: () => unknown): [number, unknown] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// Cold: a new activities array (as after any edit, when Dexie hands out new arrays) misses the
// id-join cache. Warm: the same arrays again (a re-render, or "now" moving on).
const fresh = () => ({ ...book, activities: book.activities.slice() });
let count = 0;
let sink = 0;
for (let i = 0; i < WARMUP; i++) {
  sink += floor();
  count = nextActions(fresh(), opts).length;
  count = nextActions(book, opts).length;
}
const floors: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const [f, s] = time(floor);
  sink += s as number;
  floors.push(f);
  const b = fresh();
  const [c] = time(() => nextActions(b, opts));
  cold.push(c);
  const [w, r] = time(() => nextActions(book, opts));
  warm.push(w);
  count = (r as unknown[]).length;
}

const coldMs = median(cold);
const warmMs = median(warm);
const floorMs = median(floors);
console.log(
  JSON.stringify({
    bench: 'actions',
    median_ms: +coldMs.toFixed(2),
    floor_ms: +floorMs.toFixed(3),
    ratio: +(coldMs / floorMs).toFixed(1),
    runs: RUNS,
    warm_median_ms: +warmMs.toFixed(2),
    warm_ratio: +(warmMs / floorMs).toFixed(1),
    deals: book.deals.length,
    activities: book.activities.length,
    leads: book.leads.length,
    actions: count,
    checksum: sink > 0 ? 1 : 0,
  }),
);
