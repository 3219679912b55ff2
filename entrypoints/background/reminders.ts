/**
 * Reminders and the toolbar badge, wired to the browser. The plan is pure (lib/reminders); the
 * records come through lib/db; this file only connects them to alarms, notifications and events.
 *
 * Badge triggers: every start of the worker; a write signal from the pages (lib/platform/badge:
 * storage.onChanged wakes a sleeping worker); Dexie's cross-context change events while awake
 * (they cover writes from any page, the options page's import included, while the worker runs);
 * and a one-minute alarm, which also catches a write made while it slept and the day rolling over.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '../../lib/db';
import { countOverdue, reminderSources, reminderSubject } from '../../lib/db/badge';
import { addDays, localDateOf } from '../../lib/domain/dates';
import { resolveLanguage, translate } from '../../lib/i18n';
import { browserLanguage, loadSettings } from '../../lib/platform';
import { clearAlarm, listAlarms, onAlarm, readReminderState, setAlarm, writeReminderState } from '../../lib/platform/alarms';
import { showBadgeCount, watchBookChanged } from '../../lib/platform/badge';
import {
  clearNotification,
  onNotificationButton,
  onNotificationClicked,
  openPanelOnDeal,
  openQuickLogOnDeal,
  showNotification,
  timeZone,
} from '../../lib/platform/notifications';
import { parseAlarmName, planReminders, pruneState, reconcileAlarms, snoozeUntil, ALARM_PREFIX } from '../../lib/reminders';

const TICK = 'badge-tick';
const STARTUP_DELAY_MS = 1000;

export function registerReminders(): { reschedule: () => Promise<void>; fire: (name: string) => Promise<void>; click: (id: string) => Promise<void>; button: (id: string, i: number) => Promise<void>; updateBadge: () => Promise<number> } {
  const db = getDb();

  async function updateBadge(): Promise<number> {
    const now = Date.now();
    const n = await countOverdue(db, localDateOf(now), now);
    await showBadgeCount(n);
    return n;
  }

  let scheduling: Promise<void> = Promise.resolve();
  function reschedule(): Promise<void> {
    // One plan at a time: two signals close together must not interleave creates and clears.
    scheduling = scheduling.then(async () => {
      const now = Date.now();
      const { settings } = await loadSettings();
      const state = pruneState(await readReminderState(), now);
      const { deals, tasks } = await reminderSources(db, addDays(localDateOf(now), -1), now - 86_400_000);
      const plan = planReminders(deals, tasks, { now, quiet: settings.quietHours, timeZone: timeZone(), state });
      const { create, clear } = reconcileAlarms(await listAlarms(), plan);
      await Promise.all([...clear.map(clearAlarm), ...create.map((p) => setAlarm(p.name, p.when))]);
      await writeReminderState(state);
    }).catch((e: unknown) => console.error('reminders: could not schedule', e));
    return scheduling;
  }

  // In the same queue as reschedule: a plan that sets an alarm already due makes Chrome fire it at
  // once, and the plan's own state write, landing after, would erase the firing fire() recorded.
  function fire(name: string): Promise<void> {
    const run = scheduling.then(() => fireNow(name));
    scheduling = run.catch((e: unknown) => console.error('reminders: could not fire', e));
    return run;
  }

  async function fireNow(name: string): Promise<void> {
    const r = parseAlarmName(name);
    if (!r) return;
    const now = Date.now();
    const state = await readReminderState();
    if (state.fired[r.key] !== undefined) return;
    const { settings } = await loadSettings();
    const lang = resolveLanguage(settings.language, browserLanguage());
    const { deal, task } = await reminderSubject(db, r.kind, r.id);
    // Done, closed or moved since the alarm was set: nothing to say.
    const stillDue = r.kind === 'deal' ? deal?.status === 'open' && `deal:${deal.id}:${deal.nextStepDue}` === r.key : task !== null && task.completedAt === null && `task:${task.id}:${task.at}` === r.key;
    if (stillDue) {
      const title =
        r.kind === 'deal' ? translate(lang, 'reminder.nextStep.title', { deal: deal!.name }) : translate(lang, 'reminder.task.title');
      const message =
        r.kind === 'deal'
          ? deal!.nextStep
            ? translate(lang, 'reminder.nextStep.body', { nextStep: deal!.nextStep, due: deal!.nextStepDue ?? '' })
            : translate(lang, 'reminder.nextStep.untitled', { due: deal!.nextStepDue ?? '' })
          : translate(lang, 'reminder.task.body', { subject: task!.subject || '—' });
      await showNotification(name, { title, message, buttons: [translate(lang, 'reminder.logCall'), translate(lang, 'reminder.snooze')] });
    }
    delete state.snoozed[r.key];
    await writeReminderState({ ...state, fired: { ...state.fired, [r.key]: now } });
  }

  async function dealOf(notificationId: string): Promise<string | null> {
    const r = parseAlarmName(notificationId);
    if (!r) return null;
    if (r.kind === 'deal') return r.id;
    return (await reminderSubject(db, 'task', r.id)).task?.dealId ?? null;
  }

  async function click(id: string): Promise<void> {
    const dealId = await dealOf(id);
    await clearNotification(id);
    if (dealId) await openPanelOnDeal(dealId, Date.now());
  }

  async function button(id: string, index: number): Promise<void> {
    const r = parseAlarmName(id);
    if (!r) return;
    await clearNotification(id);
    if (index === 0) {
      const dealId = await dealOf(id);
      if (dealId) await openQuickLogOnDeal(dealId);
      return;
    }
    const { settings } = await loadSettings();
    const until = snoozeUntil(Date.now(), settings.quietHours, timeZone());
    const state = await readReminderState();
    delete state.fired[r.key];
    await writeReminderState({ ...state, snoozed: { ...state.snoozed, [r.key]: until } });
    await setAlarm(ALARM_PREFIX + r.key, until);
  }

  const refresh = () => {
    void updateBadge();
    void reschedule();
  };
  browser.runtime.onStartup.addListener(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  onAlarm((name) => {
    if (name === TICK) refresh();
    else void fire(name);
  });
  onNotificationClicked((id) => void click(id));
  onNotificationButton((id, i) => void button(id, i));
  watchBookChanged(refresh);
  void setAlarm(TICK, Date.now() + 60_000, 1);
  // A worker is mostly started by the popup's first message: its answer comes first, and the
  // badge count and the plan (reads over every open deal) a moment later.
  setTimeout(() => {
    // While the worker runs, any page's write (Dexie's cross-context change events) updates the badge.
    liveQuery(() => countOverdue(db, localDateOf(Date.now()), Date.now())).subscribe({
      next: (n) => void showBadgeCount(n),
      error: (e: unknown) => console.error('badge: could not count', e),
    });
    refresh();
  }, STARTUP_DELAY_MS);

  const hooks = { reschedule, fire, click, button, updateBadge };
  // Automation cannot click a notification or wait for a real alarm: the e2e tests call these.
  (globalThis as { aeCockpitReminders?: typeof hooks }).aeCockpitReminders = hooks;
  return hooks;
}
