import { z } from 'zod';
import { unguardFormula } from '../csv/formula';
import { localDateOf, startOfLocalDay, zoneOffsetMinutes } from '../../domain/dates';
import { wordKey, type IsoDate, type Provenance } from '../../domain/primitives';
import { emailKey, nameKey, stripInvisible } from '../../domain/text';
import { quoteCell, reasonOfIssue } from './reasons';
import { naturalKeyOf, type MatchRule } from './identity';
import { dealStateOf, FORECAST_WORDS, stageIndexOf, STATUS_WORDS, TYPE_WORDS } from './stages';
import {
  accountSchema,
  activitySchema,
  contactSchema,
  dealSchema,
  leadSchema,
  type Account,
  type Activity,
  type ActivityKind,
  type ActivityOutcome,
  type BuyingRole,
  type Contact,
  type Deal,
  type DealStatus,
  type DealType,
  type ForecastCategory,
  type Lead,
  type LineItem,
} from '../../domain/records';
import type { StageRule } from '../../settings/schema';
import type { ParsedCsv } from '../csv/parse';
import { IMPORT_FIELDS, type ColumnMapping, type ImportEntity } from './fields';
import { detectMappedDateFormats, hash53 } from './profiles';
import { dealDraftValid } from './valid';
import {
  amountFast,
  decimalSeparatorOf,
  detectDateFormat,
  isEmail,
  isPercentValue,
  parseAmount,
  parseBool,
  parseDate,
  parseNumber,
  parseProbability,
  parseTimeOfDay,
  type DateFormat,
  type DecimalSeparator,
  type ParsedAmount,
  type ProbabilityScale,
} from './values';

/**
 * Turns parsed CSV rows into validated records to create or update, plus the rows it
 * rejects and why. Pure: no database; the caller writes the plan in one transaction.
 *
 * Identity: within one file, rows are distinct records unless they carry the same CRM record id
 * (rows of one deal with line items, a deal's product rows, are the exception: consecutive rows
 * with the same name, account and created cell and no id add line items to one deal).
 * A row with an id matches the stored record of the same `site:id` sourceKey. A row without one
 * matches a stored record only by a natural key (lib/io/import/identity.ts), which the preview
 * shows with its rule and the AE confirms (`naturalMatches: 'update' | 'new'`); never by name
 * alone. Activities keep their CRM id in provenance.externalId (they have no sourceKey field).
 */

export type ImportSite = 'salesforce' | 'hubspot' | 'pipedrive' | 'csv';

export interface ExistingRef {
  id: string;
  createdAt: number;
}

/** What is already stored, for matching. Maps are keyed by sourceKey, `nameKey` or `emailKey`. */
export interface ExistingIndex {
  /** Records of the entity being imported, by sourceKey (activities: `site:provenance.externalId`). */
  bySourceKey: ReadonlyMap<string, ExistingRef>;
  /** Records of the entity being imported, by natural key (identity.ts), oldest first. */
  byNaturalKey?: ReadonlyMap<string, readonly ExistingRef[]>;
  accountsByName: ReadonlyMap<string, string>;
  accountsBySourceKey?: ReadonlyMap<string, string>;
  dealsBySourceKey?: ReadonlyMap<string, string>;
  dealsByName?: ReadonlyMap<string, string>;
  contactsByEmail?: ReadonlyMap<string, string>;
  contactsByName?: ReadonlyMap<string, string>;
}

export interface ImportOptions {
  entity: ImportEntity;
  site: ImportSite;
  now: number;
  defaultCurrency: string;
  stageRules: readonly StageRule[];
  /** Per date field; fields left out are detected from their column. */
  dateFormats?: Partial<Record<string, DateFormat>>;
  /** Decimal separator of amount columns; detected per column when left out. */
  decimal?: DecimalSeparator;
  existing: ExistingIndex;
  /** Id for a new record; the default is unique per import (`now` in base 36 plus a counter). */
  newId?: (entity: ImportEntity) => string;
  /** IANA zone for activity times and the import day; the runtime's zone when left out. */
  timeZone?: string;
  /**
   * 'strip': a cell like `'=SUM(A1)` or `'-5 days` (one leading quote before = + - @ TAB CR, the
   * CSV-injection guard our export and many tools write) is read without that quote, see
   * cellText (the default, 'strip'); 'keep' reads it as written. Our export also guards text that
   * itself starts with such a quote, so stripping one quote round-trips every exported text.
   */
  formulaQuote?: 'strip' | 'keep';
  /**
   * Rows without a record id that look like stored records by their natural key: 'update'
   * them (the default, what a re-import wants) or import them as 'new' records.
   */
  naturalMatches?: 'update' | 'new';
}

export interface ImportIssue {
  /** Spreadsheet row (header = 1); 0 for the whole file. */
  row: number;
  /** Header text of the column at fault ('' when it is the row as a whole). */
  column: string;
  value: string;
  /** i18n message key. */
  message: string;
  params: Record<string, string | number>;
}

export interface PlannedRecord<T> {
  record: T;
  sourceKey: string;
  /** Spreadsheet rows that made this record (several for a deal with line items). */
  rows: number[];
  /** How an update found its stored record: the CRM id, or a natural-key rule. */
  matchedBy?: 'id' | MatchRule;
}

export interface RecordOf {
  deals: Deal;
  accounts: Account;
  contacts: Contact;
  activities: Activity;
  leads: Lead;
}

export interface ImportPlan<E extends ImportEntity = ImportEntity> {
  entity: E;
  creates: PlannedRecord<RecordOf[E]>[];
  /** Records already stored (same sourceKey); `record.id` is the stored id. */
  updates: PlannedRecord<RecordOf[E]>[];
  /**
   * Keys an update may overwrite on the stored record (what the file provides). Everything
   * else — notes, the AE's own edits, fields the file does not have — stays as stored.
   */
  updateKeys: string[];
  rejects: ImportIssue[];
  warnings: ImportIssue[];
  /** New accounts referenced by name from deals or contacts; create them in the same transaction. */
  accountsToCreate: Account[];
  /** Stage names no stage rule knows, with how many rows use them, so the AE can map them. */
  unknownStages: Array<{ stage: string; count: number }>;
  /** Required fields with no column: nothing is planned until they are mapped. */
  missingFields: string[];
  /** Date columns whose day/month order cannot be told from the values: ask the AE, then pass dateFormats. */
  needsDateFormat: Array<{ field: string; column: string; candidates: DateFormat[] }>;
  /** Data rows read (excluding rows the CSV parser already rejected). */
  totalRows: number;
  /**
   * Rows without a record id that look like stored records, by rule: updated when
   * `naturalMatches` is 'update', created as new records when it is 'new'.
   */
  naturalMatches: { count: number; byRule: Partial<Record<MatchRule, number>> };
}

