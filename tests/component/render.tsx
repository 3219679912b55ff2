import { useCockpitUi } from '../../components/cockpit/store';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearAll, getDb } from '../../lib/db';
import { AppProviders } from '../../components/providers/AppProviders';
import { QuickLogBackendContext } from '../../components/quicklog/backend';
import { quickLogService } from '../../lib/platform/quicklog-service';
import { useToast } from '../../components/providers/toast';

/** Fresh browser storage and an empty database (fake-indexeddb) before every component test. */
export async function resetWorld() {
  fakeBrowser.reset();
  await clearAll(getDb());
  useToast.getState().dismiss();
  // The cockpit's UI state lives in a module store: each test starts with the defaults.
  useCockpitUi.setState({ preset: 'this_quarter', custom: { start: '', end: '' }, drill: null });
}

/** A page as the side panel has it: its providers and the quick log's in-page service. */
export function renderPage(ui: ReactElement): RenderResult {
  return render(
    <AppProviders>
      <QuickLogBackendContext.Provider value={quickLogService}>{ui}</QuickLogBackendContext.Provider>
    </AppProviders>,
  );
}
