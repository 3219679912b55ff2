import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../lib/domain/dates';
import { computeReport, presetPeriod, runtimeOffsetMinutes } from '../../lib/kpi';
import { parseSettings } from '../../lib/settings/parse';
import { launchExtension, type ExtensionSession } from './support/browser';
import { dumpDatabase, readStoredSettings } from './support/idb';
import { SidePanelPage } from './support/pages';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('KPIs on the side panel', () => {
  it('match the KPI engine run on the same stored data', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemo();
    // The demo's exchange rate is saved with the data; wait for it so both sides convert alike.
    await expect.poll(async () => parseSettings(await readStoredSettings(panel.page)).settings.demoLoadedAt).not.toBeNull();

    for (const preset of ['this_quarter', 'last_quarter', 'this_year'] as const) {
      await panel.selectPeriod(preset);
      const book = await dumpDatabase(panel.page);
      const { settings } = parseSettings(await readStoredSettings(panel.page));
      const today = localDateOf(Date.now());
      const report = computeReport(book, {
        period: presetPeriod(preset, today, settings.fiscalYearStartMonth),
        asOf: today,
        reportingCurrency: settings.reportingCurrency,
        fxRates: settings.fxRates,
        tzOffsetMinutes: runtimeOffsetMinutes(today),
        territories: settings.territories,
        trend: 'none',
      });
      for (const id of ['total_revenue', 'won_deals', 'win_rate', 'average_deal_size', 'new_opportunities', 'calls_logged', 'quota_attainment'] as const) {
        const shown = await panel.kpi(id).getAttribute('data-value');
        const expected = report.kpis[id].value;
        expect(shown === '' ? null : Number(shown), `${preset} ${id}`).toBe(expected);
      }
      // Something real is being compared, not nulls on both sides.
      expect(report.kpis.won_deals.value, preset).toBeGreaterThan(0);
    }
    await panel.page.close();
  });
});
