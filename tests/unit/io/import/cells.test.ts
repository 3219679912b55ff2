import { describe, expect, it } from 'vitest';
import { activitySchema, dealSchema, type Activity, type Deal } from '../../../../lib/domain/records';
import { activitiesToCsv, dealsToCsv } from '../../../../lib/io/export/raw';
import { neutraliseFormula } from '../../../../lib/io/export/csv-write';
import { parseCsv } from '../../../../lib/io/csv/parse';
import type { ImportEntity } from '../../../../lib/io/import/fields';
import { proposeMapping } from '../../../../lib/io/import/profiles';
import { buildImport, cellText, type ImportOptions } from '../../../../lib/io/import/rows';
import { quoteCell, reasonOfIssue } from '../../../../lib/io/import/reasons';
import { translate } from '../../../../lib/i18n';
import { DEFAULT_STAGE_RULES } from '../../../../lib/settings/schema';

const NOW = Date.UTC(2026, 10, 28, 3, 0);

function opts<E extends ImportEntity>(entity: E, extra: Partial<ImportOptions> = {}) {
  return {
    entity,
    site: 'csv',
    now: NOW,
    defaultCurrency: 'THB',
    stageRules: DEFAULT_STAGE_RULES,
    existing: { bySourceKey: new Map(), accountsByName: new Map() },
    timeZone: 'Asia/Bangkok',
    ...extra,
  } as ImportOptions & { entity: E };
}

describe('cellText: the formula guard quote', () => {
  it('removes one quote before = + - @ TAB CR, after trimming the cell', () => {
    expect(cellText("'=SUM(A1:A3)")).toBe('=SUM(A1:A3)');
    expect(cellText("'+66 81 234 5678")).toBe('+66 81 234 5678');
    expect(cellText("'-5 days")).toBe('-5 days');
    expect(cellText("'@mention")).toBe('@mention');
    expect(cellText("'\tindented")).toBe('\tindented');
    expect(cellText("'\rx")).toBe('\rx');
    expect(cellText("  '=1+1  ")).toBe('=1+1');
  });

  it('removes only one quote, and only before (quotes and) a formula character', () => {
    expect(cellText("'=x")).toBe('=x');
    expect(cellText("''=x")).toBe("'=x");
    expect(cellText("'quoted'")).toBe("'quoted'");
    expect(cellText("'")).toBe("'");
    expect(cellText("O'Brien")).toBe("O'Brien");
    expect(cellText("'90s retro")).toBe("'90s retro");
  });

  it('trims only the outside of free text', () => {
    expect(cellText('  Call back,  then   send quote \n')).toBe('Call back,  then   send quote');
    expect(cellText('line 1\nline 2')).toBe('line 1\nline 2');
  });
});

