/**
 * Gmail addresses. A thread is open when the hash's last segment is a thread token:
 * `#inbox/FMfcgzQbfLcx…` (the token Gmail puts in the address today), `#inbox/16f0c8a6d4b1e2a3`
 * (legacy hex id), also under `#label/Name/…`, `#search/query/…`, `#category/…/…`; or a
 * pop-out / print view naming the thread (`?th=`, `?permthid=`).
 */

export const GMAIL_HOST = 'mail.google.com';

const TOKEN = /^(?:[0-9a-f]{16}|(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{20,100})$/;
/** Views whose second segment is a name or query, not a thread. */
const TWO_PART = new Set(['label', 'search', 'advanced-search', 'category', 'apps', 'settings', 'create-filter']);

export interface GmailUrlThread {
  /** The token in the address, as Gmail spells it. */
  token: string;
}

export function gmailThreadFromUrl(url: URL): GmailUrlThread | null {
  if (url.hostname !== GMAIL_HOST) return null;
  if (!url.pathname.startsWith('/mail')) return null;
  const th = url.searchParams.get('th') ?? url.searchParams.get('permthid');
  if (th && /^[A-Za-z0-9:_-]{8,200}$/.test(th)) return { token: th };
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  if (hash === '') return null;
  const parts = hash.split('/');
  const head = parts[0] ?? '';
  if (head === 'settings' || head === 'create-filter') return null;
  const min = TWO_PART.has(head) ? 3 : 2;
  if (parts.length < min) return null;
  const last = parts[parts.length - 1] ?? '';
  return TOKEN.test(last) ? { token: last } : null;
}
