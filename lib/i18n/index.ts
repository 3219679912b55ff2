import { actionsMessages } from './messages/actions';
import { captureMessages } from './messages/capture';
import { cockpitMessages } from './messages/cockpit';
import { commonMessages } from './messages/common';
import { importReasonMessages } from './messages/import-reasons';
import { ioMessages } from './messages/io';
import { ioOutMessages } from './messages/io-out';
import { iouiMessages } from './messages/ioui';
import { settingsMessages } from './messages/settings';
import { kpiMessages } from './messages/kpi';
import { mailMessages } from './messages/mail';
import { quicklogMessages } from './messages/quicklog';

import { translateFrom, translatorFrom, type Catalogs, type Language, type MessageKey, type MessageParams, type Translator } from './translate';

export { LANGUAGES, placeholdersOf, resolveLanguage, type Catalogs, type Language, type MessageKey, type MessageParams, type Translator } from './translate';

const areas = [commonMessages, cockpitMessages, kpiMessages, actionsMessages, ioMessages, ioOutMessages, iouiMessages, settingsMessages, importReasonMessages, quicklogMessages, captureMessages, mailMessages];

export const catalogs: Catalogs = {
  en: Object.assign({}, ...areas.map((a) => a.en)),
  th: Object.assign({}, ...areas.map((a) => a.th)),
};

/** Translates a key; a missing key shows itself (and tests fail), never an empty string. */
export function translate(lang: Language, key: MessageKey | (string & {}), params?: MessageParams): string {
  return translateFrom(catalogs, lang, key, params);
}

export function createTranslator(lang: Language): Translator {
  return translatorFrom(catalogs, lang);
}
