/**
 * The one module outside entrypoints/ that touches browser APIs. Everything else in
 * lib/ stays pure and testable in node.
 */
import { storage } from 'wxt/utils/storage';
import { parseSettings } from '../settings/parse';
import { defaultSettings, SETTINGS_VERSION, settingsSchema, type Settings } from '../settings/schema';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings(),
  version: SETTINGS_VERSION,
  // Version 1 is the first; later versions add `2: (v1) => v2` here and a test in tests/unit/settings.
  migrations: {},
});

export async function loadSettings(): Promise<{ settings: Settings; problems: string[] }> {
  return parseSettings(await settingsItem.getValue());
}

/** Replaces the stored settings as a whole (restore a backup, delete all data, tests). */
export async function saveSettings(settings: Settings): Promise<void> {
  await withSettingsLock(() => settingsItem.setValue(settingsSchema.parse(settings)));
}

/**
 * Reads the stored settings, applies `change` and writes the result in one step, so a change
 * made meanwhile in another page (the popup, another options tab) is never overwritten by a
 * stale copy. Across pages the steps are serialised by a Web Lock (all extension pages share
 * the origin); the result is validated before it is written.
 */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return withSettingsLock(async () => {
    const { settings } = parseSettings(await settingsItem.getValue());
    const next = settingsSchema.parse(change(settings));
    await settingsItem.setValue(next);
    return next;
  });
}

// Within one page the steps queue on this chain; across pages the Web Lock serialises them.
let queue: Promise<unknown> = Promise.resolve();

function withSettingsLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const locked = () => (locks ? (locks.request('ae-cockpit-settings', run) as Promise<T>) : run());
  const next = queue.then(locked, locked);
  queue = next.catch(() => undefined);
  return next;
}

export function watchSettings(cb: (s: { settings: Settings; problems: string[] }) => void): () => void {
  return settingsItem.watch((v) => cb(parseSettings(v)));
}

export { browserLanguage } from './language';

export { openCockpit, openOptionsPage } from './panel';

/** Asks the browser to keep the database under storage pressure; false when refused. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!globalThis.navigator?.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
