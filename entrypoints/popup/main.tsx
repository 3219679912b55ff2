import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { popupParams } from '../../lib/quicklog/params';
import { PopupSettingsProvider } from '../../components/popup/PopupSettings';
import { ErrorBoundary } from '../../components/providers/ErrorBoundary';
import { QuickLogBackendContext } from '../../components/quicklog/backend';
import { createPopupTranslator } from '../../lib/i18n/popup';
import { sendMessage } from '../../lib/messaging/client';
import { quickLogClient } from '../../lib/messaging/quicklog-client';
import { withOpening } from '../../lib/quicklog/prefetch';
import '../../components/styles.css';

// A thin client: the book is read and written by the background (entrypoints/background/quicklog.ts),
// so the popup loads React and its form, not Dexie, zod or the product's other messages. The
// settings and the form's opening read both start now, before the first render, side by side.
const params = popupParams(location.search);
const settings = sendMessage('settings/get', {});
settings.catch(() => undefined);
const backend = withOpening(quickLogClient, { keepDraft: params.dealId === null, dealId: params.dealId, tabId: params.tabId });

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
