import { v1ToV2 } from './v1-to-v2';
import { v2ToV3 } from './v2-to-v3';
import type { SchemaStep, Tables } from './step';

export type { SchemaStep, Tables } from './step';

/**
 * Every step between schema versions, oldest first: `SCHEMA_STEPS[i].from === i + 1`.
 * Pure (no Dexie): the database upgrade (lib/db/versions.ts) and the backup restore
 * (lib/io/backup/migrate.ts) run the same steps, so a backup from any earlier version
 * restores into today's schema exactly as an old database upgrades.
 */
export const SCHEMA_STEPS: readonly SchemaStep[] = [v1ToV2, v2ToV3];

/**
 * Runs the steps from `from` up to `to` over whole tables (a backup body). Returns new arrays;
 * the input is not changed. Throws when a step is missing or fails (the caller reports it).
 */
export function upgradeTables(tables: Tables, from: number, to: number, now: number, steps: readonly SchemaStep[] = SCHEMA_STEPS): Tables {
  let current: Tables = { ...tables };
  for (let v = from; v < to; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new MissingStepError(v);
    current = applyStep(step, current, now);
  }
  return current;
}

export class MissingStepError extends Error {
  constructor(readonly from: number) {
    super(`no upgrade from schema version ${from}`);
  }
}

/** One step over whole tables: record steps, new empty tables, then the derivation. */
export function applyStep(step: SchemaStep, tables: Tables, now: number): Tables {
  const out: Tables = { ...tables };
  for (const [table, up] of Object.entries(step.up)) {
    const rows = out[table];
    if (Array.isArray(rows) && up) out[table] = rows.map((r) => up(r as Record<string, unknown>));
  }
  for (const t of step.addsTables ?? []) out[t] ??= [];
  if (step.derive) {
    const changed = step.derive(out, now);
    for (const [table, rows] of Object.entries(changed)) {
      const byId = new Map((rows as Array<{ id: string }>).map((r) => [r.id, r]));
      out[table] = (out[table] ?? []).map((r) => byId.get((r as { id: string }).id) ?? r);
    }
  }
  return out;
}
