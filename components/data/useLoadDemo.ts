import { useState } from 'react';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/** What loads the demo book: lib/platform/demo.ts in a page, a message to the background in the popup. */
export type DemoLoader = (now: number) => Promise<{ deals: number; activities: number }>;

/** The first-run "load demo data" action: busy while it runs, its error kept, a toast when done. */
export function useLoadDemo(loader: DemoLoader) {
  const { t } = useSettings();
  const show = useToast((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setBusy(true);
    setError(null);
    try {
      show(t('empty.demoLoaded', await loader(Date.now())));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return { load, busy, error };
}
