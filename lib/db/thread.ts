import {
  domainOf,
  externalPeople,
  isNeverCaptured,
  isOwnAddress,
  matchThread,
  messageKeyOf,
  threadKeyOf,
  withoutNeverCaptured,
  type MailRules,
  type ThreadMatch,
} from '../capture/thread-match';
import type { MailAddress, ThreadCapture } from '../capture/schema';
import { localDateOf } from '../domain/dates';
import { activitySchema, contactSchema, type Activity, type Contact, type Deal } from '../domain/records';
import { cleanLine, emailKey } from '../domain/text';
import type { CockpitDB } from './database';
import { validateFor } from './errors';
import { newId } from './ids';
import { applyActivityTouch, recomputeTouches } from './touches';

/**
 * A mail thread and the book: what AE Cockpit knows about the people in it (read), and the
 * one-click log (write). The thread ↔ deal link is not a table of its own: every activity logged
 * from a thread carries `provenance.captured.threadId`, so the deal of the thread's latest
 * logged activity is the thread's deal.
 */

/** Is this activity one logged from this thread? */
function isOfThread(a: Activity, site: string, threadKey: string): boolean {
  return a.provenance?.site === site && a.provenance.captured?.threadId === threadKey;
}

/** Every domain and parent domain of the people (sales.acme.example → also acme.example), for the *domains index. */
function domainsToLook(emails: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of emails) {
    const d = domainOf(e);
    if (!d) continue;
    const parts = d.split('.');
    for (let i = 0; i < parts.length - 1; i++) out.add(parts.slice(i).join('.'));
  }
  return [...out];
}

/**
 * The match for the panel, from indexed reads only: contacts by email, accounts by domain and by
 * those contacts, their deals, and the activities of those accounts and contacts (for an earlier
 * link of this thread). Run it in a live query: a log re-matches on its own.
 */
export async function loadThreadMatch(db: CockpitDB, capture: ThreadCapture, rules: MailRules, now: number): Promise<ThreadMatch> {
  const emails = externalPeople(capture, rules).map((p) => p.email);
  const contacts = emails.length ? await db.contacts.where('emails').anyOfIgnoreCase(emails).toArray() : [];
  const domains = domainsToLook(emails);
  const byDomain = domains.length ? await db.accounts.where('domains').anyOfIgnoreCase(domains).toArray() : [];
  const accountIds = new Set([...byDomain.map((a) => a.id), ...contacts.map((c) => c.accountId).filter((x): x is string => !!x)]);
  const accounts = (await db.accounts.bulkGet([...accountIds])).filter((a) => a !== undefined);
  const deals = accountIds.size ? await db.deals.where('accountId').anyOf([...accountIds]).toArray() : [];
  const threadKey = threadKeyOf(capture);
  const acts = [
    ...(accountIds.size ? await db.activities.where('accountId').anyOf([...accountIds]).toArray() : []),
    ...(contacts.length ? await db.activities.where('contactId').anyOf(contacts.map((c) => c.id)).toArray() : []),
  ].filter((a) => isOfThread(a, capture.site, threadKey) && a.dealId);
  acts.sort((a, b) => b.updatedAt - a.updatedAt);
  const linkedDealIds = [...new Set(acts.map((a) => a.dealId!))];
  return matchThread(capture, { contacts, accounts, deals, linkedDealIds }, rules, localDateOf(now));
}

export interface LogThreadResult {
  /** Email activities created now (messages not logged before). */
  logged: number;
  /** Messages already logged earlier (not logged again). */
  already: number;
  /** Contacts created for people AE Cockpit did not know. */
  createdContacts: number;
  /** Earlier activities of this thread moved to the chosen deal. */
  relinked: number;
  /** Messages the page shows no date for: not logged (an activity's time is never made up). */
  undated: number;
}

const line = (a: MailAddress) => (a.name && a.email ? `${a.name} <${a.email}>` : (a.email ?? a.name ?? ''));

/** What an activity's notes say about one message: its people, never-capture ones left out. */
function messageNotes(from: MailAddress | null, to: readonly MailAddress[], cc: readonly MailAddress[], never: readonly string[]): string {
  const rows: string[] = [];
  if (from) rows.push(`From: ${line(from)}`);
  const t = withoutNeverCaptured(to, never).map(line).filter(Boolean);
  const c = withoutNeverCaptured(cc, never).map(line).filter(Boolean);
  if (t.length) rows.push(`To: ${t.join(', ')}`);
  if (c.length) rows.push(`Cc: ${c.join(', ')}`);
  return rows.join('\n').slice(0, 20000);
}

