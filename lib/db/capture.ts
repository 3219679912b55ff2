import type { CapturedPerson, PageCapture, RecordCapture, RecordFields } from '../capture/schema';
import { dealChanges, TRACKED_DEAL_FIELDS, type ChangeSource, type DealChange } from '../domain/history';
import type { Provenance } from '../domain/primitives';
import { accountSchema, contactSchema, dealSchema, leadSchema, type Account, type BuyingRole, type Contact, type Deal, type Lead } from '../domain/records';
import { emailKey, nameKey } from '../domain/text';
import { dealStateOf, dealTypeOf, stageIndexOf, STATUS_WORDS } from '../io/import/stages';
import { wordKey } from '../domain/primitives';
import { defaultSettings, type Settings } from '../settings/schema';
import type { CockpitDB } from './database';
import { InvalidWriteError, validateFor, type WriteProblem } from './errors';
import { newId } from './ids';

/**
 * A CRM page capture into the book: which stored deal, account and contacts it is, what saving it
 * would change, and the save itself (one transaction).
 *
 * Matching, in order: the CRM id (`sourceKey` = site:externalId; a Salesforce 18-character id also
 * finds the 15-character form an export wrote), a contact's email, the account's domain, then the
 * exact name (nameKey).
 *
 * The AE's edits win until they say otherwise: each record keeps in `provenance.captured` the
 * values the last capture read. A field whose stored value differs from that (the AE edited it)
 * is not overwritten when the page shows a new value: it is a conflict ("CRM says X, you have Y"),
 * settled by `decisions` ('crm' | 'mine'), and kept as stored while unsettled. A field the page
 * does not show stays as stored (or null on create): nothing is invented.
 */

export type CaptureDecision = 'crm' | 'mine';
export type CaptureDecisions = Readonly<Record<string, CaptureDecision>>;
export type CaptureMatch = 'externalId' | 'email' | 'domain' | 'name' | 'link';
export type CaptureTable = 'deals' | 'accounts' | 'contacts' | 'leads';
type Scalar = string | number | null;
type Rec = Record<string, unknown> & { id: string };

export interface FieldConflict {
  /** What `decisions` is keyed by: table:id:field. */
  key: string;
  table: CaptureTable;
  recordId: string;
  recordName: string;
  field: string;
  crm: Scalar;
  mine: Scalar;
  decision: CaptureDecision | null;
}

export interface PlannedWrite<T> {
  table: CaptureTable;
  action: 'create' | 'update' | 'unchanged';
  /** How the stored record was found (null: new). */
  matchedBy: CaptureMatch | null;
  before: T | null;
  /** The record to store (validated by the save). */
  after: Rec;
  /** Fields this save changes on a stored record (or sets, on a new one). */
  changed: string[];
}

export interface CapturePlan {
  /** Mail threads are shown, not saved, in this version. */
  supported: boolean;
  deal: PlannedWrite<Deal> | null;
  /** A lead page: the lead alone (its company is not an account until the lead converts). */
  lead: PlannedWrite<Lead> | null;
  account: PlannedWrite<Account> | null;
  contacts: PlannedWrite<Contact>[];
  conflicts: FieldConflict[];
  history: DealChange[];
  /** A new deal without amount or currency on the page takes the AE's reporting currency. */
  currencyFromSettings: boolean;
  /** Why the save would be refused (table, field, reason); empty when it can go ahead. */
  problems: Array<WriteProblem & { table: string }>;
}

export interface SaveCaptureResult {
  dealId: string | null;
  accountId: string | null;
  leadId: string | null;
  contactIds: string[];
  created: number;
  updated: number;
  /** Conflicts left unsettled (kept as stored). */
  unsettled: FieldConflict[];
}

type CaptureSettings = Pick<Settings, 'reportingCurrency' | 'stageRules'>;

const TABLES = (db: CockpitDB) => [db.deals, db.accounts, db.contacts, db.leads, db.dealHistory];

