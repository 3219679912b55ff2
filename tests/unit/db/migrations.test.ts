import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOK_TABLES } from '../../../lib/domain/book';
import type { Transaction } from 'dexie';
import { CockpitDB, DB_VERSIONS, checkBook, readBook } from '../../../lib/db';
import type { SchemaStep } from '../../../lib/db/steps';
import { dexieUpgrade, type DbVersion } from '../../../lib/db/versions';

const fixturesDir = join(import.meta.dirname, '../../fixtures/db');
const fixtures = readdirSync(fixturesDir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(join(fixturesDir, f), 'utf8')) as Fixture);

interface Fixture {
  version: number;
  tables: Record<string, Array<{ id: string }>>;
}

/** Loads a fixture at its own version, upgrades it with `versions`, and lists what went wrong. */
async function upgradeAndCheck(fixture: Fixture, versions: readonly DbVersion[] = DB_VERSIONS): Promise<string[]> {
  const name = `migration-v${fixture.version}-${Math.random()}`;
  const old = new CockpitDB(name, { upTo: fixture.version, versions });
  await old.open();
  if (old.verno !== fixture.version) return [`opened at ${old.verno}, not ${fixture.version}`];
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();

  const db = new CockpitDB(name, { versions });
  const problems: string[] = [];
  try {
    await db.open();
    const latest = versions[versions.length - 1]!.version;
    if (db.verno !== latest) problems.push(`upgraded to ${db.verno}, not ${latest}`);
    const book = await readBook(db);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = ((book as unknown as Record<string, Array<{ id: string }>>)[table] ?? []).map((r) => r.id).sort();
      const want = rows.map((r) => r.id).sort();
      if (JSON.stringify(stored) !== JSON.stringify(want)) problems.push(`${table}: ${stored.join(',')} ≠ ${want.join(',')}`);
    }
    // Every upgraded record must satisfy today's schemas.
    for (const r of checkBook(book).invalid) problems.push(`${r.table} ${r.id}: ${r.problems.join('; ')}`);
  } catch (e) {
    problems.push(`upgrade failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    db.close();
  }
  return problems;
}

describe('database migrations', () => {
  it('has a fixture for every schema version', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(DB_VERSIONS.map((v) => v.version));
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('upgrades a v%i database to the newest without losing a record', async (_v, fixture) => {
    expect(await upgradeAndCheck(fixture)).toEqual([]);
  });

  it('the loop can fail: a broken step is caught (records lost, or records that no longer fit)', async () => {
    const v1 = fixtures.find((f) => f.version === 1)!;
    const dropsDeals: SchemaStep = { from: 1, up: {}, reads: ['deals'], derive: () => ({}) };
    const breaksDeals: SchemaStep = { from: 1, up: { deals: (d) => ({ ...d, probability: 'high' }) } };
    const versions = (step: SchemaStep, extra?: (tx: Transaction) => Promise<void>): DbVersion[] => [
      DB_VERSIONS[0]!,
      {
        ...DB_VERSIONS[1]!,
        upgrade: async (tx) => {
          await dexieUpgrade(step)(tx);
          await extra?.(tx);
        },
      },
    ];
    expect((await upgradeAndCheck(v1, versions(breaksDeals))).join('\n')).toMatch(/deals deal-1: probability/);
    const lost = await upgradeAndCheck(v1, versions(dropsDeals, async (tx) => void (await tx.table('deals').delete('deal-2'))));
    expect(lost.join('\n')).toMatch(/deals: deal-1 ≠ deal-1,deal-2/);
  });

  it('version 2 derives the stored touches from the activities in the upgrade', async () => {
    const v1 = fixtures.find((f) => f.version === 1)!;
    const name = `touches-${Math.random()}`;
    const old = new CockpitDB(name, { upTo: 1 });
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkAdd(rows);
    });
    old.close();
    const db = new CockpitDB(name);
    const deals = await db.deals.toArray();
    const call = v1.tables.activities![0] as unknown as { at: number; dealId: string };
    expect(deals.find((d) => d.id === call.dealId)!.lastTouchAt).toBe(call.at);
    expect(deals.find((d) => d.id !== call.dealId)!.lastTouchAt).toBeNull();
    expect((await db.accounts.toArray())[0]!.lastTouchAt).toBe(call.at);
    db.close();
  });

  it('fixtures cover every table of their version', () => {
    for (const f of fixtures) {
      const tables = f.version === 1 ? BOOK_TABLES.filter((t) => t !== 'dealHistory' && t !== 'importBatches') : BOOK_TABLES;
      for (const t of tables) expect(f.tables[t]?.length ?? 0, `v${f.version} ${t}`).toBeGreaterThan(0);
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
