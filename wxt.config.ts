import { defineConfig } from 'wxt';

// Least permissions: storage (settings), sidePanel (the cockpit), contextMenus (open it from
// a right-click), unlimitedStorage (a 100k-deal book outgrows the default quota).
// No host permissions: content scripts declare their own matches, and nothing is fetched.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: lib/ must also run in plain Node (bench, headless report).
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
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
