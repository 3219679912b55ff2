import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FocusEvent } from 'react';
import { getDb, listAccountsByName, patchRecord } from '../../../lib/db';
import { accountSchema, type Account } from '../../../lib/domain/records';
import { majorToMinor, minorToMajor } from '../../../lib/domain/money';
import { formatMoney, formatNumber } from '../../../lib/i18n/format';
import { useSettings } from '../../providers/settings-context';
import { Section, parseMajor } from './shared';

const SHOWN = 50;

/** Account.isTarget and potential (wallet size), edited in the reporting currency. Each change writes at once. */
export function TargetAccountsEditor() {
  const { settings, t, locale } = useSettings();
  const currency = settings.reportingCurrency;
  const accounts = useLiveQuery(() => listAccountsByName(getDb()), []);
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? (accounts ?? []).filter((a) => a.name.toLowerCase().includes(q)) : (accounts ?? []);
  }, [accounts, query]);

  function setError(id: string, message: string | null) {
    setErrors((prev) => {
      const next = { ...prev };
      if (message) next[id] = message;
      else delete next[id];
      return next;
    });
  }

  async function setTarget(a: Account, isTarget: boolean) {
    await patchRecord(getDb(), 'accounts', a.id, { isTarget }, Date.now());
  }

  async function commitPotential(a: Account, e: FocusEvent<HTMLInputElement>) {
    // Untouched fields write nothing, so a potential stored in another currency survives a tab through.
    if (e.target.value === e.target.defaultValue) return;
    const major = parseMajor(e.target.value);
    const minor = major === null ? null : majorToMinor(major, currency);
    const valid = accountSchema.shape.potentialMinor.safeParse(minor);
    if ((major !== null && !Number.isFinite(major)) || !valid.success) {
      setError(a.id, t('settings.targets.error.potential', { name: a.name }));
      return;
    }
    setError(a.id, null);
    await patchRecord(getDb(), 'accounts', a.id, { potentialMinor: minor, potentialCurrency: minor === null ? null : currency }, Date.now());
  }

  return (
    <Section id="targets-title" title={t('settings.targets.title')}>
      <p className="help">{t('settings.targets.help', { currency })}</p>
      {accounts === undefined ? (
        <p className="help">{t('app.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="help">{t('settings.targets.empty')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="targets-search">{t('settings.targets.search')}</label>
            <input id="targets-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby="targets-shown" />
          </div>
          <p id="targets-shown" className="help" aria-live="polite">
            {matches.length === 0
              ? t('settings.targets.noMatch', { query: query.trim() })
              : t('settings.targets.shown', { shown: formatNumber(Math.min(SHOWN, matches.length), locale), total: formatNumber(matches.length, locale) })}
          </p>
          {matches.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('settings.targets.account')}</th>
                  <th scope="col">{t('settings.targets.target')}</th>
                  <th scope="col">{t('settings.targets.potential', { currency })}</th>
                </tr>
              </thead>
              <tbody>
                {matches.slice(0, SHOWN).map((a) => {
                  const sameCurrency = a.potentialMinor !== null && a.potentialCurrency === currency;
                  const errorId = `target-error-${a.id}`;
                  return (
                    <tr key={a.id}>
                      <th scope="row">{a.name}</th>
                      <td>
                        <label className="check">
                          <input
                            type="checkbox"
                            checked={a.isTarget}
                            aria-label={t('settings.targets.targetOf', { name: a.name })}
                            onChange={(e) => void setTarget(a, e.target.checked)}
                          />{' '}
                          {t('settings.targets.target')}
                        </label>
                      </td>
                      <td>
                        <input
                          // Remounts when the stored value changes, so the field always starts from the database.
                          key={`${a.potentialMinor}:${a.potentialCurrency}:${currency}`}
                          inputMode="decimal"
                          aria-label={t('settings.targets.potentialOf', { name: a.name, currency })}
                          defaultValue={sameCurrency ? String(minorToMajor(a.potentialMinor!, currency)) : ''}
                          aria-invalid={errors[a.id] ? true : undefined}
                          aria-describedby={errors[a.id] ? errorId : undefined}
                          onBlur={(e) => void commitPotential(a, e)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') e.currentTarget.blur();
                          }}
                        />
                        {a.potentialMinor !== null && a.potentialCurrency && (
                          <span className="help">{t('settings.targets.storedAs', { money: formatMoney(a.potentialMinor, a.potentialCurrency, locale) })}</span>
                        )}
                        {errors[a.id] && (
                          <p id={errorId} role="alert" className="error">
                            {errors[a.id]}
                          </p>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </Section>
  );
}
