import type { Translator } from '../../lib/i18n';
import { formatDate } from '../../lib/i18n/format';
import { KPI_IDS, type KpiReport, type KpiValue } from '../../lib/kpi';
import { useSettings } from '../providers/SettingsContext';
import { formatChange, formatKpiValue } from './format';

function reasonText(t: Translator, r: KpiValue['reason']): string | null {
  return r ? t(r.key, r.params) : null;
}

const LOWER_IS_BETTER = new Set<string>(['customer_acquisition_cost', 'sales_cycle_days', 'sales_cycle_days_median', 'lost_deals']);

const HEADLINE = ['total_revenue', 'quota_attainment', 'pipeline_coverage', 'forecast_commit'] as const;

/** The four numbers an AE looks at first, as tiles above everything else. */
export function KpiHeadline({ report }: { report: KpiReport }) {
  const { t, locale } = useSettings();
  return (
    <dl className="headline" data-testid="kpi-headline">
      {HEADLINE.map((id) => {
        const k = report.kpis[id];
        return (
          <div key={id} className="tile">
            <dt>{t(`kpi.${id}.name`)}</dt>
            <dd title={k.reason ? t(k.reason.key, k.reason.params) : undefined}>{formatKpiValue(k.value, k.unit, report.reportingCurrency, locale, { compact: true })}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Every KPI of the period: value, previous value, change, and the formula in the AE's language. */
/** Names of the records behind a number, for the drill-down list. */
export type NameOf = (table: string, id: string) => string | undefined;

const DRILL_MAX = 25;

function DrillDown({ k, nameOf }: { k: KpiValue; nameOf: NameOf }) {
  const { t } = useSettings();
  const named = k.records.flatMap((g) => g.ids.map((id) => ({ table: g.table, id, name: nameOf(g.table, id) }))).filter((r) => r.name);
  if (named.length === 0) return null;
  return (
    <div className="drill" data-testid="kpi-drill">
      <p className="help">{t('panel.kpi.behind')}</p>
      <ul>
        {named.slice(0, DRILL_MAX).map((r) => (
          <li key={`${r.table}:${r.id}`}>{r.name}</li>
        ))}
      </ul>
      {named.length > DRILL_MAX && <p className="help">{t('panel.kpi.more', { count: named.length - DRILL_MAX })}</p>}
    </div>
  );
}

export function KpiList({ report, nameOf }: { report: KpiReport; nameOf: NameOf }) {
  const { t, locale } = useSettings();
  const cur = report.reportingCurrency;
  return (
    <ul className="kpis" aria-label={t('panel.kpis')}>
      {KPI_IDS.map((id) => {
        const k = report.kpis[id];
        const reason = reasonText(t, k.reason);
        // For cost and cycle time, lower is better: a rise is shown as bad news.
        const sign = LOWER_IS_BETTER.has(id) ? -1 : 1;
        const up = k.change !== null && sign * k.change > 0;
        const down = k.change !== null && sign * k.change < 0;
        return (
          <li key={id} className="kpi" data-testid={`kpi-${id}`} data-value={k.value ?? ''}>
            <div className="kpi-head">
              <span className="kpi-name" id={`kpi-name-${id}`}>
                {t(`kpi.${id}.name`)}
              </span>
              <span className="kpi-value" data-testid="kpi-value" aria-describedby={`kpi-name-${id}`}>
                {formatKpiValue(k.value, k.unit, cur, locale)}
              </span>
            </div>
            {reason && <p className="help">{reason}</p>}
            {/* What the value leaves out (e.g. won deals with no created date), as plain text. */}
            {k.excluded.map((e) => (
              <p key={e.key} className="help" data-testid="kpi-excluded">
                {t(e.key, { count: e.count.toLocaleString(locale) })}
              </p>
            ))}
            <div className="kpi-sub">
              <span>{t('panel.kpi.previous', { value: formatKpiValue(k.previous, k.unit, cur, locale) })}</span>
              <span className={up ? 'good' : down ? 'bad' : undefined}>
                {t('panel.kpi.change')}: {formatChange(k.change, k.unit, locale, t)}
              </span>
              {k.recordIds.length > 0 && <span>{t('panel.kpi.records', { count: k.recordIds.length.toLocaleString(locale) })}</span>}
            </div>
            <details>
              <summary>{t('panel.kpi.formula')}</summary>
              <p className="help">{t(`kpi.${id}.formula`)}</p>
              <DrillDown k={k} nameOf={nameOf} />
              <p className="help">
                {formatDate(report.period.start, locale)} – {formatDate(report.period.end, locale)} ·{' '}
                {t('kpi.period.previous')}: {formatDate(report.previousPeriod.start, locale)} – {formatDate(report.previousPeriod.end, locale)}
              </p>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
