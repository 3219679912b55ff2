import { describe, expect, it } from 'vitest';
import { CockpitDB, InvalidWriteError, addRecord, patchRecord, readBook, removeRecord, saveRecord } from '../../../lib/db';

const NOW = Date.UTC(2026, 11, 2);
const open = () => new CockpitDB(`catalogue-${Math.random()}`);

describe('catalogue writes go through lib/db, validated', () => {
  it('adds a quota with id and timestamps, and refuses one that ends before it starts, naming the field', async () => {
    const db = open();
    const q = await addRecord(db, 'quotas', { start: '2026-01-01', end: '2026-03-31', amountMinor: 100, currency: 'THB' }, NOW);
    expect(q).toMatchObject({ createdAt: NOW, updatedAt: NOW, label: '' });
    const bad = addRecord(db, 'quotas', { start: '2026-04-01', end: '2026-03-31', amountMinor: 100, currency: 'THB' }, NOW);
    await expect(bad).rejects.toBeInstanceOf(InvalidWriteError);
    await expect(bad).rejects.toMatchObject({ table: 'quotas', problems: [{ field: 'end', message: 'quota ends before it starts' }] });
    expect(await db.quotas.count()).toBe(1);
  });

  it('a patch that breaks the record is refused and the stored record is unchanged', async () => {
    const db = open();
    const p = await addRecord(db, 'products', { name: 'MES Core', listPriceMinor: 5000, currency: 'THB' }, NOW);
    await expect(patchRecord(db, 'products', p.id, { currency: 'baht' }, NOW + 1)).rejects.toMatchObject({
      table: 'products',
      id: p.id,
      problems: [{ field: 'currency' }],
    });
    expect(await db.products.get(p.id)).toEqual(p);
    expect(await patchRecord(db, 'products', p.id, { active: false }, NOW + 1)).toBe(true);
    expect(await db.products.get(p.id)).toEqual({ ...p, active: false, updatedAt: NOW + 1 });
    expect(await patchRecord(db, 'products', 'gone', { active: false }, NOW + 1)).toBe(false);
  });

  it('remove returns the record and saveRecord puts it back exactly (undo)', async () => {
    const db = open();
    const s = await addRecord(db, 'spend', { on: '2026-11-01', amountMinor: 990, currency: 'THB', category: 'marketing' }, NOW);
    const before = await readBook(db);
    const removed = await removeRecord(db, 'spend', s.id);
    expect(removed).toEqual(s);
    expect(await db.spend.count()).toBe(0);
    await saveRecord(db, 'spend', removed!);
    expect(await readBook(db)).toEqual(before);
    expect(await removeRecord(db, 'spend', 'nope')).toBeUndefined();
  });

  it('saveRecord refuses a record that fails its schema', async () => {
    const db = open();
    await expect(saveRecord(db, 'accounts', { id: 'a', createdAt: NOW, updatedAt: NOW, name: '' } as never)).rejects.toMatchObject({
      table: 'accounts',
      problems: [{ field: 'name', message: 'an account needs a name' }],
    });
    expect(await db.accounts.count()).toBe(0);
  });
});
