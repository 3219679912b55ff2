import type { ThreadCapture } from './schema';
import type { DayOrder } from './mail-dom';
import { gmailThreadFromUrl } from './gmail/url';
import { readGmail } from './gmail';
import { outlookItemFromUrl } from './outlook/url';
import { readOutlook } from './outlook';

export { readGmail } from './gmail';
export { readOutlook } from './outlook';
export type { DayOrder } from './mail-dom';

/** Cheap test, before any DOM is touched: is this address a Gmail thread or an Outlook item? */
export function isMailThreadUrl(url: URL): boolean {
  return gmailThreadFromUrl(url) !== null || outlookItemFromUrl(url) !== null;
}

/**
 * The open mail thread on a Gmail or Outlook on the web page; null when the address is not a
 * mail-thread view. Never throws (a changed layout gives a partial capture listing `missing`).
 * `dateOrder` settles numeric dates that no shown value settles (03/04/2026): without it those
 * stay null.
 */
export function readMailPage(root: ParentNode, url: URL, opts: { dateOrder?: DayOrder } = {}): ThreadCapture | null {
  try {
    if (gmailThreadFromUrl(url)) return readGmail(root, url, opts);
    if (outlookItemFromUrl(url)) return readOutlook(root, url, opts);
  } catch {
    return null;
  }
  return null;
}
