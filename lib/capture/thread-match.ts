import type { Account, Contact, Deal } from '../domain/records';
import { cleanLine, emailKey } from '../domain/text';
import type { MailAddress, ThreadCapture } from './schema';

/**
 * Who an open mail thread is with and which deal it belongs to. Pure: the caller (lib/db/thread.ts)
 * loads the candidate records; nothing here reads the database or the page.
 *
 * - The AE's side: the signed-in address's domain (unless it is a public mail provider, where
 *   only that one address is the AE) and `ownDomains` from the settings.
 * - `neverCapture` (addresses and domains): those people are dropped before anything else, so
 *   they are never shown, matched or stored.
 * - Everyone else with an address is an external participant, matched to a contact by email;
 *   their domain (or their contact's account) leads to the account, the account to its open
 *   deals, most likely first.
 */

export interface MailRules {
  ownDomains?: readonly string[];
  neverCapture?: readonly string[];
}

/**
 * Public mail providers: the signed-in address being somchai@gmail.com does not make every
 * gmail.com correspondent a colleague.
 */
const PUBLIC_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com', 'proton.me', 'protonmail.com', 'aol.com']);

/** The domain part of an address, lower case; null when it has none. */
export function domainOf(email: string): string | null {
  const k = emailKey(email);
  const at = k.lastIndexOf('@');
  if (at <= 0 || at === k.length - 1) return null;
  return k.slice(at + 1);
}

/** A rule entry as matched: "@Rival.example", "*.rival.example" and "rival.example" are one domain. */
export function normaliseRule(entry: string): string {
  return cleanLine(entry).toLowerCase().replace(/^\*\./, '').replace(/^@/, '');
}

/** Whether `domain` is `rule` or one of its subdomains. */
function inDomain(domain: string, rule: string): boolean {
  return domain === rule || domain.endsWith(`.${rule}`);
}

/** Whether an address is on the never-capture list (as an address, or by its domain or a parent domain). */
export function isNeverCaptured(email: string, neverCapture: readonly string[] = []): boolean {
  const k = emailKey(email);
  const d = domainOf(k);
  for (const raw of neverCapture) {
    const rule = normaliseRule(raw);
    if (!rule) continue;
    if (rule.includes('@') ? rule === k : d !== null && inDomain(d, rule)) return true;
  }
  return false;
}

/** Whether an address is the AE's own side. */
export function isOwnAddress(email: string, selfEmail: string | null, ownDomains: readonly string[] = []): boolean {
  const k = emailKey(email);
  const d = domainOf(k);
  if (selfEmail && emailKey(selfEmail) === k) return true;
  if (d === null) return false;
  const selfDomain = selfEmail ? domainOf(selfEmail) : null;
  if (selfDomain && !PUBLIC_MAIL.has(selfDomain) && inDomain(d, selfDomain)) return true;
  return ownDomains.some((r) => {
    const rule = normaliseRule(r);
    return rule !== '' && inDomain(d, rule);
  });
}

/** The thread's key for links and dedupe: the mail app's thread id, else its address. */
export function threadKeyOf(capture: ThreadCapture): string {
  return (capture.externalId ?? capture.url).slice(0, 500);
}

/** The dedupe key of the thread's message at `index`: the app's id, else thread id and position. */
export function messageKeyOf(capture: ThreadCapture, index: number): string {
  const id = capture.messages[index]?.id;
  return (id ?? `${threadKeyOf(capture)}:${index}`).slice(0, 500);
}

export interface ExternalPerson {
  /** emailKey of the address. */
  email: string;
  /** The first display name the thread gives (null when none does). */
  name: string | null;
}

/**
 * The external people of a thread, once each, in the order they first appear (senders, then
 * recipients, message by message). Never-capture addresses and people without an address are left out.
 */
export function externalPeople(capture: ThreadCapture, rules: MailRules = {}): ExternalPerson[] {
  const out = new Map<string, ExternalPerson>();
  const add = (a: MailAddress | null) => {
    if (!a?.email) return;
    const email = emailKey(a.email);
    if (!email.includes('@') || isNeverCaptured(email, rules.neverCapture) || isOwnAddress(email, capture.selfEmail, rules.ownDomains)) return;
    const seen = out.get(email);
    if (!seen) out.set(email, { email, name: a.name });
    else if (!seen.name && a.name) seen.name = a.name;
  };
  for (const m of capture.messages) {
    add(m.from);
    for (const a of m.to) add(a);
    for (const a of m.cc) add(a);
  }
  return [...out.values()];
}

