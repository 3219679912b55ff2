/** The quick-log form's backend, handed down by the page (see lib/quicklog/backend.ts). */
import { createContext, useContext } from 'react';
import type { QuickLogBackend } from '../../lib/quicklog/backend';

export type { QuickLogBackend, QuickLogOpened, QuickLogOpenRequest } from '../../lib/quicklog/backend';

export const QuickLogBackendContext = createContext<QuickLogBackend | null>(null);

export function useQuickLogBackend(): QuickLogBackend {
  const b = useContext(QuickLogBackendContext);
  if (!b) throw new Error('useQuickLogBackend outside QuickLogBackendContext');
  return b;
}
