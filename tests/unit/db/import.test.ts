import { describe, expect, it } from 'vitest';
import { CockpitDB } from '../../../lib/db';
import { buildExistingIndex, commitImport } from '../../../lib/db/import';
import { parseCsv } from '../../../lib/io/csv/parse';
import { proposeMapping } from '../../../lib/io/import/profiles';
import { buildImport } from '../../../lib/io/import/rows';
import { DEFAULT_STAGE_RULES } from '../../../lib/settings/schema';

const NOW = Date.UTC(2026, 10, 28, 3);
const CSV = [
  'Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date,Next Step',
  '006A,Kiosk rollout,Chiang Mai Retail,"120,000",Closed Won,2026-09-01,2026-11-02,',
  '006B,Fleet tracking,Lanna Logistics,"80,000",Proposal,2026-10-01,2026-12-11,Send pricing',
].join('\n');

async function plan(db: CockpitDB, csv = CSV) {
  const parsed = parseCsv(csv);
  return buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'deals', 'salesforce'), {
    entity: 'deals', site: 'salesforce', now: NOW, defaultCurrency: 'THB', stageRules: DEFAULT_STAGE_RULES,
    existing: await buildExistingIndex(db, 'deals'),
  });
}

describe('commitImport', () => {
  it('writes accounts and deals, reports progress, and a second import of the same file updates in place', async () => {
    const db = new CockpitDB(`import-${Math.random()}`);
    const progress: number[] = [];
    const first = await commitImport(db, await plan(db), (p) => progress.push(p.done));
    expect(first).toEqual({ created: 2, updated: 0, accountsCreated: 2 });
    expect(progress.at(-1)).toBe(4);

    // The AE adds a note-like field the file does not carry; re-import must keep it.
    const stored = (await db.deals.toArray()).find((d) => d.name === 'Fleet tracking')!;
    await db.deals.update(stored.id, { territory: 'North', nextStep: 'Send pricing' });
    const again = await commitImport(db, await plan(db, CSV.replace('"80,000"', '"90,000"')));
    expect(again).toEqual({ created: 0, updated: 2, accountsCreated: 0 });
    expect(await db.deals.count()).toBe(2);
    expect(await db.accounts.count()).toBe(2);
    const updated = (await db.deals.get(stored.id))!;
    expect(updated.amountMinor).toBe(9_000_000);
    expect(updated.territory).toBe('North');
    db.close();
  });

  it('is one transaction: a failure half-way leaves the database exactly as it was', async () => {
    const db = new CockpitDB(`import-fail-${Math.random()}`);
    const p = await plan(db);
    // A record that collides with one already stored makes the second bulkAdd fail after the accounts went in.
    await db.deals.add({ ...p.creates[1]!.record, name: 'already here' });
    const before = { deals: await db.deals.toArray(), accounts: await db.accounts.toArray() };
    await expect(commitImport(db, p)).rejects.toThrow();
    expect(await db.deals.toArray()).toEqual(before.deals);
    expect(await db.accounts.toArray()).toEqual(before.accounts);
    db.close();
  });
});
