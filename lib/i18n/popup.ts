/**
 * The popup's messages: the common and quick-log areas only, so the popup does not download the
 * whole product's catalogue. tests/unit/i18n.test.ts checks that every key the popup's modules use
 * is here.
 */
import { commonMessages } from './messages/common';
import { quicklogMessages } from './messages/quicklog';
import { translatorFrom, type Catalogs, type Language, type Translator } from './translate';

export const popupCatalogs: Catalogs = {
  en: { ...commonMessages.en, ...quicklogMessages.en },
  th: { ...commonMessages.th, ...quicklogMessages.th },
};

export function createPopupTranslator(lang: Language): Translator {
  return translatorFrom(popupCatalogs, lang);
}
