import { useEffect, useMemo, useRef, useState } from 'react';
import { resolvePeriod, type CockpitView, type PeriodProblem } from '../../lib/cockpit/view';
import { snapshotKey, trimForSnapshot } from '../../lib/cockpit/snapshot';
import { localDateOf } from '../../lib/domain/dates';
import { runtimeOffsetMinutes, type Period } from '../../lib/kpi';
import { loadSnapshot, saveSnapshot } from '../../lib/platform/snapshots';
import type { Settings } from '../../lib/settings/schema';
import { useNow } from '../hooks';
import { createCockpitClient, type CockpitClient } from './cockpitClient';
import { useCockpitUi } from './store';
import type { Health } from './useHealth';

export interface CockpitData {
  today: string;
  /** The period asked for (the last valid one while a custom range is incomplete). */
  period: Period | null;
  /** What is wrong with the custom range being typed, if anything. */
  problem: PeriodProblem | null;
  /** The view for `period`, or null while it is computed. */
  view: CockpitView | null;
  /** 'stored': the last computed view, shown at once while the live one is computed; 'live': computed from the database now. */
  source: 'stored' | 'live' | null;
  storedAt: number | null;
  health: Health | null;
  error: string | null;
}

const samePeriod = (a: Period | null | undefined, b: Period | null | undefined) => !!a && !!b && a.start === b.start && a.end === b.end;
const SAVE_EVERY_MS = 5_000;

/**
 * The cockpit's data: the stored snapshot first (no database read), then the live view from
 * the cockpit worker, which follows every write. The main thread only renders.
 */
export function useCockpit(settings: Settings, ready: boolean): CockpitData {
  const { preset, custom, drill } = useCockpitUi();
  const now = useNow();
  const today = localDateOf(now);
  const resolved = useMemo(() => resolvePeriod({ preset, custom }, today, settings.fiscalYearStartMonth), [preset, custom, today, settings.fiscalYearStartMonth]);
  // An incomplete custom range keeps the last period that worked on screen.
  const lastGood = useRef<Period | null>(null);
  if (resolved.period) lastGood.current = resolved.period;
  const period = resolved.period ?? lastGood.current ?? resolvePeriod({ preset: 'this_quarter', custom }, today, settings.fiscalYearStartMonth).period;

  const [live, setLive] = useState<{ view: CockpitView; seq: number } | null>(null);
  const [stored, setStored] = useState<{ view: CockpitView; at: number; key: string } | null>(null);
  const [health, setHealth] = useState<Health | null>(null);
  const [error, setError] = useState<string | null>(null);
  const client = useRef<CockpitClient | null>(null);
  const latestSeq = useRef(0);
  const lastSave = useRef(0);

  useEffect(() => {
    const c = createCockpitClient({
      onView: (view, seq) => {
        if (seq === latestSeq.current) setLive({ view, seq });
      },
      onHealth: setHealth,
      onError: setError,
    });
    client.current = c;
    return () => {
      c.close();
      client.current = null;
    };
  }, []);

  const key = ready && period ? snapshotKey(period, settings, today) : null;

  // Ask the worker for the period (again when the settings or the day change, or a drill-down opens).
  useEffect(() => {
    if (!ready || !period || !client.current) return;
    latestSeq.current = client.current.want({ settings, now: Date.now(), today, tzOffsetMinutes: runtimeOffsetMinutes(today), period, drill });
  }, [ready, key, drill]);

  // The stored view of the same period, settings and day, until the live one arrives.
  useEffect(() => {
    if (!key) return;
    let gone = false;
    void loadSnapshot(key).then((s) => !gone && s && setStored({ view: s.view, at: s.savedAt, key }));
    return () => {
      gone = true;
    };
  }, [key]);

  // Keep the snapshot fresh (at most every few seconds).
  useEffect(() => {
    if (!live || !key || !samePeriod(live.view.period, period)) return;
    const at = Date.now();
    if (at - lastSave.current < SAVE_EVERY_MS && lastSave.current !== 0) return;
    lastSave.current = at;
    void saveSnapshot(key, trimForSnapshot(live.view), at).catch(() => undefined);
  }, [live]);

  let view: CockpitView | null = null;
  let source: CockpitData['source'] = null;
  if (live && samePeriod(live.view.period, period) && live.view.today === today) {
    view = live.view;
    source = 'live';
  } else if (stored && stored.key === key) {
    view = stored.view;
    source = 'stored';
  }
  return { today, period, problem: resolved.problem, view, source, storedAt: source === 'stored' ? stored!.at : null, health, error };
}