/** What saving `capture` would do, read from the database as it is now. Reads only. */
export async function planCapture(
  db: CockpitDB,
  capture: PageCapture,
  now: number,
  decisions: CaptureDecisions = {},
  settings: CaptureSettings = defaultSettings(),
): Promise<CapturePlan> {
  return db.transaction('r', TABLES(db), () => buildPlan(db, capture, now, decisions, settings));
}

/** Why a new lead cannot be saved from a page that does not say when it was created (see planLead). */
export const LEAD_NO_CREATED_ON = 'the page does not show when this lead was created';

/**
 * Saves a capture: creates or updates its deal, account and contacts (or, on a lead page, its
 * lead), links them, records
 * provenance and the values read, and appends the deal history — in ONE transaction, after every
 * record passed its schema (an InvalidWriteError names table and field, and nothing is written).
 * Saving the same capture again changes nothing but the capture time.
 */
export async function saveCapture(
  db: CockpitDB,
  capture: PageCapture,
  now: number,
  decisions: CaptureDecisions = {},
  settings: CaptureSettings = defaultSettings(),
): Promise<SaveCaptureResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const plan = await buildPlan(db, capture, now, decisions, settings);
    if (!plan.supported) throw new InvalidWriteError('capture', null, [{ field: 'kind', message: 'only deal, account, contact and lead pages are saved' }]);
    if (plan.problems.length) {
      const p = plan.problems[0]!;
      throw new InvalidWriteError(p.table, null, plan.problems.filter((q) => q.table === p.table));
    }
    const deal = plan.deal ? validateFor(dealSchema, 'deals', plan.deal.after) : null;
    const account = plan.account ? validateFor(accountSchema, 'accounts', plan.account.after) : null;
    const contacts = plan.contacts.map((c) => validateFor(contactSchema, 'contacts', c.after));
    const lead = plan.lead ? validateFor(leadSchema, 'leads', plan.lead.after) : null;
    if (lead) await db.leads.put(lead);
    if (account) await db.accounts.put(account);
    if (contacts.length) await db.contacts.bulkPut(contacts);
    if (deal) await db.deals.put(deal);
    if (plan.history.length) await db.dealHistory.bulkAdd(plan.history);
    const writes = [plan.deal, plan.account, plan.lead, ...plan.contacts].filter((w) => w !== null).map((w) => w.action);
    return {
      dealId: deal?.id ?? null,
      accountId: account?.id ?? null,
      leadId: lead?.id ?? null,
      contactIds: contacts.map((c) => c.id),
      created: writes.filter((a) => a === 'create').length,
      updated: writes.filter((a) => a === 'update').length,
      unsettled: plan.conflicts.filter((c) => c.decision === null),
    };
  });
}

// ---------------------------------------------------------------- matching

function sourceKeys(site: string, externalId: string | null | undefined): string[] {
  if (!externalId) return [];
  const keys = [`${site}:${externalId}`];
  // Salesforce: the 18-character id is the 15-character one plus a case checksum; exports write either.
  if (site === 'salesforce' && externalId.length === 18) keys.push(`${site}:${externalId.slice(0, 15)}`);
  return keys;
}

// Called only with keys: inside a transaction only Dexie's own promises may be awaited.
function bySourceKey<T>(table: { where(i: string): { anyOf(k: string[]): { first(): Promise<T | undefined> } } }, keys: string[]): Promise<T | undefined> {
  return table.where('sourceKey').anyOf(keys).first();
}

/**
 * Names and domains find only records no CRM id claims yet (typed in, or imported without ids): a
 * record with another id — of this CRM or another — is another record, whatever its name.
 */
const otherIdOnSite = (_site: string, r: { sourceKey?: string | null }) => !!r.sourceKey;

