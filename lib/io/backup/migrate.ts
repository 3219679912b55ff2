import { applyStep, SCHEMA_STEPS } from '../../db/steps';

/**
 * Upgrading the body of an older backup to the current schema version.
 *
 * `migrations[n]` turns data that follows schema version n into data that follows
 * n + 1. They are the database's own schema steps (lib/db/steps), so a backup upgrades
 * exactly as a stored database does; a version-1 backup goes through every step in order.
 * Migrations work on unvalidated JSON: validation against the current record schemas runs
 * after the last step.
 */

export interface BackupBody {
  /** Table name → records, as read from the file (unvalidated). */
  tables: Record<string, unknown[]>;
  settings: unknown;
}

/** `now` bounds derived values (a touch is never after the restore). */
export type BackupMigration = (body: BackupBody, now: number) => BackupBody;
export type BackupMigrations = Readonly<Record<number, BackupMigration>>;

export const BACKUP_MIGRATIONS: BackupMigrations = Object.fromEntries(
  SCHEMA_STEPS.map((step) => [step.from, (body: BackupBody, now: number) => ({ ...body, tables: applyStep(step, body.tables, now) })]),
);

export type MigrationResult =
  | { ok: true; body: BackupBody }
  | { ok: false; reason: 'no_migration'; from: number }
  | { ok: false; reason: 'failed'; from: number; detail: string };

/** Runs migrations from `from` up to `to` (from ≤ to), stopping at the first missing or failing step. */
export function migrateBackup(
  body: BackupBody,
  from: number,
  to: number,
  migrations: BackupMigrations = BACKUP_MIGRATIONS,
  now: number = Date.now(),
): MigrationResult {
  let current = body;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no_migration', from: v };
    try {
      current = step(current, now);
    } catch (e) {
      return { ok: false, reason: 'failed', from: v, detail: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: true, body: current };
}
