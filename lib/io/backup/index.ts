export * from './format';
export * from './migrate';
export * from './storage-error';
export { BACKUP_TABLE_SCHEMAS } from './tables';
