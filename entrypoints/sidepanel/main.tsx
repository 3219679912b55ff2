import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CockpitApp } from '../../components/cockpit/CockpitApp';
import { AppProviders } from '../../components/providers/AppProviders';
import '../../components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <CockpitApp />
    </AppProviders>
  </StrictMode>,
);
