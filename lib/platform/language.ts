/** The browser's UI language; browser only (the popup imports it). */
import { browser } from 'wxt/browser';

export function browserLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    // Test doubles and some embedders lack i18n: the page's language is the next best signal.
    return globalThis.navigator?.language ?? 'en';
  }
}
