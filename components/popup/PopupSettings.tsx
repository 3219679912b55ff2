import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { localeOf } from '../../lib/i18n/format';
import { createPopupTranslator } from '../../lib/i18n/popup';
import { resolveLanguage } from '../../lib/i18n/translate';
import { browserLanguage } from '../../lib/platform/language';
import type { Settings } from '../../lib/settings/schema';
import { SettingsCtx, type SettingsValue } from '../providers/settings-context';

type Loaded = { settings: Settings; problems: string[] };

/**
 * The popup's settings: read once from the background, which validates them from storage (the
 * popup lives for seconds, so it does not follow later changes), never changed here (the first-run
 * screen's demo load is done by the background). Renders nothing until they arrive, so the
 * form never shows in the wrong language; `initial`, when they already have, renders at once.
 */
export function PopupSettingsProvider({ children, load, initial }: { children: ReactNode; load: () => Promise<Loaded>; initial?: Loaded }) {
  const [state, setState] = useState<Loaded | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (initial) return;
    let alive = true;
    load().then(
      (s) => {
        if (alive) setState(s);
      },
      (e: unknown) => alive && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      alive = false;
    };
    // Once per open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const value = useMemo<SettingsValue | null>(() => {
    if (!state) return null;
    const lang = resolveLanguage(state.settings.language, browserLanguage());
    return {
      ...state,
      ready: true,
      // Settings are changed on the options page: the popup only reads them (and carries no storage code).
      update: () => Promise.reject(new Error('The popup does not change settings')),
      replaceAll: () => Promise.reject(new Error('The popup does not change settings')),
      lang,
      locale: localeOf(lang),
      t: createPopupTranslator(lang),
    };
  }, [state]);

  useEffect(() => {
    if (value) document.documentElement.lang = value.lang;
  }, [value]);

  if (error) {
    const t = createPopupTranslator(resolveLanguage('auto', browserLanguage()));
    return (
      <div role="alert" className="banner banner-error">
        <strong>{t('app.error.title')}</strong>
        <pre className="error-detail">{error}</pre>
      </div>
    );
  }
  return value ? <SettingsCtx.Provider value={value}>{children}</SettingsCtx.Provider> : null;
}
