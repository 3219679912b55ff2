import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp, popupParams } from '../../components/popup/PopupApp';
import { ErrorBoundary } from '../../components/providers/ErrorBoundary';
import { SettingsProvider } from '../../components/providers/SettingsContext';
import '../../components/styles.css';

// Not AppProviders: the popup makes no background queries, so it leaves TanStack Query out of its bundle.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <SettingsProvider>
        <PopupApp params={popupParams(location.search)} />
      </SettingsProvider>
    </ErrorBoundary>
  </StrictMode>,
);
