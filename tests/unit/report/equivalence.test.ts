import { describe, expect, it } from 'vitest';
import { emptyBook } from '../../../lib/domain/book';
import type { Deal } from '../../../lib/domain/records';
import { decodeBytes } from '../../../lib/io/csv/decode';
import { parseCsv } from '../../../lib/io/csv/parse';
import { periodsInRange, type ExportGranularity } from '../../../lib/io/export/periods';
import { statsCsv } from '../../../lib/io/export/stats';
import { detectProfile, proposeMapping } from '../../../lib/io/import/profiles';
import { buildImport } from '../../../lib/io/import/rows';
import { computeKpisForPeriods, KPI_IDS, KPI_UNITS } from '../../../lib/kpi';
import { defaultSettings } from '../../../lib/settings/schema';
import { CSV_FIXTURES, fixtureBytes, okCsv, report } from './helpers';

/**
 * "Exactly as the extension would": the extension imports a file with buildImport (its
 * settings' currency and stage rules), stores the plan's records, and exports stats with
 * computeKpisForPeriods + statsCsv. Here that path is written out by hand from the
 * library calls and compared byte for byte with the headless report.
 */
function extensionStats(
  bytes: Uint8Array,
  s: { currency: string; fx: Record<string, number>; from: string; to: string; asOf: string; period: ExportGranularity },
): string {
  const parsed = parseCsv(decodeBytes(bytes).text);
  const det = detectProfile(parsed.headers);
  const mapping = proposeMapping(parsed.headers, parsed.rows, det.entity, det.crm);
  const plan = buildImport(parsed, mapping, {
    entity: 'deals',
    site: det.crm === 'generic' ? 'csv' : det.crm,
    now: Date.UTC(2026, 10, 28, 5),
    defaultCurrency: s.currency,
    stageRules: defaultSettings().stageRules,
    existing: { bySourceKey: new Map(), accountsByName: new Map() },
  });
  const book = emptyBook();
  book.deals = plan.creates.map((p) => p.record as Deal);
  book.accounts = plan.accountsToCreate;
  const periods = periodsInRange(s.from, s.to, s.period, 1);
  const rows = computeKpisForPeriods(book, periods, { asOf: s.asOf, reportingCurrency: s.currency, fxRates: s.fx });
  return statsCsv(rows, KPI_IDS, KPI_UNITS, s.currency);
}

describe('the headless report equals the extension path byte for byte', () => {
  const cases: Array<{ file: string; dir?: string; s: Parameters<typeof extensionStats>[1] }> = [
    {
      file: 'salesforce-two-months.csv',
      s: { currency: 'THB', fx: {}, from: '2026-01-01', to: '2026-02-28', asOf: '2026-03-15', period: 'month' },
    },
    {
      file: 'hubspot-fx.csv',
      s: { currency: 'THB', fx: { USD: 36.5 }, from: '2026-03-01', to: '2026-04-30', asOf: '2026-05-01', period: 'month' },
    },
    {
      file: 'pipedrive-status.csv',
      s: { currency: 'THB', fx: {}, from: '2026-05-01', to: '2026-06-30', asOf: '2026-07-01', period: 'all' },
    },
    {
      // The importer's own fixture: five deals, one in USD, quarters over a year.
      file: 'salesforce-opportunities-report.csv',
      dir: CSV_FIXTURES,
      s: { currency: 'THB', fx: { USD: 35 }, from: '2025-10-01', to: '2026-09-30', asOf: '2026-04-15', period: 'quarter' },
    },
  ];

  it.each(cases)('$file', ({ file, dir, s }) => {
    const flags = ['--from', s.from, '--to', s.to, '--as-of', s.asOf, '--period', s.period, '--currency', s.currency];
    const fx = Object.entries(s.fx).map(([c, r]) => `${c}=${r}`);
    if (fx.length) flags.push('--fx', fx.join(','));
    const headless = okCsv(report(file, flags, { dir })).csv;
    const expected = extensionStats(fixtureBytes(file, dir), s);
    expect(headless).toBe(expected);
    // Not a vacuous comparison: the report holds money.
    expect(headless).toMatch(/\r\n\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},[1-9]/);
  });

  it('with defaults (range from the data, currency from the file) too', () => {
    // Defaults: from = earliest created/close day, to = the latest, currency = THB (all deals), as-of = today.
    const headless = okCsv(report('salesforce-two-months.csv', [], { today: '2026-03-15' })).csv;
    const expected = extensionStats(fixtureBytes('salesforce-two-months.csv'), {
      currency: 'THB',
      fx: {},
      from: '2026-01-05',
      to: '2026-02-27',
      asOf: '2026-03-15',
      period: 'month',
    });
    expect(headless).toBe(expected);
  });
});
