import { useEffect, useState } from 'react';
import { mergeSettings } from '../../lib/settings/parse';
import type { Settings } from '../../lib/settings/schema';
import { useSettings } from '../providers/SettingsContext';
import { useToast } from '../providers/toast';

type ThresholdKey = 'staleDealDays' | 'leadConversionDays' | 'customerTouchDays' | 'coverageTarget';
const THRESHOLDS: ThresholdKey[] = ['staleDealDays', 'leadConversionDays', 'customerTouchDays', 'coverageTarget'];

/** Language, currency and rates, fiscal year, next-action thresholds. Validated with the settings schema on save. */
export function SettingsForm() {
  const { settings, save, t, problems, ready } = useSettings();
  const show = useToast((s) => s.show);
  const [draft, setDraft] = useState<Settings>(settings);
  const [rates, setRates] = useState<Array<{ code: string; rate: string }>>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setDraft(settings);
    setRates(Object.entries(settings.fxRates).map(([code, rate]) => ({ code, rate: String(rate) })));
  }, [settings]);

  async function onSave() {
    setError(null);
    try {
      const fxRates: Record<string, number> = {};
      for (const r of rates) if (r.code.trim()) fxRates[r.code.trim().toUpperCase()] = Number(r.rate);
      const next = mergeSettings(settings, { ...draft, fxRates });
      await save(next);
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
              const next = { ...settings, language: e.target.value as Settings['language'] };
              await save(next);
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