describe("buildImport with formulaQuote: 'strip'", () => {
  const deal = (over: Partial<Deal>): Deal =>
    dealSchema.parse({
      id: 'd1',
      createdAt: 1,
      updatedAt: 1,
      name: 'Deal',
      currency: 'THB',
      stage: 'Proposal',
      status: 'open',
      probability: 0.5,
      forecastCategory: 'best_case',
      createdOn: '2026-01-05',
      ...over,
    });

  it('our export of formula-like text imports as the original text', () => {
    const original = deal({ name: '=HYPERLINK("x")', nextStep: '-call first', ownerName: '@somchai', territory: '+North' });
    const csv = dealsToCsv([original], new Map());
    // The export guards every one of them…
    expect(csv).toContain(neutraliseFormula('=HYPERLINK("x")').replace(/"/g, '""'));
    const parsed = parseCsv(csv);
    const mapping = proposeMapping(parsed.headers, parsed.rows, 'deals');
    const plan = buildImport(parsed, mapping, opts('deals', { formulaQuote: 'strip', stageRules: [] }));
    expect(plan.rejects).toEqual([]);
    // …and the import takes the guard off again.
    expect(plan.creates[0]!.record).toMatchObject({
      name: '=HYPERLINK("x")',
      nextStep: '-call first',
      ownerName: '@somchai',
      territory: '+North',
    });
    // 'keep' leaves the guard on.
    const kept = buildImport(parsed, mapping, opts('deals', { stageRules: [], formulaQuote: 'keep' }));
    expect(kept.creates[0]!.record).toMatchObject({ name: `'=HYPERLINK("x")`, nextStep: "'-call first" });
  });

  it('activity subject and notes keep inner whitespace and lose only the guard', () => {
    const a: Activity = activitySchema.parse({
      id: 'a1',
      createdAt: 1,
      updatedAt: 1,
      kind: 'note',
      at: Date.UTC(2026, 2, 5, 7, 30),
      subject: '-  follow   up',
      notes: '=1+1\n  second line',
    });
    const csv = activitiesToCsv([a], { dealsById: new Map(), accountsById: new Map(), contactsById: new Map() }, 'Asia/Bangkok');
    const parsed = parseCsv(csv);
    const plan = buildImport(parsed, proposeMapping(parsed.headers, parsed.rows, 'activities'), opts('activities', { formulaQuote: 'strip' }));
    expect(plan.rejects).toEqual([]);
    expect(plan.creates[0]!.record).toMatchObject({ subject: '-  follow   up', notes: '=1+1\n  second line' });
  });

  it('keys, dates and numbers are trimmed (and unguarded) before they are read', () => {
    const parsed = parseCsv("ID,Name,Stage,Amount,Created\n'-7 , A ,Proposal, 1200 , 2026-01-05 \n");
    const plan = buildImport(parsed, { external_id: 0, name: 1, stage: 2, amount: 3, created: 4 }, opts('deals', { formulaQuote: 'strip' }));
    expect(plan.rejects).toEqual([]);
    expect(plan.creates[0]).toMatchObject({ sourceKey: 'csv:-7', record: { name: 'A', amountMinor: 120_000, createdOn: '2026-01-05' } });
  });
});

describe('activity outcomes', () => {
  const run = (outcomes: string[]) => {
    const body = outcomes.map((o, i) => `Call,2026-03-05 10:0${i % 10},S${i},${o}`).join('\n');
    const parsed = parseCsv(`Type,Date,Subject,Outcome\n${body}\n`);
    const plan = buildImport(parsed, { kind: 0, at: 1, subject: 2, outcome: 3 }, opts('activities'));
    expect(plan.rejects).toEqual([]);
    return { outcomes: plan.creates.map((c) => (c.record as Activity).outcome), warnings: plan.warnings };
  };

  it("reads the schema's values with underscores", () => {
    expect(run(['no_show', 'left_voicemail', 'no_answer', 'follow_up', 'connected', 'held', 'sent', 'replied', 'done']).outcomes).toEqual([
      'no_show',
      'left_voicemail',
      'no_answer',
      'follow_up',
      'connected',
      'held',
      'sent',
      'replied',
      'done',
    ]);
  });

  it('reads spaced, hyphenated and capitalised labels', () => {
    expect(run(['No show', 'Left voicemail', 'No answer', 'Follow up', 'No-show', 'Needs follow-up', 'LEFT_VOICEMAIL']).outcomes).toEqual([
      'no_show',
      'left_voicemail',
      'no_answer',
      'follow_up',
      'no_show',
      'follow_up',
      'left_voicemail',
    ]);
  });

  it('reads the Thai labels the app shows', () => {
    expect(run(['ไม่มาตามนัด', 'ฝากข้อความเสียง', 'ไม่มีผู้รับสาย', 'ต้องติดตามต่อ', 'ติดต่อได้', 'เสร็จแล้ว']).outcomes).toEqual([
      'no_show',
      'left_voicemail',
      'no_answer',
      'follow_up',
      'connected',
      'done',
    ]);
  });

  it('an unknown outcome is left empty, with a warning naming the cell', () => {
    const r = run(['Rescheduled']);
    expect(r.outcomes).toEqual([null]);
    expect(r.warnings).toEqual([{ row: 2, column: 'Outcome', value: 'Rescheduled', message: 'io.warn.unknownOutcome', params: {} }]);
  });
});

describe('reasonOfIssue: reasons for people, not validators', () => {
  const T = Date.UTC(2026, 0, 1);
  const deal = (over: Partial<Record<string, unknown>>) => ({
    id: 'd1', createdAt: T, updatedAt: T, name: 'Deal', accountId: null, amountMinor: 100, currency: 'THB', stage: 'Won',
    status: 'won', probability: 1, forecastCategory: 'omitted', type: 'new_business', createdOn: '2026-01-01', closeOn: '2026-01-02', ...over,
  });
  async function reasonFor(over: Partial<Record<string, unknown>>, field: string, lang: 'en' | 'th' = 'en') {
    const r = dealSchema.safeParse(deal(over));
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0]!;
    const reason = reasonOfIssue(issue, field);
    return { ...reason, text: translate(lang, reason.key, reason.params) };
  }

  it('a name over 300 characters', async () => {
    expect(await reasonFor({ name: 'x'.repeat(301) }, 'name')).toEqual({ key: 'io.reason.tooLong', params: { max: 300 }, text: 'Longer than 300 characters.' });
    expect((await reasonFor({ name: 'x'.repeat(301) }, 'name', 'th')).text).toBe('ยาวเกิน 300 ตัวอักษร');
  });

  it('an empty name, a bad date, a bad currency, a probability out of range, an unknown status', async () => {
    expect((await reasonFor({ name: '' }, 'name')).text).toBe('Empty; this column needs a value.');
    expect((await reasonFor({ closeOn: '2026/01/02' }, 'close')).text).toBe('Not a date: expected YYYY-MM-DD.');
    expect((await reasonFor({ closeOn: '2026-02-30' }, 'close')).text).toBe('Not a real calendar date.');
    expect((await reasonFor({ currency: 'thb' }, 'currency')).text).toBe('Not a currency code (such as THB or USD).');
    expect((await reasonFor({ probability: 1.5 }, 'probability')).text).toBe('Not a probability between 0 and 100%.');
    expect((await reasonFor({ status: 'maybe' }, 'status')).text).toBe('Not one of: open, won, lost.');
    expect((await reasonFor({ amountMinor: 1.5 }, 'amount')).key).toBe('io.reason.amountRange');
  });

  it('no reason repeats the validator\'s words', async () => {
    for (const [over, field] of [
      [{ name: 'x'.repeat(301) }, 'name'],
      [{ stage: 'y'.repeat(201) }, 'stage'],
      [{ probability: -1 }, 'probability'],
      [{ closeOn: 'soon' }, 'close'],
    ] as const) {
      const { text } = await reasonFor(over, field);
      expect(text).not.toMatch(/Too big|Too small|Invalid|expected string|<=|>=/);
    }
  });

  it('quoteCell cuts a 5 MB value to 40 characters without reading all of it', async () => {
    const huge = 'ก'.repeat(5 * 1024 * 1024);
    const q = quoteCell(huge);
    expect(q).toBe(`${'ก'.repeat(39)}…`);
    expect(quoteCell(' Acme\tCorp ')).toBe('Acme Corp');
    // A prefix of invisible characters still shows the cut.
    expect(quoteCell('\u200b'.repeat(400) + 'tail'.repeat(100))).toMatch(/…$/);
  });
});
