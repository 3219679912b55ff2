import type { Book } from '../domain/book';
import { TABLE_SCHEMAS } from '../domain/tables';
import type { CockpitDB } from './database';
import { validateFor } from './errors';
import { newId } from './ids';

/**
 * Edits of the AE's own lists (quotas, products, spend, account targets and potential, account
 * plans): each validated with the table's schema and written in one transaction. Removing
 * returns what was removed, so the page can offer undo through `saveRecord`.
 */
export type EditableTable = 'quotas' | 'products' | 'spend' | 'accounts' | 'accountPlans';
type Row<T extends EditableTable> = Book[T][number];

/** Adds a new record; id and timestamps are set here. */
export async function addRecord<T extends EditableTable>(
  db: CockpitDB,
  table: T,
  fields: Omit<Partial<Row<T>>, 'id' | 'createdAt' | 'updatedAt'>,
  now: number,
): Promise<Row<T>> {
  const record = validateFor(TABLE_SCHEMAS[table], table, { ...fields, id: newId(), createdAt: now, updatedAt: now }) as Row<T>;
  await db.table(table).add(record);
  return record;
}

/** Changes some fields of a stored record; the merged record must fit the schema. False when it is gone. */
export async function patchRecord<T extends EditableTable>(
  db: CockpitDB,
  table: T,
  id: string,
  patch: Omit<Partial<Row<T>>, 'id' | 'createdAt'>,
  now: number,
): Promise<boolean> {
  return db.transaction('rw', db.table(table), async () => {
    const stored = (await db.table(table).get(id)) as Row<T> | undefined;
    if (!stored) return false;
    const next = validateFor(TABLE_SCHEMAS[table], table, { ...stored, ...patch, id, updatedAt: now });
    await db.table(table).put(next);
    return true;
  });
}

/** Removes a record and returns it (for undo); undefined when it was not there. */
export async function removeRecord<T extends EditableTable>(db: CockpitDB, table: T, id: string): Promise<Row<T> | undefined> {
  return db.transaction('rw', db.table(table), async () => {
    const stored = (await db.table(table).get(id)) as Row<T> | undefined;
    if (stored) await db.table(table).delete(id);
    return stored;
  });
}

/** Stores a whole record (new, or put back as it was by an undo), validated like any write. */
export async function saveRecord<T extends EditableTable>(db: CockpitDB, table: T, record: Row<T>): Promise<void> {
  await db.table(table).put(validateFor(TABLE_SCHEMAS[table], table, record));
}
