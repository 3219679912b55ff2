/**
 * Salesforce record ids. A 15-character id is case-sensitive; its 18-character form appends a
 * 3-character checksum of the capitals, so it survives case-insensitive tools. Both name the same
 * record; the 18-character form is the one stored (externalId).
 */

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export function isSalesforceId(s: string): boolean {
  return ID.test(s);
}

/**
 * The 18-character form of a 15- or 18-character id (the standard checksum: for each 5-character
 * chunk, a bit per upper-case letter, as one of A–Z0–5). An 18-character id is re-derived from its
 * first 15, so '…IAC' and '…iac' are one id. Null for anything that is not an id.
 */
export function to18(id: string): string | null {
  if (!ID.test(id)) return null;
  const base = id.slice(0, 15);
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = base.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX[bits]!;
  }
  return base + suffix;
}

const IN_PATH = /\/lightning\/r\/(?:[A-Za-z0-9_]+\/)?([a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?)(?:\/|$)/;

/** The record id a Lightning link points at ('/lightning/r/Account/001…/view', '/lightning/r/001…/view'), 18 chars. */
export function idFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const m = IN_PATH.exec(href);
  return m ? to18(m[1]!) : null;
}