function domainOfSite(website: string | undefined): string | null {
  if (!website) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

async function findAccount(
  db: CockpitDB,
  site: string,
  externalId: string | null | undefined,
  domain: string | null,
  name: string | undefined,
): Promise<{ rec: Account; by: CaptureMatch } | null> {
  const keys = sourceKeys(site, externalId);
  const byId = keys.length ? await bySourceKey<Account>(db.accounts, keys) : undefined;
  if (byId) return { rec: byId, by: 'externalId' };
  if (domain) {
    const byDomain = await db.accounts.where('domains').equals(domain).filter((a) => !otherIdOnSite(site, a)).first();
    if (byDomain) return { rec: byDomain, by: 'domain' };
  }
  if (name) {
    const k = nameKey(name);
    const byName = await db.accounts.filter((a) => nameKey(a.name) === k && !otherIdOnSite(site, a)).first();
    if (byName) return { rec: byName, by: 'name' };
  }
  return null;
}

async function findContact(
  db: CockpitDB,
  site: string,
  externalId: string | null | undefined,
  emails: readonly string[],
  name: string | null | undefined,
  accountId: string | null,
): Promise<{ rec: Contact; by: CaptureMatch } | null> {
  const keys = sourceKeys(site, externalId);
  const byId = keys.length ? await bySourceKey<Contact>(db.contacts, keys) : undefined;
  if (byId) return { rec: byId, by: 'externalId' };
  if (emails.length) {
    const wanted = new Set(emails.map(emailKey));
    // The index first (addresses are stored as emailKey by our writers), then any casing an import kept.
    const byEmail =
      (await db.contacts.where('emails').anyOf([...wanted]).first()) ??
      (await db.contacts.filter((ct) => ct.emails.some((e) => wanted.has(emailKey(e)))).first());
    if (byEmail) return { rec: byEmail, by: 'email' };
  }
  if (name) {
    const k = nameKey(name);
    // A same-named person at another company is someone else: names match within the account only.
    const byName = await db.contacts.filter((c) => nameKey(c.name) === k && (c.accountId ?? null) === accountId && !otherIdOnSite(site, c)).first();
    if (byName) return { rec: byName, by: 'name' };
  }
  return null;
}

async function findDeal(db: CockpitDB, site: string, externalId: string, name: string | undefined, accountId: string | null): Promise<{ rec: Deal; by: CaptureMatch } | null> {
  const keys = sourceKeys(site, externalId);
  const byId = keys.length ? await bySourceKey<Deal>(db.deals, keys) : undefined;
  if (byId) return { rec: byId, by: 'externalId' };
  if (name) {
    const k = nameKey(name);
    const pool = accountId ? db.deals.where('accountId').equals(accountId) : db.deals.toCollection();
    const byName = await pool.filter((d) => nameKey(d.name) === k && !otherIdOnSite(site, d)).first();
    if (byName) return { rec: byName, by: 'name' };
  }
  return null;
}

/** A lead: by the CRM id, then by email (the natural key an import uses too), never by name. */
async function findLead(db: CockpitDB, site: string, externalId: string, email: string | null): Promise<{ rec: Lead; by: CaptureMatch } | null> {
  const keys = sourceKeys(site, externalId);
  const byId = keys.length ? await bySourceKey<Lead>(db.leads, keys) : undefined;
  if (byId) return { rec: byId, by: 'externalId' };
  if (email) {
    const k = emailKey(email);
    const byEmail = await db.leads.filter((l) => !!l.email && emailKey(l.email) === k && !otherIdOnSite(site, l)).first();
    if (byEmail) return { rec: byEmail, by: 'email' };
  }
  return null;
}

// ---------------------------------------------------------------- buying roles

/** The page's role words → a buying-group role; unknown words give none (never a guess). */
const ROLE_WORDS: Array<[RegExp, BuyingRole]> = [
  [/decision[\s-]*maker|economic[\s-]*buyer|executive[\s-]*sponsor|approver|toma de decisiones|comprador econ[oó]mico|ผู้มีอำนาจตัดสินใจ|ผู้ตัดสินใจ/i, 'decision_maker'],
  [/champion|promotor|ผู้สนับสนุน/i, 'champion'],
  [/influencer|influenciador|evaluator|evaluador|technical[\s-]*buyer|ผู้มีอิทธิพล/i, 'influencer'],
  [/blocker|detractor|bloqueador|ผู้คัดค้าน/i, 'blocker'],
  [/^(end[\s-]*)?user$|business[\s-]*user|usuario|ผู้ใช้/i, 'user'],
];

export function buyingRoleOf(words: string | null | undefined): BuyingRole | null {
  if (!words) return null;
  for (const [re, role] of ROLE_WORDS) if (re.test(words)) return role;
  return null;
}

// ---------------------------------------------------------------- stage → status, probability, forecast

/**
 * What a stage (and a stated status and deal type) mean through the stage rules: the same
 * helper the importer uses (lib/io/import/stages.ts). A status the page words as "deleted" is
 * not a state of a deal: null.
 */
function stageState(
  stage: string | undefined,
  status: string | undefined,
  dealType: string | undefined,
  settings: CaptureSettings,
): Pick<Deal, 'status' | 'probability' | 'forecastCategory' | 'type' | 'typeLabel'> | null {
  if (!stage && !status) return null;
  const stated = status ? STATUS_WORDS[wordKey(status)] : undefined;
  if (stated === 'deleted' || (status && !stated)) return null;
  const rule = stage ? stageIndexOf(settings.stageRules).get(wordKey(stage)) : undefined;
  const derived = dealStateOf(stated ?? null, rule, null, undefined);
  return { ...derived, type: (dealType && dealTypeOf(dealType)) || 'new_business', typeLabel: dealType ?? null };
}

// ---------------------------------------------------------------- the stage's state

const STATE_FIELDS = ['status', 'probability', 'forecastCategory'] as const;
/** Where a deal came from when the CRM's data made it (a CSV export or a page capture). */
const CRM_ORIGINS: ReadonlySet<string> = new Set(['salesforce', 'hubspot', 'pipedrive', 'csv']);

/**
 * The tracked fields (lib/domain/history.ts) whose stored value is the CRM's, for a field with no
 * capture baseline (a deal imported from a CSV, or captured before the field had one): the last
 * change in the deal's history came from an import or a capture, or, with no change recorded, the
 * deal itself came from a CRM. A field the AE changed (edit, quick log, undo) or set on a deal
 * they typed in is theirs, and a capture asks before replacing it.
 */
async function crmOwnedFields(db: CockpitDB, deal: Deal): Promise<Set<string>> {
  const last = new Map<string, ChangeSource>();
  for (const h of await db.dealHistory.where('dealId').equals(deal.id).sortBy('at')) last.set(h.field, h.source);
  const fromCrm = !!deal.provenance && CRM_ORIGINS.has(deal.provenance.site);
  const owned = new Set<string>();
  for (const field of TRACKED_DEAL_FIELDS) {
    const source = last.get(field);
    if (source === undefined ? fromCrm : source === 'import' || source === 'capture') owned.add(field);
  }
  return owned;
}

/**
 * Status, probability and forecast category: what the page states (Pipedrive's won/lost, a
 * shown probability), else what the CRM's stage means through the stage rules; won and lost
 * force 1 and 0. Either way it is what the CRM says, merged by the same rule as any other field:
 * taken while the stored value is the CRM's, asked ("CRM says X, you have Y") when the AE changed
 * it. A value derived from the stage is only looked at when the CRM's stage (or stated status)
 * moved since the last capture, or when an earlier question on it was left open: a stage that did
 * not move says nothing new (an imported deal keeps the probability its export stated), and a
 * change of the AE's stage rules alone rewrites no deal. Nor while the AE keeps a stage (or a
 * status) of their own: the rest of the deal's state stays theirs with it.
 * Returns the derived state (or null when the page shows neither stage nor status).
 */
function mergeStageState(m: Merge, f: RecordFields, settings: CaptureSettings, owners: ReadonlySet<string>): ReturnType<typeof stageState> {
  const before = m.before;
  const crmStage = f.stage ?? (before?.stage as string | undefined);
  const state = f.stage || f.status ? stageState(crmStage, f.status, before ? undefined : f.dealType, settings) : null;
  if (!state) {
    m.field('probability', f.probability, undefined, { crmOwned: owners.has('probability') });
    return null;
  }
  const crm = {
    status: state.status,
    probability: state.status === 'won' ? 1 : state.status === 'lost' ? 0 : (f.probability ?? state.probability),
    forecastCategory: state.forecastCategory,
  };
  const stated = { status: f.status !== undefined, probability: f.probability !== undefined, forecastCategory: false };
  // Moved: differs from what the last capture read, or (no baseline) from what is stored.
  const movedFrom = (field: string, value: Scalar) => {
    const seen = m.baseOf(field);
    return seen !== undefined && seen !== null ? seen !== value : (before?.[field] ?? null) !== value;
  };
  const moved = !before || movedFrom('stage', crmStage ?? null) || (f.status !== undefined && movedFrom('status', f.status));
  for (const field of STATE_FIELDS) {
    if (!stated[field]) {
      if (before && !moved && m.baseOf(field) !== null) continue;
      // The AE's own stage or status stands for now: looked at again once it agrees with the CRM's.
      if (m.out.stage !== crmStage || (field !== 'status' && m.out.status !== crm.status)) {
        m.notTaken(field);
        continue;
      }
    }
    m.field(field, crm[field], undefined, { crmOwned: owners.has(field), unknownWhenUnsettled: !stated[field] });
  }
  return state;
}

// ---------------------------------------------------------------- merging

type Values = Record<string, Scalar>;

class Merge {
  readonly out: Rec;
  readonly captured: Values;
  readonly changed: string[] = [];
  private readonly baseline: Values | undefined;

  constructor(
    private readonly table: CaptureTable,
    readonly before: Rec | null,
    fresh: Rec,
    private readonly decisions: CaptureDecisions,
    private readonly conflicts: FieldConflict[],
  ) {
    this.out = before ? { ...before } : fresh;
    const prov = before?.provenance as Provenance | null | undefined;
    this.baseline = prov?.captured;
    this.captured = { ...(this.baseline ?? {}) };
  }

  /** What the last capture recorded for `field` (undefined: nothing; null: not known, see `field`). */
  baseOf(field: string): Scalar | undefined {
    return this.baseline && field in this.baseline ? this.baseline[field]! : undefined;
  }

  /**
   * One field the page shows (undefined: the page does not show it; stays as stored).
   * `opts.crmOwned`: with no capture baseline for the field, the stored value is known to be the
   * CRM's (imported or captured, not edited by the AE), so a new CRM value replaces it silently.
   * `opts.unknownWhenUnsettled`: an unsettled conflict records null as the baseline ("the CRM's
   * value was not taken"), so a caller that only looks at the field when the CRM moves can tell
   * to look again.
   */
  field(
    field: string,
    crm: Scalar | undefined,
    same: (a: Scalar, b: Scalar) => boolean = (a, b) => a === b,
    opts: { crmOwned?: boolean; unknownWhenUnsettled?: boolean } = {},
  ): void {
    if (crm === undefined) return;
    const before = this.before;
    if (!before) {
      this.out[field] = crm;
      this.captured[field] = crm;
      if (crm !== null) this.changed.push(field);
      return;
    }
    const stored = (before[field] ?? null) as Scalar;
    const recorded = this.baseOf(field);
    const base = recorded === undefined && opts.crmOwned ? stored : recorded;
    this.captured[field] = crm;
    if (stored !== null && same(stored, crm)) return;
    // The CRM still says what it said last time: whatever is stored is the AE's and stays.
    if (base !== undefined && base !== null && same(base, crm)) return;
    if (stored === null || stored === '' || (base !== undefined && base !== null && same(stored, base))) return this.take(field, crm);
    const key = `${this.table}:${before.id}:${field}`;
    const decision = this.decisions[key] ?? null;
    this.conflicts.push({ key, table: this.table, recordId: before.id, recordName: String(before.name ?? ''), field, crm, mine: stored, decision });
    if (decision === 'crm') return this.take(field, crm);
    // 'mine': the CRM's value becomes the last one read, so it is not asked again until it changes.
    // Unsettled: the previous baseline stays, so the question comes back on the next capture.
    if (decision === null) {
      if (opts.unknownWhenUnsettled) this.captured[field] = null;
      else if (recorded === undefined) delete this.captured[field];
      else this.captured[field] = recorded;
    }
  }

  /** The CRM's value of `field` was not looked at: null baseline ("not known"), as an unsettled conflict leaves it. */
  notTaken(field: string): void {
    this.captured[field] = null;
  }

  /** An address-like list the page adds to (emails, domains): added, never removed. */
  addTo(field: string, values: readonly string[], key: (s: string) => string): void {
    if (!values.length) return;
    const list = [...((this.out[field] as string[] | undefined) ?? [])];
    const have = new Set(list.map(key));
    let added = false;
    for (const v of values) {
      if (have.has(key(v))) continue;
      list.push(v);
      have.add(key(v));
      added = true;
    }
    this.out[field] = list;
    if (added) this.changed.push(field);
  }

  /** A link set only while none is stored (a capture never moves a record to another parent). */
  link(field: string, id: string | null): void {
    if (!id || this.out[field]) return;
    this.out[field] = id;
    this.changed.push(field);
  }

  set(field: string, value: unknown): void {
    if (this.out[field] === value) return;
    this.out[field] = value;
    this.changed.push(field);
  }

  private take(field: string, crm: Scalar) {
    this.out[field] = crm;
    this.changed.push(field);
  }

  finish(site: Provenance['site'], url: string, externalId: string | null, now: number): PlannedWrite<never> {
    const before = this.before;
    const keys = sourceKeys(site, externalId);
    if (!this.out.sourceKey && keys[0]) this.out.sourceKey = keys[0];
    this.out.provenance = { site, url, externalId, capturedAt: now, captured: this.captured } satisfies Provenance;
    if (!before || this.changed.length) this.out.updatedAt = now;
    return {
      table: this.table,
      action: !before ? 'create' : this.changed.length ? 'update' : 'unchanged',
      matchedBy: null,
      before: before as never,
      after: this.out,
      changed: [...new Set(this.changed)],
    };
  }
}

const sameName = (a: Scalar, b: Scalar) => typeof a === 'string' && typeof b === 'string' && nameKey(a) === nameKey(b);
const base = (now: number) => ({ id: newId(), createdAt: now, updatedAt: now });

// ---------------------------------------------------------------- the plan

async function buildPlan(db: CockpitDB, capture: PageCapture, now: number, decisions: CaptureDecisions, settings: CaptureSettings): Promise<CapturePlan> {
  const plan: CapturePlan = { supported: false, deal: null, lead: null, account: null, contacts: [], conflicts: [], history: [], currencyFromSettings: false, problems: [] };
  if (capture.type !== 'record') return plan;
  plan.supported = true;
  const c: RecordCapture = capture;
  const f = c.fields;
  const { site, url } = c;

  if (c.kind === 'lead') {
    planLead(plan, c, await findLead(db, c.site, c.externalId, f.emails?.[0] ?? null), now, decisions);
    return checked(plan);
  }

  // The account: the record itself, or the deal's / contact's account.
  const isAccount = c.kind === 'account';
  const accountName = isAccount ? f.name : f.accountName;
  const accountExtId = isAccount ? c.externalId : (f.accountExternalId ?? null);
  const domain = isAccount ? (f.domain ?? domainOfSite(f.website)) : null;
  let existingDeal: { rec: Deal; by: CaptureMatch } | null = null;
  if (c.kind === 'deal') existingDeal = await findDeal(db, site, c.externalId, f.name, null);

  let account: Merge | null = null;
  if (accountName || accountExtId) {
    let found = await findAccount(db, site, accountExtId, domain, accountName);
    if (!found && existingDeal?.rec.accountId) {
      const linked = await db.accounts.get(existingDeal.rec.accountId);
      if (linked) found = { rec: linked, by: 'link' };
    }
    if (found || accountName) {
      account = new Merge('accounts', (found?.rec as Rec | undefined) ?? null, { ...base(now), name: accountName ?? '' }, decisions, plan.conflicts);
      account.field('name', accountName ?? undefined, sameName);
      if (isAccount) {
        account.field('industry', f.industry);
        if (domain) account.addTo('domains', [domain], (s) => s.toLowerCase());
      }
      plan.account = { ...account.finish(site, url, accountExtId, now), matchedBy: found?.by ?? null };
    }
  }
  const accountId = (account?.out.id as string | undefined) ?? null;

  // The deal.
  if (c.kind === 'deal') {
    if (!existingDeal && accountId) existingDeal = await findDeal(db, site, c.externalId, f.name, accountId);
    const before = (existingDeal?.rec as Rec | undefined) ?? null;
    const m = new Merge('deals', before, { ...base(now), name: f.name ?? '' }, decisions, plan.conflicts);
    const owners = before ? await crmOwnedFields(db, before as unknown as Deal) : new Set<string>();
    const tracked = (field: string) => ({ crmOwned: owners.has(field) });
    m.field('name', f.name, sameName);
    m.field('amountMinor', f.amountMinor, undefined, tracked('amountMinor'));
    m.field('currency', f.currency, undefined, tracked('currency'));
    m.field('stage', f.stage, undefined, tracked('stage'));
    m.field('closeOn', f.closeOn, undefined, tracked('closeOn'));
    m.field('createdOn', f.createdOn);
    m.field('nextStep', f.nextStep);
    m.field('ownerName', f.ownerName);
    m.link('accountId', accountId);
    const state = mergeStageState(m, f, settings, owners);
    if (state && !before && f.dealType) {
      m.set('type', state.type);
      m.set('typeLabel', state.typeLabel);
    }
    if (!before && !m.out.currency) {
      if (f.amountMinor === undefined) {
        m.set('currency', settings.reportingCurrency);
        plan.currencyFromSettings = true;
      } else plan.problems.push({ table: 'deals', field: 'currency', message: 'the page shows an amount without its currency' });
    }
    // What the stage would have given (status, probability, forecast) is not listed again.
    if (!before && !m.out.stage) plan.problems.push(...['stage', 'status', 'probability', 'forecastCategory'].map((field, i) => ({ table: 'deals', field, message: i ? '' : 'the page shows no stage' })));
    plan.deal = { ...m.finish(site, url, c.externalId, now), matchedBy: existingDeal?.by ?? null };
    if (before) plan.history = dealChanges(before as unknown as Deal, m.out as unknown as Deal, now, 'capture', before.id, newId);
  }

  // The contacts: the record itself, or the people the page names.
  const people: CapturedPerson[] =
    c.kind === 'contact'
      ? [{ name: f.name ?? null, email: f.emails?.[0] ?? null, role: null, title: f.title ?? null, externalId: c.externalId }]
      : c.people;
  const seen = new Set<string>();
  for (const p of people) {
    const emails = c.kind === 'contact' ? (f.emails ?? []) : p.email ? [p.email] : [];
    if (!p.name && !emails.length) continue;
    const found = await findContact(db, site, p.externalId, emails, p.name, accountId);
    if (found && seen.has(found.rec.id)) continue;
    const before = (found?.rec as Rec | undefined) ?? null;
    const m = new Merge('contacts', before, { ...base(now), name: p.name ?? emails[0] ?? '' }, decisions, plan.conflicts);
    if (found) seen.add(found.rec.id);
    else seen.add(m.out.id);
    m.field('name', p.name ?? undefined, sameName);
    m.field('title', p.title ?? undefined);
    if (c.kind === 'contact') m.field('phone', f.phone);
    const role = buyingRoleOf(p.role);
    if (role) m.field('buyingRole', role);
    m.addTo('emails', emails.map(emailKey), emailKey);
    m.link('accountId', accountId);
    plan.contacts.push({ ...m.finish(site, url, p.externalId, now), matchedBy: found?.by ?? null });
  }

  return checked(plan);
}

/**
 * A lead page: name, company, email, created date and (where the page labels it) lead source.
 * `createdOn` is required by the lead schema: a lead the book does not have yet is created with
 * the date the page shows, and refused with LEAD_NO_CREATED_ON when the page shows none rather
 * than dated with the capture day (which is not when the lead was created, and would skew
 * lead-age and conversion-time KPIs). A lead already stored (imported with its created date) is
 * updated; a different created date on the page is asked about like any other field.
 */
function planLead(plan: CapturePlan, c: RecordCapture, found: { rec: Lead; by: CaptureMatch } | null, now: number, decisions: CaptureDecisions): void {
  const f = c.fields;
  const before = (found?.rec as Rec | undefined) ?? null;
  const email = f.emails?.[0];
  const m = new Merge('leads', before, { ...base(now), name: f.name ?? '' }, decisions, plan.conflicts);
  m.field('name', f.name, sameName);
  m.field('company', f.accountName);
  m.field('email', email === undefined ? undefined : emailKey(email), (a, b) => typeof a === 'string' && typeof b === 'string' && emailKey(a) === emailKey(b));
  m.field('source', c.raw['Lead Source'] || undefined);
  m.field('createdOn', f.createdOn);
  if (!before && !f.createdOn) plan.problems.push({ table: 'leads', field: 'createdOn', message: LEAD_NO_CREATED_ON });
  plan.lead = { ...m.finish(c.site, c.url, c.externalId, now), matchedBy: found?.by ?? null };
}

function checked(plan: CapturePlan): CapturePlan {
  // Schema problems, so the panel can say before the save what it would refuse.
  for (const [table, schema, w] of [
    ['deals', dealSchema, plan.deal],
    ['leads', leadSchema, plan.lead],
    ['accounts', accountSchema, plan.account],
    ...plan.contacts.map((x) => ['contacts', contactSchema, x] as const),
  ] as const) {
    if (!w) continue;
    const r = (schema as typeof dealSchema).safeParse(w.after);
    // A field already explained above is not listed twice.
    if (!r.success) for (const i of r.error.issues) if (!plan.problems.some((p) => p.table === table && p.field === i.path.join('.'))) plan.problems.push({ table, field: i.path.join('.'), message: i.message });
  }
  plan.problems = plan.problems.filter((p) => p.message);
  return plan;
}

// ---------------------------------------------------------------- manual entry

/** A record entered by hand from the panel on a page no reader knows: a name and a kind. */
export async function saveManualRecord(
  db: CockpitDB,
  input: { kind: 'deal' | 'account' | 'contact'; name: string; stage?: string },
  now: number,
  settings: CaptureSettings = defaultSettings(),
): Promise<string> {
  const name = input.name.trim();
  const provenance: Provenance = { site: 'manual', url: null, externalId: null, capturedAt: now };
  if (input.kind === 'account') {
    const a = validateFor(accountSchema, 'accounts', { ...base(now), name, provenance });
    await db.accounts.add(a);
    return a.id;
  }
  if (input.kind === 'contact') {
    const ct = validateFor(contactSchema, 'contacts', { ...base(now), name, provenance });
    await db.contacts.add(ct);
    return ct.id;
  }
  const stage = input.stage ?? '';
  const state = stageState(stage, undefined, undefined, settings);
  const d = validateFor(dealSchema, 'deals', {
    ...base(now),
    name,
    stage,
    currency: settings.reportingCurrency,
    status: state?.status,
    probability: state?.probability,
    forecastCategory: state?.forecastCategory,
    provenance,
  });
  await db.deals.add(d);
  return d.id;
}
