import { BOOK_TABLES, emptyBook, type Book, type BookTable } from '../../domain/book';
import { settingsSchema, type Settings } from '../../settings/schema';
import { migrateBackup, BACKUP_MIGRATIONS, type BackupMigrations } from './migrate';
import { BACKUP_TABLE_SCHEMAS } from './tables';

/**
 * The backup file: one JSON document holding every table and the settings.
 *
 *   { "format": "ae-cockpit-backup", "backupVersion": 1, "schemaVersion": 1,
 *     "exportedAt": <epoch ms>, "settings": {...}, "tables": { "accounts": [...], ... } }
 *
 * `backupVersion` versions this envelope; `schemaVersion` is the database schema
 * version the records follow (older ones are migrated on restore, see migrate.ts).
 * Writing is deterministic (records sorted by id, keys in schema order, one record
 * per line) so backup → restore → backup gives the same bytes apart from exportedAt.
 */

export const BACKUP_FORMAT = 'ae-cockpit-backup';
export const BACKUP_VERSION = 1;
/** Must equal the database's latest schema version (lib/db/versions.ts); a test checks it. */
export const CURRENT_SCHEMA_VERSION = 3;

export type BackupErrorKey =
  | 'io.backup.empty'
  | 'io.backup.not_json'
  | 'io.backup.truncated'
  | 'io.backup.not_backup'
  | 'io.backup.newer_version'
  | 'io.backup.newer_schema'
  | 'io.backup.no_migration'
  | 'io.backup.migration_failed'
  | 'io.backup.missing_table'
  | 'io.backup.unknown_table'
  | 'io.backup.invalid_settings'
  | 'io.backup.invalid_record'
  | 'io.backup.duplicate_id';

export interface BackupError {
  key: BackupErrorKey;
  params: Record<string, string | number>;
}

export interface ParsedBackup {
  ok: true;
  book: Book;
  settings: Settings;
  /** Schema version the file was written with (before migration). */
  schemaVersion: number;
  exportedAt: number;
  counts: Record<BookTable, number>;
}

export type ParseBackupResult = ParsedBackup | { ok: false; error: BackupError };

export interface ParseBackupOptions {
  /** Injected in tests; defaults to BACKUP_MIGRATIONS. */
  migrations?: BackupMigrations;
  /** Injected in tests; defaults to CURRENT_SCHEMA_VERSION. */
  currentSchemaVersion?: number;
  /** The restore's time: derived values an upgrade computes are bounded by it. */
  now?: number;
}

// ---------------------------------------------------------------- writing

