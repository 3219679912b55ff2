import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearAll, getDb } from '../../lib/db';
import { AppProviders } from '../../components/providers/AppProviders';
import { useToast } from '../../components/providers/toast';

/** Fresh browser storage and an empty database (fake-indexeddb) before every component test. */
export async function resetWorld() {
  fakeBrowser.reset();
  await clearAll(getDb());
  useToast.getState().dismiss();
}

export function renderPage(ui: ReactElement): RenderResult {
  return render(<AppProviders>{ui}</AppProviders>);
}