// ---------------------------------------------------------------- column access

type Issues = ImportIssue[];

/** Distinct values cached per column; beyond this a column is mostly unique values (datetimes) and is not cached. */
const CACHE_LIMIT = 4096;

/** A cached bad cell: the message and params to report. */
interface CellError {
  error: string;
  params?: Record<string, string | number>;
}
const isCellError = (x: unknown): x is CellError => typeof x === 'object' && x !== null;

/**
 * A cell as the importer reads it with formulaQuote 'strip' (with 'keep', only the trim applies):
 * surrounding whitespace trimmed, and ONE leading `'` removed
 * when the next character is one a spreadsheet would run as a formula (= + - @ TAB CR). That
 * quote is how our own CSV export (and OWASP advice) neutralises formula-like text, so removing
 * it makes exports round-trip. Trimming applies to every field: ids, dates and numbers must be
 * trimmed, and for free text (notes, subject, next step) only the cell's outer whitespace goes,
 * never anything inside it, and the text after a removed quote is kept as written.
 */
export function cellText(cell: string): string {
  return unguardFormula(cell.trim());
}

/** Per mapped field: its column and how its values are read, decided once per import. */
class Columns {
  readonly index: Record<string, number> = {};
  readonly dateFormat: Record<string, DateFormat | null> = {};
  readonly decimal: Record<string, DecimalSeparator> = {};
  readonly scale: Record<string, ProbabilityScale> = {};
  /** Per field, raw cell → parsed value or error: exports repeat a few hundred dates and probabilities over 100k rows. */
  private readonly cache: Record<string, Map<string, unknown>> = {};
  private readonly stripQuote: boolean;

  constructor(
    readonly headers: readonly string[],
    readonly rows: readonly (readonly string[])[],
    mapping: ColumnMapping,
    entity: ImportEntity,
    opts: ImportOptions,
  ) {
    this.stripQuote = opts.formulaQuote !== 'keep';
    for (const d of IMPORT_FIELDS[entity]) {
      const i = mapping[d.field];
      const idx = i === null || i === undefined || i < 0 || i >= headers.length ? -1 : i;
      this.index[d.field] = idx;
      if (idx < 0) continue;
      if (d.kind === 'amount') this.decimal[d.field] = opts.decimal ?? columnDecimal(rows, idx);
      if (d.kind === 'number') this.decimal[d.field] = opts.decimal ?? 'dot';
      if (d.kind === 'percent') this.scale[d.field] = columnScale(rows, idx);
      if (d.kind === 'date' || d.kind === 'percent') this.cache[d.field] = new Map();
    }
  }

  has(field: string): boolean {
    return (this.index[field] ?? -1) >= 0;
  }

  column(field: string): string {
    const i = this.index[field] ?? -1;
    return i >= 0 ? (this.headers[i] ?? '') : '';
  }

  raw(row: readonly string[], field: string): string {
    const i = this.index[field] ?? -1;
    if (i < 0) return '';
    const cell = row[i] ?? '';
    return this.stripQuote ? cellText(cell) : cell.trim();
  }

  issue(issues: Issues, rowNo: number, field: string, row: readonly string[], message: string, params: Record<string, string | number> = {}) {
    // A quoted prefix: a 5 MB cell must not come back whole in every message.
    issues.push({ row: rowNo, column: this.column(field), value: quoteCell(this.raw(row, field)), message, params });
  }

  /**
   * A text value (name, stage, owner): invisible and control characters stripped (a bidi override
   * would show a name reversed), inner spacing kept as written so an exported file reads back
   * exactly; names are compared through nameKey, which folds spacing.
   */
  text(row: readonly string[], field: string): string | null {
    const v = stripInvisible(this.raw(row, field)).trim();
    return v === '' ? null : v;
  }

  /** Free text (notes, subject): invisible characters stripped, everything else as written. */
  block(row: readonly string[], field: string): string {
    return stripInvisible(this.raw(row, field));
  }

  /** A cached parse of one cell; `parse` runs once per distinct value (up to CACHE_LIMIT). */
  private cached(field: string, v: string, parse: (v: string) => unknown): unknown {
    const cache = this.cache[field];
    if (!cache) return parse(v);
    let r = cache.get(v);
    if (r === undefined) {
      r = parse(v);
      if (cache.size < CACHE_LIMIT) cache.set(v, r);
    }
    return r;
  }

  private readonly parseDateCell = (field: string) => (v: string): IsoDate | CellError => {
    let format = this.dateFormat[field];
    if (!format) {
      // No single format for the column (mixed shapes): read the value on its own when that is unambiguous.
      const det = detectDateFormat([v]);
      format = det && !det.ambiguous ? det.format : null;
    }
    if (!format) return { error: 'io.reason.badDate', params: { format: '', expected: 'YYYY-MM-DD' } };
    const r = parseDate(v, format);
    return r.ok ? r.value! : { error: r.error, params: r.params };
  };
  private readonly dateParsers: Record<string, (v: string) => IsoDate | CellError> = {};

  /** undefined = the cell is bad (an issue was recorded). */
  date(row: readonly string[], field: string, rowNo: number, issues: Issues): IsoDate | null | undefined {
    const v = this.raw(row, field);
    if (v === '') return null;
    const parse = (this.dateParsers[field] ??= this.parseDateCell(field));
    const r = this.cached(field, v, parse) as IsoDate | CellError;
    if (!isCellError(r)) return r;
    this.issue(issues, rowNo, field, row, r.error, r.params);
    return undefined;
  }

