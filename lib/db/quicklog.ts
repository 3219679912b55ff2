import Dexie from 'dexie';
import type { PageCapture } from '../capture/schema';
import type { Account, Contact, Deal } from '../domain/records';
import { addDays } from '../domain/dates';
import type { CaptureMatch, CaptureSuggestion, DealEntry, LogTarget } from '../domain/quicklog';
import { emailKey, nameKey } from '../domain/text';
import type { CockpitDB } from './database';

/**
 * The quick log's reads. None of them reads a whole table to open the popup: captures are
 * matched through the sourceKey, email and name indexes; suggestions come from the
 * [status+closeOn] index and the latest activities; the type-ahead asks the account and contact
 * indexes by prefix, and deals (no name index) from a list of open deals loaded lazily, after
 * the form is already usable.
 */

export type { CaptureMatch, CaptureSuggestion, DealEntry, LogTarget } from '../domain/quicklog';

const named = (r: { name?: unknown } | undefined): boolean => typeof r?.name === 'string' && r.name !== '';

export function dealTarget(d: Deal, accountName: string | undefined): LogTarget {
  return {
    kind: 'deal', id: d.id, name: d.name, detail: accountName ?? d.stage, dealId: d.id, accountId: d.accountId, contactId: null,
    stage: d.stage, closeOn: d.closeOn, nextStep: d.nextStep ?? null, nextStepDue: d.nextStepDue ?? null,
  };
}
export function accountTarget(a: Account): LogTarget {
  return { kind: 'account', id: a.id, name: a.name, detail: a.domains?.[0] ?? a.territory ?? '', dealId: null, accountId: a.id, contactId: null };
}
export function contactTarget(c: Contact, accountName: string | undefined): LogTarget {
  return { kind: 'contact', id: c.id, name: c.name, detail: accountName ?? c.emails?.[0] ?? '', dealId: null, accountId: c.accountId, contactId: c.id };
}

async function accountNames(db: CockpitDB, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  const rows = await db.accounts.bulkGet(list);
  return new Map(rows.filter((a): a is Account => named(a)).map((a) => [a.id, a.name]));
}

