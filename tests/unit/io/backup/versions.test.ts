import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, parseBackup } from '../../../../lib/io/backup/format';
import { LATEST_DB_VERSION } from '../../../../lib/db';

const dir = join(import.meta.dirname, '../../../fixtures/backup');
const files = readdirSync(dir).filter((f) => /^v\d+\.json$/.test(f));
const NOW = Date.UTC(2026, 11, 2);

describe('restoring a backup of every earlier schema version', () => {
  it('the backup schema is the database schema', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(LATEST_DB_VERSION);
  });

  it('has a backup fixture for every earlier version', () => {
    const versions = files.map((f) => Number(f.slice(1, -5))).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it.each(files)('%s restores into today\'s schema with every record', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const raw = JSON.parse(text) as { tables: Record<string, Array<{ id: string }>> };
    const r = parseBackup(text, { now: NOW });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    for (const [table, rows] of Object.entries(raw.tables)) {
      expect((r.book as unknown as Record<string, Array<{ id: string }>>)[table]!.map((x) => x.id).sort(), table).toEqual(rows.map((x) => x.id).sort());
    }
    expect(r.book.dealHistory).toBeDefined();
    expect(r.book.importBatches).toBeDefined();
  });

  it('a version-1 backup gets the stored touches derived from its activities (it had none)', () => {
    const r = parseBackup(readFileSync(join(dir, 'v1.json'), 'utf8'), { now: NOW });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const call = r.book.activities[0]!;
    expect(r.book.deals.find((d) => d.id === call.dealId)!.lastTouchAt).toBe(call.at);
    expect(r.book.accounts[0]!.lastTouchAt).toBe(call.at);
  });
});