  amount(row: readonly string[], field: string, currency: string, rowNo: number, issues: Issues): ParsedAmount | undefined {
    const v = this.raw(row, field);
    const decimal = this.decimal[field] ?? 'dot';
    // Happy path without a result object: a plain number, or a number with an ISO code.
    const fast = amountFast(v, currency, decimal);
    if (fast !== null) return fast;
    const r = parseAmount(v, currency, decimal);
    if (!r.ok) {
      this.issue(issues, rowNo, field, row, r.error, r.params);
      return undefined;
    }
    if (r.value.minor !== null && r.value.minor < 0) {
      this.issue(issues, rowNo, field, row, 'io.reject.negativeAmount');
      return undefined;
    }
    return r.value;
  }

  number(row: readonly string[], field: string, rowNo: number, issues: Issues): number | null | undefined {
    const r = parseNumber(this.raw(row, field), this.decimal[field] ?? 'dot');
    if (r.ok) return r.value;
    this.issue(issues, rowNo, field, row, r.error);
    return undefined;
  }

  private readonly parseProbabilityCell = (field: string) => (v: string): number | null | CellError => {
    const r = parseProbability(v, this.scale[field] ?? 'percent');
    return r.ok ? r.value : { error: r.error };
  };
  private probabilityParser: ((v: string) => number | null | CellError) | null = null;

  probability(row: readonly string[], field: string, rowNo: number, issues: Issues): number | null | undefined {
    const v = this.raw(row, field);
    if (v === '') return null;
    const parse = (this.probabilityParser ??= this.parseProbabilityCell(field));
    const r = this.cached(field, v, parse) as number | null | CellError;
    if (!isCellError(r)) return r;
    this.issue(issues, rowNo, field, row, r.error);
    return undefined;
  }
}

/** detectDecimalSeparator over a column without copying it: the first decisive value settles it. */
function columnDecimal(rows: readonly (readonly string[])[], idx: number): DecimalSeparator {
  for (let i = 0; i < rows.length; i++) {
    const d = decimalSeparatorOf(rows[i]![idx] ?? '');
    if (d) return d;
  }
  return 'dot';
}

/** detectProbabilityScale over a column without copying it. */
function columnScale(rows: readonly (readonly string[])[], idx: number): ProbabilityScale {
  for (let i = 0; i < rows.length; i++) if (isPercentValue(rows[i]![idx] ?? '')) return 'percent';
  return 'fraction';
}

// ---------------------------------------------------------------- shared helpers

/** The in-file key of a row without a record id: its own row, so it is a record of its own. */
const rowKey = (rowNo: number) => `row:${rowNo}`;

function provenance(site: ImportSite, externalId: string | null, now: number): Provenance {
  return { site, url: null, externalId, capturedAt: now };
}

/** Maps zod's record keys back to the import field (and so the CSV column) at fault. */
const KEY_TO_FIELD: Record<string, string> = {
  name: 'name',
  accountId: 'account',
  amountMinor: 'amount',
  currency: 'currency',
  stage: 'stage',
  status: 'status',
  probability: 'probability',
  forecastCategory: 'forecast_category',
  type: 'type',
  typeLabel: 'type',
  createdOn: 'created',
  closeOn: 'close',
  lossReason: 'loss_reason',
  nextStep: 'next_step',
  nextStepDue: 'next_step_due',
  territory: 'territory',
  ownerName: 'owner',
  lineItems: 'product',
  domains: 'domain',
  industry: 'industry',
  isTarget: 'is_target',
  customerSince: 'customer_since',
  churnedOn: 'churned',
  potentialMinor: 'potential',
  potentialCurrency: 'currency',
  emails: 'email',
  email: 'email',
  phone: 'phone',
  title: 'title',
  buyingRole: 'role',
  company: 'company',
  source: 'source',
  qualifiedOn: 'qualified',
  disqualifiedOn: 'disqualified',
  convertedOn: 'converted',
  kind: 'kind',
  at: 'at',
  durationMin: 'duration',
  outcome: 'outcome',
  subject: 'subject',
  notes: 'notes',
};

/**
 * The domain schemas, with one change for speed: calendar dates are checked by shape only,
 * because every date reaching them came out of parseDate, which already rejects 2026-02-30.
 * isoDateSchema's refine (split + Date per value) was a third of the validation time on
 * 100k deals. Every other rule (lengths, enums, integer money, fractions) is the domain's own.
 */
const dateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const dateOrNull = dateShape.nullable().default(null);
const ENTITY_SCHEMA = {
  deals: dealSchema.extend({ createdOn: dateOrNull, closeOn: dateOrNull, nextStepDue: dateOrNull }),
  accounts: accountSchema.extend({ customerSince: dateOrNull, churnedOn: dateOrNull }),
  contacts: contactSchema,
  activities: activitySchema,
  leads: leadSchema.extend({ createdOn: dateShape, qualifiedOn: dateOrNull, disqualifiedOn: dateOrNull, convertedOn: dateOrNull }),
} as const;

/** One record per dedupe key; later rows win, line items accumulate. */
interface Pending<T> {
  key: string;
  externalId: string | null;
  draft: T;
  rows: number[];
  /** The field (and raw row) whose column names a schema error; the last row's. */
  lastRow: readonly string[];
}

function newIdFactory(opts: ImportOptions): (e: ImportEntity) => string {
  if (opts.newId) return opts.newId;
  const stamp = opts.now.toString(36);
  let seq = 0;
  return (e) => `${e.slice(0, 3)}_${stamp}_${(seq++).toString(36)}`;
}

// ---------------------------------------------------------------- entry point

/**
 * Builds the import plan. Rows the CSV parser could not read arrive as rejects too, so
 * the preview lists every row that will not be imported, each with row, column and value.
 */
