import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PopupApp } from '../../components/popup/PopupApp';
import { PopupSettingsProvider } from '../../components/popup/PopupSettings';
import { ErrorBoundary } from '../../components/providers/ErrorBoundary';
import { QuickLogBackendContext } from '../../components/quicklog/backend';
import styles from '../../components/styles.css?inline';
import { createPopupTranslator } from '../../lib/i18n/popup';
import { popupBoot } from '../../lib/quicklog/boot-handoff';

// The popup's app, loaded by popup.html as one deferred classic script with its stylesheet inside:
// a page's every file costs a load through the browser, and this one opens on each quick log.
// A thin client: the book is read and written by the background (entrypoints/background/quicklog.ts),
// so it carries React and its form, not Dexie, zod or the product's other messages. The settings
// and the form's opening read were started by popup-boot.js, before this file loaded.
/** How long React waits for the early reads before it renders without them. */
const RENDER_WAIT_MS = 400;

/** `p`'s value once it has answered (read synchronously later); a failure is left to `p`'s awaiters. */
function answerOf<T>(p: Promise<T>): { value?: T } {
  const box: { value?: T } = {};
  p.then(
    (v) => (box.value = v),
    () => undefined,
  );
  return box;
}

export default defineUnlistedScript(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const { params, settings, opening, backend, loadDemo } = popupBoot();
  const s = answerOf(settings);
  const o = answerOf(opening);
  // React renders once both have answered, so its first render is the form in the AE's language
  // and already prefilled: one render and one paint, not three. A slow read does not hold the
  // popup blank: after a moment it renders anyway, and the settings banner or the form waits for
  // (or shows the error of) what has not answered.
  void Promise.race([Promise.allSettled([settings, opening]), new Promise((r) => setTimeout(r, RENDER_WAIT_MS))]).then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary translator={createPopupTranslator}>
          <PopupSettingsProvider load={() => settings} initial={s.value}>
            <QuickLogBackendContext.Provider value={backend}>
              <PopupApp params={params} opened={o.value ?? opening} loadDemo={loadDemo} />
            </QuickLogBackendContext.Provider>
          </PopupSettingsProvider>
        </ErrorBoundary>
      </StrictMode>,
    );
  });
});
