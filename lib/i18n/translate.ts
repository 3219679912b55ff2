/**
 * Translation without the catalogues: each page passes the message areas it ships (the popup only
 * its own, ./popup.ts; the other pages all of them, ./index.ts).
 */
import type { actionsMessages } from './messages/actions';
import type { captureMessages } from './messages/capture';
import type { cockpitMessages } from './messages/cockpit';
import type { commonMessages } from './messages/common';
import type { importReasonMessages } from './messages/import-reasons';
import type { ioMessages } from './messages/io';
import type { ioOutMessages } from './messages/io-out';
import type { iouiMessages } from './messages/ioui';
import type { settingsMessages } from './messages/settings';
import type { kpiMessages } from './messages/kpi';
import type { mailMessages } from './messages/mail';
import type { quicklogMessages } from './messages/quicklog';


export const LANGUAGES = ['en', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

export type MessageKey = keyof typeof commonMessages.en | keyof typeof cockpitMessages.en | keyof typeof kpiMessages.en | keyof typeof actionsMessages.en | keyof typeof ioMessages.en | keyof typeof ioOutMessages.en | keyof typeof settingsMessages.en | keyof typeof iouiMessages.en;
export type MessageParams = Record<string, string | number>;

/** Picks the UI language: the setting, or the browser's language when 'auto' (Thai for th-*, else English). */
export function resolveLanguage(setting: 'auto' | Language, browserLanguage: string | undefined): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('th') ? 'th' : 'en';
}

/**
 * Placeholders are `{name}`; counts may pick a plural form ICU-style:
 * `{days, plural, one {# day} other {# days}}` (`#` is the value as passed).
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const pluralRules = new Map<Language, Intl.PluralRules>();

function plural(lang: Language, value: string | number, cases: string): string {
  const n = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''));
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const category = rules.select(n);
  let chosen: string | undefined;
  let other = '';
  for (const [, sel, text] of cases.matchAll(PLURAL_CASE)) {
    if (sel === `=${n}`) chosen ??= text;
    if (sel === category && chosen === undefined) chosen = text;
    if (sel === 'other') other = text!;
  }
  return (chosen ?? other).replace(/#/g, String(value));
}

/** The names of a message's placeholders, plural ones included (for tests that compare languages). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]!).sort();
}

/** Messages by language: the whole product's (./index.ts) or one page's areas (./popup.ts). */
export type Catalogs = Record<Language, Record<string, string>>;

/** Translates a key from `catalogs`; a missing key shows itself (and tests fail), never an empty string. */
export function translateFrom(catalogs: Catalogs, lang: Language, key: MessageKey | (string & {}), params?: MessageParams): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  if (!params) return template;
  return template
    .replace(PLURAL, (m, name: string, cases: string) => (name in params ? plural(lang, params[name]!, cases) : m))
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translator = (key: MessageKey | (string & {}), params?: MessageParams) => string;

export function translatorFrom(catalogs: Catalogs, lang: Language): Translator {
  return (key, params) => translateFrom(catalogs, lang, key, params);
}
