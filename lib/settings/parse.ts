import { defaultSettings, settingsSchema, type Settings } from './schema';

/**
 * Validates stored or restored settings. A bad field falls back to its default and is
 * reported (never a crash, never silently dropped): `problems` says which field and why.
 */
export function parseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const full = settingsSchema.safeParse(raw ?? {});
  if (full.success) return { settings: full.data, problems: [] };
  const problems = full.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings: defaultSettings(), problems };
  const bad = new Set(full.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const retry = settingsSchema.safeParse(kept);
  return { settings: retry.success ? retry.data : defaultSettings(), problems };
}

/** Applies a partial change and validates the result; throws with the field named on bad input. */
export function mergeSettings(current: Settings, patch: Partial<Settings>): Settings {
  const r = settingsSchema.safeParse({ ...current, ...patch });
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new Error(`${first.path.join('.')}: ${first.message}`);
  }
  return r.data;
}
