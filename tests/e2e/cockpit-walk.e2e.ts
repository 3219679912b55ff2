import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_PRESETS } from '../../lib/kpi/period';
import { launchExtension, type ExtensionSession } from './support/browser';
import { seriousViolations } from './support/axe';
import { SidePanelPage } from './support/pages';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('a new user walks the cockpit', () => {
  it('empty state, demo, cards, a drill-down, every period (a bad custom range says so), with no serious axe violation on any view', async () => {
    const panel = await SidePanelPage.open(session);
    const { page } = panel;
    await panel.loadDemoButton.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.loadDemo();
    const cards = page.getByTestId('kpi-headline');
    await expect.poll(() => cards.getAttribute('data-ready'), { timeout: 30_000 }).toBe('live');
    expect(await cards.locator(':scope > li').count()).toBe(6);
    expect(await panel.kpiValueText('pipeline_coverage')).toMatch(/×$|^—$/);
    expect(await seriousViolations(page)).toEqual([]);

    // A drill-down: the records behind revenue, by name.
    await panel.kpi('total_revenue').getByTestId('kpi-open').click();
    await panel.kpi('total_revenue').getByTestId('kpi-drill').waitFor();
    // Every other KPI, one tap away.
    await page.getByTestId('all-kpis').locator('summary').click();
    await page.getByTestId('group-activity').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    for (const preset of PERIOD_PRESETS.filter((p) => p !== 'custom')) {
      await panel.selectPeriod(preset);
      await panel.kpi('total_revenue').waitFor();
    }
    await panel.selectPeriod('custom');
    await page.getByTestId('period-start').fill('2026-03-10');
    await page.getByTestId('period-end').fill('2026-03-01');
    expect(await page.getByTestId('period-error').textContent()).toContain('before the start');
    await panel.kpi('total_revenue').waitFor(); // the cockpit stays up
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('period-end').fill('2026-03-31');
    await expect.poll(() => page.getByTestId('period-error').count()).toBe(0);
    await panel.kpi('total_revenue').waitFor();
    await page.close();
  });
});
