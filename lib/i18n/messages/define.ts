/**
 * One message area: English is the reference; Thai must have exactly the same keys
 * (the type checker enforces it, and tests/unit/i18n.test.ts checks at run time too).
 * Placeholders are written {name}.
 */
export function defineMessages<const E extends Record<string, string>>(en: E, th: { [K in keyof E]: string }) {
  return { en, th };
}
