/** Browser alarms and the reminders' stored state. Alarms fire with the worker asleep. */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { ReminderState } from '../reminders';

const stateSchema = z.object({ fired: z.record(z.string(), z.number()), snoozed: z.record(z.string(), z.number()) });
// Local, not session: what fired must survive a browser restart, or it would fire again.
const stateItem = storage.defineItem<unknown>('local:reminderState', { fallback: null });

export async function readReminderState(): Promise<ReminderState> {
  const parsed = stateSchema.safeParse(await stateItem.getValue());
  return parsed.success ? parsed.data : { fired: {}, snoozed: {} };
}

export async function writeReminderState(state: ReminderState): Promise<void> {
  await stateItem.setValue(stateSchema.parse(state));
}

export async function listAlarms(): Promise<{ name: string; scheduledTime: number }[]> {
  return (await browser.alarms.getAll()).map((a) => ({ name: a.name, scheduledTime: a.scheduledTime }));
}

export async function setAlarm(name: string, when: number, periodInMinutes?: number): Promise<void> {
  await browser.alarms.create(name, { when, ...(periodInMinutes ? { periodInMinutes } : {}) });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

export function onAlarm(cb: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((a) => cb(a.name));
}
