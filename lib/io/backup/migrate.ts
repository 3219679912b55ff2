/**
 * Upgrading the body of an older backup to the current schema version.
 *
 * `migrations[n]` turns data that follows schema version n into data that follows
 * n + 1. When the database schema moves to version N + 1, add one function under
 * key N (and bump CURRENT_SCHEMA_VERSION); a version-1 backup then goes through
 * every step in order. Migrations work on unvalidated JSON: validation against the
 * current record schemas runs after the last step.
 */

export interface BackupBody {
  /** Table name → records, as read from the file (unvalidated). */
  tables: Record<string, unknown[]>;
  settings: unknown;
}

export type BackupMigration = (body: BackupBody) => BackupBody;
export type BackupMigrations = Readonly<Record<number, BackupMigration>>;

/** Schema version 1 is the first released one: nothing to migrate yet. */
export const BACKUP_MIGRATIONS: BackupMigrations = {};

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
): MigrationResult {
  let current = body;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no_migration', from: v };
    try {
      current = step(current);
    } catch (e) {
      return { ok: false, reason: 'failed', from: v, detail: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: true, body: current };
}
