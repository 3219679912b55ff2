import { useState } from 'react';
import { getDb } from '../../lib/db';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/**
 * Loads the seeded demo book and the exchange rate its USD deals need. The generator is
 * imported on demand: it is only needed once, so it stays out of every page's first load.
 */
export function useLoadDemo() {
  const { t, update } = useSettings();
  const show = useToast((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setBusy(true);
    setError(null);
    try {
      const [{ loadDemoData }, { demoFxRates }] = await Promise.all([import('../../lib/db/demo'), import('../../lib/demo')]);
      const counts = await loadDemoData(getDb(), Date.now());
      await update((s) => ({ ...s, demoLoadedAt: Date.now(), fxRates: { ...demoFxRates(s.reportingCurrency), ...s.fxRates } }));
      show(t('empty.demoLoaded', counts));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return { load, busy, error };
}
