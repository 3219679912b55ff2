import { useState } from 'react';
import { getDb, readBook } from '../../../lib/db';
import { addMonths, localDateOf } from '../../../lib/domain/dates';
import { EXPORT_GRANULARITIES, type ExportGranularity } from '../../../lib/io/export/periods';
import { exportFileName, RAW_TABLES, rawCsvs, type RawTable } from '../../../lib/io/export/raw';
import { bookDateRange } from '../../../lib/io/export/stats-book';
import { downloadText } from '../../../lib/platform/download';
import { useSettings } from '../../providers/SettingsContext';
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

  async function exportStats(range?: { from: string; to: string }) {
    setError(null);
    try {
      const r = range ?? { from, to };
      if (!r.from || !r.to || r.from > r.to) throw new Error(`${t('ioui.export.from')} > ${t('ioui.export.to')}`);
      const rows = await downloadStats(settings, r, granularity, today);
      show(t('io.out.done', { count: rows.toLocaleString(locale) }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
          <input id="export-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="export-to">{t('ioui.export.to')}</label>
          <input id="export-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
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
        <button type="button" className="primary" onClick={() => void exportStats()} data-testid="export-stats">
          {t('ioui.export.stats')}
        </button>
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
