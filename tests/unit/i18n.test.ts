import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs, createTranslator, placeholdersOf, resolveLanguage, translate } from '../../lib/i18n';
import { formatDate, formatMoney, formatPercent, localeOf } from '../../lib/i18n/format';
import { popupCatalogs } from '../../lib/i18n/popup';
import { OUTCOMES_BY_KIND } from '../../lib/domain/quicklog';

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

describe('the popup catalogue (lib/i18n/popup.ts)', () => {
  const root = join(import.meta.dirname, '../..');
  /** The popup's modules: every relative import (static or lazy) from its entry, React aside. */
  function popupModules(): Map<string, string> {
    const seen = new Map<string, string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      const src = readFileSync(file, 'utf8');
      seen.set(file, src);
      for (const m of src.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const base = join(dirname(file), m[1]!);
        const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(f) && /\.tsx?$/.test(f));
        if (found) visit(found);
      }
    };
    visit(join(root, 'entrypoints/popup-boot/index.ts'));
    visit(join(root, 'entrypoints/popup-app/index.tsx'));
    return seen;
  }

  it('has every key the popup and its form use, in both languages', () => {
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const [file, src] of popupModules()) {
      if (!file.includes('/components/') && !file.includes('/entrypoints/')) continue;
      for (const m of src.matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/\bkey: '([\w.]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/'((?:log|quicklog|app|empty|panel)\.[\w.]+)'/g)) used.add(m[1]!);
      for (const m of src.matchAll(/\bt\(`([\w.]+)\$\{/g)) prefixes.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in popupCatalogs.en) || !(k in popupCatalogs.th))).toEqual([]);
    expect([...prefixes].filter((p) => !Object.keys(popupCatalogs.en).some((k) => k.startsWith(p)))).toEqual([]);
    // Each key the popup needs reads as the full catalogue has it.
    for (const k of used) expect(popupCatalogs.th[k]).toBe(catalogs.th[k]);
  });

  it('the quick log kinds, outcomes and match reasons the form names by pattern are all there', () => {
    for (const k of ['call', 'meeting', 'email', 'note']) expect(popupCatalogs.en).toHaveProperty([`log.kind.${k}`]);
    for (const o of Object.values(OUTCOMES_BY_KIND).flat()) expect(popupCatalogs.th).toHaveProperty([`log.outcome.${o}`]);
    for (const by of ['sourceKey', 'email', 'name', 'domain']) expect(popupCatalogs.th).toHaveProperty([`quicklog.fromPage.by.${by}`]);
    for (const k of ['deal', 'account']) expect(popupCatalogs.th).toHaveProperty([`log.target.${k}`]);
  });

  it('the popup loads no Dexie, zod, database code or the whole catalogue', () => {
    const heavy: string[] = [];
    // Lazy imports too: its scripts are built as single files (IIFE), which inline them.
    const visit = (file: string, seen: Set<string>) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec === 'dexie' || spec === 'zod' || spec === 'dexie-react-hooks') heavy.push(`${file.slice(root.length)} → ${spec}`);
        if (!spec.startsWith('.')) continue;
        const base = join(dirname(file), spec);
        const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find((f) => existsSync(f) && /\.tsx?$/.test(f));
        if (!found) continue;
        if (/lib\/(db|settings)\/|lib\/i18n\/index\.ts$/.test(found)) heavy.push(`${file.slice(root.length)} → ${found.slice(root.length)}`);
        visit(found, seen);
      }
    };
    const seen = new Set<string>();
    visit(join(root, 'entrypoints/popup-boot/index.ts'), seen);
    visit(join(root, 'entrypoints/popup-app/index.tsx'), seen);
    expect(seen.size).toBeGreaterThan(20);
    expect(heavy).toEqual([]);
  });
});
