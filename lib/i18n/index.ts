import { actionsMessages } from './messages/actions';
import { commonMessages } from './messages/common';
import { ioMessages } from './messages/io';
import { ioOutMessages } from './messages/io-out';
import { iouiMessages } from './messages/ioui';
import { settingsMessages } from './messages/settings';
import { kpiMessages } from './messages/kpi';

export const LANGUAGES = ['en', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

const areas = [commonMessages, kpiMessages, actionsMessages, ioMessages, ioOutMessages, iouiMessages, settingsMessages];

export const catalogs: Record<Language, Record<string, string>> = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  th: Object.assign({}, ...areas.map((a) => a.th)),
};

export type MessageKey = keyof typeof commonMessages.en | keyof typeof kpiMessages.en | keyof typeof actionsMessages.en | keyof typeof ioMessages.en | keyof typeof ioOutMessages.en | keyof typeof settingsMessages.en | keyof typeof iouiMessages.en;
export type MessageParams = Record<string, string | number>;

/** Picks the UI language: the setting, or the browser's language when 'auto' (Thai for th-*, else English). */
export function resolveLanguage(setting: 'auto' | Language, browserLanguage: string | undefined): Language {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('th') ? 'th' : 'en';
}

/** Translates a key; a missing key shows itself (and tests fail), never an empty string. */
export function translate(lang: Language, key: MessageKey | (string & {}), params?: MessageParams): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translator = (key: MessageKey | (string & {}), params?: MessageParams) => string;

export function createTranslator(lang: Language): Translator {
  return (key, params) => translate(lang, key, params);
}
