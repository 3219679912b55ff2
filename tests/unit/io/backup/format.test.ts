import { placeholdersOf } from '../../../../lib/i18n';
import { describe, expect, it } from 'vitest';
import { BOOK_TABLES, type Book } from '../../../../lib/domain/book';
import { LATEST_DB_VERSION } from '../../../../lib/db/versions';
import { ioOutMessages } from '../../../../lib/i18n/messages/io-out';
import {
  BACKUP_FORMAT,
  CURRENT_SCHEMA_VERSION,
  backupFileName,
  looksTruncated,
  parseBackup,
  serializeBackup,
  type BackupError,
} from '../../../../lib/io/backup/format';
import { defaultSettings, type Settings } from '../../../../lib/settings/schema';
import { buildBook, recordCount, rng } from './book-fixture';

const settings: Settings = { ...defaultSettings(), reportingCurrency: 'USD', fxRates: { THB: 0.028, EUR: 1.08 }, fiscalYearStartMonth: 4 };
const T1 = Date.UTC(2026, 10, 28, 9, 0);
const T2 = Date.UTC(2026, 10, 29, 9, 0);

const big = buildBook(10_000);
const bigText = serializeBackup(big, settings, T1);

function error(text: string): BackupError {
  const r = parseBackup(text);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.error;
}

function edit(text: string, change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc);
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('backup round trip', () => {
  it('the fixture has 10,000 records over every table', () => {
    expect(recordCount(big)).toBe(10_000);
    for (const t of BOOK_TABLES) expect(big[t].length).toBeGreaterThan(0);
  });

  it('backup → restore → backup is byte-identical apart from exportedAt', () => {
    const restored = parseBackup(bigText);
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    expect(restored.exportedAt).toBe(T1);
    expect(restored.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const again = serializeBackup(restored.book, restored.settings, T2);
    expect(again).not.toBe(bigText);
    expect(again.replace(`"exportedAt":${T2}`, `"exportedAt":${T1}`)).toBe(bigText);
  });

  it('restore gives back the same records and settings', () => {
    const restored = parseBackup(bigText);
    if (!restored.ok) throw new Error('refused');
    for (const t of BOOK_TABLES) {
      expect(restored.book[t]).toEqual(sortById(big[t] as Array<{ id: string }>));
      expect(restored.counts[t]).toBe(big[t].length);
    }
    expect(restored.settings).toEqual(settings);
  });

  it('does not depend on record order or key order', () => {
    const r = rng(7);
    const shuffled = {} as Record<string, unknown[]>;
    for (const t of BOOK_TABLES) {
      const rows = (big[t] as object[]).map((rec) => {
        const keys = Object.keys(rec).sort(() => r() - 0.5);
        return Object.fromEntries(keys.map((k) => [k, (rec as Record<string, unknown>)[k]]));
      });
      shuffled[t] = rows.sort(() => r() - 0.5);
    }
    expect(serializeBackup(shuffled as unknown as Book, settings, T1)).toBe(bigText);
  });

  it('writes the envelope first, one record per line, and ends with a newline', () => {
    expect(bigText.startsWith(`{"format":"${BACKUP_FORMAT}","backupVersion":1,"schemaVersion":${CURRENT_SCHEMA_VERSION},"exportedAt":${T1},\n"settings":`)).toBe(true);
    expect(bigText.endsWith('\n}}\n')).toBe(true);
    expect(bigText.split('\n').length).toBeGreaterThan(10_000);
  });

  it('fills defaults and drops unknown keys; an invalid stored record is kept and named on restore', () => {
    const book = buildBook(0);
    book.products.push({ id: 'p1', createdAt: 1, updatedAt: 1, name: 'Seat', junk: 1 } as never);
    book.products.push({ id: 'p0', createdAt: 1, updatedAt: 1, name: '' } as never);
    const text = serializeBackup(book, defaultSettings(), T1);
    expect(text).toContain('{"id":"p1","createdAt":1,"updatedAt":1,"name":"Seat","sku":null,"listPriceMinor":null,"currency":null,"active":true}');
    expect(text).toContain('{"createdAt":1,"id":"p0","name":"","updatedAt":1}');
    expect(error(text)).toEqual({
      key: 'io.backup.invalid_record',
      params: { location: 'products[0].name', problem: expect.any(String), count: 1 },
    });
  });

  it('accepts a leading byte order mark', () => {
    expect(parseBackup(`\uFEFF${bigText}`).ok).toBe(true);
  });

  it('restores an empty database backup', () => {
    const empty = serializeBackup(buildBook(0), defaultSettings(), T1);
    const r = parseBackup(empty);
    expect(r.ok).toBe(true);
  });

  it('the schema version follows the database schema', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(LATEST_DB_VERSION);
  });

  it('backupFileName', () => {
    expect(backupFileName('2026-11-28')).toBe('ae-cockpit-backup-2026-11-28.json');
  });
});

