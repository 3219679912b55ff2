import { useRef, useState } from 'react';
import { getDb, readBook } from '../../../lib/db';
import { addMonths, localDateOf } from '../../../lib/domain/dates';
import { EXPORT_GRANULARITIES, type ExportGranularity } from '../../../lib/io/export/periods';
import { checkExportRange, ExportRangeError, RANGE_FIRST_DAY, RANGE_LAST_DAY } from '../../../lib/io/export/range';
import type { StatsProgress } from '../../../lib/io/export/stats';
import { exportFileName, RAW_TABLES, rawCsvs, type RawTable } from '../../../lib/io/export/raw';
import { bookDateRange } from '../../../lib/io/export/stats-book';
import { downloadText } from '../../../lib/platform/download';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { downloadStats } from '../../data/exportStats';

/** Personal stats CSV over a range, and raw CSVs the importer reads back. */
export function ExportSection() {
  const { t, settings, locale } = useSettings();
  const show = useToast((s) => s.show);
  const today = localDateOf(Date.now());
  const [from, setFrom] = useState(addMonths(today.slice(0, 8) + '01', -11));
  const [to, setTo] = useState(today);
  const [granularity, setGranularity] = useState<ExportGranularity>('month');
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<StatsProgress | null>(null);
  const running = useRef<AbortController | null>(null);

  async function exportStats() {
    setError(null);
    if (running.current) return;
    // The one range check (lib/io/export/range.ts): a day outside 1900–2200 or too many rows is refused
    // here with the reason, before any work.
    const check = checkExportRange(from, to, granularity, settings.fiscalYearStartMonth);
    if (!check.ok) {
      setError(t(check.key, check.params));
      return;
    }
    const ac = new AbortController();
    running.current = ac;
    setProgress({ done: 0, total: check.rows });
    try {
      const rows = await downloadStats(settings, { from, to }, granularity, today, { signal: ac.signal, onProgress: setProgress });
      show(t('io.out.done', { count: rows.toLocaleString(locale) }));
    } catch (e) {
      if (ac.signal.aborted) setError(t('io.out.cancelled'));
      else if (e instanceof ExportRangeError) setError(t(e.key, e.params));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      running.current = null;
      setProgress(null);
    }
  }

  async function exportRaw(table: RawTable) {
    setError(null);
    const book = await readBook(getDb());
    if (book[table].length === 0) {
      setError(t('ioui.export.noData'));
      return;
    }
    downloadText(exportFileName(table, today), rawCsvs(book)[table]);
    show(t('io.out.done', { count: book[table].length.toLocaleString(locale) }));
  }

  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('ioui.export.title')}</h2>
      <h3>{t('io.out.stats.title')}</h3>
      <p className="help">{t('io.out.stats.help', { currency: settings.reportingCurrency })}</p>
      <div className="row">
        <div className="field">
          <label htmlFor="export-from">{t('ioui.export.from')}</label>
          <input id="export-from" type="date" min={RANGE_FIRST_DAY} max={RANGE_LAST_DAY} value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="export-to">{t('ioui.export.to')}</label>
          <input id="export-to" type="date" min={RANGE_FIRST_DAY} max={RANGE_LAST_DAY} value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="export-granularity">{t('io.out.stats.granularity')}</label>
          <select id="export-granularity" value={granularity} onChange={(e) => setGranularity(e.target.value as ExportGranularity)}>
            {EXPORT_GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {t(`io.out.granularity.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={() => void exportStats()} disabled={progress !== null} data-testid="export-stats">
          {t('ioui.export.stats')}
        </button>
        {progress && (
          <>
            <progress max={progress.total} value={progress.done} aria-label={t('io.out.progress', { done: progress.done, total: progress.total })} />
            <span role="status" data-testid="export-progress">
              {t('io.out.progress', { done: progress.done.toLocaleString(locale), total: progress.total.toLocaleString(locale) })}
            </span>
            <button type="button" onClick={() => running.current?.abort()} data-testid="export-cancel">
              {t('io.out.cancel')}
            </button>
          </>
        )}
        <button
          type="button"
          onClick={async () => {
            const range = bookDateRange(await readBook(getDb()));
            if (range) {
              setFrom(range.min);
              setTo(range.max);
            }
          }}
        >
          {t('io.out.granularity.all')}
        </button>
      </div>
      <p className="help">{t('io.out.formula_note')}</p>

      <h3>{t('io.out.raw.title')}</h3>
      <p className="help">{t('io.out.raw.help')}</p>
      <div className="row">
        {RAW_TABLES.map((table) => (
          <button key={table} type="button" onClick={() => void exportRaw(table)} data-testid={`export-raw-${table}`}>
            {t('ioui.export.raw', { table: t(`io.out.table.${table}`) })}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
