import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../../lib/domain/dates';
import {
  accountSchema,
  activitySchema,
  contactSchema,
  dealSchema,
  type Account,
  type Activity,
  type Contact,
  type Deal,
} from '../../../../lib/domain/records';
import { parseCsv } from '../../../../lib/io/csv/parse';
import type { ImportEntity } from '../../../../lib/io/import/fields';
import { proposeMapping } from '../../../../lib/io/import/profiles';
import { buildImport, type ExistingIndex, type ImportPlan } from '../../../../lib/io/import/rows';
import {
  ACCOUNT_HEADERS,
  ACTIVITY_HEADERS,
  CONTACT_HEADERS,
  DEAL_HEADERS,
  accountsToCsv,
  activitiesToCsv,
  contactsToCsv,
  dealsToCsv,
  externalIdOf,
} from '../../../../lib/io/export/raw';

/**
 * Export then import (the real importer: parseCsv → proposeMapping → buildImport)
 * gives back the same records. Text is what the importer keeps as written: no
 * leading/trailing whitespace (it trims cells). Formula-like text round-trips: the export
 * guards it with a quote and the importer takes exactly that quote off again.
 */

const NOW = Date.UTC(2026, 10, 28, 3, 0);
const ZONE = 'Asia/Bangkok';
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

const chars = fc.constantFrom('a', 'Z', '7', ' ', 'ก', 'ไ', 'ี', '์', ',', '"', ';', '|', '\n', '\r\n', '\t', '.', "'", 'é', '😀', '=', '-');
const text = (minLength: number, maxLength: number) =>
  fc.string({ unit: chars, minLength, maxLength }).filter((s) => s.trim() === s && (minLength === 0 || s !== ''));
const optText = (max: number) => fc.option(text(1, max), { nil: null });
const day = fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
const optDay = fc.option(day, { nil: null });
const currency = fc.constantFrom('THB', 'USD', 'JPY', 'BHD', 'EUR');

function importPlan<E extends ImportEntity>(csv: string, entity: E, headers: readonly string[], existing: ExistingIndex): ImportPlan<E> {
  const parsed = parseCsv(csv);
  expect(parsed.errors).toEqual([]);
  expect(parsed.headers).toEqual([...headers]);
  const mapping = proposeMapping(parsed.headers, parsed.rows, entity);
  // Every exported column maps to the field it is named after.
  for (const [i, h] of headers.entries()) expect(mapping[h], h).toBe(i);
  const plan = buildImport(parsed, mapping, {
    entity,
    site: 'csv',
    now: NOW,
    defaultCurrency: 'THB',
    stageRules: [],
    existing,
    timeZone: ZONE,
  });
  expect(plan.missingFields).toEqual([]);
  expect(plan.needsDateFormat).toEqual([]);
  expect(plan.rejects).toEqual([]);
  return plan;
}

const noExisting = (): ExistingIndex => ({ bySourceKey: new Map(), accountsByName: new Map() });

// ---------------------------------------------------------------- arbitraries

const accountNames = fc.uniqueArray(text(1, 12), { minLength: 1, maxLength: 5, selector: norm });

const dealArb = fc
  .record({
    name: text(1, 30),
    account: fc.option(fc.nat(), { nil: null }),
    amountMinor: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
    currency,
    stage: text(1, 20),
    status: fc.constantFrom('open', 'won', 'lost'),
    probability: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
    forecastCategory: fc.constantFrom('commit', 'best_case', 'pipeline', 'omitted'),
    type: fc.constantFrom('new_business', 'upsell', 'cross_sell', 'renewal'),
    createdOn: day,
    closeOn: day,
    openClose: fc.boolean(),
    lossReason: optText(20),
    nextStep: optText(20),
    nextStepDue: optDay,
    territory: optText(10),
    ownerName: optText(15),
    fromCrm: fc.boolean(),
  })
  .map((d) => {
    // Won and lost deals carry their fixed probability and forecast, a close day, and (lost only) a reason.
    const closed = d.status !== 'open';
    return {
      ...d,
      probability: d.status === 'won' ? 1 : d.status === 'lost' ? 0 : d.probability,
      forecastCategory: d.status === 'won' ? 'commit' : d.status === 'lost' ? 'omitted' : d.forecastCategory,
      closeOn: closed || d.openClose ? d.closeOn : null,
      lossReason: d.status === 'lost' ? d.lossReason : null,
    };
  });

