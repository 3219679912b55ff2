import { useMemo, useState } from 'react';
import { ThisPage } from '../capture/ThisPage';
import type { NextAction } from '../../lib/actions';
import type { ActivityKind } from '../../lib/domain/records';
import { formatDate } from '../../lib/i18n/format';
import { PERIOD_PRESETS, type PeriodPreset } from '../../lib/kpi';
import { openOptionsPage } from '../../lib/platform';
import { useBook, useNow } from '../hooks';
import { useSettings } from '../providers/SettingsContext';
import { QuickLogForm } from '../quicklog/QuickLogForm';
import { EmptyState } from '../ui/EmptyState';
import { ToastHost } from '../ui/Toast';
import { KpiHeadline, KpiList } from './KpiList';
import { NextActions } from './NextActions';
import { useCockpitUi } from './store';
import { useCockpit } from './useCockpit';
import { useHealth } from './useHealth';
import { downloadStats } from '../data/exportStats';
import { addMonths } from '../../lib/domain/dates';
import { useToast } from '../providers/toast';

const SUGGESTED_KIND: Record<string, ActivityKind> = {
  log_call: 'call',
  log_meeting: 'meeting',
  log_email: 'email',
  follow_up_csat: 'call',
  convert_lead: 'call',
  prospect: 'call',
};

/** The side panel: period switcher, every KPI, the top next actions; all live from the database. */
export function CockpitApp() {
  const { t, settings, locale, ready } = useSettings();
  const book = useBook();
  const now = useNow();
  const { preset, setPreset, custom, setCustom } = useCockpitUi();
  // Records that failed the stored-data check (run once per open) are kept out of the numbers and listed in a banner.
  const { valid, health: checked } = useHealth(book);
  const data = useCockpit(ready ? valid : undefined, settings, now);
  // Deal, account and lead names for the KPI drill-down (built once per change of the book).
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    if (book) for (const table of ['deals', 'accounts', 'leads'] as const) for (const r of book[table]) names.set(`${table}:${r.id}`, r.name);
    return (table: string, id: string) => names.get(`${table}:${id}`);
  }, [book]);
  const show = useToast((s) => s.show);
  const [logFor, setLogFor] = useState<{ kind: ActivityKind; dealId: string | null } | null>(null);

  const health = { data: checked };

  if (!book || !ready) return <p className="help panel-section">{t('app.loading')}</p>;
  const empty = book.deals.length === 0 && book.accounts.length === 0 && book.activities.length === 0;

  function suggest(a: NextAction) {
    setLogFor({ kind: SUGGESTED_KIND[a.suggestion.kind] ?? 'note', dealId: a.record.table === 'deals' ? a.record.id : null });
  }

  return (
    <main>
      <ThisPage />
      <header className="bar">
        <h1>{t('app.name')}</h1>
        <div className="row">
          <button type="button" onClick={() => setLogFor(logFor ? null : { kind: 'call', dealId: null })} aria-expanded={!!logFor}>
            {t('panel.logActivity')}
          </button>
          <button
            type="button"
            data-testid="panel-export"
            onClick={async () => {
              // The last twelve months, one row each, ending with the current month.
              const from = addMonths(data.today.slice(0, 8) + '01', -11);
              const rows = await downloadStats(settings, { from, to: data.today }, 'month', data.today);
              show(t('io.out.done', { count: rows }));
            }}
          >
            {t('panel.export')}
          </button>
          <button type="button" onClick={() => void openOptionsPage()}>
            {t('panel.openOptions')}
          </button>
        </div>
      </header>

      {health.data && health.data.invalidCount > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="health-banner">
          <strong>{t('health.title', { count: health.data.invalidCount })}</strong>
          <p className="help">{t('health.body')}</p>
          <details>
            <summary>{t('health.details')}</summary>
            <ul>
              {health.data.invalid.map((r) => (
                <li key={`${r.table}:${r.id}`}>
                  {r.table} {r.id}: {r.problems.join('; ')}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}

      {logFor && (
        <section className="panel-section" aria-label={t('log.title')}>
          <QuickLogForm key={`${logFor.kind}:${logFor.dealId}`} initialKind={logFor.kind} initialDealId={logFor.dealId} onLogged={() => setLogFor(null)} />
        </section>
      )}

      {empty ? (
        <EmptyState />
      ) : (
        <>
          <div className="period-bar">
            <div className="field">
              <label htmlFor="period">{t('panel.period')}</label>
              <select id="period" data-testid="period-select" value={preset} onChange={(e) => setPreset(e.target.value as PeriodPreset)}>
                {PERIOD_PRESETS.map((p) => (
                  <option key={p} value={p}>
                    {t(`kpi.period.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            {preset === 'custom' && (
              <>
                <div className="field">
                  <label htmlFor="period-start">{t('options.quota.start')}</label>
                  <input id="period-start" type="date" value={custom.start} onChange={(e) => setCustom({ ...custom, start: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor="period-end">{t('options.quota.end')}</label>
                  <input id="period-end" type="date" value={custom.end} onChange={(e) => setCustom({ ...custom, end: e.target.value })} />
                </div>
              </>
            )}
          </div>
          {data.period && (
            <p className="help panel-section" data-testid="period-range">
              {formatDate(data.period.start, locale)} – {formatDate(data.period.end, locale)} · {t('panel.asOf', { date: formatDate(data.today, locale) })}
            </p>
          )}
          {data.periodError && preset === 'custom' && (custom.start || custom.end) && <p className="error panel-section">{data.periodError}</p>}

          {data.report && <KpiHeadline report={data.report} />}
          <section className="panel-section" aria-labelledby="actions-title">
            <h2 id="actions-title">{t('panel.actions')}</h2>
            <NextActions actions={data.actions} today={data.today} onSuggest={suggest} />
          </section>

          {data.report && (
            <section className="panel-section" aria-labelledby="kpis-title">
              <h2 id="kpis-title">{t('panel.kpis')}</h2>
              <KpiList report={data.report} nameOf={nameOf} />
            </section>
          )}
        </>
      )}
      <ToastHost />
    </main>
  );
}
