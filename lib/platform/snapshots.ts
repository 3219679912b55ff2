import { storage } from 'wxt/utils/storage';
import type { CockpitView } from '../cockpit/view';

interface Stored {
  key: string;
  savedAt: number;
  view: CockpitView;
}

/** The side panel's last computed view per period (a few kept), shown at once on the next open. */
const snapshotsItem = storage.defineItem<Stored[]>('local:cockpitSnapshots', { fallback: [] });
const KEEP = 4;

export async function loadSnapshot(key: string): Promise<Stored | null> {
  try {
    const all = await snapshotsItem.getValue();
    return (Array.isArray(all) ? all : []).find((s) => s && s.key === key) ?? null;
  } catch {
    return null; // a missing or damaged snapshot only means the first screen waits for the numbers
  }
}

export async function saveSnapshot(key: string, view: CockpitView, now: number): Promise<void> {
  const all = await snapshotsItem.getValue().catch(() => [] as Stored[]);
  const rest = (Array.isArray(all) ? all : []).filter((s) => s && s.key !== key);
  await snapshotsItem.setValue([{ key, savedAt: now, view }, ...rest].slice(0, KEEP));
}

export async function clearSnapshots(): Promise<void> {
  await snapshotsItem.removeValue();
}
