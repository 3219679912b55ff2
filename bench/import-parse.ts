/**
 * bench import.parse.100k: decode + parse + detect + build (no database) of a 100,000-row
 * Salesforce-style opportunities export generated in memory, deterministically.
 * Floor (same run): decode + a bare split('\n') reading one field per line.
 */
import { decodeBytes } from '../lib/io/csv/decode';
import { parseCsv } from '../lib/io/csv/parse';
import { detectProfile, proposeMapping } from '../lib/io/import/profiles';
import { buildImport } from '../lib/io/import/rows';
import { DEFAULT_STAGE_RULES } from '../lib/settings/schema';
import { salesforceCsv } from './_salesforce-csv';
import { median } from './_stats';

const ROWS = 100_000;
const RUNS = 7;
const NOW = Date.UTC(2026, 10, 28);

function generate(): Uint8Array {
  return new TextEncoder().encode(salesforceCsv(ROWS));
}

function run(bytes: Uint8Array): number {
  const { text } = decodeBytes(bytes);
  const parsed = parseCsv(text);
  const det = detectProfile(parsed.headers);
  const mapping = proposeMapping(parsed.headers, parsed.rows.slice(0, 200), det.entity, det.crm);
  const plan = buildImport(parsed, mapping, {
    entity: det.entity,
    site: 'salesforce',
    now: NOW,
    defaultCurrency: 'THB',
    stageRules: DEFAULT_STAGE_RULES,
    existing: { bySourceKey: new Map(), accountsByName: new Map() },
  });
  if (plan.creates.length !== ROWS || plan.rejects.length !== 0) {
    throw new Error(`unexpected plan: ${plan.creates.length} creates, ${plan.rejects.length} rejects ${JSON.stringify(plan.rejects.slice(0, 3))}`);
  }
  return plan.creates.length;
}

function floor(bytes: Uint8Array): number {
  const { text } = decodeBytes(bytes);
  let n = 0;
  for (const line of text.split('\n')) n += line.slice(0, line.indexOf(',')).length;
  return n;
}


const bytes = generate();
run(bytes); // warm-up
floor(bytes);
const times: number[] = [];
const floors: number[] = [];
// With --expose-gc, each timed run starts from a collected heap: no run pays for the previous one's garbage.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
for (let i = 0; i < RUNS; i++) {
  collect();
  let t = performance.now();
  floor(bytes);
  floors.push(performance.now() - t);
  collect();
  t = performance.now();
  run(bytes);
  times.push(performance.now() - t);
}
const m = median(times);
const f = median(floors);
console.log(
  JSON.stringify({
    bench: 'import.parse.100k',
    median_ms: Math.round(m),
    floor_ms: Math.round(f * 10) / 10,
    ratio: Math.round((m / f) * 10) / 10,
    runs: RUNS,
    rows: ROWS,
    bytes: bytes.length,
    target_ms: 2000,
  }),
);
