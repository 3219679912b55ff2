import { describe, expect, it } from 'vitest';
import { describeStorageError } from '../../../../lib/io/backup/storage-error';

function named(name: string, message = 'x', extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('describeStorageError', () => {
  it.each<[string, unknown]>([
    ['a QuotaExceededError DOMException', new DOMException('quota', 'QuotaExceededError')],
    ['Firefox NS_ERROR_DOM_QUOTA_REACHED', named('NS_ERROR_DOM_QUOTA_REACHED')],
    ['Dexie error wrapping one (inner)', named('AbortError', 'Transaction aborted', { inner: new DOMException('q', 'QuotaExceededError') })],
    ['an error with a quota cause', new Error('write failed', { cause: new DOMException('q', 'QuotaExceededError') })],
    ['a BulkError with a quota failure', named('BulkError', '1 of 2 failed', { failures: [named('ConstraintError'), named('QuotaExceededError')] })],
    ['a BulkError keyed by position', named('BulkError', 'failed', { failuresByPos: { 3: named('QuotaExceededError') } })],
    ['a legacy DOMException code 22', { name: 'QUOTA_EXCEEDED_ERR', code: 22, message: 'full' }],
  ])('%s → disk_full', (_label, e) => {
    expect(describeStorageError(e)).toEqual({ key: 'io.backup.disk_full', params: {} });
  });

  it.each<[string, unknown, string]>([
    ['a constraint error', named('ConstraintError', 'Key already exists'), 'Key already exists'],
    ['an AbortError with a non-quota inner', named('AbortError', 'aborted', { inner: named('ConstraintError') }), 'aborted'],
    ['a plain Error with code 22', Object.assign(new Error('odd'), { code: 22 }), 'odd'],
    ['a string', 'kaput', 'kaput'],
  ])('%s → write_failed', (_label, e, detail) => {
    expect(describeStorageError(e)).toEqual({ key: 'io.backup.write_failed', params: { detail } });
  });

  it('does not loop on a self-referencing error', () => {
    const e = named('AbortError', 'loop') as Error & { inner?: unknown };
    e.inner = e;
    expect(describeStorageError(e).key).toBe('io.backup.write_failed');
  });
});
