import { useMemo } from 'react';
import { nextActions, type NextAction } from '../../lib/actions';
import type { Book } from '../../lib/domain/book';
import { localDateOf } from '../../lib/domain/dates';
import { computeReport, presetPeriod, runtimeOffsetMinutes, type KpiReport, type Period } from '../../lib/kpi';
import type { Settings } from '../../lib/settings/schema';
import { useCockpitUi } from './store';

export interface CockpitData {
  today: string;
  period: Period | null;
  periodError: string | null;
  report: KpiReport | null;
  actions: NextAction[];
}

/** Derives the report and the next actions from the live book: pure functions of (book, settings, now). */
export function useCockpit(book: Book | undefined, settings: Settings, now: number): CockpitData {
  const { preset, custom } = useCockpitUi();
  const today = localDateOf(now);
  return useMemo(() => {
    let period: Period | null = null;
    let periodError: string | null = null;
    try {
      period = presetPeriod(preset, today, settings.fiscalYearStartMonth, preset === 'custom' ? custom : undefined);
    } catch (e) {
      periodError = e instanceof Error ? e.message : String(e);
    }
    if (!book || !period) return { today, period, periodError, report: null, actions: [] };
    const tzOffsetMinutes = runtimeOffsetMinutes(today);
    const report = computeReport(book, {
      period,
      asOf: today,
      reportingCurrency: settings.reportingCurrency,
      fxRates: settings.fxRates,
      tzOffsetMinutes,
      territories: settings.territories,
      trend: 'month',
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
    });
    const actions = nextActions(book, {
      now,
      today,
      tzOffsetMinutes,
      thresholds: settings.thresholds,
      reportingCurrency: settings.reportingCurrency,
      fxRates: settings.fxRates,
      period,
      coverage: report.coverage,
    });
    return { today, period, periodError, report, actions };
  }, [book, settings, now, today, preset, custom]);
}
