import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealSchema } from '../../../../lib/domain/records';
import { parseCsv } from '../../../../lib/io/csv/parse';
import { detectProfile, proposeMapping } from '../../../../lib/io/import/profiles';
import { buildImport } from '../../../../lib/io/import/rows';
import { dealDraftValid } from '../../../../lib/io/import/valid';
import { amountFast, parseAmount } from '../../../../lib/io/import/values';
import { DEFAULT_STAGE_RULES } from '../../../../lib/settings/schema';

/**
 * The import's fast paths must give what the slow paths give: amountFast what parseAmount
 * gives, and dealDraftValid must never pass a draft that dealSchema rejects.
 */

describe('amountFast agrees with parseAmount wherever it answers', () => {
  const piece = fc.constantFrom('0', '1', '5', '9', '12', '999', ',', '.', ' ', 'THB', 'USD', 'JPY', 'BHD', 'usd', '-', '(', ')', '$', '฿', 'x', '1234567', '00');
  const cell = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));

  it('on random cells, in both decimal conventions and currencies of 0, 2 and 3 decimals', () => {
    fc.assert(
      fc.property(cell, fc.constantFrom('dot', 'comma'), fc.constantFrom('THB', 'JPY', 'BHD'), (v, decimal, cur) => {
        const fast = amountFast(v, cur, decimal);
        if (fast === null) return;
        const slow = parseAmount(v, cur, decimal);
        expect(slow).toEqual({ ok: true, value: fast });
      }),
      { numRuns: 5000 },
    );
  });

  it('answers the common shapes, and leaves the rest to parseAmount', () => {
    expect(amountFast('THB 1,234,567.00', 'USD')).toEqual({ minor: 123_456_700, currency: 'THB' });
    expect(amountFast('1200 usd', 'THB')).toEqual({ minor: 120_000, currency: 'USD' });
    expect(amountFast('1.234,5', 'EUR', 'comma')).toEqual({ minor: 123_450, currency: 'EUR' });
    expect(amountFast('', 'THB')).toEqual({ minor: null, currency: 'THB' });
    expect(amountFast('1500', 'JPY')).toEqual({ minor: 1500, currency: 'JPY' });
    // Rounding, symbols, negatives, junk and huge values go the slow way.
    for (const v of ['1.005', '฿100', '$5', '-5', '(5)', 'lots', '.', 'USD', '99999999999999999']) expect(amountFast(v, 'THB'), v).toBeNull();
  });
});

describe('dealDraftValid is sound against dealSchema', () => {
  const valid = {
    id: 'deal_1',
    createdAt: 1,
    updatedAt: 2,
    name: 'Deal',
    accountId: null,
    amountMinor: 100,
    currency: 'THB',
    stage: 'Proposal',
    status: 'open',
    probability: 0.5,
    forecastCategory: 'pipeline',
    type: 'new_business',
    createdOn: '2026-01-05',
    closeOn: null,
    lossReason: null,
    nextStep: null,
    nextStepDue: null,
    territory: null,
    ownerName: null,
    primaryContactId: null,
    lineItems: [],
    provenance: { site: 'csv', url: null, externalId: null, capturedAt: 5 },
    sourceKey: 'csv:1',
    typeLabel: null,
    lastTouchAt: null,
    lastMeetingAt: null,
  };

  it('accepts a valid draft, which dealSchema returns unchanged', () => {
    expect(dealDraftValid({ ...valid })).toBe(true);
    expect(dealSchema.parse(valid)).toEqual(valid);
  });

  // Boundary and wrong values per key; each replaces one key of the valid draft.
  const s = (n: number) => 'x'.repeat(n);
  const variants: Record<string, unknown[]> = {
    id: ['', s(200), s(201), 5],
    createdAt: [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, NaN],
    updatedAt: [0, -1, 2.5],
    name: ['', s(300), s(301), null],
    accountId: [null, '', s(200), s(201)],
    amountMinor: [null, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Infinity],
    currency: ['THB', 'thb', 'TH', 'THBX', '$$$', null],
    stage: ['', s(200), s(201)],
    status: ['won', 'lost', 'closed', null],
    probability: [0, 1, -0.01, 1.01, NaN, '0.5'],
    forecastCategory: ['commit', 'best_case', 'omitted', 'bestcase'],
    type: ['renewal', 'upsell', 'newbusiness', null],
    createdOn: ['2026-12-31', '2026-1-05', '20260105', null, '2026-01-05T00:00'],
    closeOn: [null, '2026-03-31', '31/03/2026', ''],
    lossReason: [null, '', s(500), s(501)],
    nextStep: [null, s(500), s(501)],
    nextStepDue: [null, '2026-04-01', 'soon'],
    territory: [null, s(200), s(201)],
    ownerName: [null, s(200), s(201)],
    primaryContactId: [null, '', 'c1'],
    lineItems: [
      [],
      [{ productId: null, productName: 'P', quantity: 1, unitPriceMinor: 5 }],
      [{ productId: null, productName: '', quantity: 1, unitPriceMinor: 5 }],
      [{ productId: null, productName: 'P', quantity: 0, unitPriceMinor: 5 }],
      [{ productId: null, productName: 'P', quantity: 1e9 + 1, unitPriceMinor: 5 }],
      [{ productId: null, productName: 'P', quantity: 1, unitPriceMinor: 1.5 }],
      [{ productId: null, productName: 'P', quantity: 1, unitPriceMinor: -5 }],
      [{ productId: null, productName: s(301), quantity: 2, unitPriceMinor: 5 }],
      'none',
    ],
    provenance: [
      null,
      { site: 'hubspot', url: null, externalId: s(500), capturedAt: 1 },
      { site: 'hubspot', url: null, externalId: s(501), capturedAt: 1 },
      { site: 'crm', url: null, externalId: null, capturedAt: 1 },
      { site: 'csv', url: s(4001), externalId: null, capturedAt: 1 },
      { site: 'csv', url: null, externalId: null, capturedAt: -1 },
    ],
    sourceKey: [null, '', 'csv:x', 5],
    lastTouchAt: [null, 0, 1_700_000_000_000, -1, 1.5, '1'],
    lastMeetingAt: [null, 1_700_000_000_000, -1],
  };

  it('every single-key variant it accepts, dealSchema accepts too', () => {
    let accepted = 0;
    let refused = 0;
    for (const [key, values] of Object.entries(variants)) {
      for (const v of values) {
        const draft = { ...valid, [key]: v };
        const fast = dealDraftValid(draft);
        const zod = dealSchema.safeParse(draft).success;
        if (fast) expect(zod, `${key}=${JSON.stringify(v)?.slice(0, 40)}`).toBe(true);
        if (fast) accepted++;
        else refused++;
      }
    }
    // The table exercises both sides of the check.
    expect(accepted).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(40);
  });

  it('refuses drafts with a key missing or a key the schema does not have', () => {
    const { primaryContactId: _p, ...missing } = valid;
    expect(dealDraftValid(missing)).toBe(false);
    expect(dealDraftValid({ ...valid, extra: 1 })).toBe(false);
  });
});

