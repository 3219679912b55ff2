import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PopupApp } from '../../components/popup/PopupApp';
import { PopupSettingsProvider } from '../../components/popup/PopupSettings';
import { ErrorBoundary } from '../../components/providers/ErrorBoundary';
import { QuickLogBackendContext } from '../../components/quicklog/backend';
import styles from '../../components/styles.css?inline';
import { createPopupTranslator } from '../../lib/i18n/popup';
import { sendMessage } from '../../lib/messaging/client';
import { popupBoot } from '../../lib/quicklog/boot-handoff';

// The popup's app, loaded by popup.html as one deferred classic script with its stylesheet inside:
// a page's every file costs a load through the browser, and this one opens on each quick log.
// A thin client: the book is read and written by the background (entrypoints/background/quicklog.ts),
// so it carries React and its form, not Dexie, zod or the product's other messages. The settings
// and the form's opening read were started by popup-boot.js, before this file loaded.
export default defineUnlistedScript(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const { params, settings, opening, backend } = popupBoot();
  const value = <T,>(r: PromiseSettledResult<T>) => (r.status === 'fulfilled' ? r.value : undefined);
  // React renders once both have answered, so its first render is the form in the AE's language
  // and already prefilled: one render and one paint, not three. A failed read is left to the part
  // that shows its error: the settings banner, or the form (which asks once more).
  void Promise.allSettled([settings, opening]).then(([s, o]) => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary translator={createPopupTranslator}>
          <PopupSettingsProvider load={() => settings} initial={value(s)}>
            <QuickLogBackendContext.Provider value={backend}>
              <PopupApp params={params} opened={value(o)} loadDemo={(now) => sendMessage('demo/load', { now })} />
            </QuickLogBackendContext.Provider>
          </PopupSettingsProvider>
        </ErrorBoundary>
      </StrictMode>,
    );
  });
});
