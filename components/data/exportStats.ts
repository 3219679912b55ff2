import { getDb, readBook } from '../../lib/db';
import type { IsoDate } from '../../lib/domain/primitives';
import type { ExportGranularity } from '../../lib/io/export/periods';
import { exportFileName } from '../../lib/io/export/raw';
import { statsCsvForBookAsync, type StatsRunControl } from '../../lib/io/export/stats';
import { runtimeOffsetMinutes } from '../../lib/kpi';
import { downloadText } from '../../lib/platform/download';
import type { Settings } from '../../lib/settings/schema';

/**
 * Reads the book and downloads the personal stats CSV: the one path the options page and the side panel share.
 * The KPIs are computed period by period with yields to the event loop (the page stays responsive);
 * `control` reports progress and cancels. Check the range with checkExportRange (lib/io/export/range.ts)
 * first to show why one is refused; a refused range rejects with ExportRangeError, a cancel with an AbortError.
 */
export async function downloadStats(
  settings: Settings,
  range: { from: IsoDate; to: IsoDate },
  granularity: ExportGranularity,
  today: IsoDate,
  control: StatsRunControl = {},
): Promise<number> {
  const book = await readBook(getDb());
  const { csv, rows } = await statsCsvForBookAsync(
    book,
    {
      ...range,
      granularity,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      asOf: today,
      reportingCurrency: settings.reportingCurrency,
      fxRates: settings.fxRates,
      tzOffsetMinutes: runtimeOffsetMinutes(today),
      territories: settings.territories,
    },
    control,
  );
  if (control.signal?.aborted) throw control.signal.reason;
  downloadText(exportFileName('stats', today), csv);
  return rows;
}