/** Removes never-capture people from an address list (what a stored note may name). */
export function withoutNeverCaptured(list: readonly MailAddress[], neverCapture: readonly string[] = []): MailAddress[] {
  return list.filter((a) => !(a.email && isNeverCaptured(a.email, neverCapture)));
}

/** Records the caller loaded for the match: contacts with these emails, accounts with these domains, their deals. */
export interface MatchCandidates {
  contacts: readonly Contact[];
  accounts: readonly Account[];
  deals: readonly Deal[];
  /** Deals an earlier log of this thread linked it to (most recent link first). */
  linkedDealIds: readonly string[];
}

export interface MatchedPerson extends ExternalPerson {
  contact: Contact | null;
  /** The account the person belongs to: their contact's, else the one holding their domain. */
  accountId: string | null;
}

export interface ThreadMatch {
  threadKey: string;
  people: MatchedPerson[];
  /** The most likely account (null: none known). */
  account: Account | null;
  /** Its open deals, most likely first. */
  deals: Deal[];
  /** The deal this thread was linked to before, if it is still among `deals`. */
  linkedDealId: string | null;
  known: number;
  unknown: number;
}

/** Open deals, most likely first: linked to this thread before, then latest touch, then nearest close date. */
export function rankDeals(deals: readonly Deal[], linkedDealIds: readonly string[], today: string): Deal[] {
  const linkRank = (d: Deal) => {
    const i = linkedDealIds.indexOf(d.id);
    return i < 0 ? Infinity : i;
  };
  const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const t0 = dayMs(today);
  const closeDistance = (d: Deal) => (d.closeOn ? Math.abs(dayMs(d.closeOn) - t0) : Infinity);
  return deals
    .filter((d) => d.status === 'open')
    .slice()
    .sort(
      (a, b) =>
        linkRank(a) - linkRank(b) ||
        (b.lastTouchAt ?? -Infinity) - (a.lastTouchAt ?? -Infinity) ||
        closeDistance(a) - closeDistance(b) ||
        a.name.localeCompare(b.name),
    );
}

/** Matches the thread's external people to contacts, accounts and open deals. `today` is a local ISO date. */
export function matchThread(capture: ThreadCapture, candidates: MatchCandidates, rules: MailRules, today: string): ThreadMatch {
  const byEmail = new Map<string, Contact>();
  for (const c of candidates.contacts) for (const e of c.emails) if (!byEmail.has(emailKey(e))) byEmail.set(emailKey(e), c);
  const accountById = new Map(candidates.accounts.map((a) => [a.id, a]));
  const accountOfDomain = (d: string | null): Account | null => {
    if (!d) return null;
    // The most specific domain an account holds: sales.acme.example before acme.example.
    let best: Account | null = null;
    let bestLen = -1;
    for (const a of candidates.accounts) {
      for (const raw of a.domains) {
        const rule = normaliseRule(raw);
        if (rule && inDomain(d, rule) && rule.length > bestLen) {
          best = a;
          bestLen = rule.length;
        }
      }
    }
    return best;
  };

  const people: MatchedPerson[] = externalPeople(capture, rules).map((p) => {
    const contact = byEmail.get(p.email) ?? null;
    const accountId = contact?.accountId ?? accountOfDomain(domainOf(p.email))?.id ?? null;
    return { ...p, contact, accountId };
  });

  // The account: that of a deal linked before; else the one most of the people belong to.
  const linkedDeals = candidates.linkedDealIds.map((id) => candidates.deals.find((d) => d.id === id)).filter((d): d is Deal => !!d);
  let account: Account | null = null;
  for (const d of linkedDeals) if (!account && d.accountId) account = accountById.get(d.accountId) ?? null;
  if (!account) {
    const votes = new Map<string, number>();
    for (const p of people) if (p.accountId) votes.set(p.accountId, (votes.get(p.accountId) ?? 0) + 1);
    let bestId: string | null = null;
    for (const [id, n] of votes) if (bestId === null || n > votes.get(bestId)!) bestId = id;
    account = bestId ? (accountById.get(bestId) ?? null) : null;
  }
  const deals = account ? rankDeals(candidates.deals.filter((d) => d.accountId === account!.id), candidates.linkedDealIds, today) : [];
  const linkedDealId = deals.find((d) => candidates.linkedDealIds.includes(d.id))?.id ?? null;
  const known = people.filter((p) => p.contact).length;
  return { threadKey: threadKeyOf(capture), people, account, deals, linkedDealId, known, unknown: people.length - known };
}
