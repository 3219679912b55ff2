import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../lib/domain/dates';
import { launchExtension, type ExtensionSession } from './support/browser';
import { ImportFlow, OptionsPage, SidePanelPage } from './support/pages';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** A Salesforce report export (column labels, M/D/YYYY dates) with deals closed this month. */
function salesforceReport(today: string): string {
  const monthStart = today.slice(0, 8) + '01';
  const us = (iso: string) => `${+iso.slice(5, 7)}/${+iso.slice(8, 10)}/${iso.slice(0, 4)}`;
  const created = addDays(monthStart, -40);
  return [
    '"Opportunity ID","Opportunity Name","Account Name","Amount","Currency","Stage","Probability (%)","Created Date","Close Date","Type"',
    `"006A1","Rayong plant MES","Siam Precision Parts","THB 100,000.00","THB","Closed Won","100","${us(created)}","${us(monthStart)}","New Business"`,
    `"006A2","Analytics upsell","Siam Precision Parts","50,000","THB","Closed Won","100","${us(created)}","${us(today)}","Existing Business"`,
    `"006A3","=HYPERLINK(""http://x"")","Chonburi Foods","80,000","THB","Closed Lost","0","${us(created)}","${us(today)}","New Business"`,
    `"006A4","Warehouse pilot","Chonburi Foods","","THB","Proposal/Price Quote","60","${us(created)}","${us(addDays(today, 20))}","New Business"`,
  ].join('\r\n');
}

describe('import, live KPIs and export', () => {
  it('imports a CRM CSV in the options page, the open side panel updates, and the stats export reads back', async () => {
    const today = localDateOf(Date.now());
    const panel = await SidePanelPage.open(session);
    await panel.loadDemoButton.waitFor(); // empty profile: the first-run screen

    const options = await OptionsPage.open(session);
    const flow = new ImportFlow(options.page);
    await flow.chooseFile('salesforce-report.csv', salesforceReport(today));
    expect(await options.page.getByTestId('import-detected').textContent()).toContain('Salesforce');
    await flow.preview();
    expect(await flow.planCounts()).toEqual({ creates: 4, updates: 0, rejects: 0 });
    // The file was read and checked in the import worker, off the page's main thread.
    expect(options.page.workers().map((w) => w.url()).some((u) => /preview\.worker/.test(u))).toBe(true);
    await flow.run();

    // The side panel, open all along, shows the imported deals without a reload.
    await panel.kpi('total_revenue').waitFor({ timeout: 15_000 });
    await panel.selectPeriod('this_month');
    await expect.poll(async () => panel.kpi('total_revenue').getAttribute('data-value'), { timeout: 15_000 }).toBe(String(15_000_000));
    expect(await panel.kpi('won_deals').getAttribute('data-value')).toBe('2');
    expect(Number(await panel.kpi('win_rate').getAttribute('data-value'))).toBeCloseTo(2 / 3, 12);

    // The same file again updates; it never duplicates.
    await flow.chooseFile('salesforce-report.csv', salesforceReport(today));
    await flow.preview();
    expect(await flow.planCounts()).toEqual({ creates: 0, updates: 4, rejects: 0 });

    // Stats CSV: BOM, KPI columns, this month's row with money in major units.
    await options.page.locator('#export-granularity').selectOption('month');
    const bytes = await flow.download('export-stats');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 4)).toEqual(['period_start', 'period_end', 'total_revenue', 'revenue_growth_rate']);
    const row = lines.find((l) => l.startsWith(today.slice(0, 8) + '01'))!.split(',');
    expect(row[header.indexOf('total_revenue')]).toBe('150000.00');
    expect(row[header.indexOf('won_deals')]).toBe('2');
    expect(row[header.indexOf('lost_deals')]).toBe('1');

    // Raw deals CSV: the formula-looking deal name is neutralised.
    const raw = (await flow.download('export-raw-deals')).toString('utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://x"")"`);
    await options.page.close();
    await panel.page.close();
  });

  it('refuses a broken file with a message naming it, and stores nothing', async () => {
    const options = await OptionsPage.open(session);
    const before = await options.page.getByTestId('data-counts').textContent();
    await options.page.locator('#import-file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0]) });
    expect(await options.page.getByTestId('import-error').textContent()).toMatch(/photo\.csv: .*(binary|CSV)/);
    expect(await options.page.getByTestId('data-counts').textContent()).toBe(before);
    await options.page.close();
  });
});
