/**
 * Bench `actions`: the next-action list over the bench-scale demo book
 * (100,000 deals, 1,000,000 activities, 50,000 leads).
 *
 * The app recomputes next actions after every database write, on records freshly
 * structured-cloned out of IndexedDB: new objects and new strings whose hashes
 * V8 has not computed yet. So every measured run gets such a copy (`thaw`, not
 * timed): new record objects, every string re-created from its bytes, nothing
 * cached by an earlier call. median_ms is that cold call; warm_median_ms is the
 * same call repeated on the same copy (a re-render, or "now" moving on).
 * The floor, measured in the same run on the same copy, is one bare loop reading
 * one field of every record the engine reads.
 * The book carries its stored touches (deal.lastTouchAt / lastMeetingAt, account.lastTouchAt)
 * as the database holds them: the engine reads no activity. The second line,
 * `actions.touches`, times deriveTouches over the whole book on a fresh copy (the join paid at
 * bulk-write time: import, demo), against the same floor, so the moved cost stays visible.
 * The book also carries the AE's answers, as a book in use does (the generator writes none):
 * one action in 40 of the first list snoozed for a week or marked done, 470 states, which the
 * engine must look up for every candidate of their kinds.
 * `in_app_median_ms` is the same call where the side panel makes it (components/cockpit): on a
 * fresh copy of the whole book, after the integrity check (partitionBook) and the KPI report
 * that supplies `coverage`, none of which is timed. By then the records have survived the
 * collections those steps cause, so it is lower than the headline, which is measured straight
 * after the read.
 * Run: node --expose-gc --import tsx bench/actions.ts
 */
import { nextActions, type ActionBook, type ActionOptions } from '../lib/actions';
import { deriveTouches } from '../lib/actions/touches';
import { median } from './_stats';
import { partitionBook } from '../lib/db/integrity';
import { computeReport } from '../lib/kpi';
import type { Book } from '../lib/domain/book';
import type { ActionState } from '../lib/domain/records';
import { localDateOf } from '../lib/domain/dates';
import { demoFxRates, demoScale, generateBook } from '../lib/demo';
import { thresholdsSchema } from '../lib/settings/schema';

const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 11));

const now = Date.UTC(2026, 10, 28, 3); // 10:00 in Bangkok
const tzOffsetMinutes = 420;
const today = localDateOf(now, 'Asia/Bangkok');
const generated = generateBook({ ...demoScale('bench'), now });

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

const HOUR = 3_600_000;
const answers: ActionState[] = nextActions(generated, opts)
  .filter((_, i) => i % 40 === 7)
  .map((a, i) =>
    i % 2 === 0
      ? { id: a.key, status: 'snoozed', until: now + 7 * 24 * HOUR, at: now - HOUR }
      : { id: a.key, status: 'done', until: null, at: now - HOUR },
  );
const book: Book = { ...generated, actionStates: [...generated.actionStates, ...answers] };

// ------------------------------------------------------------ a copy as IndexedDB hands it out

const scratch = Buffer.allocUnsafe(1 << 16);
/** A new flat string with the same characters (no shared object, no cached hash). */
function freshString(s: string): string {
  if (s.length < 2) return s; // V8 shares one-character strings anyway
  if (s.length <= scratch.length) {
    const n = scratch.write(s, 0, 'latin1');
    const copy = scratch.toString('latin1', 0, n);
    if (copy === s) return copy;
  }
  return (' ' + s).slice(1); // not Latin-1: a new string all the same
}

