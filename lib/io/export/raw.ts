import { zonedWallClock, zoneOffsetMinutes } from '../../domain/dates';
import type { Book } from '../../domain/book';
import { currencyExponent } from '../../domain/money';
import type { Account, Activity, Contact, Deal } from '../../domain/records';
import { BOM, CRLF, csvCell, csvLine, formatMinorAsMajor, plainNumber } from './csv-write';

/**
 * Raw-data CSVs of deals, activities, accounts and contacts. Headers are the
 * importer's generic field names, so re-importing a file maps every column
 * automatically. Conventions: amounts in major units with a dot decimal, dates
 * `YYYY-MM-DD`, instants ISO 8601 local time with offset, probabilities as fractions 0..1, lists
 * joined with ';', booleans `true`/`false`, empty cell for null.
 */

export const DEAL_HEADERS = [
  'external_id',
  'name',
  'account',
  'amount',
  'currency',
  'stage',
  'status',
  'probability',
  'forecast_category',
  'type',
  'created',
  'close',
  'owner',
  'territory',
  'next_step',
  'next_step_due',
  'loss_reason',
] as const;

export const ACCOUNT_HEADERS = [
  'external_id',
  'name',
  'domain',
  'industry',
  'territory',
  'is_target',
  'potential',
  'currency',
  'customer_since',
  'churned',
] as const;

export const CONTACT_HEADERS = ['external_id', 'name', 'email', 'phone', 'title', 'account', 'role'] as const;

export const ACTIVITY_HEADERS = [
  'external_id',
  'kind',
  'at',
  'duration',
  'outcome',
  'subject',
  'notes',
  'deal',
  'account',
  'contact',
] as const;

export type RawTable = 'deals' | 'activities' | 'accounts' | 'contacts';
export const RAW_TABLES: readonly RawTable[] = ['deals', 'activities', 'accounts', 'contacts'];

interface Keyed {
  id: string;
  sourceKey?: string | null;
  provenance?: { externalId: string | null } | null;
}

/**
 * The id a re-import recognises: the external part of the sourceKey
 * (`salesforce:006xx` → `006xx`) for records that came from a CRM or a file,
 * else the local record id.
 */
export function externalIdOf(r: Keyed): string {
  const key = r.sourceKey;
  if (key) {
    const colon = key.indexOf(':');
    if (colon >= 0 && colon < key.length - 1) return key.slice(colon + 1);
  }
  return r.provenance?.externalId || r.id;
}

const SEP = ';';

function lines(header: readonly string[], body: string[]): string {
  // Header, then one line per record, CRLF between lines and none after the last (see toCsv).
  return body.length === 0 ? `${BOM}${header.join(',')}` : `${BOM}${header.join(',')}${CRLF}${body.join(CRLF)}`;
}

/** Cached exponent lookups: Intl is slow and 100k deals share a handful of currencies. */
function exponentLookup(): (code: string) => number {
  const cache = new Map<string, number>();
  return (code) => {
    let e = cache.get(code);
    if (e === undefined) cache.set(code, (e = currencyExponent(code)));
    return e;
  };
}

/**
 * Deals CSV. Hot path (benchmarked on 100k deals): one array join per line (3x
 * faster than `+` chains, whose cons-strings the final join must flatten), enum
 * and date cells written without escaping because their schemas cannot contain
 * commas, quotes, newlines or formula characters.
 */
export function dealsToCsv(deals: readonly Deal[], accountsById: ReadonlyMap<string, Account>): string {
  const exp = exponentLookup();
  const body = new Array<string>(deals.length);
  for (let i = 0; i < deals.length; i++) {
    const d = deals[i]!;
    const account = d.accountId === null ? undefined : accountsById.get(d.accountId);
    body[i] = [
      csvCell(externalIdOf(d)),
      csvCell(d.name),
      account ? csvCell(account.name) : '',
      d.amountMinor === null ? '' : formatMinorAsMajor(d.amountMinor, exp(d.currency)),
      d.currency,
      csvCell(d.stage),
      d.status,
      plainNumber(d.probability),
      d.forecastCategory,
      d.type,
      d.createdOn ?? '', // unknown created date: an empty cell, never a made-up day
      d.closeOn ?? '',
      csvCell(d.ownerName),
      csvCell(d.territory),
      csvCell(d.nextStep),
      d.nextStepDue ?? '',
      csvCell(d.lossReason),
    ].join(',');
  }
  return lines(DEAL_HEADERS, body);
}

