import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOK_TABLES } from '../../../lib/domain/book';
import { CockpitDB, DB_VERSIONS, LATEST_DB_VERSION, checkBook, readBook } from '../../../lib/db';

const fixturesDir = join(import.meta.dirname, '../../fixtures/db');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as { version: number; tables: Record<string, Array<{ id: string }>> });

describe('database migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(DB_VERSIONS.map((v) => v.version));
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('upgrades a v%i database to the newest without losing a record', async (version, fixture) => {
    const name = `migration-v${version}-${Math.random()}`;
    const old = new CockpitDB(name, { upTo: version });
    await old.open();
    expect(old.verno).toBe(version);
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
    });
    old.close();

    const db = new CockpitDB(name);
    await db.open();
    expect(db.verno).toBe(LATEST_DB_VERSION);
    const book = await readBook(db);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = (book as unknown as Record<string, Array<{ id: string }>>)[table]!;
      expect(stored.map((r) => r.id).sort(), table).toEqual(rows.map((r) => r.id).sort());
    }
    // Every upgraded record must satisfy today's schemas.
    expect(checkBook(book).invalid).toEqual([]);
    db.close();
  });

  it('fixtures cover every table', () => {
    for (const f of fixtures) {
      for (const t of BOOK_TABLES) expect(f.tables[t]?.length ?? 0, `v${f.version} ${t}`).toBeGreaterThan(0);
    }
  });
});

describe('integrity check', () => {
  it('reports a stored record that fails its schema with the field, and keeps the others', async () => {
    const db = new CockpitDB(`integrity-${Math.random()}`);
    const good = fixtures[0]!.tables.deals![0]!;
    await db.deals.bulkAdd([good as never, { ...good, id: 'bad', closeOn: '2026-02-30', probability: 5 } as never]);
    const { invalid, invalidCount } = checkBook(await readBook(db));
    expect(invalidCount).toBe(1);
    expect(invalid[0]).toMatchObject({ table: 'deals', id: 'bad' });
    expect(invalid[0]!.problems.join(' ')).toMatch(/closeOn: not a real calendar date/);
    expect(invalid[0]!.problems.join(' ')).toMatch(/probability/);
    expect(await db.deals.count()).toBe(2);
    db.close();
  });
});
