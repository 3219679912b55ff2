import type { DBCore } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CockpitDB, readBook } from '../../../lib/db';
import { buildExistingIndex, commitImport } from '../../../lib/db/import';
import { logActivity } from '../../../lib/db/writes';
import { describeStorageError } from '../../../lib/io/backup/storage-error';
import { parseCsv } from '../../../lib/io/csv/parse';
import { proposeMapping } from '../../../lib/io/import/profiles';
import { buildImport } from '../../../lib/io/import/rows';
import type { ImportEntity } from '../../../lib/io/import/fields';
import { loadSettings, saveSettings, updateSettings } from '../../../lib/platform';
import { DEFAULT_STAGE_RULES, defaultSettings } from '../../../lib/settings/schema';

const NOW = Date.UTC(2026, 11, 2, 3);

function dealsCsv(n: number, prefix = 'D'): string {
  return ['Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date', ...Array.from({ length: n }, (_, i) => `006${prefix}${i},Deal ${i},Account ${i % 40},${1000 + i},Proposal,2026-10-01`)].join('\n');
}

async function planFor(db: CockpitDB, csv: string, entity: ImportEntity = 'deals') {
  const parsed = parseCsv(csv);
  return buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, entity, 'salesforce'), {
    entity,
    site: 'salesforce',
    now: NOW,
    defaultCurrency: 'THB',
    stageRules: DEFAULT_STAGE_RULES,
    existing: await buildExistingIndex(db, entity),
    newId: () => crypto.randomUUID(),
  });
}

/** A Dexie middleware that fails the `nth` write with the browser's quota error, as a full disk does. */
function quotaAfter(db: CockpitDB, nth: number): void {
  let writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            if (++writes === nth) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return t.mutate(req);
          },
        };
      },
    }),
  });
}

describe('faults while writing', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a full disk in the middle of an import leaves the database exactly as it was, and is named as a full disk', async () => {
    const name = `quota-${Math.random()}`;
    const setup = new CockpitDB(name);
    await commitImport(setup, await planFor(setup, dealsCsv(30, 'A')), undefined, NOW);
    const before = await readBook(setup);
    setup.close();

    const db = new CockpitDB(name);
    // The 4th write of the import (accounts, deals chunk, ..., history or batch) fails.
    quotaAfter(db, 3);
    const plan = await planFor(db, dealsCsv(25_000, 'B'));
    const error = await commitImport(db, plan, undefined, NOW + 1).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(describeStorageError(error).key).toBe('io.backup.disk_full');
    expect(await readBook(db)).toEqual(before);
    db.close();
  });

  it('two pages at once: calls logged in the popup, an import and settings edits in the options page — nothing lost', async () => {
    const name = `concurrent-${Math.random()}`;
    const popup = new CockpitDB(name);
    const options = new CockpitDB(name);
    await saveSettings(defaultSettings());
    await commitImport(options, await planFor(options, dealsCsv(50, 'C')), undefined, NOW);
    const deals = await popup.deals.toArray();

    const calls = Promise.all(deals.slice(0, 40).map((d, i) => logActivity(popup, { kind: 'call', dealId: d.id, notes: `call ${i}` }, NOW + 10 + i)));
    const importing = (async () => commitImport(options, await planFor(options, dealsCsv(2_000, 'E')), undefined, NOW + 5))();
    const settings = Promise.all([
      updateSettings((s) => ({ ...s, territories: [...s.territories, 'North'] })),
      updateSettings((s) => ({ ...s, reportingCurrency: 'USD' })),
      updateSettings((s) => ({ ...s, territories: [...s.territories, 'South'] })),
    ]);
    await Promise.all([calls, importing, settings]);

    expect(await popup.activities.count()).toBe(40);
    expect(await popup.deals.count()).toBe(2_050);
    // Every logged call is a touch on its deal, even with the import writing deals meanwhile.
    const touched = await popup.deals.bulkGet(deals.slice(0, 40).map((d) => d.id));
    expect(touched.every((d) => d!.lastTouchAt !== null)).toBe(true);
    const s = (await loadSettings()).settings;
    expect(s.reportingCurrency).toBe('USD');
    expect([...s.territories].sort()).toEqual(['North', 'South']);
    popup.close();
    options.close();
  });

  it('re-importing accounts with irregular spacing makes no duplicates', async () => {
    const db = new CockpitDB(`spacing-${Math.random()}`);
    const csv = (names: string[]) => ['Account Name,Industry', ...names.map((n) => `"${n}",Retail`)].join('\n');
    await commitImport(db, await planFor(db, csv(['Siam Retail Co', 'Lanna Logistics']), 'accounts'), undefined, NOW);
    const ids = (await db.accounts.toArray()).map((a) => a.id).sort();
    const again = await commitImport(db, await planFor(db, csv(['Siam  Retail Co', ' lanna\u00A0logistics\t']), 'accounts'), undefined, NOW + 1);
    expect(again).toMatchObject({ created: 0, updated: 2, accountsCreated: 0 });
    expect((await db.accounts.toArray()).map((a) => a.id).sort()).toEqual(ids);
    db.close();
  });
});