function thaw(v: unknown): unknown {
  if (typeof v === 'string') return freshString(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = thaw(v[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  const rec = v as Record<string, unknown>;
  for (const k in rec) out[k] = thaw(rec[k]);
  return out;
}

const TABLES = ['deals', 'leads', 'accounts', 'activities', 'csat', 'products', 'actionStates', 'contacts'] as const;
/** The engine's tables plus activities and contacts (the floor reads them; deriveTouches joins them). */
type BenchBook = ActionBook & Pick<Book, 'activities' | 'contacts'>;
const freshBook = (): BenchBook => {
  const b = {} as Record<(typeof TABLES)[number], unknown>;
  for (const t of TABLES) b[t] = thaw(book[t]);
  return b as BenchBook;
};
const freshWholeBook = (): Book => thaw(book) as Book;

// ------------------------------------------------------------ timing

function floor(b: BenchBook): number {
  let sum = 0;
  const tables: { updatedAt: number }[][] = [b.deals, b.activities, b.leads, b.accounts, b.contacts, b.csat, b.products];
  for (const t of tables) for (let i = 0; i < t.length; i++) sum += t[i]!.updatedAt;
  for (const s of b.actionStates) sum += s.at;
  return sum;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
}


const gc = (globalThis as { gc?: () => void }).gc;
/**
 * Collects the previous copy's garbage before the next copy is made, so that work is not timed.
 * Not after: a full GC moves the new copy and leaves pages to sweep lazily, which would slow the
 * next loops over it by several times (records just read from IndexedDB are young objects).
 */
async function settle(): Promise<void> {
  gc?.();
  await new Promise((r) => setTimeout(r, 500));
}

let sink = 0;
let count = -1;
let previous: BenchBook | null = null;
const signature = (r: { key: string }[]) => `${r.length}:${r[0]?.key}:${r[r.length - 1]?.key}`;
let expected = '';

// Warm-up: compile the engine and the floor loop.
{
  const b = freshBook();
  previous = b;
  for (let i = 0; i < 3; i++) {
    sink += floor(b);
    expected = signature(nextActions(b, opts));
  }
}

const floors: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
// The previous copy stays alive while the next one is made, as the UI holds the current records
// while IndexedDB reads the new ones (so V8 reuses the records' hidden classes, as it would there).
for (let i = 0; i < RUNS; i++) {
  await settle();
  const b = freshBook();
  previous = b;
  const [f, s] = time(() => floor(b));
  sink += s;
  floors.push(f);
  const [c, r] = time(() => nextActions(b, opts));
  cold.push(c);
  const [w] = time(() => nextActions(b, opts));
  warm.push(w);
  if (signature(r) !== expected) throw new Error(`bench actions: result changed between runs (${signature(r)} vs ${expected})`);
  count = r.length;
}

// As the side panel calls it: integrity check, KPI report, then the actions (only these timed).
const inApp: number[] = [];
let inAppCount = -1;
for (let i = 0; i < RUNS; i++) {
  await settle();
  const whole = freshWholeBook();
  const checked = partitionBook(whole, { limit: 20 }).valid;
  const report = computeReport(checked, {
    period: opts.period,
    asOf: today,
    reportingCurrency: opts.reportingCurrency,
    fxRates: opts.fxRates,
    tzOffsetMinutes,
    territories: [],
    trend: 'month',
    fiscalYearStartMonth: 1,
  });
  const [t, r] = time(() => nextActions(checked, { ...opts, coverage: report.coverage }));
  inApp.push(t);
  inAppCount = r.length;
  previous = checked;
}

// deriveTouches over the whole book, each run on a fresh copy.
const touches: number[] = [];
let touched = 0;
for (let i = 0; i < RUNS; i++) {
  await settle();
  const b = freshBook();
  previous = b;
  const [t, r] = time(() => deriveTouches(b, now));
  touches.push(t);
  touched = 0;
  for (const v of r.deals.values()) if (v.lastTouchAt !== null) touched++;
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
    min_ms: +Math.min(...cold).toFixed(2),
    in_app_median_ms: +median(inApp).toFixed(2),
    in_app_actions: inAppCount,
    deals: book.deals.length,
    activities: book.activities.length,
    leads: book.leads.length,
    action_states: book.actionStates.length,
    actions: count,
    checksum: sink > 0 && previous !== null ? 1 : 0,
  }),
);
const touchesMs = median(touches);
console.log(
  JSON.stringify({
    bench: 'actions.touches',
    median_ms: +touchesMs.toFixed(2),
    floor_ms: +floorMs.toFixed(3),
    ratio: +(touchesMs / floorMs).toFixed(1),
    runs: RUNS,
    min_ms: +Math.min(...touches).toFixed(2),
    activities: book.activities.length,
    deals_touched: touched,
  }),
);
