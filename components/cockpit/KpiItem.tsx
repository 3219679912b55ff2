import { useId } from 'react';
import { changeTone, FIXES } from '../../lib/cockpit/groups';
import type { CockpitView, ViewKpi } from '../../lib/cockpit/view';
import { formatDate } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { Sparkline } from './Charts';
import { formatChange, formatKpiValue } from './format';
import { useCockpitUi } from './store';

/** The trend's text for screen readers: each period's value. */
export function useTrendLabel() {
  const { t, locale } = useSettings();
  return (k: ViewKpi, view: CockpitView) =>
    t('cockpit.trend.label', {
      name: t(`kpi.${k.id}.name`),
      count: k.trend.length,
      values: k.trend.map((v, i) => `${formatDate(view.trendPeriods[i]?.start ?? view.period.start, locale, 'short')} ${formatKpiValue(v, k.unit, view.currency, locale)}`).join(', '),
    });
}

/** Why a number is empty, and the link that fixes it (the options page at that section). */
export function NullReason({ k }: { k: ViewKpi }) {
  const { t } = useSettings();
  if (!k.reason) return null;
  const fix = FIXES[k.reason.key];
  return (
    <p className="help kpi-reason" data-testid="kpi-reason">
      {t(k.reason.key, k.reason.params)}{' '}
      {fix && (
        <a href={`options.html#${fix.section}`} target="_blank" rel="noopener" data-testid="kpi-fix">
          {t(fix.label)}
        </a>
      )}
    </p>
  );
}

/**
 * One KPI: name (a button that opens the records behind it; the formula shows on hover and
 * focus), value, change coloured by whether it is good news, its trend, exclusions, and the fix
 * for an empty value. `card` is the larger headline form.
 */
export function KpiItem({ k, view, card = false, extra }: { k: ViewKpi; view: CockpitView; card?: boolean; extra?: React.ReactNode }) {
  const { t, locale } = useSettings();
  // One drill-down open at a time: the worker builds only that KPI's records.
  const open = useCockpitUi((s) => s.drill === k.id);
  const setDrill = useCockpitUi((s) => s.setDrill);
  const uid = useId();
  const trendLabel = useTrendLabel();
  const tone = changeTone(k.id, k.change);
  const cur = view.currency;
  return (
    <li className={card ? 'card' : 'kpi'} data-testid={`kpi-${k.id}`} data-value={k.value ?? ''}>
      <div className="kpi-head">
        <button
          type="button"
          className="kpi-name"
          aria-expanded={open}
          aria-controls={`${uid}-drill`}
          aria-describedby={`${uid}-tip`}
          onClick={() => setDrill(open ? null : k.id)}
          data-testid="kpi-open"
        >
          {t(`kpi.${k.id}.name`)}
        </button>
        <span className="kpi-value" data-testid="kpi-value">
          {formatKpiValue(k.value, k.unit, cur, locale, { compact: card && k.unit === 'money' })}
        </span>
      </div>
      <span role="tooltip" id={`${uid}-tip`} className="tip">
        {t(`kpi.${k.id}.formula`)}
      </span>
      {extra}
      <NullReason k={k} />
      {k.excluded.map((e) => (
        <p key={e.key} className="help" data-testid="kpi-excluded">
          {t(e.key, { count: e.count.toLocaleString(locale) })}
        </p>
      ))}
      <div className="kpi-sub">
        <span className={tone ?? undefined} data-testid="kpi-change" data-tone={tone ?? ''}>
          {k.change === null ? t('cockpit.change.none') : t('cockpit.change.vsPrevious', { change: formatChange(k.change, k.unit, locale, t) })}
        </span>
        <span>{t('panel.kpi.previous', { value: formatKpiValue(k.previous, k.unit, cur, locale) })}</span>
      </div>
      <Sparkline values={k.trend} label={trendLabel(k, view)} />
      <div className="drill" id={`${uid}-drill`} data-testid="kpi-drill" hidden={!open}>
        {open && k.recordCount === null && <p className="help">{t('app.loading')}</p>}
        {k.recordCount !== null && k.recordCount > 0 && <p className="help">{t('cockpit.drill', { count: k.recordCount.toLocaleString(locale) })}</p>}
        {k.records.length > 0 && (
          <ul>
            {k.records.map((r) => (
              <li key={`${r.table}:${r.id}`}>{r.name}</li>
            ))}
          </ul>
        )}
        {k.recordCount !== null && k.recordCount > k.records.length && <p className="help">{t('panel.kpi.more', { count: (k.recordCount - k.records.length).toLocaleString(locale) })}</p>}
        <p className="help">
          {formatDate(view.period.start, locale)} – {formatDate(view.period.end, locale)} · {t('kpi.period.previous')}: {formatDate(view.previousPeriod.start, locale)} –{' '}
          {formatDate(view.previousPeriod.end, locale)}
        </p>
      </div>
    </li>
  );
}
