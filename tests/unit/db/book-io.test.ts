import { describe, expect, it } from 'vitest';
import { CockpitDB, putBook, readBook, replaceBook } from '../../../lib/db';
import { emptyBook } from '../../../lib/domain/book';
import { generateBook } from '../../../lib/demo';

describe('whole-book writes (restore, demo) validate before writing', () => {
  it('a restore with one invalid record is refused with the record named, and the database is unchanged', async () => {
    const db = new CockpitDB(`book-${Math.random()}`);
    const demo = generateBook({ now: Date.UTC(2026, 11, 2) });
    await putBook(db, demo);
    const before = await readBook(db);
    const bad = { ...emptyBook(), deals: [{ ...demo.deals[0]!, probability: 3 }] };
    await expect(replaceBook(db, bad)).rejects.toMatchObject({ name: 'InvalidWriteError', table: 'deals', id: demo.deals[0]!.id, problems: [expect.objectContaining({ field: 'probability' })] });
    await expect(putBook(db, bad)).rejects.toMatchObject({ table: 'deals' });
    expect(await readBook(db)).toEqual(before);
    db.close();
  });
});
