import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../../lib/db';
import { listImports, undoImport } from '../../../lib/db/import';
import type { ImportBatch } from '../../../lib/domain/history';
import { describeStorageError } from '../../../lib/io/backup/storage-error';
import { formatInstant } from '../../../lib/i18n/format';
import { signalBookChanged } from '../../../lib/platform/badge';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';

/** Recent imports (file, time, counts), each undoable once after a confirmation. */
export function ImportHistory() {
  const { t, locale } = useSettings();
  const show = useToast((s) => s.show);
  const batches = useLiveQuery(() => listImports(getDb(), 10), []);
  const [confirming, setConfirming] = useState<ImportBatch | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fmt = (n: number) => n.toLocaleString(locale);
  const file = (b: ImportBatch) => b.fileName || t(`io.entity.${b.entity}`);

  async function undo(b: ImportBatch) {
    setBusy(true);
    setError(null);
    try {
      const r = await undoImport(getDb(), b.id, Date.now());
      void signalBookChanged().catch(() => undefined);
      show(t('ioui.history.done', { removed: fmt(r.removed), restored: fmt(r.restored) }));
      setConfirming(null);
    } catch (e) {
      const d = describeStorageError(e);
      setError(t('ioui.history.failed', { error: t(d.key, d.params) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-history-title" data-testid="import-history">
      <h3 id="import-history-title">{t('ioui.history.title')}</h3>
      {batches?.length === 0 && <p className="help">{t('ioui.history.empty')}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="plain">
        {batches?.map((b) => (
          <li key={b.id} data-testid="import-batch">
            {t('ioui.history.line', { file: file(b), when: formatInstant(b.at, locale), created: fmt(b.createdCount), updated: fmt(b.updatedCount) })}{' '}
            {b.undoneAt !== null ? (
              <span className="muted">{t('ioui.history.undone', { when: formatInstant(b.undoneAt, locale) })}</span>
            ) : confirming?.id === b.id ? (
              <span role="group" aria-label={t('ioui.history.undoOf', { file: file(b) })}>
                <span>{t('ioui.history.confirm', { file: file(b), created: fmt(b.createdCount), updated: fmt(b.updatedCount) })}</span>{' '}
                <button type="button" className="danger" disabled={busy} onClick={() => void undo(b)}>
                  {t('ioui.history.confirmYes')}
                </button>{' '}
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('ioui.import.cancel')}
                </button>
              </span>
            ) : (
              <button type="button" aria-label={t('ioui.history.undoOf', { file: file(b) })} onClick={() => setConfirming(b)}>
                {t('ioui.history.undo')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
