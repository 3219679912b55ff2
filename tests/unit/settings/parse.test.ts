import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, settingsItem, updateSettings } from '../../../lib/platform';
import { mergeSettings, parseSettings } from '../../../lib/settings/parse';
import { defaultSettings } from '../../../lib/settings/schema';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a new install gets valid defaults: THB, January fiscal year, 14/7/60 days, 3× coverage', async () => {
    const { settings, problems } = await loadSettings();
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      language: 'auto',
      reportingCurrency: 'THB',
      fiscalYearStartMonth: 1,
      thresholds: { staleDealDays: 14, leadConversionDays: 7, customerTouchDays: 60, coverageTarget: 3 },
    });
  });

  it('keeps the valid fields of a hand-edited item and reports each bad one', () => {
    const { settings, problems } = parseSettings({ ...defaultSettings(), reportingCurrency: 'baht', fiscalYearStartMonth: 4, fxRates: { USD: -1 } });
    expect(settings.fiscalYearStartMonth).toBe(4);
    expect(settings.reportingCurrency).toBe('THB');
    expect(settings.fxRates).toEqual({});
    expect(problems.join('\n')).toMatch(/reportingCurrency: expected an ISO 4217/);
    expect(problems.join('\n')).toMatch(/fxRates\.USD/);
  });

  it('survives garbage in storage', () => {
    expect(parseSettings('nonsense').settings).toEqual(defaultSettings());
    expect(parseSettings(null).problems).toEqual([]);
    expect(parseSettings([1, 2]).problems.length).toBeGreaterThan(0);
  });

  it('refuses an invalid change with the field named, and stores nothing', async () => {
    await saveSettings(defaultSettings());
    expect(() => mergeSettings(defaultSettings(), { fiscalYearStartMonth: 13 })).toThrow(/^fiscalYearStartMonth: /);
    expect((await loadSettings()).settings.fiscalYearStartMonth).toBe(1);
  });

  it('updateSettings applies each change to the latest stored value: concurrent changes are all kept', async () => {
    await saveSettings(defaultSettings());
    // Twenty writers at once (an import saving its mapping, the demo loader, the options form...).
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => updateSettings((s) => ({ ...s, territories: [...s.territories, `T${i}`] }))),
    );
    expect((await loadSettings()).settings.territories.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `T${i}`).sort());
  });

  it('updateSettings refuses an invalid result with the field named and stores nothing; the next update still runs', async () => {
    await saveSettings(defaultSettings());
    await expect(updateSettings((s) => ({ ...s, reportingCurrency: 'baht' }))).rejects.toThrow(/reportingCurrency|ISO 4217/);
    expect((await loadSettings()).settings.reportingCurrency).toBe('THB');
    await updateSettings((s) => ({ ...s, reportingCurrency: 'USD' }));
    expect((await loadSettings()).settings.reportingCurrency).toBe('USD');
  });

  it('is stored as one item under local:settings', async () => {
    await saveSettings({ ...defaultSettings(), language: 'th' });
    expect(((await fakeBrowser.storage.local.get('settings')) as { settings: { language: string } }).settings.language).toBe('th');
    expect((await settingsItem.getValue()).language).toBe('th');
  });
});
