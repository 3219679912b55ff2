import { useState, type FormEvent } from 'react';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { ErrorText, Section, territoryKey, useLatest } from './shared';

/** Settings.territories as removable chips; no empty names, no duplicates. */
export function TerritoriesEditor() {
  const { settings, update, t, ready } = useSettings();
  const show = useToast((s) => s.show);
  const latest = useLatest(settings);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const value = name.trim().replace(/\s+/g, ' ');
    if (!value) return setError(t('settings.territories.error.empty'));
    if (value.length > 200) return setError(t('settings.territories.error.long'));
    const existing = settings.territories.find((x) => territoryKey(x) === territoryKey(value));
    if (existing) return setError(t('settings.territories.error.duplicate', { name: existing }));
    await update((s) => ({ ...s, territories: s.territories.some((x) => territoryKey(x) === territoryKey(value)) ? s.territories : [...s.territories, value] }));
    setName('');
  }

  async function remove(territory: string) {
    const at = latest.current.territories.indexOf(territory);
    await update((s) => ({ ...s, territories: s.territories.filter((x) => x !== territory) }));
    show(t('settings.territories.removed', { name: territory }), async () => {
      // Put it back where it was, keeping whatever else changed meanwhile.
      await update((s) => (s.territories.includes(territory) ? s : { ...s, territories: s.territories.toSpliced(Math.max(0, at), 0, territory) }));
    });
  }

  return (
    <Section id="territories-title" title={t('settings.territories.title')}>
      {!ready ? (
        <p className="help">{t('app.loading')}</p>
      ) : (
        <>
          <p className="help">{t('settings.territories.help')}</p>
          {settings.territories.length === 0 ? (
            <p className="help">{t('settings.territories.empty')}</p>
          ) : (
            <ul className="kinds chips" aria-label={t('settings.territories.title')}>
              {settings.territories.map((territory) => (
                <li key={territory} className="kind chip">
                  <span>{territory}</span>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('settings.territories.removeOf', { name: territory })}
                    onClick={() => void remove(territory)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form noValidate onSubmit={onAdd}>
            <div className="field">
              <label htmlFor="territory-new">{t('settings.territories.new')}</label>
              <input id="territory-new" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            </div>
            <ErrorText error={error} />
            <button type="submit">{t('settings.territories.add')}</button>
          </form>
        </>
      )}
    </Section>
  );
}
