import type { Settings } from '../settings/schema';
import type { Period } from '../kpi/period';
import type { CockpitView } from './view';

/**
 * The key of a stored view: it is shown at open only for the same period, the same settings
 * and the same day (the report depends on today, not on the minute). FNV-1a over the JSON.
 */
export function snapshotKey(period: Period, settings: Settings, today: string): string {
  const text = JSON.stringify([period.start, period.end, today, settings]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${period.start}|${period.end}|${today}|${(h >>> 0).toString(36)}`;
}

/** What is stored: the view trimmed to what the first screen shows (a few actions, no long lists). */
export function trimForSnapshot(view: CockpitView, actions = 20): CockpitView {
  return { ...view, actions: view.actions.slice(0, actions), stages: view.stages.map((s) => ({ ...s, deals: s.deals.slice(0, 10) })) };
}
