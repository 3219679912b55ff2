import { formatMoney, formatMultiple, formatNumber, formatPercent } from '../../lib/i18n/format';
import type { Translator } from '../../lib/i18n';
import type { KpiUnit } from '../../lib/kpi/ids';

/** A KPI value as the AE reads it: money in the reporting currency, rates as %, ratios as ×. */
export function formatKpiValue(value: number | null, unit: KpiUnit, currency: string, locale: string, opts: { compact?: boolean } = {}): string {
  if (value === null) return '—';
  switch (unit) {
    case 'money':
      // KPI money is read at a glance: whole units (or compact on headline tiles).
      return formatMoney(value, currency, locale, opts.compact ? { compact: true } : { whole: true });
    case 'rate':
      return formatPercent(value, locale);
    case 'ratio':
      return formatPercent(value, locale, 0);
    case 'multiple':
      return formatMultiple(value, locale);
    case 'days':
      return formatNumber(value, locale, 1);
    case 'count':
      return formatNumber(value, locale, 0);
  }
}

/** The change between periods: rates and ratios by points, multiples by × (2.5× → 3.1× is +0.6×), the rest relative. */
export function formatChange(change: number | null, unit: KpiUnit, locale: string, t: Translator): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : '';
  if (unit === 'multiple') return `${sign}${formatMultiple(change, locale)}`;
  if (unit === 'rate' || unit === 'ratio') return t('panel.kpi.points', { value: `${sign}${formatNumber(change * 100, locale, 1)}` });
  return `${sign}${formatPercent(change, locale)}`;
}