/**
 * One click, ONE transaction: the thread's messages not logged before become email activities
 * on the chosen deal (and its account); the external people AE Cockpit does not know become
 * contacts of the account; the thread is linked to the deal (its earlier activities move to it
 * when the AE now picks another). Dedupe is by message (provenance.externalId = the app's message
 * id, else `${threadId}:${index}`), so logging twice logs once. Never-capture people are not
 * stored, and a message they sent is not logged. Every record is validated before it is written.
 */
export async function logThread(
  db: CockpitDB,
  capture: ThreadCapture,
  target: { dealId: string | null; accountId: string | null },
  now: number,
  rules: MailRules = {},
): Promise<LogThreadResult> {
  const never = rules.neverCapture ?? [];
  const threadKey = threadKeyOf(capture);
  return db.transaction('rw', [db.activities, db.deals, db.accounts, db.contacts], async () => {
    let deal: Deal | undefined;
    if (target.dealId) {
      deal = await db.deals.get(target.dealId);
      if (!deal) throw new Error(`no deal ${target.dealId}`);
    }
    const accountId = target.accountId ?? deal?.accountId ?? null;
    const dealId = deal?.id ?? null;

    // Dedupe over the whole book, not only this deal: a message logged on another deal is still logged.
    const keys = new Set(capture.messages.map((_, i) => messageKeyOf(capture, i)));
    const earlier = await db.activities.filter((a) => a.provenance?.site === capture.site && keys.has(a.provenance.externalId ?? '')).toArray();
    const logged = new Set(earlier.map((a) => a.provenance!.externalId!));

    // People: known by email, else new contacts of the account (once: the email index is checked first).
    const contactOf = new Map<string, Contact>();
    let createdContacts = 0;
    for (const p of externalPeople(capture, rules)) {
      const found = await db.contacts.where('emails').equalsIgnoreCase(p.email).first();
      if (found) {
        contactOf.set(p.email, found);
        continue;
      }
      const contact = validateFor(contactSchema, 'contacts', {
        id: newId(),
        createdAt: now,
        updatedAt: now,
        name: cleanLine(p.name ?? p.email, 300) || p.email,
        emails: [p.email],
        accountId,
        provenance: { site: capture.site, url: capture.url, externalId: null, capturedAt: now },
      });
      await db.contacts.add(contact);
      contactOf.set(p.email, contact);
      createdContacts++;
    }
    const external = (a: MailAddress | null) => (a?.email && !isOwnAddress(a.email, capture.selfEmail, rules.ownDomains) ? contactOf.get(emailKey(a.email)) : undefined);

    const created: Activity[] = [];
    let already = 0;
    let undated = 0;
    capture.messages.forEach((m, i) => {
      const key = messageKeyOf(capture, i);
      if (logged.has(key)) return void already++;
      if (m.from?.email && isNeverCaptured(m.from.email, never)) return;
      // The page states no time (a relative "Yesterday", an ambiguous 3/4): left out, and said so.
      if (m.at === null || m.at > now) return void undated++;
      const fromOwn = m.from?.email ? isOwnAddress(m.from.email, capture.selfEmail, rules.ownDomains) : false;
      const contact = external(m.from) ?? [...m.to, ...m.cc].map(external).find((c) => c);
      created.push(
        validateFor(activitySchema, 'activities', {
          id: newId(),
          createdAt: now,
          updatedAt: now,
          kind: 'email',
          at: m.at,
          outcome: m.from?.email ? (fromOwn ? 'sent' : 'replied') : null,
          subject: cleanLine(capture.subject, 300),
          notes: messageNotes(m.from, m.to, m.cc, never),
          dealId,
          accountId,
          contactId: contact?.id ?? null,
          provenance: { site: capture.site, url: capture.url, externalId: key, capturedAt: now, captured: { threadId: threadKey } },
        }),
      );
      logged.add(key);
    });
    if (created.length) await db.activities.bulkAdd(created);
    for (const a of created) await applyActivityTouch(db, a, now);

    // The link: this thread's earlier activities follow the deal chosen now.
    const moved = (await db.activities.filter((a) => isOfThread(a, capture.site, threadKey) && (a.dealId !== dealId || a.accountId !== accountId)).toArray()).filter(
      (a) => !created.includes(a),
    );
    if (moved.length && dealId) {
      const before = { dealIds: new Set<string>(), accountIds: new Set<string>() };
      for (const a of moved) {
        if (a.dealId) before.dealIds.add(a.dealId);
        if (a.accountId) before.accountIds.add(a.accountId);
        await db.activities.update(a.id, { dealId, accountId, updatedAt: now });
      }
      before.dealIds.add(dealId);
      if (accountId) before.accountIds.add(accountId);
      await recomputeTouches(db, before, now);
    }
    return { logged: created.length, already, createdContacts, relinked: dealId ? moved.length : 0, undated };
  });
}
