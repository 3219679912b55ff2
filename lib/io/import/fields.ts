/**
 * The importer's target fields. These names are the public vocabulary of the mapping step
 * and of the headless report's `--map field=Column` option, so they never change meaning.
 */

export const IMPORT_ENTITIES = ['deals', 'accounts', 'contacts', 'activities', 'leads'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** What a column's values look like; drives value sniffing and parsing. */
export type FieldKind = 'id' | 'text' | 'date' | 'amount' | 'currency' | 'percent' | 'number' | 'email' | 'bool';

export interface FieldDef {
  field: string;
  kind: FieldKind;
  /** A row without a value here is rejected. */
  required?: boolean;
}

const f = (field: string, kind: FieldKind, required = false): FieldDef => ({ field, kind, required });

export const IMPORT_FIELDS: Record<ImportEntity, readonly FieldDef[]> = {
  deals: [
    f('external_id', 'id'),
    f('name', 'text', true),
    f('account', 'text'),
    f('amount', 'amount'),
    f('currency', 'currency'),
    f('stage', 'text'),
    f('status', 'text'),
    f('probability', 'percent'),
    f('forecast_category', 'text'),
    f('created', 'date'),
    f('close', 'date'),
    f('won_time', 'date'),
    f('lost_time', 'date'),
    f('owner', 'text'),
    f('type', 'text'),
    f('territory', 'text'),
    f('next_step', 'text'),
    f('next_step_due', 'date'),
    f('loss_reason', 'text'),
    f('product', 'text'),
    f('quantity', 'number'),
    f('unit_price', 'amount'),
  ],
  accounts: [
    f('external_id', 'id'),
    f('name', 'text', true),
    f('domain', 'text'),
    f('industry', 'text'),
    f('territory', 'text'),
    f('is_target', 'bool'),
    f('potential', 'amount'),
    f('currency', 'currency'),
    f('customer_since', 'date'),
    f('churned', 'date'),
  ],
  contacts: [
    f('external_id', 'id'),
    f('name', 'text'),
    f('first_name', 'text'),
    f('last_name', 'text'),
    f('email', 'email'),
    f('phone', 'text'),
    f('title', 'text'),
    f('account', 'text'),
    f('role', 'text'),
  ],
  activities: [
    f('external_id', 'id'),
    f('kind', 'text', true),
    f('at', 'date', true),
    f('duration', 'number'),
    f('outcome', 'text'),
    f('subject', 'text'),
    f('notes', 'text'),
    f('deal', 'text'),
    f('account', 'text'),
    f('contact', 'text'),
  ],
  leads: [
    f('external_id', 'id'),
    f('name', 'text', true),
    f('company', 'text'),
    f('email', 'email'),
    f('source', 'text'),
    f('created', 'date', true),
    f('qualified', 'date'),
    f('disqualified', 'date'),
    f('converted', 'date'),
    f('converted_deal', 'id'),
  ],
};

export function fieldDef(entity: ImportEntity, field: string): FieldDef | undefined {
  return IMPORT_FIELDS[entity].find((d) => d.field === field);
}

export function isImportEntity(x: string): x is ImportEntity {
  return (IMPORT_ENTITIES as readonly string[]).includes(x);
}

/** Field → header index (null or absent = not imported). */
export type ColumnMapping = Record<string, number | null>;
