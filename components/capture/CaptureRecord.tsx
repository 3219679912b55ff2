import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { RecordCapture } from '../../lib/capture/schema';
import { getDb, InvalidWriteError } from '../../lib/db';
import { LEAD_NO_CREATED_ON, planCapture, saveCapture, type CaptureDecision, type CapturePlan, type PlannedWrite } from '../../lib/db/capture';
import { formatDate, formatMoney, formatPercent } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/**
 * One captured record: every field read, what the page did not show, what AE Cockpit already
 * knows about it, the AE's choice for each field they edited that the CRM now says otherwise,
 * and Save. Page text is rendered as React text only.
 */
export function CaptureRecord({ capture }: { capture: RecordCapture }) {
  const { t, settings, locale } = useSettings();
  const show = useToast((s) => s.show);
  const [decisions, setDecisions] = useState<Record<string, CaptureDecision>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rules = useMemo(() => ({ reportingCurrency: settings.reportingCurrency, stageRules: settings.stageRules }), [settings.reportingCurrency, settings.stageRules]);
  // Live: a save here (or an edit elsewhere) re-plans on its own.
  const plan = useLiveQuery(() => planCapture(getDb(), capture, Date.now(), decisions, rules), [capture, decisions, rules]);

  const f = capture.fields;
  const value = (k: string, v: unknown): string => {
    if (k === 'amountMinor' && typeof v === 'number') return f.currency ? formatMoney(v, f.currency, locale) : String(v);
    if (k === 'probability' && typeof v === 'number') return formatPercent(v, locale);
    if ((k === 'closeOn' || k === 'createdOn') && typeof v === 'string') return formatDate(v, locale);
    // The words of the stage mapping in Options, which these values come from.
    if (k === 'status' && typeof v === 'string') return t(`settings.stages.status.${v}`);
    if (k === 'forecastCategory' && typeof v === 'string') return t(`settings.stages.forecast.${v}`);
    if (Array.isArray(v)) return v.join(', ');
    return String(v);
  };
  const fieldName = (k: string) => t(`capture.field.${k}`);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      const r = await saveCapture(getDb(), capture, Date.now(), decisions, rules);
      show(t('capture.saved', { created: r.created, updated: r.updated }));
    } catch (e) {
      setError(t('capture.saveFailed', { message: e instanceof InvalidWriteError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="this-page-record" data-site={capture.site} data-external-id={capture.externalId}>
      <p>
        <strong data-testid="this-page-name">{f.name ?? t('capture.empty')}</strong>{' '}
        <span className="help">{t('capture.on', { kind: t(`capture.kind.${capture.kind}`), site: t(`capture.site.${capture.site}`) })}</span>
      </p>

      <h3>{t('capture.fields')}</h3>
      <dl className="capture-fields" data-testid="this-page-fields">
        {Object.entries(f).map(([k, v]) => (
          <div key={k} data-field={k}>
            <dt>{fieldName(k)}</dt>
            <dd>{value(k, v)}</dd>
          </div>
        ))}
      </dl>
      {capture.missing.length > 0 && (
        <p className="help" data-testid="this-page-missing">
          {t('capture.missing', { fields: capture.missing.map(fieldName).join(', ') })}
        </p>
      )}
      {capture.people.length > 0 && (
        <>
          <h3>{t('capture.people')}</h3>
          <ul data-testid="this-page-people">
            {capture.people.map((p, i) => (
              <li key={i}>
                {[p.name, p.email, p.title].filter(Boolean).join(' · ')}
                {p.role ? ` (${t('capture.role', { role: p.role })})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {Object.keys(capture.raw).length > 0 && (
        <details>
          <summary>{t('capture.allRead')}</summary>
          <dl className="capture-fields">
            {Object.entries(capture.raw).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}

      {plan && <Known plan={plan} />}
      {plan && plan.conflicts.length > 0 && (
        <ul className="capture-conflicts" data-testid="this-page-conflicts">
          {plan.conflicts.map((c) => (
            <li key={c.key} data-testid="this-page-conflict" data-key={c.key}>
              <span className="help">{t('capture.conflict.field', { name: c.recordName, field: fieldName(c.field) })}</span>
              <br />
              {t('capture.conflict', { crm: shown(c.field, c.crm), mine: shown(c.field, c.mine) })}{' '}
              <span role="radiogroup" aria-label={fieldName(c.field)}>
                {(['crm', 'mine'] as const).map((d) => (
                  <label key={d}>
                    <input
                      type="radio"
                      name={c.key}
                      data-testid={`this-page-conflict-${d}`}
                      checked={decisions[c.key] === d}
                      onChange={() => setDecisions((x) => ({ ...x, [c.key]: d }))}
                    />
                    {t(d === 'crm' ? 'capture.conflict.crm' : 'capture.conflict.mine')}
                  </label>
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {plan?.currencyFromSettings && <p className="help">{t('capture.currencyAssumed', { currency: settings.reportingCurrency })}</p>}
      {plan && !plan.supported && <p className="help">{t('capture.notSaved')}</p>}
      {plan?.problems.map((p, i) => (
        <p key={i} className="error" data-testid="this-page-problem" data-table={p.table} data-field={p.field}>
          {p.table === 'leads' && p.message === LEAD_NO_CREATED_ON ? t('capture.lead.noCreatedOn') : t('capture.problem', { table: p.table, field: p.field, message: p.message })}
        </p>
      ))}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" data-testid="this-page-save" disabled={!plan || !plan.supported || plan.problems.length > 0 || busy} onClick={() => void save()}>
        {t('capture.save')}
      </button>
    </div>
  );

  function shown(field: string, v: string | number | null): string {
    return v === null || v === '' ? t('capture.empty') : value(field, v);
  }
}

/** What AE Cockpit already knows: each record the save would create or update, and how it was found. */
function Known({ plan }: { plan: CapturePlan }) {
  const { t } = useSettings();
  const writes = [plan.deal, plan.lead, plan.account, ...plan.contacts].filter((w): w is PlannedWrite<never> => w !== null) as PlannedWrite<{ name: string }>[];
  if (writes.length === 0) return null;
  return (
    <ul className="capture-known" data-testid="this-page-known">
      {writes.map((w) => {
        const params = { table: t(`capture.known.${w.table}`), name: String(w.after.name ?? ''), by: w.matchedBy ? t(`capture.match.${w.matchedBy}`) : '', count: w.changed.length };
        return (
          <li key={String(w.after.id)} data-action={w.action} data-matched-by={w.matchedBy ?? ''}>
            {w.action === 'create' ? t('capture.known.create', params) : w.action === 'update' ? t('capture.known.update', params) : t('capture.known.unchanged', params)}
          </li>
        );
      })}
    </ul>
  );
}
