import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createTranslator, resolveLanguage, type Language, type Translator } from '../../lib/i18n';
import { localeOf } from '../../lib/i18n/format';
import { browserLanguage, loadSettings, saveSettings, updateSettings, watchSettings } from '../../lib/platform';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { SettingsCtx, type SettingsValue } from './settings-context';

export { useSettings, useT, type SettingsValue } from './settings-context';

/** Loads settings once, follows changes made in any other page, and derives the UI language. */
export function SettingsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ settings: Settings; problems: string[]; ready: boolean }>({
    settings: defaultSettings(),
    problems: [],
    ready: false,
  });

  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => alive && setState({ ...s, ready: true }));
    const unwatch = watchSettings((s) => setState({ ...s, ready: true }));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  const value = useMemo<SettingsValue>(() => {
    const lang = resolveLanguage(state.settings.language, browserLanguage());
    return {
      ...state,
      update: async (change) => {
        const next = await updateSettings(change);
        setState({ settings: next, problems: [], ready: true });
        return next;
      },
      replaceAll: async (next) => {
        await saveSettings(next);
        setState({ settings: next, problems: [], ready: true });
      },
      lang,
      locale: localeOf(lang),
      t: createTranslator(lang),
    };
  }, [state]);

  useEffect(() => {
    document.documentElement.lang = value.lang;
  }, [value.lang]);

  return <SettingsCtx.Provider value={value}>{children}</SettingsCtx.Provider>;
}
