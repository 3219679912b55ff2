/**
 * Loads the seeded demo book and the exchange rates its USD deals need, and notes when. Pages run
 * it in place; the popup asks the background to ('demo/load'), as it carries no database code.
 * The generator is imported on demand: it is needed once, so it stays out of every first load.
 */
import { getDb } from '../db';
import { updateSettings } from './index';

export async function loadDemo(now: number): Promise<{ deals: number; activities: number }> {
  const [{ loadDemoData }, { demoFxRates }] = await Promise.all([import('../db/demo'), import('../demo')]);
  const counts = await loadDemoData(getDb(), now);
  // Pages follow the settings in storage (watchSettings), so the new rates show everywhere.
  await updateSettings((s) => ({ ...s, demoLoadedAt: now, fxRates: { ...demoFxRates(s.reportingCurrency), ...s.fxRates } }));
  return counts;
}
