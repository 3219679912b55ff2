/** Table name → records, unvalidated (as stored, or as read from a backup file). */
export type Tables = Record<string, unknown[]>;

/**
 * One schema version's step: data following version `from` becomes data following `from + 1`.
 * `up` rewrites one record of a table (pure, record in → record out); `derive` runs after every
 * record step over the whole book, for derived fields, and returns only the records it changed.
 */
export interface SchemaStep {
  from: number;
  up: Readonly<Record<string, (record: Record<string, unknown>) => Record<string, unknown>>>;
  /** Tables this version adds; they start empty. */
  addsTables?: readonly string[];
  /** The tables `derive` reads (the database upgrade loads only these). */
  reads?: readonly string[];
  derive?: (tables: Tables, now: number) => Tables;
}