function makeAccounts(names: string[]): Account[] {
  return names.map((name, i) =>
    accountSchema.parse({ id: `acc-${i}`, createdAt: 1, updatedAt: 1, name, sourceKey: i % 2 ? `hubspot:C${i}` : null }),
  );
}

type DealDraft = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

function makeDeals(raw: DealDraft[], accounts: Account[]): Deal[] {
  return raw.map(({ account, openClose: _o, fromCrm, ...d }, i) =>
    dealSchema.parse({
      ...d,
      id: `deal-${i}`,
      createdAt: 1,
      updatedAt: 2,
      accountId: account === null ? null : accounts[account % accounts.length]!.id,
      sourceKey: fromCrm ? `salesforce:006${i}` : null,
    }),
  );
}

const DEAL_FIELDS = [
  'name',
  'amountMinor',
  'currency',
  'stage',
  'status',
  'probability',
  'forecastCategory',
  'type',
  'createdOn',
  'closeOn',
  'lossReason',
  'nextStep',
  'nextStepDue',
  'territory',
  'ownerName',
] as const;

function importDeals(deals: Deal[], accounts: Account[]) {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const plan = importPlan(dealsToCsv(deals, byId), 'deals', DEAL_HEADERS, noExisting());
  expect(plan.creates).toHaveLength(deals.length);
  const newAccountName = new Map(plan.accountsToCreate.map((a) => [a.id, a.name]));
  return { plan, byId, newAccountName };
}

// ---------------------------------------------------------------- properties

