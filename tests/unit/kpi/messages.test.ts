import { placeholdersOf } from '../../../lib/i18n';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kpiMessages } from '../../../lib/i18n/messages/kpi';
import { translate } from '../../../lib/i18n';
import { KPI_IDS, PERIOD_PRESETS } from '../../../lib/kpi';

const en = kpiMessages.en as Record<string, string>;
const th = kpiMessages.th as Record<string, string>;
const THAI = /[\u0E00-\u0E7F]/;
const placeholders = placeholdersOf;

describe('KPI messages', () => {
  it.each([...KPI_IDS])('%s has a name and a formula in English and Thai', (id) => {
    for (const part of ['name', 'formula']) {
      const key = `kpi.${id}.${part}`;
      expect(en[key]?.length).toBeGreaterThan(3);
      expect(th[key]).toMatch(THAI);
    }
  });

  it('every key is prefixed kpi., present in both languages, with the same placeholders', () => {
    expect(Object.keys(th).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(key.startsWith('kpi.')).toBe(true);
      expect(th[key]!.trim()).not.toBe('');
      expect(placeholders(th[key]!)).toEqual(placeholders(en[key]!));
    }
  });

  it('names the period presets', () => {
    for (const p of PERIOD_PRESETS) {
      expect(translate('en', `kpi.period.${p}`)).not.toBe(`kpi.period.${p}`);
      expect(translate('th', `kpi.period.${p}`)).toMatch(THAI);
    }
  });

  it('fills reason parameters', () => {
    expect(translate('en', 'kpi.reason.no_fx_rate', { currency: 'EUR' })).toBe('No exchange rate for EUR: add one in Settings');
    expect(translate('en', 'kpi.reason.no_spend')).toBe('No spend entered for this period');
  });
});

describe('lib/kpi/README.md', () => {
  const readme = readFileSync(new URL('../../../lib/kpi/README.md', import.meta.url), 'utf8');
  it.each([...KPI_IDS])('states the formula of %s', (id) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${id}\` \\|`, 'm'));
  });
  it('lists every null reason', () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith('kpi.reason.'))) expect(readme).toContain(key);
  });
});
