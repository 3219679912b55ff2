import { useLayoutEffect } from 'react';
import { HEADLINE_KPIS, KPI_GROUPS, type KpiGroup } from '../../lib/cockpit/groups';
import type { CockpitView } from '../../lib/cockpit/view';
import { formatMoney, formatMultiple, formatPercent } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { Gauge } from './Charts';
import { KpiItem } from './KpiItem';

/** The six cards: how the AE is doing this period, each with its change and trend. */
export function HeadlineCards({ view, source }: { view: CockpitView; source: 'stored' | 'live' }) {
  const { t, locale } = useSettings();
  const cur = view.currency;
  useLayoutEffect(() => {
    // The benchmark's "cards show their values" moment (first time only per page).
    if (performance.getEntriesByName('cockpit:cards').length === 0) performance.mark('cockpit:cards', { detail: source });
    if (source === 'live' && performance.getEntriesByName('cockpit:live').length === 0) performance.mark('cockpit:live');
  }, [source]);
  const revenue = view.kpis.total_revenue;
  const attainment = view.kpis.quota_attainment;
  const forecast = view.kpis.forecast_best_case;
  const coverage = view.kpis.pipeline_coverage;
  const extras: Partial<Record<(typeof HEADLINE_KPIS)[number], React.ReactNode>> = {
    total_revenue:
      attainment.value !== null ? (
        <div className="card-goal">
          <Gauge fraction={attainment.value} label={t('cockpit.card.ofQuota', { percent: formatPercent(attainment.value, locale, 0) })} />
          <span className="help">{t('cockpit.card.ofQuota', { percent: formatPercent(attainment.value, locale, 0) })}</span>
        </div>
      ) : null,
    pipeline_coverage: (
      <div className="card-goal">
        {coverage.value !== null && <Gauge fraction={coverage.value / view.coverageTarget} label={t('cockpit.card.coverageTarget', { target: formatMultiple(view.coverageTarget, locale) })} />}
        <span className="help">{t('cockpit.card.coverageTarget', { target: formatMultiple(view.coverageTarget, locale) })}</span>
      </div>
    ),
    forecast_best_case: (
      <div className="card-goal">
        {forecast.value !== null && view.quotaMinor !== null && view.quotaMinor > 0 && (
          <>
            <Gauge
              fraction={forecast.value / view.quotaMinor}
              label={t('cockpit.card.forecastOfQuota', { percent: formatPercent(forecast.value / view.quotaMinor, locale, 0), quota: formatMoney(view.quotaMinor, cur, locale, { compact: true }) })}
            />
            <span className="help">
              {t('cockpit.card.forecastOfQuota', { percent: formatPercent(forecast.value / view.quotaMinor, locale, 0), quota: formatMoney(view.quotaMinor, cur, locale, { compact: true }) })}
            </span>
          </>
        )}
        <span className="help">{t('cockpit.card.forecastParts')}</span>
      </div>
    ),
  };
  void revenue;
  return (
    <section className="panel-section" aria-labelledby="cards-title">
      <h2 id="cards-title" className="visually-hidden">
        {t('cockpit.cards')}
      </h2>
      <ul className="cards" data-testid="kpi-headline" data-ready={source}>
        {HEADLINE_KPIS.map((id) => (
          <KpiItem key={id} k={view.kpis[id]} view={view} card extra={extras[id]} />
        ))}
      </ul>
    </section>
  );
}

/** Every other KPI, one tap away, grouped as the scorecard groups them. */
export function AllKpis({ view }: { view: CockpitView }) {
  const { t } = useSettings();
  const count = Object.values(KPI_GROUPS).reduce((n, g) => n + g.length, 0);
  return (
    <details className="panel-section all-kpis" data-testid="all-kpis">
      <summary>
        <h2 id="kpis-title">{t('cockpit.all', { count })}</h2>
      </summary>
      {(Object.keys(KPI_GROUPS) as KpiGroup[]).map((g) => (
        <section key={g} aria-labelledby={`group-${g}`} data-testid={`group-${g}`}>
          <h3 id={`group-${g}`}>{t(`cockpit.group.${g}`)}</h3>
          <ul className="kpis">
            {KPI_GROUPS[g].map((id) => (
              <KpiItem key={id} k={view.kpis[id]} view={view} />
            ))}
          </ul>
        </section>
      ))}
    </details>
  );
}
