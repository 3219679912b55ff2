import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createTranslator } from '../../lib/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { SettingsProvider } from './SettingsContext';

/** What every page wraps itself in: error boundary, query cache, settings + language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <ErrorBoundary translator={createTranslator}>
      <QueryClientProvider client={client}>
        <SettingsProvider>{children}</SettingsProvider>
      </QueryClientProvider>
    </ErrorBoundary>
  );
}
