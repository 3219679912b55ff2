/**
 * The settings context alone: what components read (settings, language, translator). The
 * providers that fill it are ./SettingsContext.tsx (pages that own settings: panel, options) and
 * ../popup/PopupSettings.tsx (the popup, fed by the background). No zod or storage here: the
 * popup's bundle imports this.
 */
import { createContext, useContext } from 'react';
import type { Language, Translator } from '../../lib/i18n/translate';
import type { Settings } from '../../lib/settings/schema';

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

export const SettingsCtx = createContext<SettingsValue | null>(null);

export function useSettings(): SettingsValue {
  const v = useContext(SettingsCtx);
  if (!v) throw new Error('useSettings outside SettingsProvider');
  return v;
}

export function useT(): Translator {
  return useSettings().t;
}
