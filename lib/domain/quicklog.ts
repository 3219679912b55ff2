/**
 * The quick log's shapes and pure helpers, shared by the form (in the popup and the side panel),
 * the quick-log service and lib/db/quicklog.ts. No zod, Dexie or browser: the popup imports this.
 */
import type { TimerState } from '../platform/timer';
import type { ActivityKind, ActivityOutcome } from './records';

export type { TimerState };

/** The outcomes that make sense for each kind the quick log offers; a task takes any. */
export const OUTCOMES_BY_KIND: Record<Exclude<ActivityKind, 'task'>, readonly ActivityOutcome[]> = {
  call: ['connected', 'left_voicemail', 'no_answer', 'meeting_booked', 'not_interested'],
  meeting: ['held', 'no_show', 'meeting_booked', 'not_interested'],
  email: ['sent', 'replied', 'meeting_booked', 'not_interested'],
  note: [],
};

export interface LogTarget {
  kind: 'deal' | 'account' | 'contact';
  id: string;
  name: string;
  /** The account's name, a contact's email, an account's domain: what tells two names apart. */
  detail: string;
  dealId: string | null;
  accountId: string | null;
  contactId: string | null;
  /** Deals: what the stage / close-date change starts from. */
  stage?: string;
  closeOn?: string | null;
  nextStep?: string | null;
  nextStepDue?: string | null;
}

/** What a capture says to create when the book has no record for it. */
export interface CaptureSuggestion {
  account?: { name: string; domain: string | null };
  contact?: { name: string; email: string | null };
}

export interface CaptureMatch {
  target: LogTarget | null;
  /** How it was found, for the form's note ("matched by email"). */
  by: 'sourceKey' | 'email' | 'name' | 'domain' | null;
  suggest: CaptureSuggestion | null;
}

/** One deal as the type-ahead keeps it in memory. */
export interface DealEntry {
  target: LogTarget;
  /** name + account name, nameKey'd: what a query is looked for in. */
  hay: string;
  lastTouchAt: number;
}


/** Whole minutes on the timer, to the nearest minute and at least one. */
export function timerMinutes(t: TimerState, now: number): number {
  return Math.max(1, Math.round(((t.stoppedAt ?? now) - t.startedAt) / 60_000));
}

/** Stages offered for an open deal: those seen on the book's settings, in their order. */
export function openStages(rules: readonly { stage: string; status: string }[]): string[] {
  return rules.filter((r) => r.status === 'open').map((r) => r.stage);
}
