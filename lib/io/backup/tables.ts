// The backup validates each table with the domain's own schemas.
export { TABLE_SCHEMAS as BACKUP_TABLE_SCHEMAS } from '../../domain/tables';
export { BOOK_TABLES as BACKUP_TABLES } from '../../domain/book';
