import { saveCapture } from '../../../lib/db/capture';
import type { RecordCapture } from '../../../lib/capture/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CockpitEngine } from '../../../components/cockpit/engine';
import { nextActions } from '../../../lib/actions';
import type { ViewOptions } from '../../../lib/cockpit/view';
import { CockpitDB, putBook, readBook, replaceBook } from '../../../lib/db';
import { editDeal } from '../../../lib/db/deals';
import { buildExistingIndex, commitImport, undoImport } from '../../../lib/db/import';
import { deleteActivity, logActivity, setActionState } from '../../../lib/db/writes';
import { generateBook } from '../../../lib/demo';
import { addDays, localDateOf } from '../../../lib/domain/dates';
import { parseCsv } from '../../../lib/io/csv/parse';
import { proposeMapping } from '../../../lib/io/import/profiles';
import { buildImport } from '../../../lib/io/import/rows';
import { computeReport, KPI_IDS, presetPeriod, runtimeOffsetMinutes } from '../../../lib/kpi';
import { defaultSettings, DEFAULT_STAGE_RULES } from '../../../lib/settings/schema';

/**
 * The panel's numbers come from CockpitEngine: the book read once, then patched with only the
 * records Dexie's change notices name. After any sequence of the real write functions, what it
 * shows must equal the engine's full computation over a fresh readBook.
 */
const NOW = Date.UTC(2026, 10, 28, 5);
const today = localDateOf(NOW);
const settings = { ...defaultSettings(), reportingCurrency: 'THB', fxRates: { USD: 35 } };
const base = generateBook({ now: NOW, seed: 7, accounts: 8, deals: 40, activities: 120, leads: 15, currency: 'THB' });

type Op =
  | { kind: 'log'; deal: number; what: 'call' | 'meeting' | 'email' | 'note'; daysAgo: number }
  | { kind: 'deleteActivity'; pick: number }
  | { kind: 'editDeal'; deal: number; stage: 'won' | 'lost' | 'open'; amount: number; closeIn: number }
  | { kind: 'import'; amount: number }
  | { kind: 'undoImport' }
  | { kind: 'restore'; keep: number }
  | { kind: 'bulkActivities'; n: number }
  | { kind: 'actionDone'; pick: number }
  | { kind: 'capture'; id: number; amount: number; stage: 'Closed Won' | 'Proposal' | 'Closed Lost'; account: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('log' as const), deal: fc.nat(60), what: fc.constantFrom('call', 'meeting', 'email', 'note'), daysAgo: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('deleteActivity' as const), pick: fc.nat(500) }),
  fc.record({ kind: fc.constant('editDeal' as const), deal: fc.nat(60), stage: fc.constantFrom('won', 'lost', 'open'), amount: fc.integer({ min: 0, max: 5_000_000 }), closeIn: fc.integer({ min: -40, max: 40 }) }),
  fc.record({ kind: fc.constant('import' as const), amount: fc.integer({ min: 1, max: 900_000 }) }),
  fc.record({ kind: fc.constant('undoImport' as const) }),
  fc.record({ kind: fc.constant('restore' as const), keep: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('bulkActivities' as const), n: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('actionDone' as const), pick: fc.nat(50) }),
  fc.record({
    kind: fc.constant('capture' as const),
    id: fc.nat(5),
    amount: fc.integer({ min: 0, max: 9_000_000 }),
    stage: fc.constantFrom('Closed Won' as const, 'Proposal' as const, 'Closed Lost' as const),
    account: fc.nat(3),
  }),
);

