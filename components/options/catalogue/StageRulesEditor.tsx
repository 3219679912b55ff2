import { useRef, useState, type FormEvent } from 'react';
import { dealStatusSchema, forecastCategorySchema, type DealStatus, type ForecastCategory } from '../../../lib/domain/records';
import { formatPercent } from '../../../lib/i18n/format';
import { DEFAULT_STAGE_RULES, stageRuleSchema, type StageRule } from '../../../lib/settings/schema';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { ErrorText, Section, stageKey, useLatest } from './shared';

const STATUSES = dealStatusSchema.options;
const FORECASTS = forecastCategorySchema.options;

interface Draft {
  stage: string;
  status: DealStatus;
  probability: string;
  forecastCategory: ForecastCategory;
}
const EMPTY: Draft = { stage: '', status: 'open', probability: '', forecastCategory: 'pipeline' };

/** Settings.stageRules: how CRM stage names become status, probability and forecast category. Every change saves at once. */
export function StageRulesEditor() {
  const { settings, update, t, locale, ready } = useSettings();
  const show = useToast((s) => s.show);
  const latest = useLatest(settings);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  // The stage name of the row being edited (its position is looked up again on save).
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stageInput = useRef<HTMLInputElement>(null);

  const rules = settings.stageRules;

  async function replaceRules(next: StageRule[], message: string) {
    const previous = latest.current.stageRules;
    await update((s) => ({ ...s, stageRules: next }));
    show(message, async () => {
      await update((s) => ({ ...s, stageRules: previous }));
    });
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const pctText = draft.probability.trim().replace(',', '.');
    const pct = pctText === '' ? Number.NaN : Number(pctText);
    const r = stageRuleSchema.safeParse({
      stage: draft.stage.trim(),
      status: draft.status,
      // Typed as a percentage, stored as a fraction; rounding drops float noise like 0.07000000000000001.
      probability: Number.isFinite(pct) ? Math.round(pct * 100) / 10_000 : Number.NaN,
      forecastCategory: draft.forecastCategory,
    });
    if (!r.success) {
      const field = String(r.error.issues[0]?.path[0] ?? '');
      if (field === 'stage') setError(t('settings.stages.error.stage'));
      else if (field === 'probability') setError(t('settings.stages.error.probability'));
      else setError(t('settings.error.field', { field, message: r.error.issues[0]?.message ?? '' }));
      return;
    }
    const rule = r.data;
    const index = editing === null ? -1 : rules.findIndex((x) => x.stage === editing);
    const key = stageKey(rule.stage);
    // Keeping a row's own name is always allowed, even where older rules already collide with it.
    const keptOwnName = index >= 0 && stageKey(rules[index]!.stage) === key;
    const clash = rules.find((x, i) => i !== index && stageKey(x.stage) === key);
    if (clash && !keptOwnName) {
      setError(t('settings.stages.error.duplicate', { stage: clash.stage }));
      stageInput.current?.focus();
      return;
    }
    const next = index >= 0 ? rules.map((x, i) => (i === index ? rule : x)) : [...rules, rule];
    await replaceRules(next, t('settings.stages.saved', { stage: rule.stage }));
    setDraft(EMPTY);
    setEditing(null);
  }

  function startEdit(rule: StageRule) {
    setError(null);
    setEditing(rule.stage);
    setDraft({
      stage: rule.stage,
      status: rule.status,
      probability: String(Math.round(rule.probability * 10_000) / 100),
      forecastCategory: rule.forecastCategory,
    });
    stageInput.current?.focus();
  }

  return (
    <Section id="stages-title" title={t('settings.stages.title')}>
      {!ready ? (
        <p className="help">{t('app.loading')}</p>
      ) : (
        <>
          <p className="help">{t('settings.stages.help')}</p>
          {rules.length === 0 ? (
            <p className="help">{t('settings.stages.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.stages.stage')}</th>
                  <th scope="col">{t('settings.stages.status')}</th>
                  <th scope="col">{t('settings.stages.probability')}</th>
                  <th scope="col">{t('settings.stages.forecast')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rules.map((rule, i) => (
                  <tr key={`${i}:${rule.stage}`}>
                    <th scope="row">{rule.stage}</th>
                    <td>{t(`settings.stages.status.${rule.status}`)}</td>
                    <td>{formatPercent(rule.probability, locale)}</td>
                    <td>{t(`settings.stages.forecast.${rule.forecastCategory}`)}</td>
                    <td>
                      <button type="button" aria-label={t('settings.stages.editOf', { stage: rule.stage })} onClick={() => startEdit(rule)}>
                        {t('settings.stages.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        aria-label={t('settings.stages.removeOf', { stage: rule.stage })}
                        onClick={() => {
                          if (editing === rule.stage) (setEditing(null), setDraft(EMPTY));
                          void replaceRules(
                            rules.filter((_, j) => j !== i),
                            t('settings.stages.removed', { stage: rule.stage }),
                          );
                        }}
                      >
                        {t('settings.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form noValidate onSubmit={onSubmit} aria-label={editing ? t('settings.stages.editing', { stage: editing }) : t('settings.stages.add')}>
            {editing && <p className="help">{t('settings.stages.editing', { stage: editing })}</p>}
            <div className="row">
              <div className="field">
                <label htmlFor="stage-name">{t('settings.stages.stage')}</label>
                <input
                  id="stage-name"
                  ref={stageInput}
                  value={draft.stage}
                  maxLength={200}
                  onChange={(e) => setDraft({ ...draft, stage: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="stage-status">{t('settings.stages.status')}</label>
                <select id="stage-status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as DealStatus })}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`settings.stages.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="stage-probability">{t('settings.stages.probability')}</label>
                <input
                  id="stage-probability"
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  value={draft.probability}
                  onChange={(e) => setDraft({ ...draft, probability: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor="stage-forecast">{t('settings.stages.forecast')}</label>
                <select
                  id="stage-forecast"
                  value={draft.forecastCategory}
                  onChange={(e) => setDraft({ ...draft, forecastCategory: e.target.value as ForecastCategory })}
                >
                  {FORECASTS.map((f) => (
                    <option key={f} value={f}>
                      {t(`settings.stages.forecast.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <ErrorText error={error} />
            <div className="row">
              <button type="submit" className="primary">
                {editing ? t('settings.stages.update') : t('settings.stages.add')}
              </button>
              {editing && (
                <button type="button" onClick={() => (setEditing(null), setDraft(EMPTY), setError(null))}>
                  {t('settings.cancel')}
                </button>
              )}
              <button type="button" onClick={() => void replaceRules(DEFAULT_STAGE_RULES.map((r) => ({ ...r })), t('settings.stages.resetDone'))}>
                {t('settings.stages.reset')}
              </button>
            </div>
          </form>
        </>
      )}
    </Section>
  );
}
