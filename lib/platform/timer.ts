/**
 * The quick log's call timer, kept in storage.session: it is only a start instant, so it keeps
 * running while the popup is closed (the popup's page dies on close) and ends with the browser.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

export const timerStateSchema = z.object({
  startedAt: z.number().int().nonnegative(),
  /** Null while running. */
  stoppedAt: z.number().int().nonnegative().nullable(),
});
export type TimerState = z.infer<typeof timerStateSchema>;

const timerItem = storage.defineItem<unknown>('session:quicklogTimer', { fallback: null });

export async function readTimer(): Promise<TimerState | null> {
  const parsed = timerStateSchema.safeParse(await timerItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function startTimer(now: number): Promise<TimerState> {
  const state = { startedAt: now, stoppedAt: null };
  await timerItem.setValue(state);
  return state;
}

export async function stopTimer(now: number): Promise<TimerState | null> {
  const current = await readTimer();
  if (!current) return null;
  const state = { ...current, stoppedAt: current.stoppedAt ?? now };
  await timerItem.setValue(state);
  return state;
}

export async function clearTimer(): Promise<void> {
  await timerItem.removeValue();
}

/** Whole minutes the timer ran (at least 1 once started), as of `now` while it runs. */

export { timerMinutes } from '../domain/quicklog';
