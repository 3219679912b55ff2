import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '../../components/popup/PopupApp';
import { AppProviders } from '../../components/providers/AppProviders';
import '../../components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <PopupApp />
    </AppProviders>
  </StrictMode>,
);
