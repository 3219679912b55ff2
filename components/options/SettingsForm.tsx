import { useState } from 'react';
import { mergeSettings } from '../../lib/settings/parse';
import type { Settings } from '../../lib/settings/schema';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

type ThresholdKey = 'staleDealDays' | 'leadConversionDays' | 'customerTouchDays' | 'coverageTarget';
const THRESHOLDS: ThresholdKey[] = ['staleDealDays', 'leadConversionDays', 'customerTouchDays', 'coverageTarget'];

type Rate = { code: string; rate: string };

/** What the AE has typed and not saved yet: only these fields; everything else shows the stored value. */
interface Edits {
  reportingCurrency?: string;
  fiscalYearStartMonth?: number;
  thresholds?: Partial<Settings['thresholds']>;
  rates?: Rate[];
}

const ratesOf = (fx: Settings['fxRates']): Rate[] => Object.entries(fx).map(([code, rate]) => ({ code, rate: String(rate) }));

/**
 * Language, currency and rates, fiscal year, next-action thresholds. Validated with the settings
 * schema on save. Unsaved edits are kept apart from the stored settings, so a setting changed
 * elsewhere meanwhile (another tab, an import, the language) shows up without wiping what the AE
 * typed, and Save writes only the fields the AE edited, onto the latest stored settings.
 */
export function SettingsForm() {
  const { settings, update, t, problems, ready } = useSettings();
  const show = useToast((s) => s.show);
  const [edits, setEdits] = useState<Edits>({});
  const [error, setError] = useState<string | null>(null);
  const draft: Settings = {
    ...settings,
    ...(edits.reportingCurrency !== undefined ? { reportingCurrency: edits.reportingCurrency } : {}),
    ...(edits.fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth: edits.fiscalYearStartMonth } : {}),
    thresholds: { ...settings.thresholds, ...edits.thresholds },
  };
  const rates = edits.rates ?? ratesOf(settings.fxRates);
  const setDraft = (next: Settings) =>
    setEdits((e) => ({
      ...e,
      ...(next.reportingCurrency !== settings.reportingCurrency || e.reportingCurrency !== undefined ? { reportingCurrency: next.reportingCurrency } : {}),
      ...(next.fiscalYearStartMonth !== settings.fiscalYearStartMonth || e.fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth: next.fiscalYearStartMonth } : {}),
      thresholds: Object.fromEntries(
        Object.entries(next.thresholds).filter(([k, v]) => v !== settings.thresholds[k as ThresholdKey] || e.thresholds?.[k as ThresholdKey] !== undefined),
      ),
    }));
  const setRates = (next: Rate[]) => setEdits((e) => ({ ...e, rates: next }));

  async function onSave() {
    setError(null);
    try {
      const fxRates: Record<string, number> | undefined = edits.rates ? {} : undefined;
      if (fxRates) for (const r of edits.rates!) if (r.code.trim()) fxRates[r.code.trim().toUpperCase()] = Number(r.rate);
      await update((current) =>
        mergeSettings(current, {
          ...(edits.reportingCurrency !== undefined ? { reportingCurrency: edits.reportingCurrency } : {}),
          ...(edits.fiscalYearStartMonth !== undefined ? { fiscalYearStartMonth: edits.fiscalYearStartMonth } : {}),
          thresholds: { ...current.thresholds, ...edits.thresholds },
          ...(fxRates ? { fxRates } : {}),
        }),
      );
      setEdits({});
      show(t('options.saved'));
    } catch (e) {
      const [field, ...rest] = (e instanceof Error ? e.message : String(e)).split(': ');
      setError(t('options.error.field', { field: field ?? '', message: rest.join(': ') }));
    }
  }

  // Edits start only after the stored settings arrived, so a late load cannot overwrite typing.
  if (!ready) return <p className="help">{t('app.loading')}</p>;

  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options.nav.settings')}</h2>
      {problems.length > 0 && (
        <p role="alert" className="banner banner-warn">
          {t('options.invalidStored', { problems: problems.join('; ') })}
        </p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="opt-language">{t('options.language')}</label>
          <select
            id="opt-language"
            value={draft.language}
            onChange={async (e) => {
              // Language applies at once, in every open page.
              const language = e.target.value as Settings['language'];
              await update((s) => ({ ...s, language }));
            }}
          >
            <option value="auto">{t('options.language.auto')}</option>
            <option value="en">{t('options.language.en')}</option>
            <option value="th">{t('options.language.th')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="opt-currency">{t('options.currency')}</label>
          <input
            id="opt-currency"
            value={draft.reportingCurrency}
            maxLength={3}
            onChange={(e) => setDraft({ ...draft, reportingCurrency: e.target.value.toUpperCase() })}
            aria-describedby="opt-currency-help"
          />
          <span id="opt-currency-help" className="help">
            {t('options.currency.help')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="opt-fiscal">{t('options.fiscal')}</label>
          <select id="opt-fiscal" value={draft.fiscalYearStartMonth} onChange={(e) => setDraft({ ...draft, fiscalYearStartMonth: Number(e.target.value) })}>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {t(`month.${i + 1}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <h3>{t('options.fx')}</h3>
      <p className="help">{t('options.fx.help', { currency: draft.reportingCurrency })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('options.fx.code')}</th>
            <th>{t('options.fx.rate')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rates.map((r, i) => (
            <tr key={i}>
              <td>
                <input aria-label={t('options.fx.code')} value={r.code} maxLength={3} onChange={(e) => setRates(rates.map((x, j) => (j === i ? { ...x, code: e.target.value.toUpperCase() } : x)))} />
              </td>
              <td>
                <input aria-label={t('options.fx.rate')} inputMode="decimal" value={r.rate} onChange={(e) => setRates(rates.map((x, j) => (j === i ? { ...x, rate: e.target.value } : x)))} />
              </td>
              <td>
                <button type="button" onClick={() => setRates(rates.filter((_, j) => j !== i))}>
                  {t('options.fx.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setRates([...rates, { code: '', rate: '' }])}>
        {t('options.fx.add')}
      </button>

      <h3>{t('options.thresholds')}</h3>
      {THRESHOLDS.map((k) => (
        <div className="field" key={k}>
          <label htmlFor={`opt-${k}`}>{t(`options.threshold.${k}`)}</label>
          <input
            id={`opt-${k}`}
            type="number"
            step={k === 'coverageTarget' ? 0.5 : 1}
            value={draft.thresholds[k]}
            onChange={(e) => setDraft({ ...draft, thresholds: { ...draft.thresholds, [k]: Number(e.target.value) } })}
          />
        </div>
      ))}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" className="primary" onClick={onSave}>
        {t('options.save')}
      </button>
    </section>
  );
}
