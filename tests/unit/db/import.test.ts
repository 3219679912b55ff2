import { describe, expect, it } from 'vitest';
import { CockpitDB } from '../../../lib/db';
import { buildExistingIndex, commitImport, listImports, undoImport } from '../../../lib/db/import';
import { readBook } from '../../../lib/db';
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
    expect(first).toEqual({ created: 2, updated: 0, accountsCreated: 2, batchId: expect.any(String) });
    expect(progress.at(-1)).toBe(4);

    // The AE adds a note-like field the file does not carry; re-import must keep it.
    const stored = (await db.deals.toArray()).find((d) => d.name === 'Fleet tracking')!;
    await db.deals.update(stored.id, { territory: 'North', nextStep: 'Send pricing' });
    const again = await commitImport(db, await plan(db, CSV.replace('"80,000"', '"90,000"')));
    expect(again).toEqual({ created: 0, updated: 2, accountsCreated: 0, batchId: expect.any(String) });
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

  it('appends the deal history for every tracked field an update changes (source import)', async () => {
    const db = new CockpitDB(`import-history-${Math.random()}`);
    await commitImport(db, await plan(db), undefined, NOW);
    expect(await db.dealHistory.count()).toBe(0);
    const changed = CSV.replace('"80,000",Proposal', '"90,000",Negotiation').replace('2026-12-11', '2027-01-15');
    const r = await commitImport(db, await plan(db, changed), undefined, NOW + 1);
    const fleet = (await db.deals.toArray()).find((d) => d.name === 'Fleet tracking')!;
    const history = (await db.dealHistory.where('dealId').equals(fleet.id).toArray()).map((h) => [h.field, h.from, h.to, h.source, h.batchId, h.at]);
    const at = NOW + 1;
    expect(history.sort()).toEqual(
      [
        ['amountMinor', 8_000_000, 9_000_000, 'import', r.batchId, at],
        ['closeOn', '2026-12-11', '2027-01-15', 'import', r.batchId, at],
        ['forecastCategory', 'best_case', 'commit', 'import', r.batchId, at],
        ['probability', 0.5, 0.8, 'import', r.batchId, at],
        ['stage', 'Proposal', 'Negotiation', 'import', r.batchId, at],
      ].sort(),
    );
    // The won deal did not change: no history for it.
    expect(await db.dealHistory.count()).toBe(5);
    db.close();
  });

  it('undo removes what an import created and puts back what it overwrote, keeping edits made since', async () => {
    const db = new CockpitDB(`import-undo-${Math.random()}`);
    const first = await commitImport(db, await plan(db), undefined, NOW, { fileName: 'opps.csv' });
    const afterFirst = await readBook(db);
    const fleet = afterFirst.deals.find((d) => d.name === 'Fleet tracking')!;
    const second = await commitImport(db, await plan(db, CSV.replace('"80,000",Proposal', '"90,000",Negotiation')), undefined, NOW + 1, { fileName: 'opps v2.csv' });
    expect((await listImports(db)).map((b) => [b.fileName, b.createdCount, b.updatedCount, b.undoneAt])).toEqual([
      ['opps v2.csv', 0, 2, null],
      ['opps.csv', 4, 0, null],
    ]);
    // An edit the AE makes after the import, to a field the import did not write, survives the undo.
    await db.deals.update(fleet.id, { territory: 'North' });
    const undo = await undoImport(db, second.batchId, NOW + 2);
    expect(undo).toEqual({ removed: 0, restored: 2, missing: 0 });
    const back = (await db.deals.get(fleet.id))!;
    expect(back).toMatchObject({ amountMinor: 8_000_000, stage: 'Proposal', territory: 'North', updatedAt: NOW + 2 });
    const undoHistory = (await db.dealHistory.where('dealId').equals(fleet.id).toArray()).filter((h) => h.source === 'undo');
    expect(undoHistory.map((h) => [h.field, h.from, h.to]).sort()).toEqual(
      [
        ['amountMinor', 9_000_000, 8_000_000],
        ['forecastCategory', 'commit', 'best_case'],
        ['probability', 0.8, 0.5],
        ['stage', 'Negotiation', 'Proposal'],
      ].sort(),
    );
    await expect(undoImport(db, second.batchId, NOW + 3)).rejects.toThrow(/already undone/);

    // A call logged on an imported deal after the import survives its undo, unlinked from what is gone.
    await db.activities.add({ id: 'call-1', createdAt: NOW, updatedAt: NOW, kind: 'call', at: NOW + 2, durationMin: null, outcome: null, subject: '', notes: 'kept', dealId: fleet.id, accountId: fleet.accountId, contactId: null, completedAt: null, provenance: null });
    await undoImport(db, first.batchId, NOW + 3);
    expect(await db.activities.get('call-1')).toMatchObject({ notes: 'kept', dealId: null, accountId: null });
    expect(await db.deals.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.dealHistory.count()).toBe(0);
    db.close();
  });

  it('refuses an invalid record before writing anything, naming the table, record and field', async () => {
    const db = new CockpitDB(`import-invalid-${Math.random()}`);
    const p = await plan(db);
    (p.creates[1]!.record as { probability: number }).probability = 7;
    await expect(commitImport(db, p)).rejects.toMatchObject({ name: 'InvalidWriteError', table: 'deals', problems: [expect.objectContaining({ field: 'probability' })] });
    expect(await db.deals.count()).toBe(0);
    expect(await db.accounts.count()).toBe(0);
    expect(await db.importBatches.count()).toBe(0);
    db.close();
  });
});
