import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../../lib/domain/records';
import { decodeBytes } from '../../../../lib/io/csv/decode';
import { parseCsv } from '../../../../lib/io/csv/parse';
import { detectProfile, proposeMapping } from '../../../../lib/io/import/profiles';
import { buildImport, type ImportOptions } from '../../../../lib/io/import/rows';
import { DEFAULT_STAGE_RULES, stageRuleSchema } from '../../../../lib/settings/schema';
import { fixtureBytes } from './helpers';

const NOW = Date.UTC(2026, 10, 28, 3, 0);
const base = {
  now: NOW,
  defaultCurrency: 'THB',
  stageRules: DEFAULT_STAGE_RULES,
  existing: { bySourceKey: new Map(), accountsByName: new Map() },
  timeZone: 'Asia/Bangkok',
};

function importFixture(name: string) {
  const parsed = parseCsv(decodeBytes(fixtureBytes(name)).text);
  const det = detectProfile(parsed.headers);
  const mapping = proposeMapping(parsed.headers, parsed.rows, det.entity, det.crm);
  return buildImport(parsed, mapping, { ...base, entity: 'deals', site: det.crm as ImportOptions['site'] });
}

describe('default stage rules cover HubSpot and Pipedrive default pipelines', () => {
  it('every default rule is a valid stage rule, and no two rules claim the same stage differently', () => {
    const seen = new Map<string, string>();
    for (const r of DEFAULT_STAGE_RULES) {
      expect(stageRuleSchema.safeParse(r).success, r.stage).toBe(true);
      const key = r.stage.toLowerCase().replace(/[\s_-]+/g, '');
      const rule = JSON.stringify([r.status, r.probability, r.forecastCategory]);
      expect(seen.get(key) ?? rule, r.stage).toBe(rule);
      seen.set(key, rule);
    }
  });

  it.each(['hubspot-deals.csv', 'pipedrive-deals.csv'])('%s imports with no unknown stages', (file) => {
    const plan = importFixture(file);
    expect(plan.unknownStages).toEqual([]);
    expect(plan.creates.length).toBeGreaterThan(0);
  });

  it("HubSpot display names and internal ids get HubSpot's probabilities", () => {
    const names = [
      ['Appointment Scheduled', 'appointmentscheduled', 0.2, 'pipeline'],
      ['Qualified To Buy', 'qualifiedtobuy', 0.4, 'pipeline'],
      ['Presentation Scheduled', 'presentationscheduled', 0.6, 'best_case'],
      ['Decision Maker Bought-In', 'decisionmakerboughtin', 0.8, 'best_case'],
      ['Contract Sent', 'contractsent', 0.9, 'commit'],
    ] as const;
    const rows = names.flatMap(([label, id], i) => [`L${i},${label},2026-01-05`, `I${i},${id},2026-01-05`]);
    const parsed = parseCsv(`Deal Name,Deal Stage,Create Date\n${rows.join('\n')}\n`);
    const plan = buildImport(parsed, { name: 0, stage: 1, created: 2 }, { ...base, entity: 'deals', site: 'hubspot' });
    expect(plan.unknownStages).toEqual([]);
    const got = plan.creates.map((c) => c.record as Deal).map((d) => [d.name, d.status, d.probability, d.forecastCategory]);
    expect(got).toEqual(names.flatMap(([, , p, f], i) => [[`L${i}`, 'open', p, f], [`I${i}`, 'open', p, f]]));
    // Closed stages by internal id.
    const closed = parseCsv('Deal Name,Deal Stage,Create Date,Close Date\nW,closedwon,2026-01-05,2026-02-01\nX,closedlost,2026-01-05,2026-02-01\n');
    const plan2 = buildImport(closed, { name: 0, stage: 1, created: 2, close: 3 }, { ...base, entity: 'deals', site: 'hubspot' });
    expect(plan2.creates.map((c) => (c.record as Deal).status)).toEqual(['won', 'lost']);
  });

  it("Pipedrive's default stages, current and older names", () => {
    const names = [
      ['Qualified', 0.1, 'pipeline'],
      ['Contact Made', 0.2, 'pipeline'],
      ['Demo Scheduled', 0.4, 'pipeline'],
      ['Needs Defined', 0.4, 'pipeline'],
      ['Proposal Made', 0.6, 'best_case'],
      ['Negotiations Started', 0.8, 'commit'],
    ] as const;
    const parsed = parseCsv(`Title,Stage,Created\n${names.map(([s], i) => `D${i},${s},2026-01-05`).join('\n')}\n`);
    const plan = buildImport(parsed, { name: 0, stage: 1, created: 2 }, { ...base, entity: 'deals', site: 'pipedrive' });
    expect(plan.unknownStages).toEqual([]);
    expect(plan.creates.map((c) => c.record as Deal).map((d) => [d.stage, d.probability, d.forecastCategory])).toEqual(
      names.map(([s, p, f]) => [s, p, f]),
    );
  });
});
