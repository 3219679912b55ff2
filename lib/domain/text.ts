/**
 * Text from outside (CRM pages, mail, CSV cells) before it is stored or compared.
 * One place for it, so the importer, the page readers and every name lookup agree.
 */

// Bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069), marks (U+200E/200F, U+061C),
// zero-width and format characters (U+200B–200D, U+2060–2064, U+FEFF, U+00AD soft hyphen),
// and C0/C1 controls except tab and line breaks. A right-to-left override in a name would show
// it reversed; a zero-width space makes two equal names differ.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Invisible and control characters removed; line breaks and tabs kept (notes keep their shape). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * A one-line value (a name, a title, a stage): invisible characters removed, every run of
 * white space (tab, no-break space, line break) one space, trimmed, cut to `max` characters
 * without splitting a surrogate pair.
 */
export function cleanLine(s: string, max = Infinity): string {
  const out = stripInvisible(s).replace(SPACES, ' ').trim();
  return out.length <= max ? out : cutAt(out, max);
}

/** Multi-line text (notes): invisible characters removed, ends trimmed, cut to `max`. */
export function cleanBlock(s: string, max = Infinity): string {
  const out = stripInvisible(s).replace(/\r\n?/g, '\n').trim();
  return out.length <= max ? out : cutAt(out, max);
}

function cutAt(s: string, max: number): string {
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return s.slice(0, end).trimEnd();
}

/**
 * The one key names are matched by (accounts, deals, contacts, owners): clean, then
 * case-folded with the locale-independent lower case. "Acme  Corp", "acme\u00A0corp" and
 * " ACME Corp\t" are one name; "Acme Corp." is another (punctuation is meaning).
 */
export function nameKey(s: string): string {
  return cleanLine(s).normalize('NFC').toLowerCase();
}

/** An email address as matched: trimmed, invisible characters removed, lower case. */
export function emailKey(s: string): string {
  return cleanLine(s).toLowerCase();
}

/** A short, safe quote of a value for a message to the AE: at most `max` characters, with an ellipsis. */
export function quoteValue(s: string, max = 40): string {
  const one = cleanLine(s);
  return one.length <= max ? one : `${cutAt(one, max - 1)}…`;
}