export function buildImport<E extends ImportEntity>(
  parsed: ParsedCsv,
  mapping: ColumnMapping,
  opts: ImportOptions & { entity: E },
): ImportPlan<E> {
  const plan: ImportPlan<E> = {
    entity: opts.entity,
    creates: [],
    updates: [],
    updateKeys: [],
    rejects: parsed.errors.map((e) => ({ row: e.row, column: '', value: '', message: e.message, params: e.params })),
    warnings: [],
    accountsToCreate: [],
    unknownStages: [],
    missingFields: [],
    needsDateFormat: [],
    totalRows: parsed.rows.length,
    naturalMatches: { count: 0, byRule: {} },
  };
  const cols = new Columns(parsed.headers, parsed.rows, mapping, opts.entity, opts);

  for (const d of IMPORT_FIELDS[opts.entity]) {
    if (d.required && !cols.has(d.field)) plan.missingFields.push(d.field);
  }
  if (opts.entity === 'deals' && !cols.has('stage') && !cols.has('status')) plan.missingFields.push('stage');
  if (opts.entity === 'contacts' && !cols.has('name') && !cols.has('first_name') && !cols.has('last_name')) {
    plan.missingFields.push('name');
  }

  const detected = detectMappedDateFormats(parsed.headers, parsed.rows, mapping, opts.entity);
  for (const [field, det] of Object.entries(detected)) {
    const chosen = opts.dateFormats?.[field];
    if (chosen) cols.dateFormat[field] = chosen;
    else if (det && det.ambiguous) {
      plan.needsDateFormat.push({ field, column: cols.column(field), candidates: det.candidates });
    } else cols.dateFormat[field] = det ? det.format : null;
  }
  if (plan.missingFields.length > 0 || plan.needsDateFormat.length > 0) return plan;

  const ctx: BuildContext = {
    cols,
    opts,
    plan: plan as unknown as ImportPlan,
    newId: newIdFactory(opts),
    newAccounts: new Map(),
    accountIds: new Map(),
    words: new Map(),
    today: localDateOf(opts.now, opts.timeZone),
  };
  const pending = new Map<string, Pending<Record<string, unknown>>>();
  const builder = BUILDERS[opts.entity];
  for (let i = 0; i < parsed.rows.length; i++) {
    builder(ctx, parsed.rows[i]!, parsed.rowNumbers[i] ?? i + 2, pending);
  }
  finish(ctx, pending);
  return plan;
}

interface BuildContext {
  cols: Columns;
  opts: ImportOptions;
  plan: ImportPlan;
  newId: (e: ImportEntity) => string;
  newAccounts: Map<string, Account>;
  accountIds: Map<string, string>;
  /** wordKey per raw cell: stage, type and status columns hold a handful of distinct words. */
  words: Map<string, string>;
  today: IsoDate;
  /** The last deal row's identity and key: consecutive product rows without ids join it. */
  lastDeal?: { group: string; key: string };
}

function wordOf(ctx: BuildContext, raw: string): string {
  let k = ctx.words.get(raw);
  if (k === undefined) {
    k = wordKey(raw);
    if (ctx.words.size < CACHE_LIMIT) ctx.words.set(raw, k);
  }
  return k;
}

type Builder = (
  ctx: BuildContext,
  row: readonly string[],
  rowNo: number,
  pending: Map<string, Pending<Record<string, unknown>>>,
) => void;

/** Records a row's draft under its key; a repeated key replaces the earlier row, with a warning. */
function put(
  ctx: BuildContext,
  pending: Map<string, Pending<Record<string, unknown>>>,
  key: string,
  externalId: string | null,
  draft: Record<string, unknown>,
  row: readonly string[],
  rowNo: number,
  mergeLineItems = false,
) {
  const prev = pending.get(key);
  if (prev) {
    if (mergeLineItems) {
      draft.lineItems = [...(prev.draft.lineItems as LineItem[]), ...(draft.lineItems as LineItem[])];
    } else {
      ctx.plan.warnings.push({
        row: rowNo,
        column: '',
        value: '',
        message: 'io.warn.duplicateRow',
        params: { firstRow: prev.rows[0]! },
      });
    }
    prev.draft = draft;
    prev.rows.push(rowNo);
    prev.lastRow = row;
    prev.externalId = externalId;
  } else {
    pending.set(key, { key, externalId, draft, rows: [rowNo], lastRow: row });
  }
}