describe('records from the fast path satisfy the real domain schema', () => {
  it('a generated Salesforce-style export: sampled creates pass dealSchema.safeParse unchanged', () => {
    const stages = ['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review', 'Closed Won', 'Closed Lost', 'Pilot'];
    const lines = ['"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date","Next Step","Type","Opportunity ID"'];
    for (let i = 0; i < 600; i++) {
      const stage = stages[i % stages.length]!;
      lines.push(
        [
          i % 4 ? 'Somchai Prasert' : '',
          `"Account ${i % 37}, Ltd."`,
          `"Deal ${i} - ${stage}"`,
          stage,
          i % 9 ? `"THB ${(i * 7919).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}"` : '',
          String(i % 100),
          `${1 + (i % 12)}/${1 + (i % 28)}/2026`,
          `${1 + ((i * 5) % 12)}/${1 + ((i * 3) % 28)}/2025`,
          i % 3 === 0 ? '"Call, then send ""quote"""' : '',
          i % 2 ? 'New Business' : 'Existing Business',
          `006${String(i).padStart(15, '0')}`,
        ].join(','),
      );
    }
    const parsed = parseCsv(lines.join('\r\n') + '\r\n');
    const det = detectProfile(parsed.headers);
    const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows.slice(0, 200), det.entity, det.crm), {
      entity: 'deals',
      site: 'salesforce',
      now: Date.UTC(2026, 10, 28),
      defaultCurrency: 'THB',
      stageRules: DEFAULT_STAGE_RULES,
      existing: { bySourceKey: new Map(), accountsByName: new Map() },
    });
    expect(plan.rejects).toEqual([]);
    expect(plan.creates).toHaveLength(600);
    for (let i = 0; i < plan.creates.length; i += 7) {
      const record = plan.creates[i]!.record;
      const r = dealSchema.safeParse(record);
      expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      // Nothing the schema would add, drop or change.
      expect(r.data).toEqual(record);
    }
    expect(plan.creates[9]!.record).toMatchObject({ amountMinor: null, stage: 'Proposal/Price Quote' });
    expect(plan.creates[1]!.record).toMatchObject({ amountMinor: 791_901, currency: 'THB', ownerName: 'Somchai Prasert' });
  });

  it('a record the fast check refuses still goes through zod, which names the column', () => {
    const parsed = parseCsv(`Name,Stage,Created\n${'n'.repeat(301)},Proposal,2026-01-05\nok,Proposal,2026-01-05\n`);
    const plan = buildImport(parsed, { name: 0, stage: 1, created: 2 }, {
      entity: 'deals',
      site: 'csv',
      now: 1,
      defaultCurrency: 'THB',
      stageRules: DEFAULT_STAGE_RULES,
      existing: { bySourceKey: new Map(), accountsByName: new Map() },
    });
    expect(plan.rejects.map((r) => [r.row, r.column, r.message])).toEqual([[2, 'Name', 'io.reason.tooLong']]);
    expect(plan.creates).toHaveLength(1);
  });
});