async function byName<T extends { name: string }>(index: { equalsIgnoreCase(s: string): { toArray(): Promise<T[]> } }, name: string): Promise<T[]> {
  const key = nameKey(name);
  // equalsIgnoreCase narrows by the index; nameKey then settles spaces and invisible characters.
  const rows = await index.equalsIgnoreCase(name.trim()).toArray();
  return rows.filter((r) => named(r) && nameKey(r.name) === key);
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * The stored record a capture shows: by `sourceKey` (`site:externalId`), then by a person's
 * email, then by name (nameKey); a thread by its correspondents' addresses, then their domain.
 * Nothing found: what to create in place.
 */
export async function matchCapture(db: CockpitDB, capture: PageCapture): Promise<CaptureMatch> {
  if (capture.type === 'record') {
    const sourceKey = `${capture.site}:${capture.externalId}`;
    const f = capture.fields;
    if (capture.kind === 'deal') {
      const d = await db.deals.where('sourceKey').equals(sourceKey).first();
      if (named(d)) return { target: dealTarget(d!, (await accountNames(db, [d!.accountId])).get(d!.accountId ?? '')), by: 'sourceKey', suggest: null };
    } else if (capture.kind === 'account') {
      const a = await db.accounts.where('sourceKey').equals(sourceKey).first();
      if (named(a)) return { target: accountTarget(a!), by: 'sourceKey', suggest: null };
    } else if (capture.kind === 'contact') {
      const c = await db.contacts.where('sourceKey').equals(sourceKey).first();
      if (named(c)) return { target: contactTarget(c!, (await accountNames(db, [c!.accountId])).get(c!.accountId ?? '')), by: 'sourceKey', suggest: null };
    }
    const emails = [...(f.emails ?? []), ...capture.people.map((p) => p.email).filter((e): e is string => !!e)].map(emailKey);
    if (capture.kind === 'contact' && emails.length > 0) {
      const c = (await db.contacts.where('emails').anyOf(emails).toArray()).find(named);
      if (c) return { target: contactTarget(c, (await accountNames(db, [c.accountId])).get(c.accountId ?? '')), by: 'email', suggest: null };
    }
    const accounts = f.accountName ? await byName<Account>(db.accounts.where('name'), f.accountName) : [];
    if (capture.kind === 'deal' && f.name) {
      const key = nameKey(f.name);
      // Deals have no name index: look among the deals of the account the page names.
      const candidates = accounts.length > 0 ? await db.deals.where('accountId').anyOf(accounts.map((a) => a.id as string)).toArray() : [];
      const d = candidates.find((x) => named(x) && nameKey(x.name) === key);
      if (d) return { target: dealTarget(d, accounts.find((a) => a.id === d.accountId)?.name), by: 'name', suggest: null };
    }
    if (capture.kind === 'account' && f.name) {
      const [a] = await byName<Account>(db.accounts.where('name'), f.name);
      if (a) return { target: accountTarget(a), by: 'name', suggest: null };
    }
    if (capture.kind === 'contact' && f.name) {
      const [c] = await byName<Contact>(db.contacts.where('name'), f.name);
      if (c) return { target: contactTarget(c, (await accountNames(db, [c.accountId])).get(c.accountId ?? '')), by: 'name', suggest: null };
    }
    // A person on the record we already know (a deal's contact roles): log against them.
    if (emails.length > 0) {
      const c = (await db.contacts.where('emails').anyOf(emails).toArray()).find(named);
      if (c) return { target: contactTarget(c, (await accountNames(db, [c.accountId])).get(c.accountId ?? '')), by: 'email', suggest: null };
    }
    if (accounts[0]) return { target: accountTarget(accounts[0]), by: 'name', suggest: null };
    const suggest: CaptureSuggestion = {};
    if (capture.kind === 'account' && f.name) suggest.account = { name: f.name, domain: f.domain ?? null };
    else if (f.accountName) suggest.account = { name: f.accountName, domain: null };
    if (capture.kind === 'contact' && f.name) suggest.contact = { name: f.name, email: emails[0] ?? null };
    return { target: null, by: null, suggest: suggest.account || suggest.contact ? suggest : null };
  }

  // A mail thread: the customer's side is everyone but the signed-in mailbox.
  const self = capture.selfEmail ? emailKey(capture.selfEmail) : null;
  const people = new Map<string, string | null>();
  for (const m of capture.messages) {
    for (const p of [m.from, ...m.to, ...m.cc]) {
      if (p?.email && emailKey(p.email) !== self && !people.has(emailKey(p.email))) people.set(emailKey(p.email), p.name);
    }
  }
  const emails = [...people.keys()];
  if (emails.length === 0) return { target: null, by: null, suggest: null };
  const contacts = (await db.contacts.where('emails').anyOf(emails).toArray()).filter(named);
  // The earliest correspondent who is a known contact (the thread's first customer voice).
  const c = emails.map((e) => contacts.find((x) => x.emails.map(emailKey).includes(e))).find((x) => x !== undefined);
  if (c) return { target: contactTarget(c, (await accountNames(db, [c.accountId])).get(c.accountId ?? '')), by: 'email', suggest: null };
  const domains = [...new Set(emails.map(domainOf))];
  const a = (await db.accounts.where('domains').anyOf(domains).toArray()).find(named);
  const [email, name] = [...people.entries()][0]!;
  if (a) return { target: accountTarget(a), by: 'domain', suggest: { contact: { name: name ?? email, email } } };
  return { target: null, by: null, suggest: { contact: { name: name ?? email, email } } };
}

/**
 * The open deals with their account names, for the type-ahead. The one read that grows with the
 * book: the popup runs it after the form is usable, and only once per open.
 */
export async function loadOpenDeals(db: CockpitDB): Promise<DealEntry[]> {
  const deals = (await db.deals.where('status').equals('open').toArray()).filter(named);
  const names = await accountNames(db, deals.map((d) => d.accountId));
  return deals.map((d) => {
    const acc = names.get(d.accountId ?? '');
    return { target: dealTarget(d, acc), hay: nameKey(`${d.name} ${acc ?? ''}`), lastTouchAt: d.lastTouchAt ?? 0 };
  });
}

const SOON_DAYS = 30;

/**
 * The open deals matching a query, best first: a match at a word start, then closing within
 * 30 days, then the latest touch. `q` is already nameKey'd.
 */
function rankDeals(deals: readonly DealEntry[], q: string, today: string, limit: number): LogTarget[] {
  if (q === '') return [];
  const soon = addDays(today, SOON_DAYS);
  const scored: { t: LogTarget; s: number }[] = [];
  for (const d of deals) {
    const at = d.hay.indexOf(q);
    if (at < 0) continue;
    const closeOn = d.target.closeOn ?? null;
    const soonBoost = closeOn !== null && closeOn >= today && closeOn <= soon ? 2 : 0;
    scored.push({ t: d.target, s: (at === 0 || d.hay[at - 1] === ' ' ? 4 : 0) + soonBoost + d.lastTouchAt / 1e14 });
  }
  scored.sort((a, b) => b.s - a.s);
  return scored.slice(0, limit).map((x) => x.t);
}

/** Ranked deals first, then what the indexes found, each record once, at most `limit`. */
function mergeTargets(first: readonly LogTarget[], rest: readonly LogTarget[], limit: number): LogTarget[] {
  const seen = new Set<string>();
  const out: LogTarget[] = [];
  for (const t of [...first, ...rest]) {
    const k = `${t.kind}:${t.id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out.slice(0, limit);
}

/**
 * Type-ahead: deals (open, from the lazy list) by name or account name, accounts by name or
 * domain, contacts by name or email (index prefix queries). Recent and closing-soon deals first.
 */
export async function searchTargets(db: CockpitDB, query: string, deals: readonly DealEntry[] | null, today: string, limit = 8): Promise<LogTarget[]> {
  const q = nameKey(query);
  if (q === '') return [];
  return mergeTargets(rankDeals(deals ?? [], q, today, limit), await indexTargets(db, query, deals === null, limit), limit);
}

/**
 * The type-ahead's index part: accounts by name or domain prefix, contacts by name or email
 * prefix, and (`withAccountDeals`: the open-deal list is not loaded yet) the open deals of the
 * accounts found by name.
 */
async function indexTargets(db: CockpitDB, query: string, withAccountDeals: boolean, limit = 8): Promise<LogTarget[]> {
  const raw = query.trim();
  if (nameKey(raw) === '') return [];
  const [accByName, accByDomain, conByName, conByEmail] = await Promise.all([
    db.accounts.where('name').startsWithIgnoreCase(raw).limit(limit).toArray(),
    db.accounts.where('domains').startsWithIgnoreCase(raw).limit(limit).toArray(),
    db.contacts.where('name').startsWithIgnoreCase(raw).limit(limit).toArray(),
    db.contacts.where('emails').startsWithIgnoreCase(raw).limit(limit).toArray(),
  ]);
  const out: LogTarget[] = [];
  if (withAccountDeals && accByName.length > 0) {
    const ds = (await db.deals.where('accountId').anyOf(accByName.map((a) => a.id)).toArray()).filter((d) => named(d) && d.status === 'open');
    const names = new Map(accByName.map((a) => [a.id, a.name]));
    out.push(...ds.slice(0, limit).map((d) => dealTarget(d, names.get(d.accountId ?? ''))));
  }
  for (const a of [...accByName, ...accByDomain].filter(named)) out.push(accountTarget(a));
  const contacts = [...conByName, ...conByEmail].filter(named);
  const names = await accountNames(db, contacts.map((c) => c.accountId));
  for (const c of contacts) out.push(contactTarget(c, names.get(c.accountId ?? '')));
  return out;
}

/**
 * What the popup offers before anything is typed: deals logged on lately, then open deals
 * closing soonest (from today on). Two small index reads.
 */
export async function suggestedTargets(db: CockpitDB, today: string, limit = 5): Promise<LogTarget[]> {
  const recent = await db.activities.orderBy('at').reverse().limit(40).toArray();
  const recentIds = [...new Set(recent.map((a) => a.dealId).filter((x): x is string => !!x))].slice(0, limit);
  const soon = await db.deals
    .where('[status+closeOn]')
    .between(['open', today], ['open', Dexie.maxKey])
    .limit(limit)
    .toArray();
  const recentDeals = (await db.deals.bulkGet(recentIds)).filter((d): d is Deal => named(d) && d!.status === 'open');
  const all = [...recentDeals, ...soon.filter(named)];
  const names = await accountNames(db, all.map((d) => d.accountId));
  const seen = new Set<string>();
  return all.filter((d) => !seen.has(d.id) && seen.add(d.id)).slice(0, limit).map((d) => dealTarget(d, names.get(d.accountId ?? '')));
}

/** The target a next action or a notification hands over (`?deal=<id>`). */
export async function dealTargetById(db: CockpitDB, id: string): Promise<LogTarget | null> {
  const d = await db.deals.get(id);
  if (!named(d)) return null;
  return dealTarget(d!, (await accountNames(db, [d!.accountId])).get(d!.accountId ?? ''));
}

export { openStages } from '../domain/quicklog';
