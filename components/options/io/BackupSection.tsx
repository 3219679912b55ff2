import { useState } from 'react';
import { getDb, readBook, replaceBook } from '../../../lib/db';
import { localDateOf } from '../../../lib/domain/dates';
import { backupFileName, parseBackup, serializeBackup } from '../../../lib/io/backup/format';
import { describeStorageError } from '../../../lib/io/backup/storage-error';
import { formatInstant } from '../../../lib/i18n/format';
import { downloadText } from '../../../lib/platform/download';
import type { Book } from '../../../lib/domain/book';
import type { Settings } from '../../../lib/settings/schema';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';

/** Backup to one JSON file; restore validates everything first and then replaces the data in one transaction. */
export function BackupSection() {
  const { t, settings, replaceAll, locale } = useSettings();
  const show = useToast((s) => s.show);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ book: Book; settings: Settings; exportedAt: number; count: number } | null>(null);
  const [busy, setBusy] = useState(false);

  async function backup() {
    setError(null);
    const book = await readBook(getDb());
    const now = Date.now();
    downloadText(backupFileName(localDateOf(now)), serializeBackup(book, settings, now), 'application/json');
  }

  async function chooseRestore(file: File) {
    setError(null);
    setPending(null);
    setBusy(true);
    try {
      const r = parseBackup(await file.text());
      if (!r.ok) {
        setError(`${file.name}: ${t(r.error.key, r.error.params)}`);
        return;
      }
      const count = Object.values(r.book).reduce((n, rows) => n + rows.length, 0);
      setPending({ book: r.book, settings: r.settings, exportedAt: r.exportedAt, count });
    } finally {
      setBusy(false);
    }
  }

  async function restore() {
    if (!pending) return;
    setBusy(true);
    try {
      await replaceBook(getDb(), pending.book);
      await replaceAll(pending.settings);
      show(t('io.backup.restored', { count: pending.count.toLocaleString(locale) }));
      setPending(null);
    } catch (e) {
      const d = describeStorageError(e);
      setError(t(d.key, d.params));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('io.backup.title')}</h2>
      <p className="help">{t('io.backup.create_help')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void backup()} data-testid="backup-create">
          {t('io.backup.create')}
        </button>
        <div className="field">
          <label htmlFor="restore-file">{t('io.backup.restore')}</label>
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void chooseRestore(f);
              e.target.value = '';
            }}
          />
        </div>
      </div>
      {busy && !pending && <p className="help">{t('ioui.backup.restoring')}</p>}
      {error && (
        <p role="alert" className="error" data-testid="backup-error">
          {error} {t('io.backup.untouched')}
        </p>
      )}
      {pending && (
        <div role="dialog" aria-modal="true" aria-labelledby="restore-confirm" className="banner banner-warn">
          <p id="restore-confirm">{t('ioui.backup.confirm', { date: formatInstant(pending.exportedAt, locale), count: pending.count.toLocaleString(locale) })}</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => void restore()} disabled={busy} data-testid="restore-confirm">
              {t('ioui.backup.replace')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('ioui.backup.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
