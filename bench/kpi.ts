/**
 * KPI engine benchmark: a full report (all KPIs, current and previous period,
 * 12-month trend) over a seeded bench-size book, against a floor measured in the
 * same run (one bare loop reading one field of every deal, activity and lead).
 * Prints one JSON line per bench: kpi.report and kpi.report.half. The kpi.report line
 * carries `scale_vs_half` = its median / the half-size median: the engine should scale
 * linearly, so doubling the data should at most double the time (≤ 2).
 */
import type { Book } from '../lib/domain/book';
import { demoFxRates, demoScale, generateBook } from '../lib/demo';
import { computeReport, presetPeriod } from '../lib/kpi';

const NOW = Date.UTC(2026, 10, 28, 5, 0, 0);
const AS_OF = '2026-11-28';
const RUNS = 11;
/** Warm-up: at least this many runs and this long, so the JIT and the collector (still busy with the generator's garbage) settle. */
const WARMUP_RUNS = 3;
const WARMUP_MS = 2_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The floor: the least any report must do, touch every record once. */
function floorLoop(book: Book): number {
  let acc = 0;
  const { deals, activities, leads } = book;
  for (let i = 0; i < deals.length; i++) acc += (deals[i]!.createdOn?.length ?? 0);
  for (let i = 0; i < activities.length; i++) acc += activities[i]!.at;
  for (let i = 0; i < leads.length; i++) acc += leads[i]!.createdOn.length;
  return acc;
}

function run(name: string, scale: 'bench' | 'bench-half'): Record<string, unknown> & { median_ms: number; floor_ms: number } {
  // Generated here so the other size's book is garbage by then (one big heap at a time).
  const book = generateBook({ ...demoScale(scale), now: NOW });
  const period = presetPeriod('this_month', AS_OF, 1);
  const opts = {
    period,
    asOf: AS_OF,
    reportingCurrency: 'THB',
    fxRates: demoFxRates('THB'),
    trend: 'month' as const,
    tzOffsetMinutes: 420,
  };
  let sink = 0;
  const warmStart = performance.now();
  for (let i = 0; i < WARMUP_RUNS || performance.now() - warmStart < WARMUP_MS; i++) {
    sink += computeReport(book, opts).kpis.won_deals.value ?? 0;
    sink += floorLoop(book);
  }
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    sink += floorLoop(book);
    floors.push(performance.now() - t);
    t = performance.now();
    const r = computeReport(book, opts);
    times.push(performance.now() - t);
    sink += r.kpis.total_revenue.value ?? 0;
  }
  const med = median(times);
  const floor = median(floors);
  return {
    bench: name,
    median_ms: +med.toFixed(2),
    floor_ms: +floor.toFixed(2),
    ratio: +(med / floor).toFixed(2),
    runs: RUNS,
    deals: book.deals.length,
    activities: book.activities.length,
    leads: book.leads.length,
    min_ms: +Math.min(...times).toFixed(2),
    check: sink > 0,
  };
}

// Both sizes are measured before printing so the full-size line can carry the ratios
// (floor_scale_vs_half: the same ratio for the floor, i.e. what merely reading twice the records costs here).
const full = run('kpi.report', 'bench');
const half = run('kpi.report.half', 'bench-half');
const scale = (a: number, b: number) => +(a / b).toFixed(2);
console.log(
  JSON.stringify({
    ...full,
    scale_vs_half: scale(full.median_ms, half.median_ms),
    floor_scale_vs_half: scale(full.floor_ms, half.floor_ms),
  }),
);
console.log(JSON.stringify(half));
