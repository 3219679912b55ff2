import { defineConfig } from 'wxt';

// Least permissions: storage (settings), sidePanel (the cockpit), contextMenus (open it from
// a right-click), unlimitedStorage (a 100k-deal book outgrows the default quota).
// No host permissions and no "tabs": the CRM content scripts (entrypoints/*.content) declare their
// own narrow matches, listed with their reasons in README "Permissions and hosts"; nothing is fetched.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: lib/ must also run in plain Node (bench, headless report).
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      // Reminders: alarms fire with the worker asleep; notifications show what fell due.
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      // Opens the popup (the quick log) from the keyboard; MV2 (Firefox) names it after browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: { suggested_key: { default: 'Alt+Shift+L' } },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenPanel__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'ae-cockpit@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
