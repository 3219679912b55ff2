import { useState } from 'react';
import { ThisPage } from '../capture/ThisPage';
import type { NextAction } from '../../lib/actions';
import { addMonths } from '../../lib/domain/dates';
import { formatDate, formatInstant } from '../../lib/i18n/format';
import { PERIOD_PRESETS, type PeriodPreset } from '../../lib/kpi';
import { openOptionsPage } from '../../lib/platform';
import { downloadStats } from '../data/exportStats';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';
import { quickLogService } from '../../lib/platform/quicklog-service';
import { QuickLogBackendContext } from '../quicklog/backend';
import { QuickLogForm } from '../quicklog/QuickLogForm';
import { EmptyState } from '../ui/EmptyState';
import { loadDemo } from '../../lib/platform/demo';
import { InvalidRecordList } from '../ui/InvalidRecordList';
import { ToastHost } from '../ui/Toast';
import { AllKpis, HeadlineCards } from './Headline';
import { NextActions } from './NextActions';
import { StagePipeline } from './StagePipeline';
import { useCockpitUi } from './store';
import { useCockpit } from './useCockpit';

/** The kinds the quick log form offers. */
type ActivityKind = 'call' | 'meeting' | 'email' | 'note';

const SUGGESTED_KIND: Record<string, ActivityKind> = {
  log_call: 'call',
  log_meeting: 'meeting',
  log_email: 'email',
  follow_up_csat: 'call',
  convert_lead: 'call',
  prospect: 'call',
};

/**
 * The side panel: how am I doing (six headline cards), what do I do next (the ranked actions),
 * the pipeline by stage, and every other KPI one tap away. The numbers come from the cockpit
 * worker (useCockpit): a stored snapshot at once, then live. The toast has its own area under
 * the scrolling content, so it never covers what it reports on.
 */
export function CockpitApp() {
  const { t, settings, locale, ready } = useSettings();
  const data = useCockpit(settings, ready);
  const { preset, setPreset, custom, setCustom } = useCockpitUi();
  const show = useToast((s) => s.show);
  const [logFor, setLogFor] = useState<{ kind: ActivityKind; dealId: string | null } | null>(null);
  const view = data.view;
  const health = data.health;

  function suggest(a: NextAction) {
    setLogFor({ kind: SUGGESTED_KIND[a.suggestion.kind] ?? 'note', dealId: a.record.table === 'deals' ? a.record.id : null });
  }
  const problemFor = (field: 'start' | 'end') =>
    data.problem && ((field === 'start' && data.problem === 'no_start') || (field === 'end' && data.problem !== 'no_start')) ? data.problem : null;

  return (
    <div className="cockpit-shell">
      <main className="cockpit">
        <ThisPage />
        {/* "This page" (components/capture/ThisPage.tsx) stays the first element of <main>. */}
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

        {health && health.invalidCount > 0 && (
          <div className="banner banner-warn" role="alert" data-testid="health-banner">
            <strong>{t('health.title', { count: health.invalidCount })}</strong>
            <p className="help">{t('health.body')}</p>
            <details>
              <summary>{t('health.details')}</summary>
              <InvalidRecordList invalid={health.invalid} />
            </details>
          </div>
        )}
        {data.error && (
          <p className="banner banner-error" role="alert">
            {data.error}
          </p>
        )}

        {logFor && (
          <section className="panel-section" aria-label={t('log.title')}>
            <QuickLogBackendContext.Provider value={quickLogService}>
              <QuickLogForm key={`${logFor.kind}:${logFor.dealId}`} initialKind={logFor.kind} initialDealId={logFor.dealId} onLogged={() => setLogFor(null)} />
            </QuickLogBackendContext.Provider>
          </section>
        )}

        {!view && !ready ? (
          <p className="help panel-section">{t('app.loading')}</p>
        ) : view?.empty ? (
          <EmptyState loadDemo={loadDemo} />
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
              {preset === 'custom' &&
                (['start', 'end'] as const).map((f) => {
                  const problem = problemFor(f);
                  return (
                    <div className="field" key={f}>
                      <label htmlFor={`period-${f}`}>{t(f === 'start' ? 'cockpit.period.from' : 'cockpit.period.to')}</label>
                      <input
                        id={`period-${f}`}
                        type="date"
                        data-testid={`period-${f}`}
                        value={custom[f]}
                        aria-invalid={!!problem}
                        aria-describedby={problem ? `period-${f}-error` : undefined}
                        onChange={(e) => setCustom({ ...custom, [f]: e.target.value })}
                      />
                      {problem && (
                        <p className="error" id={`period-${f}-error`} data-testid="period-error">
                          {t(`cockpit.period.${problem}`)}
                        </p>
                      )}
                    </div>
                  );
                })}
            </div>
            {data.period && (
              <p className="help panel-section" data-testid="period-range">
                {data.problem && t('cockpit.period.kept', { start: formatDate(data.period.start, locale), end: formatDate(data.period.end, locale) }) + ' '}
                {!data.problem && `${formatDate(data.period.start, locale)} – ${formatDate(data.period.end, locale)} · `}
                {t('panel.asOf', { date: formatDate(data.today, locale) })}
              </p>
            )}
            <p className="help panel-section cockpit-status" aria-live="polite" data-testid="cockpit-status">
              {data.source === 'stored' && data.storedAt !== null ? t('cockpit.stored', { time: formatInstant(data.storedAt, locale) }) : !view ? t('cockpit.updating') : ''}
            </p>

            {view && data.source && <HeadlineCards view={view} source={data.source} />}
            <section className="panel-section" aria-labelledby="actions-title">
              <h2 id="actions-title">{t('panel.actions')}</h2>
              {view && (
                <NextActions
                  key={`${view.period.start}|${view.period.end}`}
                  actions={view.actions}
                  today={data.today}
                  onSuggest={suggest}
                  openDealIds={view.openDealIds}
                  dealUrls={view.dealUrls}
                />
              )}
            </section>
            {view && <StagePipeline view={view} />}
            {view && <AllKpis view={view} />}
          </>
        )}
      </main>
      <div className="toast-area">
        <ToastHost />
      </div>
    </div>
  );
}
