import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '../../components/options/OptionsApp';
import { AppProviders } from '../../components/providers/AppProviders';
import '../../components/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <OptionsApp />
    </AppProviders>
  </StrictMode>,
);