describe('refused files', () => {
  const small = serializeBackup(buildBook(300, 3), settings, T1);

  it('an empty file', () => {
    expect(error('').key).toBe('io.backup.empty');
    expect(error('  \n').key).toBe('io.backup.empty');
  });

  it('a file cut short at any point is truncated', () => {
    // Every strict prefix (except dropping only the final newline) is a cut-off backup.
    for (let cut = 1; cut < small.length - 1; cut += 97) {
      expect(error(small.slice(0, cut)).key, `cut at ${cut}`).toBe('io.backup.truncated');
    }
    expect(error(small.slice(0, small.length - 2)).key).toBe('io.backup.truncated');
    expect(parseBackup(small.slice(0, small.length - 1)).ok).toBe(true);
  });

  it('something that is not JSON', () => {
    expect(error('name,amount\r\nAcme,5\r\n').key).toBe('io.backup.not_json');
    expect(error('<html><body>oops</body></html>').key).toBe('io.backup.not_json');
    expect(error('{"a":1}}').key).toBe('io.backup.not_json');
    expect(error('{"a":1,,}').key).not.toBe('io.backup.truncated');
  });

  it('JSON that is not a backup', () => {
    for (const text of ['[]', '"backup"', '42', 'null', '{"a":1}', '{"format":"other-app","tables":{}}']) {
      expect(error(text).key, text).toBe('io.backup.not_backup');
    }
    expect(error(edit(small, (d) => (d.backupVersion = 'one'))).key).toBe('io.backup.not_backup');
    expect(error(edit(small, (d) => delete d.tables)).key).toBe('io.backup.not_backup');
    expect(error(edit(small, (d) => (d.tables.deals = {}))).key).toBe('io.backup.not_backup');
    expect(error(edit(small, (d) => delete d.exportedAt)).key).toBe('io.backup.not_backup');
  });

  it('a newer backup format or schema version', () => {
    expect(error(edit(small, (d) => (d.backupVersion = 2)))).toEqual({
      key: 'io.backup.newer_version',
      params: { version: 2, supported: 1 },
    });
    expect(error(edit(small, (d) => (d.schemaVersion = CURRENT_SCHEMA_VERSION + 1)))).toEqual({
      key: 'io.backup.newer_schema',
      params: { version: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION },
    });
  });

  it('an invalid record, named by table, index and field', () => {
    const e = error(
      edit(small, (d) => {
        d.tables.deals[12].closeOn = '2026-02-30';
        d.tables.contacts[3].name = '';
      }),
    );
    expect(e.key).toBe('io.backup.invalid_record');
    // Tables are checked in BOOK_TABLES order: contacts come before deals; both are counted.
    expect(e.params).toEqual({ location: 'contacts[3].name', problem: 'a contact needs a name', count: 2 });
  });

  it('names nested paths', () => {
    const e = error(
      edit(small, (d) => {
        const i = d.tables.deals.findIndex((x: { lineItems: unknown[] }) => x.lineItems.length > 0);
        d.tables.deals[i].lineItems[0].quantity = -1;
      }),
    );
    expect(e.key).toBe('io.backup.invalid_record');
    expect(String(e.params.location)).toMatch(/^deals\[\d+\]\.lineItems\[0\]\.quantity$/);
  });

  it('reports the calendar-date problem in the message', () => {
    const e = error(edit(small, (d) => (d.tables.deals[12].closeOn = '2026-02-30')));
    expect(e.params).toEqual({ location: 'deals[12].closeOn', problem: 'not a real calendar date', count: 1 });
  });

  it('invalid settings', () => {
    const e = error(edit(small, (d) => (d.settings.fiscalYearStartMonth = 13)));
    expect(e.key).toBe('io.backup.invalid_settings');
    expect(e.params.location).toBe('settings.fiscalYearStartMonth');
  });

  it('a missing or unknown table', () => {
    expect(error(edit(small, (d) => delete d.tables.quotas))).toEqual({ key: 'io.backup.missing_table', params: { table: 'quotas' } });
    expect(error(edit(small, (d) => (d.tables.widgets = [])))).toEqual({ key: 'io.backup.unknown_table', params: { table: 'widgets' } });
  });

  it('two records with one id', () => {
    const e = error(edit(small, (d) => d.tables.products.push(d.tables.products[0])));
    expect(e.key).toBe('io.backup.duplicate_id');
    expect(e.params.table).toBe('products');
  });
});

describe('looksTruncated', () => {
  it.each<[string, boolean]>([
    ['{"a":[1,2', true],
    ['{"a":"unfinished', true],
    ['{"a":"quote \\" inside', true],
    ['  [', true],
    ['{"a":"}"', true],
    ['{"a":1}}', false],
    ['hello', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksTruncated(text)).toBe(expected);
  });
});

describe('messages', () => {
  const keys = [
    'io.backup.empty',
    'io.backup.not_json',
    'io.backup.truncated',
    'io.backup.not_backup',
    'io.backup.newer_version',
    'io.backup.newer_schema',
    'io.backup.no_migration',
    'io.backup.migration_failed',
    'io.backup.missing_table',
    'io.backup.unknown_table',
    'io.backup.invalid_settings',
    'io.backup.invalid_record',
    'io.backup.duplicate_id',
    'io.backup.disk_full',
    'io.backup.write_failed',
  ] as const;

  it('every error key has an English and a Thai message with the same placeholders', () => {
    const placeholders = placeholdersOf;
    for (const k of keys) {
      const en = (ioOutMessages.en as Record<string, string>)[k];
      const th = (ioOutMessages.th as Record<string, string>)[k];
      expect(en, k).toBeTruthy();
      expect(th, k).toMatch(/[\u0E00-\u0E7F]/);
      expect(placeholders(th!), k).toEqual(placeholders(en!));
    }
    expect(Object.keys(ioOutMessages.th).sort()).toEqual(Object.keys(ioOutMessages.en).sort());
    for (const k of Object.keys(ioOutMessages.en)) expect(k).toMatch(/^io\.(out|backup)\./);
  });
});