/** Validates each pending record, assigns ids, and sorts it into creates or updates. */
function finish(ctx: BuildContext, pending: Map<string, Pending<Record<string, unknown>>>) {
  const { opts, plan, cols } = ctx;
  const schema = ENTITY_SCHEMA[opts.entity] as unknown as z.ZodType<Record<string, unknown>>;
  const byName = opts.entity === 'accounts' ? opts.existing.accountsByName : null;
  const seenIds = new Set<string>();
  // Stored records per natural key, taken in order: the n-th row of a key matches the n-th record.
  const natural = new Map<string, number>();
  const takeNatural = (draft: Record<string, unknown>): { ref: ExistingRef; rule: MatchRule } | null => {
    const nk = naturalKeyOf(opts.entity, draft);
    if (!nk) return null;
    const refs = opts.existing.byNaturalKey?.get(nk.key);
    if (!refs) return null;
    let i = natural.get(nk.key) ?? 0;
    while (i < refs.length && seenIds.has(refs[i]!.id)) i++;
    natural.set(nk.key, i + 1);
    return i < refs.length ? { ref: refs[i]!, rule: nk.rule } : null;
  };
  // Deals that pass the plain-code check are stored as built; everything else is zod's to judge.
  const fastValid = opts.entity === 'deals' ? dealDraftValid : null;
  for (const p of pending.values()) {
    let existing = p.externalId !== null ? opts.existing.bySourceKey.get(p.key) : undefined;
    let matchedBy: PlannedRecord<unknown>['matchedBy'] = existing ? 'id' : undefined;
    if (!existing && p.externalId !== null && byName) {
      // An account first created by name (from a deal) is the same account when it arrives with an id.
      const id = byName.get(nameKey(String(p.draft.name)));
      if (id && !seenIds.has(id)) {
        existing = { id, createdAt: opts.now };
        matchedBy = 'name';
      }
    }
    if (!existing && p.externalId === null) {
      const m = takeNatural(p.draft);
      if (m) {
        plan.naturalMatches.count++;
        plan.naturalMatches.byRule[m.rule] = (plan.naturalMatches.byRule[m.rule] ?? 0) + 1;
        if (opts.naturalMatches !== 'new') {
          existing = m.ref;
          matchedBy = m.rule;
        }
      }
    }
    if (existing && seenIds.has(existing.id)) {
      existing = undefined;
      matchedBy = undefined;
    }
    const id = existing ? existing.id : ctx.newId(opts.entity);
    // The draft is ours alone: completing it in place spares 100k object copies.
    const candidate = p.draft;
    candidate.id = id;
    candidate.createdAt = existing ? existing.createdAt : opts.now;
    candidate.updatedAt = opts.now;
    if (fastValid) {
      candidate.primaryContactId = null;
      if (fastValid(candidate)) {
        seenIds.add(id);
        (existing ? plan.updates : plan.creates).push({ record: candidate as never, sourceKey: p.key, rows: p.rows, ...(matchedBy ? { matchedBy } : {}) });
        continue;
      }
    }
    const r = schema.safeParse(candidate);
    if (!r.success) {
      const rowNo = p.rows[p.rows.length - 1]!;
      for (const issue of r.error.issues.slice(0, 3)) {
        const field = KEY_TO_FIELD[String(issue.path[0] ?? '')] ?? '';
        // Worded for the AE ("Longer than 300 characters."), the value quoted short.
        const reason = reasonOfIssue(issue, field);
        plan.rejects.push({
          row: rowNo,
          column: field ? cols.column(field) : '',
          value: field ? quoteCell(cols.raw(p.lastRow, field)) : '',
          message: reason.key,
          params: reason.params,
        });
      }
      continue;
    }
    seenIds.add(id);
    const planned = { record: r.data as never, sourceKey: p.key, rows: p.rows, ...(existing && matchedBy ? { matchedBy } : {}) };
    (existing ? plan.updates : plan.creates).push(planned);
  }
  plan.accountsToCreate = [...ctx.newAccounts.values()];
  plan.rejects.sort((a, b) => a.row - b.row);
  plan.updateKeys = updateKeys(opts.entity, cols);
}

function updateKeys(entity: ImportEntity, cols: Columns): string[] {
  const keys = ['updatedAt', 'provenance'];
  const add = (field: string, ...recordKeys: string[]) => {
    if (cols.has(field)) keys.push(...recordKeys);
  };
  if (entity !== 'activities') keys.push('sourceKey');
  switch (entity) {
    case 'deals':
      keys.push('name', 'stage', 'status', 'probability', 'forecastCategory', 'currency');
      add('account', 'accountId');
      add('amount', 'amountMinor');
      add('created', 'createdOn');
      if (cols.has('close') || cols.has('won_time') || cols.has('lost_time')) keys.push('closeOn');
      add('owner', 'ownerName');
      add('type', 'type');
      add('territory', 'territory');
      add('next_step', 'nextStep');
      add('next_step_due', 'nextStepDue');
      add('loss_reason', 'lossReason');
      add('product', 'lineItems');
      if (!cols.has('amount')) add('product', 'amountMinor');
      break;
    case 'accounts':
      keys.push('name');
      add('domain', 'domains');
      add('industry', 'industry');
      add('territory', 'territory');
      add('is_target', 'isTarget');
      add('potential', 'potentialMinor', 'potentialCurrency');
      add('customer_since', 'customerSince');
      add('churned', 'churnedOn');
      break;
    case 'contacts':
      keys.push('name');
      add('email', 'emails');
      add('phone', 'phone');
      add('title', 'title');
      add('account', 'accountId');
      add('role', 'buyingRole');
      break;
    case 'leads':
      keys.push('name', 'createdOn');
      add('company', 'company');
      add('email', 'email');
      add('source', 'source');
      add('qualified', 'qualifiedOn');
      add('disqualified', 'disqualifiedOn');
      add('converted', 'convertedOn');
      add('converted_deal', 'convertedDealId');
      break;
    case 'activities':
      keys.push('kind', 'at');
      add('duration', 'durationMin');
      add('outcome', 'outcome');
      add('subject', 'subject');
      add('notes', 'notes');
      add('deal', 'dealId');
      add('account', 'accountId');
      add('contact', 'contactId');
      break;
  }
  return keys;
}

/** Account id for a name (or a CRM account id): an existing account, else one new account per distinct name. */
function resolveAccount(ctx: BuildContext, value: string | null): string | null {
  if (!value) return null;
  // Exports repeat a few thousand account names over 100k rows: resolve each spelling once.
  const cached = ctx.accountIds.get(value);
  if (cached !== undefined) return cached;
  const id = resolveAccountUncached(ctx, value);
  ctx.accountIds.set(value, id);
  return id;
}

