import { getDb, readBook } from '../../lib/db';
import type { IsoDate } from '../../lib/domain/primitives';
import type { ExportGranularity } from '../../lib/io/export/periods';
import { exportFileName } from '../../lib/io/export/raw';
import { statsCsvForBook } from '../../lib/io/export/stats-book';
import { runtimeOffsetMinutes } from '../../lib/kpi';
import { downloadText } from '../../lib/platform/download';
import type { Settings } from '../../lib/settings/schema';

/** Reads the book and downloads the personal stats CSV: the one path the options page and the side panel share. */
export async function downloadStats(settings: Settings, range: { from: IsoDate; to: IsoDate }, granularity: ExportGranularity, today: IsoDate): Promise<number> {
  const book = await readBook(getDb());
  const { csv, rows } = statsCsvForBook(book, {
    ...range,
    granularity,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    asOf: today,
    reportingCurrency: settings.reportingCurrency,
    fxRates: settings.fxRates,
    tzOffsetMinutes: runtimeOffsetMinutes(today),
    territories: settings.territories,
  });
  downloadText(exportFileName('stats', today), csv);
  return rows;
}