let seq = 0;
async function run(db: CockpitDB, o: Op, at: number, batches: string[]) {
  const deals = await db.deals.orderBy('id').toArray();
  switch (o.kind) {
    case 'capture': {
      // A deal page read in the CRM and saved from "This page" (a few ids, so saves repeat and update).
      const capture: RecordCapture = {
        type: 'record',
        site: 'salesforce',
        kind: 'deal',
        url: `https://acme.lightning.force.com/lightning/r/Opportunity/006000000000${o.id}AAA/view`,
        externalId: `006000000000${o.id}AAA`,
        fields: { name: `Captured ${o.id}`, accountName: `Captured account ${o.account}`, amountMinor: o.amount, currency: 'THB', stage: o.stage, closeOn: today },
        raw: {},
        people: [],
        missing: [],
      };
      await saveCapture(db, capture, at, {}, settings);
      // The save happened (a refused capture would make this property vacuous).
      expect(await db.deals.where('sourceKey').equals(`salesforce:${capture.externalId}`).count()).toBe(1);
      return;
    }
    case 'log': {
      const d = deals[o.deal % Math.max(1, deals.length)];
      await logActivity(db, { kind: o.what, dealId: d?.id ?? null, at: at - o.daysAgo * 86_400_000 }, at);
      return;
    }
    case 'deleteActivity': {
      const ids = await db.activities.orderBy('id').primaryKeys();
      if (ids.length) await deleteActivity(db, ids[o.pick % ids.length]!, at);
      return;
    }
    case 'editDeal': {
      const d = deals[o.deal % Math.max(1, deals.length)];
      if (!d) return;
      const status = o.stage;
      const stage = status === 'won' ? 'Closed Won' : status === 'lost' ? 'Closed Lost' : 'Proposal';
      await editDeal(db, d.id, { status, stage, amountMinor: o.amount, closeOn: addDays(today, o.closeIn), probability: status === 'won' ? 1 : status === 'lost' ? 0 : 0.5 }, at);
      return;
    }
    case 'import': {
      const n = ++seq;
      const csv = [
        'Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date',
        `X${n}A,Import ${n} A,Import Account ${n},"${o.amount}",Closed Won,${addDays(today, -20)},${addDays(today, -1)}`,
        `X${n}B,Import ${n} B,Import Account ${n},"${o.amount + 1}",Proposal,${addDays(today, -10)},${addDays(today, 15)}`,
      ].join('\n');
      const parsed = parseCsv(csv);
      const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'deals', 'salesforce'), {
        entity: 'deals', site: 'salesforce', now: at, defaultCurrency: 'THB', stageRules: DEFAULT_STAGE_RULES, existing: await buildExistingIndex(db, 'deals'),
      });
      const r = await commitImport(db, plan, undefined, at);
      batches.push(r.batchId);
      return;
    }
    case 'undoImport': {
      const id = batches.pop();
      if (id) await undoImport(db, id, at).catch(() => undefined);
      return;
    }
    case 'restore': {
      const book = await readBook(db);
      await replaceBook(db, { ...book, deals: book.deals.slice(0, o.keep), activities: book.activities.filter((a) => !a.dealId || book.deals.slice(0, o.keep).some((d) => d.id === a.dealId)) });
      batches.length = 0;
      return;
    }
    case 'bulkActivities': {
      // ≥ 50 rows in one write: Dexie names a range, and the engine reads the table again.
      const more = generateBook({ now: at, seed: 100 + ++seq, accounts: 1, deals: 1, activities: o.n, leads: 0, currency: 'THB' });
      await putBook(db, { ...more, accounts: [], deals: [], contacts: [], leads: [], activities: more.activities.map((a) => ({ ...a, id: `bulk${seq}-${a.id}`, dealId: null, accountId: null, contactId: null })) });
      return;
    }
    case 'actionDone': {
      const b = await readBook(db);
      const acts = nextActions(b, { now: at, today, thresholds: settings.thresholds, reportingCurrency: 'THB', fxRates: settings.fxRates, period: presetPeriod('this_quarter', today, 1) });
      const a = acts[o.pick % Math.max(1, acts.length)];
      if (a) await setActionState(db, a.key, 'done', at, null);
      return;
    }
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));
let checks = 0;

async function expectSame(engine: CockpitEngine, db: CockpitDB) {
  await tick();
  await engine.settled();
  const period = presetPeriod('this_quarter', today, settings.fiscalYearStartMonth);
  const opts: ViewOptions = { settings, now: NOW + 3_600_000, today, tzOffsetMinutes: runtimeOffsetMinutes(today), period };
  // Drill-down lists are built only for the open KPI: each check opens another one in turn.
  const drill = KPI_IDS[checks++ % KPI_IDS.length]!;
  const shown = engine.view({ ...opts, drill });
  const book = await readBook(db);
  const full = computeReport(book, { period, asOf: today, reportingCurrency: 'THB', fxRates: settings.fxRates, tzOffsetMinutes: opts.tzOffsetMinutes, territories: settings.territories, trend: 'month', fiscalYearStartMonth: 1 });
  for (const id of KPI_IDS) {
    const k = full.kpis[id];
    expect({ id, value: shown.kpis[id].value, reason: shown.kpis[id].reason, excluded: shown.kpis[id].excluded, previous: shown.kpis[id].previous, change: shown.kpis[id].change, trend: shown.kpis[id].trend, n: shown.kpis[id].recordCount }).toEqual({
      id, value: k.value, reason: k.reason, excluded: k.excluded, previous: k.previous, change: k.change, trend: k.trend.map((p) => p.value), n: id === drill ? k.recordIds.length : null,
    });
  }
  const actions = nextActions(book, { now: opts.now, today, tzOffsetMinutes: opts.tzOffsetMinutes, thresholds: settings.thresholds, reportingCurrency: 'THB', fxRates: settings.fxRates, period, coverage: full.coverage });
  expect(shown.actions.map((a) => a.key)).toEqual(actions.slice(0, shown.actions.length).map((a) => a.key));
  expect(shown.actionsTotal).toBe(actions.length);
}

describe('cockpit exactness', () => {
  it('after random sequences of real writes, the panel’s numbers equal computeReport over readBook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = new CockpitDB(`exact-${Math.random()}`);
        await putBook(db, base);
        const engine = new CockpitEngine(db);
        await engine.start();
        const batches: string[] = [];
        try {
          let at = NOW;
          for (const o of ops) {
            await run(db, o, (at += 60_000), batches);
            await expectSame(engine, db);
          }
        } finally {
          engine.stop();
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('can fail: an engine that stops listening no longer matches after a write', async () => {
    const db = new CockpitDB(`exact-deaf-${Math.random()}`);
    await putBook(db, base);
    const engine = new CockpitEngine(db);
    await engine.start();
    await expectSame(engine, db);
    engine.stop();
    const d = (await db.deals.where('status').equals('open').first())!;
    await editDeal(db, d.id, { status: 'won', stage: 'Closed Won', probability: 1, closeOn: today, amountMinor: 123_456_00 }, NOW + 1);
    await expect(expectSame(engine, db)).rejects.toThrow();
    db.close();
    await db.delete();
  });

  it('writes that land during the first read are applied', async () => {
    const db = new CockpitDB(`exact-race-${Math.random()}`);
    await putBook(db, base);
    const engine = new CockpitEngine(db);
    const started = engine.start();
    await logActivity(db, { kind: 'call', dealId: base.deals[0]!.id }, NOW + 5);
    await started;
    await expectSame(engine, db);
    engine.stop();
    db.close();
    await db.delete();
  });
});
