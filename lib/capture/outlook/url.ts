/**
 * Outlook on the web addresses. An item is open when the path names it:
 * `/mail/inbox/id/<id>`, `/mail/0/inbox/id/<id>`, `/mail/id/<id>`, `/mail/deeplink/read/<id>`,
 * or the classic `/owa/?ItemID=<id>`. With conversation view on (the default) the id is the
 * conversation's (`AQQk…` personal, `AAQk…` work accounts); otherwise a message id (`AQMk…` /
 * `AAMk…`), as the Graph and EWS ids are spelled.
 */

export const OUTLOOK_HOSTS = new Set([
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
]);

export interface OutlookUrlItem {
  id: string;
  kind: 'conversation' | 'message';
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function outlookItemFromUrl(url: URL): OutlookUrlItem | null {
  if (!OUTLOOK_HOSTS.has(url.hostname)) return null;
  const path = url.pathname;
  let raw: string | null = null;
  if (path.startsWith('/mail')) {
    const m = /\/(?:id|deeplink\/read)\/([^/?#]+)/.exec(path);
    raw = m ? m[1]! : url.searchParams.get('ItemID');
  } else if (path.startsWith('/owa')) {
    raw = url.searchParams.get('ItemID') ?? url.searchParams.get('itemid');
  }
  if (!raw) return null;
  const id = decode(raw).trim();
  if (!/^[A-Za-z0-9+/=_%.-]{8,400}$/.test(id)) return null;
  return { id, kind: /^A[AQ]Qk/i.test(id) ? 'conversation' : 'message' };
}
