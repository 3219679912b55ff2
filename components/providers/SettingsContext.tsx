import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createTranslator, resolveLanguage, type Language, type Translator } from '../../lib/i18n';
import { localeOf } from '../../lib/i18n/format';
import { browserLanguage, loadSettings, saveSettings, updateSettings, watchSettings } from '../../lib/platform';
import { defaultSettings, type Settings } from '../../lib/settings/schema';

export interface SettingsValue {
  settings: Settings;
  /** Stored fields that failed validation and were reset (shown to the AE, never hidden). */
  problems: string[];
  ready: boolean;
  /** Changes settings from the latest stored value (never from this page's copy). */
  update: (change: (current: Settings) => Settings) => Promise<Settings>;
  /** Replaces every setting (a restored backup, delete all data). */
  replaceAll: (next: Settings) => Promise<void>;
  lang: Language;
  locale: string;
  t: Translator;
}

const Ctx = createContext<SettingsValue | null>(null);

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

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSettings(): SettingsValue {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}

export function useT(): Translator {
  return useSettings().t;
}
