/**
 * Turns a failed database write (restore, import) into a message key: a full disk
 * is named as such, anything else is a generic write failure with its detail.
 *
 * Recognised as "disk full": a DOMException named QuotaExceededError (Chrome,
 * Safari; legacy code 22), Firefox's NS_ERROR_DOM_QUOTA_REACHED (code 1014), and
 * the same wrapped by Dexie (`inner`), by an AbortError's `cause`, or inside a
 * Dexie BulkError's `failures` / `failuresByPos`.
 */

export interface StorageErrorMessage {
  key: 'io.backup.disk_full' | 'io.backup.write_failed';
  params: Record<string, string>;
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'QUOTA_EXCEEDED_ERR']);

function isQuota(e: unknown, depth: number): boolean {
  if (depth > 5 || typeof e !== 'object' || e === null) return false;
  const x = e as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown; failuresByPos?: unknown };
  if (typeof x.name === 'string' && QUOTA_NAMES.has(x.name)) return true;
  // Legacy DOMException codes; only trusted on DOMException-like objects that carry a name.
  if (typeof x.name === 'string' && x.name !== 'Error' && (x.code === 22 || x.code === 1014)) return true;
  if (isQuota(x.inner, depth + 1) || isQuota(x.cause, depth + 1)) return true;
  if (Array.isArray(x.failures) && x.failures.some((f) => isQuota(f, depth + 1))) return true;
  if (x.failuresByPos && typeof x.failuresByPos === 'object') {
    return Object.values(x.failuresByPos as Record<string, unknown>).some((f) => isQuota(f, depth + 1));
  }
  return false;
}

export function describeStorageError(e: unknown): StorageErrorMessage {
  if (isQuota(e, 0)) return { key: 'io.backup.disk_full', params: {} };
  const detail =
    e instanceof Error || (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string')
      ? String((e as { message: string }).message) || String((e as { name?: unknown }).name ?? '')
      : String(e);
  return { key: 'io.backup.write_failed', params: { detail } };
}
