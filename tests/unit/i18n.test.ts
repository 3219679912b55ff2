import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, createTranslator, placeholdersOf, resolveLanguage, translate } from '../../lib/i18n';
import { formatDate, formatMoney, formatPercent, localeOf } from '../../lib/i18n/format';

const placeholders = placeholdersOf;

describe('i18n catalogs', () => {
  it('Thai and English have exactly the same keys', () => {
    const en = Object.keys(catalogs.en).sort();
    const th = Object.keys(catalogs.th).sort();
    expect(en.filter((k) => !th.includes(k)), 'missing in Thai').toEqual([]);
    expect(th.filter((k) => !en.includes(k)), 'missing in English').toEqual([]);
    expect(en.length).toBeGreaterThan(50);
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const [key, en] of Object.entries(catalogs.en)) {
      const th = catalogs.th[key]!;
      expect(en.trim(), key).not.toBe('');
      expect(th.trim(), key).not.toBe('');
      expect(placeholders(th), key).toEqual(placeholders(en));
    }
  });

  it('every message area file is registered in the catalog', () => {
    const dir = join(import.meta.dirname, '../../lib/i18n/messages');
    const index = readFileSync(join(import.meta.dirname, '../../lib/i18n/index.ts'), 'utf8');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'define.ts')) {
      expect(index, f).toContain(`./messages/${f.replace(/\.ts$/, '')}'`);
    }
  });

  it('every key used as t(\'...\') in components and entrypoints exists', () => {
    const used = new Set<string>();
    const withoutParams = new Set<string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) {
          const src = readFileSync(p, 'utf8');
          for (const m of src.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
          for (const m of src.matchAll(/\bt\('([\w.]+)'\)/g)) withoutParams.add(m[1]!);
        }
      }
    };
    walk(join(import.meta.dirname, '../../components'));
    walk(join(import.meta.dirname, '../../entrypoints'));
    expect([...used].filter((k) => !(k in catalogs.en))).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
    // A message with {placeholders} called without params would show the braces to the AE.
    expect([...withoutParams].filter((k) => placeholdersOf(catalogs.en[k] ?? '').length > 0)).toEqual([]);
  });

  it('the manifest locales (_locales) match too', () => {
    const read = (l: string) =>
      Object.keys(JSON.parse(readFileSync(join(import.meta.dirname, `../../public/_locales/${l}/messages.json`), 'utf8'))).sort();
    expect(read('th')).toEqual(read('en'));
  });
});

describe('language and formatting', () => {
  it('follows the browser when set to auto', () => {
    expect(resolveLanguage('auto', 'th-TH')).toBe('th');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
    expect(resolveLanguage('th', 'en-US')).toBe('th');
  });

  it('fills placeholders and never returns an empty string for an unknown key', () => {
    expect(translate('en', 'empty.demoLoaded', { deals: 150, activities: 1000 })).toBe('Demo data loaded: 150 deals, 1000 activities.');
    expect(createTranslator('th')('app.name')).toBe('AE Cockpit');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('formats Thai dates in Buddhist-era years and THB money', () => {
    expect(formatDate('2026-11-28', localeOf('th'))).toContain('2569');
    expect(formatDate('2026-11-28', localeOf('en'))).toContain('2026');
    expect(formatMoney(123450, 'THB', localeOf('th'))).toBe('฿1,234.50');
    expect(formatMoney(1000, 'JPY', 'ja-JP')).toMatch(/1,000/);
    expect(formatPercent(0.253, 'en-US')).toBe('25.3%');
  });

  it('picks plural forms by the language\'s rules, with pre-formatted numbers too', () => {
    const key = 'actions.reason.stale_deal';
    const p = { deal: 'D', lastActivity: 'L' };
    expect(translate('en', key, { ...p, days: 1 })).toBe('No activity on D for 1 day (last on L).');
    expect(translate('en', key, { ...p, days: 15 })).toBe('No activity on D for 15 days (last on L).');
    expect(translate('en', key, { ...p, days: '1,200' })).toBe('No activity on D for 1,200 days (last on L).');
    expect(translate('th', key, { ...p, days: 1 })).toContain('1 วัน');
    expect(placeholdersOf(catalogs.en[key]!)).toEqual(['days', 'deal', 'lastActivity']);
  });

  it('keeps the calendar day whatever the time zone', () => {
    // 1 January stays 1 January: the date is formatted at noon UTC in UTC.
    expect(formatDate('2027-01-01', 'en-US', 'long')).toBe('January 1, 2027');
  });
});
