import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { PopupSettingsProvider } from '../../components/popup/PopupSettings';
import { ErrorBoundary } from '../../components/providers/ErrorBoundary';
import { QuickLogBackendContext } from '../../components/quicklog/backend';
import { createPopupTranslator } from '../../lib/i18n/popup';
import { popupBoot } from '../../lib/quicklog/boot-handoff';
import '../../components/styles.css';

// A thin client: the book is read and written by the background (entrypoints/background/quicklog.ts),
// so the popup loads React and its form, not Dexie, zod or the product's other messages. The
// settings and the form's opening read were started by popup-boot.js, before React loaded.
const { params, settings, backend } = popupBoot();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary translator={createPopupTranslator}>
      <PopupSettingsProvider load={() => settings}>
        <QuickLogBackendContext.Provider value={backend}>
          <PopupApp params={params} />
        </QuickLogBackendContext.Provider>
      </PopupSettingsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