function compareIds(a: unknown, b: unknown): number {
  // Code-unit order: locale-independent, so the same data always sorts the same way.
  const x = String((a as { id?: unknown } | null)?.id);
  const y = String((b as { id?: unknown } | null)?.id);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Keys sorted recursively: the stable form of a value no schema could normalise. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/**
 * Parsing through the schema fills defaults, drops unknown keys and emits keys in
 * schema order, so a record reads back to exactly what was written. A record the
 * schema rejects is still written (key-sorted): a backup never loses data, and
 * restore will name the record that needs fixing.
 */
function normalise(schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, v: unknown): unknown {
  const r = schema.safeParse(v);
  return r.success ? r.data : canonical(v);
}

export function serializeBackup(book: Book, settings: Settings, exportedAt: number): string {
  const head = JSON.stringify({
    format: BACKUP_FORMAT,
    backupVersion: BACKUP_VERSION,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt,
  });
  const parts: string[] = [head.slice(0, -1), `,\n"settings":${JSON.stringify(normalise(settingsSchema, settings))}`, ',\n"tables":{'];
  BOOK_TABLES.forEach((table, t) => {
    const schema = BACKUP_TABLE_SCHEMAS[table];
    const rows = [...((book[table] ?? []) as unknown[])].sort(compareIds);
    const lines = rows.map((r) => JSON.stringify(normalise(schema, r)));
    parts.push(`${t === 0 ? '' : ','}\n${JSON.stringify(table)}:[`);
    if (lines.length) parts.push(`\n${lines.join(',\n')}\n`);
    parts.push(']');
  });
  parts.push('\n}}\n');
  return parts.join('');
}

/** Download file name, e.g. `ae-cockpit-backup-2026-11-28.json`; `today` is the AE's local date. */
export function backupFileName(today: string): string {
  return `ae-cockpit-backup-${today}.json`;
}

// ---------------------------------------------------------------- reading

const fail = (key: BackupErrorKey, params: Record<string, string | number> = {}) =>
  ({ ok: false, error: { key, params } }) as const;

/**
 * Whether text that failed JSON.parse is a JSON document cut short (an object
 * or array, or a string, still open at the end) rather than something else.
 * Engine-independent: JSON.parse error messages differ between browsers.
 */
export function looksTruncated(text: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const first = text[i];
  if (first !== '{' && first !== '[') return false;
  let depth = 0;
  let inString = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      // Closed before the end: the problem is not a missing tail.
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `deals[12].lineItems[0].quantity` from a table, index and zod issue path. */
function location(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

interface ZodIssueLike {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Reads and fully validates a backup. Nothing is returned unless every record of
 * every table and the settings pass their schemas, so the caller can write it all
 * in one transaction or nothing at all.
 */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParseBackupResult {
  const migrations = options.migrations ?? BACKUP_MIGRATIONS;
  const currentVersion = options.currentSchemaVersion ?? CURRENT_SCHEMA_VERSION;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('io.backup.empty');

  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return fail(looksTruncated(body) ? 'io.backup.truncated' : 'io.backup.not_json');
  }

  if (!isPlainObject(doc) || doc.format !== BACKUP_FORMAT) return fail('io.backup.not_backup');
  const { backupVersion, schemaVersion, exportedAt } = doc;
  if (!Number.isInteger(backupVersion) || (backupVersion as number) < 1) return fail('io.backup.not_backup');
  if ((backupVersion as number) > BACKUP_VERSION) {
    return fail('io.backup.newer_version', { version: backupVersion as number, supported: BACKUP_VERSION });
  }
  if (!Number.isInteger(schemaVersion) || (schemaVersion as number) < 0) return fail('io.backup.not_backup');
  if ((schemaVersion as number) > currentVersion) {
    return fail('io.backup.newer_schema', { version: schemaVersion as number, supported: currentVersion });
  }
  if (!Number.isSafeInteger(exportedAt) || (exportedAt as number) < 0) return fail('io.backup.not_backup');
  if (!isPlainObject(doc.tables)) return fail('io.backup.not_backup');
  if (!Object.values(doc.tables).every(Array.isArray)) return fail('io.backup.not_backup');

  const migrated = migrateBackup(
    { tables: doc.tables as Record<string, unknown[]>, settings: doc.settings },
    schemaVersion as number,
    currentVersion,
    migrations,
    options.now ?? Date.now(),
  );
  if (!migrated.ok) {
    return migrated.reason === 'no_migration'
      ? fail('io.backup.no_migration', { version: migrated.from })
      : fail('io.backup.migration_failed', { version: migrated.from, detail: migrated.detail });
  }
  const { tables, settings: rawSettings } = migrated.body;

  for (const name of Object.keys(tables)) {
    if (!(BOOK_TABLES as readonly string[]).includes(name)) return fail('io.backup.unknown_table', { table: name });
  }

  const settingsResult = settingsSchema.safeParse(rawSettings ?? {});
  if (!settingsResult.success) {
    const issue = settingsResult.error.issues[0] as ZodIssueLike;
    return fail('io.backup.invalid_settings', { location: location('settings', issue.path), problem: issue.message });
  }

  const book = emptyBook();
  const counts = {} as Record<BookTable, number>;
  let firstIssue: { location: string; problem: string } | null = null;
  let invalidCount = 0;
  for (const table of BOOK_TABLES) {
    const rows = tables[table];
    if (!Array.isArray(rows)) return fail('io.backup.missing_table', { table });
    const schema = BACKUP_TABLE_SCHEMAS[table];
    const out: unknown[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = schema.safeParse(rows[i]);
      if (r.success) {
        out[i] = r.data;
        continue;
      }
      invalidCount++;
      if (!firstIssue) {
        const issue = r.error.issues[0] as ZodIssueLike;
        firstIssue = { location: location(`${table}[${i}]`, issue.path), problem: issue.message };
      }
    }
    (book as unknown as Record<string, unknown[]>)[table] = out;
    counts[table] = rows.length;
  }
  if (firstIssue) return fail('io.backup.invalid_record', { ...firstIssue, count: invalidCount });

  // Restore writes by id: two records with one id would silently become one.
  for (const table of BOOK_TABLES) {
    const seen = new Set<string>();
    for (const r of book[table] as Array<{ id: string }>) {
      if (seen.has(r.id)) return fail('io.backup.duplicate_id', { table, id: r.id });
      seen.add(r.id);
    }
  }

  return {
    ok: true,
    book,
    settings: settingsResult.data,
    schemaVersion: schemaVersion as number,
    exportedAt: exportedAt as number,
    counts,
  };
}