describe('export then import gives the same records', () => {
  it('deals', () => {
    fc.assert(
      fc.property(accountNames, fc.array(dealArb, { minLength: 1, maxLength: 15 }), (names, raw) => {
        const accounts = makeAccounts(names);
        const deals = makeDeals(raw, accounts);
        const { plan, byId, newAccountName } = importDeals(deals, accounts);
        const created = new Map(plan.creates.map((c) => [c.sourceKey, c.record]));
        for (const d of deals) {
          const back = created.get(`csv:${externalIdOf(d)}`);
          expect(back).toBeDefined();
          for (const f of DEAL_FIELDS) expect(back![f], f).toEqual(d[f]);
          const accountName = d.accountId === null ? null : byId.get(d.accountId)!.name;
          expect(back!.accountId === null ? null : newAccountName.get(back!.accountId)).toBe(accountName);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('accounts', () => {
    const accountArb = fc.record({
      industry: optText(15),
      territory: optText(10),
      isTarget: fc.boolean(),
      potential: fc.option(fc.tuple(fc.integer({ min: 0, max: 1e12 }), currency), { nil: null }),
      customerSince: optDay,
      churnedOn: optDay,
      domains: fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,8}\.(co\.th|com|io)$/), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(accountNames, fc.array(accountArb, { minLength: 5, maxLength: 5 }), (names, extras) => {
        const accounts = names.map((name, i) => {
          const { potential, ...x } = extras[i]!;
          return accountSchema.parse({
            ...x,
            id: `acc-${i}`,
            createdAt: 1,
            updatedAt: 1,
            name,
            potentialMinor: potential?.[0] ?? null,
            potentialCurrency: potential?.[1] ?? null,
            sourceKey: i % 2 ? `hubspot:C${i}` : null,
          });
        });
        const plan = importPlan(accountsToCsv(accounts), 'accounts', ACCOUNT_HEADERS, noExisting());
        expect(plan.creates).toHaveLength(accounts.length);
        const created = new Map(plan.creates.map((c) => [c.sourceKey, c.record]));
        for (const a of accounts) {
          const back = created.get(`csv:${externalIdOf(a)}`)!;
          for (const f of ['name', 'domains', 'industry', 'territory', 'isTarget', 'potentialMinor', 'potentialCurrency', 'customerSince', 'churnedOn'] as const) {
            expect(back[f], f).toEqual(a[f]);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('contacts and activities, linked to the re-imported deals, accounts and contacts', () => {
    const contactArb = fc.record({
      name: text(1, 20),
      email: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}@[a-z]{1,6}\.(com|co\.th)$/), { nil: null }),
      phone: optText(12),
      title: optText(12),
      account: fc.option(fc.nat(), { nil: null }),
      buyingRole: fc.constantFrom('decision_maker', 'champion', 'influencer', 'user', 'blocker', null),
    });
    const activityArb = fc.record({
      kind: fc.constantFrom('call', 'email', 'meeting', 'note', 'task'),
      // Whole minutes: the importer reads times to the minute.
      minute: fc.integer({ min: 0, max: 60 * 24 * 365 * 30 }),
      durationMin: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: null }),
      outcome: fc.constantFrom('connected', 'left_voicemail', 'no_answer', 'held', 'no_show', 'sent', 'replied', 'done', 'follow_up', null),
      subject: text(0, 20),
      notes: text(0, 40),
      deal: fc.option(fc.nat(), { nil: null }),
      account: fc.option(fc.nat(), { nil: null }),
      contact: fc.option(fc.nat(), { nil: null }),
    });
    fc.assert(
      fc.property(
        accountNames,
        fc.array(dealArb, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(contactArb, { minLength: 1, maxLength: 5, selector: (c) => norm(c.name) }),
        fc.array(activityArb, { minLength: 1, maxLength: 10 }),
        (names, rawDeals, rawContacts, rawActivities) => {
          const accounts = makeAccounts(names);
          const deals = makeDeals(rawDeals, accounts);
          // Emails are unique per contact (the importer finds a contact by email first).
          const contacts: Contact[] = rawContacts.map(({ account, email, ...c }, i) =>
            contactSchema.parse({
              ...c,
              id: `con-${i}`,
              createdAt: 1,
              updatedAt: 1,
              emails: email ? [`${i}.${email}`] : [],
              accountId: account === null ? null : accounts[account % accounts.length]!.id,
            }),
          );
          const activities: Activity[] = rawActivities.map((a, i) => {
            const at = Date.UTC(1996, 0, 1) + a.minute * 60_000;
            return activitySchema.parse({
              id: `act-${i}`,
              createdAt: 1,
              updatedAt: 1,
              kind: a.kind,
              at,
              durationMin: a.durationMin,
              outcome: a.outcome,
              subject: a.subject,
              notes: a.notes,
              dealId: a.deal === null ? null : deals[a.deal % deals.length]!.id,
              accountId: a.account === null ? null : accounts[a.account % accounts.length]!.id,
              contactId: a.contact === null ? null : contacts[a.contact % contacts.length]!.id,
              completedAt: a.kind === 'task' && a.outcome === 'done' ? at : null,
            });
          });

          // Import accounts first (as the AE would), then deals, contacts, activities against what is stored.
          const accountsById = new Map(accounts.map((a) => [a.id, a]));
          const accPlan = importPlan(accountsToCsv(accounts), 'accounts', ACCOUNT_HEADERS, noExisting());
          const storedAccountsByName = new Map(accPlan.creates.map((c) => [norm(c.record.name), c.record.id]));
          const accountNameOf = new Map(accPlan.creates.map((c) => [c.record.id, c.record.name]));

          const contactPlan = importPlan(contactsToCsv(contacts, accountsById), 'contacts', CONTACT_HEADERS, {
            bySourceKey: new Map(),
            accountsByName: storedAccountsByName,
          });
          expect(contactPlan.accountsToCreate).toEqual([]);
          const contactsBack = new Map(contactPlan.creates.map((c) => [c.sourceKey, c.record]));
          for (const c of contacts) {
            const back = contactsBack.get(`csv:${externalIdOf(c)}`)!;
            for (const f of ['name', 'emails', 'phone', 'title', 'buyingRole'] as const) expect(back[f], f).toEqual(c[f]);
            expect(back.accountId === null ? null : accountNameOf.get(back.accountId)).toBe(
              c.accountId === null ? null : accountsById.get(c.accountId)!.name,
            );
          }

          const dealPlan = importPlan(dealsToCsv(deals, accountsById), 'deals', DEAL_HEADERS, {
            bySourceKey: new Map(),
            accountsByName: storedAccountsByName,
          });
          const dealsBySourceKey = new Map(dealPlan.creates.map((c) => [c.sourceKey, c.record.id]));
          const dealKeyOf = new Map(dealPlan.creates.map((c) => [c.record.id, c.sourceKey]));

          const csv = activitiesToCsv(
            activities,
            { dealsById: new Map(deals.map((d) => [d.id, d])), accountsById, contactsById: new Map(contacts.map((c) => [c.id, c])) },
            ZONE,
          );
          const contactRecords = [...contactsBack.values()];
          const actPlan = importPlan(csv, 'activities', ACTIVITY_HEADERS, {
            bySourceKey: new Map(),
            accountsByName: storedAccountsByName,
            dealsBySourceKey,
            contactsByEmail: new Map(contactRecords.flatMap((c) => c.emails.map((e) => [e, c.id] as const))),
            contactsByName: new Map(contactRecords.map((c) => [norm(c.name), c.id])),
          });
          expect(actPlan.warnings).toEqual([]);
          const actsBack = new Map(actPlan.creates.map((c) => [c.record.provenance?.externalId, c.record]));
          expect(actsBack.size).toBe(activities.length);
          const contactExternal = new Map(contactRecords.map((c) => [c.id, c.sourceKey]));
          for (const a of activities) {
            const back = actsBack.get(a.id)!;
            for (const f of ['kind', 'at', 'durationMin', 'outcome', 'subject', 'notes', 'completedAt'] as const) {
              expect(back[f], f).toEqual(a[f]);
            }
            const deal = a.dealId === null ? null : deals.find((d) => d.id === a.dealId)!;
            expect(back.dealId === null ? null : dealKeyOf.get(back.dealId)).toBe(deal ? `csv:${externalIdOf(deal)}` : null);
            expect(back.accountId === null ? null : accountNameOf.get(back.accountId)).toBe(
              a.accountId === null ? null : accountsById.get(a.accountId)!.name,
            );
            expect(back.contactId === null ? null : contactExternal.get(back.contactId)).toBe(
              a.contactId === null ? null : `csv:${a.contactId}`,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('delimiter guessing', () => {
  it('a small export whose text holds ; and | is still read as a comma file', () => {
    // Found by the property above: with a trailing newline and unquoted '|', papaparse guessed '|'.
    const accounts = makeAccounts(['a']);
    const deals = [
      dealSchema.parse({ id: 'd0', createdAt: 1, updatedAt: 2, name: '|a', currency: 'THB', stage: 'a', status: 'open', probability: 0, forecastCategory: 'commit', createdOn: '2000-01-01', ownerName: '|"a' }),
      dealSchema.parse({ id: 'd1', createdAt: 1, updatedAt: 2, name: 'a;b', currency: 'THB', stage: 'a', status: 'open', probability: 0, forecastCategory: 'commit', createdOn: '2000-01-01', territory: ';' }),
    ];
    const parsed = parseCsv(dealsToCsv(deals, new Map(accounts.map((a) => [a.id, a]))));
    expect(parsed.delimiter).toBe(',');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r[1])).toEqual(['|a', 'a;b']);
  });
});
