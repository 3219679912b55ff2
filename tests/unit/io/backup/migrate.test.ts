import { SCHEMA_STEPS } from '../../../../lib/db/steps';
import { emptyBook } from '../../../../lib/domain/book';
import { describe, expect, it } from 'vitest';
import { BOOK_TABLES } from '../../../../lib/domain/book';
import { BACKUP_MIGRATIONS, migrateBackup, type BackupBody, type BackupMigrations } from '../../../../lib/io/backup/migrate';
import { CURRENT_SCHEMA_VERSION, parseBackup, serializeBackup } from '../../../../lib/io/backup/format';
import { defaultSettings } from '../../../../lib/settings/schema';

/**
 * A synthetic "version 0" backup, a test-only shape that never shipped: deals had
 * `amount` as a major-unit number and no `forecastCategory`, and there was no
 * actionStates table. The injected migration 0 → 1 turns it into version 1.
 */
function v0Backup(): string {
  const tables: Record<string, unknown[]> = {};
  for (const t of BOOK_TABLES) if (t !== 'actionStates') tables[t] = [];
  tables.deals = [
    {
      id: 'd1',
      createdAt: 1,
      updatedAt: 2,
      name: 'Old deal',
      amount: 1234.5,
      currency: 'THB',
      stage: 'Proposal',
      status: 'open',
      probability: 0.5,
      createdOn: '2025-01-01',
    },
    {
      id: 'd2',
      createdAt: 1,
      updatedAt: 2,
      name: 'Won deal',
      amount: 99,
      currency: 'JPY',
      stage: 'Closed Won',
      status: 'won',
      probability: 1,
      createdOn: '2025-01-01',
      closeOn: '2025-03-01',
    },
  ];
  return JSON.stringify({ format: 'ae-cockpit-backup', backupVersion: 1, schemaVersion: 0, exportedAt: 5, settings: {}, tables });
}

const v0to1 = (body: BackupBody): BackupBody => ({
  settings: body.settings,
  tables: {
    ...body.tables,
    actionStates: body.tables.actionStates ?? [],
    deals: (body.tables.deals ?? []).map((raw) => {
      const { amount, ...d } = raw as Record<string, unknown> & { amount: number; currency: string; status: string };
      const exp = d.currency === 'JPY' ? 0 : 2;
      return {
        ...d,
        amountMinor: Math.round(amount * 10 ** exp),
        forecastCategory: d.status === 'won' ? 'commit' : d.status === 'lost' ? 'omitted' : 'pipeline',
      };
    }),
  },
});

describe('backup migrations', () => {
  it('one migration per database schema step, keyed by the version it upgrades from', () => {
    expect(Object.keys(BACKUP_MIGRATIONS)).toEqual(SCHEMA_STEPS.map((s) => String(s.from)));
    expect(Object.keys(BACKUP_MIGRATIONS).length).toBe(CURRENT_SCHEMA_VERSION - 1);
  });

  it('restores a version-0 backup through an injected migration', () => {
    const r = parseBackup(v0Backup(), { migrations: { 0: v0to1 }, currentSchemaVersion: 1 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.schemaVersion).toBe(0);
    expect(r.book.deals.map((d) => [d.id, d.amountMinor, d.forecastCategory])).toEqual([
      ['d1', 123450, 'pipeline'],
      ['d2', 99, 'commit'],
    ]);
    expect(r.book.actionStates).toEqual([]);
    // Once migrated, a new backup is written at the current version and restores as is.
    const again = serializeBackup(r.book, r.settings, 6);
    const r2 = parseBackup(again);
    expect(r2.ok && r2.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('without the migration, a version-0 backup is refused as too old', () => {
    const r = parseBackup(v0Backup());
    expect(r).toEqual({ ok: false, error: { key: 'io.backup.no_migration', params: { version: 0 } } });
  });

  it('a migrated body is still validated: a bad migration is caught', () => {
    const broken = (body: BackupBody): BackupBody => ({ ...body, tables: { ...body.tables, actionStates: [] } });
    const r = parseBackup(v0Backup(), { migrations: { 0: broken }, currentSchemaVersion: 1 });
    expect(!r.ok && r.error.key).toBe('io.backup.invalid_record');
    expect(!r.ok && r.error.params.location).toBe('deals[0].forecastCategory');
  });

  it('runs every step in order, each exactly once', () => {
    const log: number[] = [];
    const step = (v: number) => (body: BackupBody) => {
      log.push(v);
      return { ...body, settings: { ...(body.settings as object), [`v${v}`]: true } };
    };
    const migrations: BackupMigrations = { 1: step(1), 2: step(2), 3: step(3), 7: step(7) };
    const r = migrateBackup({ tables: {}, settings: {} }, 1, 4, migrations);
    expect(log).toEqual([1, 2, 3]);
    expect(r).toEqual({ ok: true, body: { tables: {}, settings: { v1: true, v2: true, v3: true } } });
  });

  it('a gap in the chain names the missing step; a throwing step is reported', () => {
    expect(migrateBackup({ tables: {}, settings: {} }, 1, 4, { 1: (b) => b, 3: (b) => b })).toEqual({
      ok: false,
      reason: 'no_migration',
      from: 2,
    });
    const boom = () => {
      throw new Error('boom');
    };
    expect(migrateBackup({ tables: {}, settings: {} }, 0, 2, { 0: (b) => b, 1: boom })).toEqual({
      ok: false,
      reason: 'failed',
      from: 1,
      detail: 'boom',
    });
    const r = parseBackup(v0Backup(), { migrations: { 0: boom }, currentSchemaVersion: 1 });
    expect(r).toEqual({ ok: false, error: { key: 'io.backup.migration_failed', params: { version: 0, detail: 'boom' } } });
  });

  it('the same version needs no migration', () => {
    const text = serializeBackup(
      emptyBook(),
      defaultSettings(),
      1,
    );
    const throwing: BackupMigrations = {
      1: () => {
        throw new Error('must not run');
      },
    };
    expect(parseBackup(text, { migrations: throwing }).ok).toBe(true);
  });
});
