import { CockpitDB } from './database';

export { CockpitDB, DB_NAME } from './database';
export * from './book-io';
export * from './integrity';
export * from './catalogue';
export * from './errors';
export * from './queries';
export { DB_VERSIONS, LATEST_DB_VERSION } from './versions';

let instance: CockpitDB | undefined;

/** The page's one database connection, opened on first use. */
export function getDb(): CockpitDB {
  return (instance ??= new CockpitDB());
}