export function accountsToCsv(accounts: readonly Account[]): string {
  const exp = exponentLookup();
  const body = accounts.map((a) =>
    csvLine([
      externalIdOf(a),
      a.name,
      a.domains.join(SEP),
      a.industry,
      a.territory,
      a.isTarget ? 'true' : 'false',
      a.potentialMinor === null ? null : { numeric: formatMinorAsMajor(a.potentialMinor, a.potentialCurrency ? exp(a.potentialCurrency) : 2) },
      a.potentialCurrency,
      a.customerSince,
      a.churnedOn,
    ]),
  );
  return lines(ACCOUNT_HEADERS, body);
}

export function contactsToCsv(contacts: readonly Contact[], accountsById: ReadonlyMap<string, Account>): string {
  const body = contacts.map((c) =>
    csvLine([
      externalIdOf(c),
      c.name,
      c.emails.join(SEP),
      c.phone,
      c.title,
      c.accountId === null ? null : (accountsById.get(c.accountId)?.name ?? null),
      c.buyingRole,
    ]),
  );
  return lines(CONTACT_HEADERS, body);
}

export interface ActivityLookups {
  dealsById: ReadonlyMap<string, Deal>;
  accountsById: ReadonlyMap<string, Account>;
  contactsById: ReadonlyMap<string, Contact>;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * ISO 8601 local date-time with its UTC offset, e.g. 2026-11-28T09:30:00+07:00,
 * in `timeZone` (IANA) or the runtime's zone. Local wall time rather than UTC
 * because the importer reads a time of day as local wall time (ignoring any
 * offset), so an export re-imported in the same zone lands on the same instant.
 */
export function isoLocal(ms: number, timeZone?: string): string {
  let y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number;
  if (timeZone) {
    const w = zonedWallClock(ms, timeZone);
    [y, mo, d, h, mi, s] = [w.year, w.month, w.day, w.hour, w.minute, w.second];
    offsetMin = zoneOffsetMinutes(ms, timeZone);
  } else {
    const dt = new Date(ms);
    [y, mo, d, h, mi, s] = [dt.getFullYear(), dt.getMonth() + 1, dt.getDate(), dt.getHours(), dt.getMinutes(), dt.getSeconds()];
    offsetMin = -dt.getTimezoneOffset();
  }
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${String(y).padStart(4, '0')}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * Activities CSV. `deal` holds the deal's external id (the deals file's
 * external_id column, unique where names are not); `account` the account name,
 * as in the deals file; `contact` the contact's first email, else the name (the
 * importer finds contacts by email, then by name).
 */
export function activitiesToCsv(activities: readonly Activity[], lookups: ActivityLookups, timeZone?: string): string {
  const body = activities.map((a) => {
    const deal = a.dealId === null ? undefined : lookups.dealsById.get(a.dealId);
    const contact = a.contactId === null ? undefined : lookups.contactsById.get(a.contactId);
    return csvLine([
      // Activities carry provenance but no sourceKey.
      a.provenance?.externalId || a.id,
      a.kind,
      isoLocal(a.at, timeZone),
      a.durationMin,
      // 'no show' rather than 'no_show': the importer matches outcome words with spaces removed.
      a.outcome === null ? null : a.outcome.replace(/_/g, ' '),
      a.subject,
      a.notes,
      deal ? externalIdOf(deal) : null,
      a.accountId === null ? null : (lookups.accountsById.get(a.accountId)?.name ?? null),
      contact ? (contact.emails[0] ?? contact.name) : null,
    ]);
  });
  return lines(ACTIVITY_HEADERS, body);
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of rows) m.set(r.id, r);
  return m;
}

/** All four raw CSVs of a book; activity times in `timeZone` (IANA) or the runtime's zone. */
export function rawCsvs(
  book: Pick<Book, 'deals' | 'activities' | 'accounts' | 'contacts'>,
  timeZone?: string,
): Record<RawTable, string> {
  const accountsById = byId(book.accounts);
  const dealsById = byId(book.deals);
  const contactsById = byId(book.contacts);
  return {
    deals: dealsToCsv(book.deals, accountsById),
    activities: activitiesToCsv(book.activities, { dealsById, accountsById, contactsById }, timeZone),
    accounts: accountsToCsv(book.accounts),
    contacts: contactsToCsv(book.contacts, accountsById),
  };
}

/** Download file name, e.g. `ae-cockpit-deals-2026-11-28.csv`; `today` is the AE's local date. */
export function exportFileName(kind: RawTable | 'stats', today: string): string {
  return `ae-cockpit-${kind}-${today}.csv`;
}