function resolveAccountUncached(ctx: BuildContext, value: string): string {
  const { opts } = ctx;
  const bySource = opts.existing.accountsBySourceKey?.get(`${opts.site}:${value}`);
  if (bySource) return bySource;
  const key = nameKey(value);
  const existing = opts.existing.accountsByName.get(key);
  if (existing) return existing;
  let acc = ctx.newAccounts.get(key);
  if (!acc) {
    // A Salesforce account id (001…, 15 or 18 characters) keeps its key so a later accounts import names it.
    const isSfId = opts.site === 'salesforce' && /^001[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(value);
    acc = accountSchema.parse({
      id: ctx.newId('accounts'),
      createdAt: opts.now,
      updatedAt: opts.now,
      name: value.slice(0, 300),
      provenance: provenance(opts.site, isSfId ? value : null, opts.now),
      sourceKey: isSfId ? `${opts.site}:${value}` : null,
    });
    ctx.newAccounts.set(key, acc);
  }
  return acc.id;
}

function warn(ctx: BuildContext, rowNo: number, field: string, row: readonly string[], message: string, params: Record<string, string | number> = {}) {
  ctx.cols.issue(ctx.plan.warnings, rowNo, field, row, message, params);
}

// ---------------------------------------------------------------- deals





const buildDeal: Builder = (ctx, row, rowNo, pending) => {
  const { cols, opts } = ctx;
  const issues: Issues = [];
  const name = cols.text(row, 'name');
  if (!name) cols.issue(issues, rowNo, 'name', row, 'io.reject.required', { field: 'name' });

  // Status: an explicit status column (Pipedrive) wins over what the stage implies.
  let status: DealStatus | null = null;
  const statusRaw = cols.raw(row, 'status');
  if (statusRaw) {
    const s = STATUS_WORDS[wordOf(ctx, statusRaw)];
    if (s === 'deleted') cols.issue(issues, rowNo, 'status', row, 'io.reject.deletedInCrm');
    else if (!s) cols.issue(issues, rowNo, 'status', row, 'io.reject.badStatus');
    else status = s;
  }

  const stages = stageIndexOf(opts.stageRules);
  const stageRaw = cols.raw(row, 'stage');
  const rule = stageRaw ? stages.get(wordOf(ctx, stageRaw)) : undefined;
  if (!stageRaw && !statusRaw) cols.issue(issues, rowNo, 'stage', row, 'io.reject.required', { field: 'stage' });
  if (stageRaw && !rule) {
    // Unknown stage: still importable, and reported so the AE can add a rule.
    const plan = ctx.plan;
    const entry = plan.unknownStages.find((u) => u.stage === stageRaw);
    if (entry) entry.count++;
    else plan.unknownStages.push({ stage: stageRaw, count: 1 });
  }
  const fileProbability = cols.probability(row, 'probability', rowNo, issues);
  const forecastRaw = cols.raw(row, 'forecast_category');
  const derived = dealStateOf(status, rule, fileProbability ?? null, forecastRaw ? FORECAST_WORDS[wordOf(ctx, forecastRaw)] : undefined);
  status = derived.status;
  const probability = derived.probability;
  const forecast = derived.forecastCategory;

  // Currency: the currency column, else a symbol or code in the amount, else the default.
  let currency = opts.defaultCurrency;
  const currencyRaw = cols.raw(row, 'currency');
  if (currencyRaw) {
    if (/^[A-Za-z]{3}$/.test(currencyRaw)) currency = currencyRaw.toUpperCase();
    else cols.issue(issues, rowNo, 'currency', row, 'io.reject.badCurrency');
  }
  const amount = cols.amount(row, 'amount', currency, rowNo, issues);
  if (amount && !currencyRaw && amount.minor !== null) currency = amount.currency;

  const created = cols.date(row, 'created', rowNo, issues);
  let close = cols.date(row, 'close', rowNo, issues);
  const wonTime = cols.date(row, 'won_time', rowNo, issues);
  const lostTime = cols.date(row, 'lost_time', rowNo, issues);
  if (status === 'won' && wonTime) close = wonTime;
  if (status === 'lost' && lostTime) close = lostTime;
  if (status !== 'open' && close === null && issues.length === 0) {
    const field = cols.has('close') ? 'close' : status === 'won' ? 'won_time' : 'lost_time';
    cols.issue(issues, rowNo, field, row, 'io.reject.closedWithoutDate', { status });
  }
  const nextStepDue = cols.date(row, 'next_step_due', rowNo, issues);

  let type: DealType = 'new_business';
  const typeLabel = cols.text(row, 'type');
  if (typeLabel) {
    const t = TYPE_WORDS[wordOf(ctx, typeLabel)];
    if (t) type = t;
    else warn(ctx, rowNo, 'type', row, 'io.warn.unknownType');
  }

  // One product per row; rows of the same deal add line items (Salesforce "Opportunities with Products").
  const lineItems: LineItem[] = [];
  const product = cols.text(row, 'product');
  if (product) {
    const qty = cols.number(row, 'quantity', rowNo, issues);
    const unit = cols.amount(row, 'unit_price', currency, rowNo, issues);
    if (qty !== undefined && unit !== undefined) {
      lineItems.push({ productId: null, productName: product, quantity: qty ?? 1, unitPriceMinor: unit.minor ?? 0 });
    }
  }

  if (issues.length > 0) {
    ctx.plan.rejects.push(...issues);
    return;
  }

  const externalId = cols.text(row, 'external_id');
  const accountRaw = cols.text(row, 'account');
  // Without ids, only consecutive product rows of the same deal are one record.
  const group = `${nameKey(name ?? '')}\u001f${nameKey(accountRaw ?? '')}\u001f${cols.raw(row, 'created')}`;
  const continues = !externalId && lineItems.length > 0 && ctx.lastDeal?.group === group;
  const key = externalId ? `${opts.site}:${externalId}` : continues ? ctx.lastDeal!.key : rowKey(rowNo);
  ctx.lastDeal = { group, key };
  const draft: Record<string, unknown> = {
    name,
    accountId: resolveAccount(ctx, accountRaw),
    amountMinor: amount?.minor ?? null,
    currency,
    stage: stripInvisible(stageRaw) || (status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : 'Open'),
    status,
    probability,
    forecastCategory: forecast,
    type,
    typeLabel,
    // Unknown stays unknown: the KPIs that need a created date skip the deal and say so.
    createdOn: created,
    closeOn: close,
    lossReason: status === 'lost' ? cols.text(row, 'loss_reason') : null,
    nextStep: cols.text(row, 'next_step'),
    nextStepDue,
    territory: cols.text(row, 'territory'),
    ownerName: cols.text(row, 'owner'),
    lineItems,
    provenance: provenance(opts.site, externalId, opts.now),
    sourceKey: externalId ? key : null,
    // Derived from activities by the database write (lib/db/import.ts); a new deal has none yet.
    lastTouchAt: null,
    lastMeetingAt: null,
  };
  if (!created) warn(ctx, rowNo, 'created', row, 'io.warn.createdMissing');
  else if (close && close < created) warn(ctx, rowNo, 'close', row, 'io.warn.closeBeforeCreated', { created });
  put(ctx, pending, key, externalId, draft, row, rowNo, lineItems.length > 0 && pending.has(key));
  const merged = pending.get(key)!.draft;
  if (merged.amountMinor === null && (merged.lineItems as LineItem[]).length > 0) {
    // No amount column value: the deal is worth the sum of its line items.
    merged.amountMinor = (merged.lineItems as LineItem[]).reduce((s, li) => s + Math.round(li.quantity * li.unitPriceMinor), 0);
  }
};

// ---------------------------------------------------------------- accounts

function domainsOf(value: string): string[] {
  return value
    .split(/[;,\s]+/)
    .map((d) =>
      d
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/^www\./, '')
        .replace(/[/?#].*$/, ''),
    )
    .filter((d) => d.includes('.'));
}

const buildAccount: Builder = (ctx, row, rowNo, pending) => {
  const { cols, opts } = ctx;
  const issues: Issues = [];
  const name = cols.text(row, 'name');
  if (!name) cols.issue(issues, rowNo, 'name', row, 'io.reject.required', { field: 'name' });
  let currency = opts.defaultCurrency;
  const currencyRaw = cols.raw(row, 'currency');
  if (currencyRaw) {
    if (/^[A-Za-z]{3}$/.test(currencyRaw)) currency = currencyRaw.toUpperCase();
    else cols.issue(issues, rowNo, 'currency', row, 'io.reject.badCurrency');
  }
  const potential = cols.amount(row, 'potential', currency, rowNo, issues);
  const customerSince = cols.date(row, 'customer_since', rowNo, issues);
  const churned = cols.date(row, 'churned', rowNo, issues);
  let isTarget = false;
  if (cols.has('is_target')) {
    const b = parseBool(cols.raw(row, 'is_target'));
    if (b.ok) isTarget = b.value;
    else cols.issue(issues, rowNo, 'is_target', row, b.error);
  }
  if (issues.length > 0) {
    ctx.plan.rejects.push(...issues);
    return;
  }
  const externalId = cols.text(row, 'external_id');
  const key = externalId ? `${opts.site}:${externalId}` : rowKey(rowNo);
  put(
    ctx,
    pending,
    key,
    externalId,
    {
      name,
      domains: domainsOf(cols.raw(row, 'domain')),
      industry: cols.text(row, 'industry'),
      territory: cols.text(row, 'territory'),
      isTarget,
      customerSince,
      churnedOn: churned,
      potentialMinor: potential?.minor ?? null,
      potentialCurrency: potential?.minor != null ? (currencyRaw ? currency : potential.currency) : null,
      provenance: provenance(opts.site, externalId, opts.now),
      sourceKey: externalId ? key : null,
    },
    row,
    rowNo,
  );
};

// ---------------------------------------------------------------- contacts

const ROLE_WORDS: Record<string, BuyingRole> = {
  decisionmaker: 'decision_maker',
  economicbuyer: 'decision_maker',
  champion: 'champion',
  influencer: 'influencer',
  user: 'user',
  enduser: 'user',
  blocker: 'blocker',
};

const buildContact: Builder = (ctx, row, rowNo, pending) => {
  const { cols, opts } = ctx;
  const issues: Issues = [];
  const full = cols.text(row, 'name') ?? ([cols.text(row, 'first_name'), cols.text(row, 'last_name')].filter(Boolean).join(' ') || null);
  if (!full) cols.issue(issues, rowNo, cols.has('name') ? 'name' : 'first_name', row, 'io.reject.required', { field: 'name' });
  const emails = cols
    .raw(row, 'email')
    .split(/[;,\s]+/)
    .filter((e) => e !== '');
  if (emails.some((e) => !isEmail(e))) cols.issue(issues, rowNo, 'email', row, 'io.reject.badEmail');
  if (issues.length > 0) {
    ctx.plan.rejects.push(...issues);
    return;
  }
  let role: BuyingRole | null = null;
  const roleRaw = cols.raw(row, 'role');
  if (roleRaw) {
    role = ROLE_WORDS[wordOf(ctx, roleRaw)] ?? null;
    if (!role) warn(ctx, rowNo, 'role', row, 'io.warn.unknownRole');
  }
  const externalId = cols.text(row, 'external_id');
  const accountRaw = cols.text(row, 'account');
  const key = externalId ? `${opts.site}:${externalId}` : rowKey(rowNo);
  put(
    ctx,
    pending,
    key,
    externalId,
    {
      name: full,
      emails: emails.map(emailKey),
      phone: cols.text(row, 'phone'),
      title: cols.text(row, 'title'),
      accountId: resolveAccount(ctx, accountRaw),
      buyingRole: role,
      provenance: provenance(opts.site, externalId, opts.now),
      sourceKey: externalId ? key : null,
    },
    row,
    rowNo,
  );
};

// ---------------------------------------------------------------- leads

const buildLead: Builder = (ctx, row, rowNo, pending) => {
  const { cols, opts } = ctx;
  const issues: Issues = [];
  const name = cols.text(row, 'name');
  if (!name) cols.issue(issues, rowNo, 'name', row, 'io.reject.required', { field: 'name' });
  const email = cols.text(row, 'email');
  if (email && !isEmail(email)) cols.issue(issues, rowNo, 'email', row, 'io.reject.badEmail');
  const created = cols.date(row, 'created', rowNo, issues);
  if (created === null) cols.issue(issues, rowNo, 'created', row, 'io.reject.required', { field: 'created' });
  const qualified = cols.date(row, 'qualified', rowNo, issues);
  const disqualified = cols.date(row, 'disqualified', rowNo, issues);
  const converted = cols.date(row, 'converted', rowNo, issues);
  if (issues.length > 0) {
    ctx.plan.rejects.push(...issues);
    return;
  }
  const dealRef = cols.text(row, 'converted_deal');
  const dealId = dealRef ? (opts.existing.dealsBySourceKey?.get(`${opts.site}:${dealRef}`) ?? null) : null;
  if (dealRef && !dealId) warn(ctx, rowNo, 'converted_deal', row, 'io.warn.unresolvedDeal');
  const externalId = cols.text(row, 'external_id');
  const company = cols.text(row, 'company');
  const key = externalId ? `${opts.site}:${externalId}` : rowKey(rowNo);
  put(
    ctx,
    pending,
    key,
    externalId,
    {
      name,
      company,
      email: email?.toLowerCase() ?? null,
      source: cols.text(row, 'source') ?? 'unknown',
      createdOn: created,
      qualifiedOn: qualified,
      disqualifiedOn: disqualified,
      convertedOn: converted,
      convertedDealId: dealId,
      provenance: provenance(opts.site, externalId, opts.now),
      sourceKey: externalId ? key : null,
    },
    row,
    rowNo,
  );
};

// ---------------------------------------------------------------- activities

const KIND_WORDS: Record<string, ActivityKind> = {
  call: 'call',
  phone: 'call',
  phonecall: 'call',
  โทร: 'call',
  email: 'email',
  อีเมล: 'email',
  meeting: 'meeting',
  event: 'meeting',
  demo: 'meeting',
  lunch: 'meeting',
  ประชุม: 'meeting',
  note: 'note',
  บันทึก: 'note',
  task: 'task',
  todo: 'task',
  deadline: 'task',
  งาน: 'task',
};

/**
 * Keys are wordKey forms, so the schema's values (no_show, left_voicemail), labels ("No show",
 * "Left voicemail", "No-show", "Follow up") and the Thai labels the app itself shows all match.
 */
const OUTCOME_WORDS: Record<string, ActivityOutcome> = {
  connected: 'connected',
  reached: 'connected',
  ติดต่อได้: 'connected',
  leftvoicemail: 'left_voicemail',
  voicemail: 'left_voicemail',
  leftmessage: 'left_voicemail',
  ฝากข้อความ: 'left_voicemail',
  ฝากข้อความเสียง: 'left_voicemail',
  noanswer: 'no_answer',
  ไม่รับสาย: 'no_answer',
  ไม่มีผู้รับสาย: 'no_answer',
  held: 'held',
  ประชุมแล้ว: 'held',
  completed: 'done',
  done: 'done',
  เสร็จ: 'done',
  เสร็จแล้ว: 'done',
  noshow: 'no_show',
  ไม่มา: 'no_show',
  ไม่มาตามนัด: 'no_show',
  sent: 'sent',
  ส่งแล้ว: 'sent',
  replied: 'replied',
  ตอบกลับแล้ว: 'replied',
  followup: 'follow_up',
  needsfollowup: 'follow_up',
  ติดตาม: 'follow_up',
  ต้องติดตาม: 'follow_up',
  ต้องติดตามต่อ: 'follow_up',
};

const buildActivity: Builder = (ctx, row, rowNo, pending) => {
  const { cols, opts } = ctx;
  const issues: Issues = [];
  const kindRaw = cols.raw(row, 'kind');
  const kind = KIND_WORDS[wordOf(ctx, kindRaw)];
  if (!kindRaw) cols.issue(issues, rowNo, 'kind', row, 'io.reject.required', { field: 'kind' });
  else if (!kind) cols.issue(issues, rowNo, 'kind', row, 'io.reject.badKind');
  const day = cols.date(row, 'at', rowNo, issues);
  if (day === null) cols.issue(issues, rowNo, 'at', row, 'io.reject.required', { field: 'at' });
  const duration = cols.number(row, 'duration', rowNo, issues);
  if (issues.length > 0 || !day || !kind) {
    ctx.plan.rejects.push(...issues);
    return;
  }
  const minutes = parseTimeOfDay(cols.raw(row, 'at')) ?? 0;
  const at = atLocal(day, minutes, opts.timeZone);

  const outcomeRaw = cols.raw(row, 'outcome');
  const outcome = outcomeRaw ? (OUTCOME_WORDS[wordOf(ctx, outcomeRaw)] ?? null) : null;
  if (outcomeRaw && !outcome) warn(ctx, rowNo, 'outcome', row, 'io.warn.unknownOutcome');
  const ex = opts.existing;
  const dealRaw = cols.text(row, 'deal');
  const dealId = dealRaw ? (ex.dealsBySourceKey?.get(`${opts.site}:${dealRaw}`) ?? ex.dealsByName?.get(nameKey(dealRaw)) ?? null) : null;
  if (dealRaw && !dealId) warn(ctx, rowNo, 'deal', row, 'io.warn.unresolvedDeal');
  const accountRaw = cols.text(row, 'account');
  const accountId = accountRaw
    ? (ex.accountsBySourceKey?.get(`${opts.site}:${accountRaw}`) ?? ex.accountsByName.get(nameKey(accountRaw)) ?? null)
    : null;
  if (accountRaw && !accountId) warn(ctx, rowNo, 'account', row, 'io.warn.unresolvedAccount');
  const contactRaw = cols.text(row, 'contact');
  const contactId = contactRaw
    ? (ex.contactsByEmail?.get(emailKey(contactRaw)) ?? ex.contactsByName?.get(nameKey(contactRaw)) ?? null)
    : null;
  if (contactRaw && !contactId) warn(ctx, rowNo, 'contact', row, 'io.warn.unresolvedContact');

  const externalId = cols.text(row, 'external_id');
  const subject = cols.block(row, 'subject');
  const key = externalId ? `${opts.site}:${externalId}` : rowKey(rowNo);
  put(
    ctx,
    pending,
    key,
    externalId,
    {
      kind,
      at,
      durationMin: duration === null || duration === undefined ? null : Math.round(duration),
      outcome,
      subject,
      notes: cols.block(row, 'notes'),
      dealId,
      accountId,
      contactId,
      completedAt: kind === 'task' && outcome === 'done' ? at : null,
      // Activities have no sourceKey field: the CRM id lives in provenance.
      provenance: provenance(opts.site, externalId, opts.now),
    },
    row,
    rowNo,
  );
};

/** The instant of a local day and minute, in the given zone (or the runtime's). */
function atLocal(day: IsoDate, minutes: number, timeZone?: string): number {
  if (!timeZone) return startOfLocalDay(day) + minutes * 60_000;
  // Find the zone's offset at that wall time by formatting a first guess.
  const guess = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + minutes * 60_000;
  return guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
}

const BUILDERS: Record<ImportEntity, Builder> = {
  deals: buildDeal,
  accounts: buildAccount,
  contacts: buildContact,
  activities: buildActivity,
  leads: buildLead,
};
