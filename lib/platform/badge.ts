/**
 * The toolbar badge (overdue next actions) and the signal that the book changed. Pages write the
 * signal after their writes; the background wakes on it (storage.onChanged wakes a sleeping
 * worker) and recounts. See entrypoints/background/reminders.ts for the other triggers.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

const changedItem = storage.defineItem<number>('session:bookChangedAt', { fallback: 0 });

/** Call after writing the book from a page: the badge and the reminders follow. */
export async function signalBookChanged(now: number = Date.now()): Promise<void> {
  await changedItem.setValue(now);
}

export function watchBookChanged(cb: () => void): () => void {
  return changedItem.watch(() => cb());
}

export async function showBadgeCount(count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await browser.action.setBadgeText({ text: count === 0 ? '' : count > 999 ? '999+' : String(count) });
}

export async function readBadgeText(): Promise<string> {
  return browser.action.getBadgeText({});
}
