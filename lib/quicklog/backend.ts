/**
 * What the quick-log form reads and writes through. The side panel and the component tests use
 * the in-page service (lib/platform/quicklog-service.ts, Dexie in the page); the popup uses a
 * messaging client to the same service in the background (lib/messaging/quicklog-client.ts), so
 * its bundle carries no Dexie or zod. Types only: the popup imports this.
 */
import type { QuickLog, QuickLogResult } from '../db/writes';
import type { CaptureMatch, LogTarget, TimerState } from '../domain/quicklog';
import type { QuickLogDraft } from '../platform/draft';

export interface QuickLogOpenRequest {
  /** Restore a kept draft (not when a deal was handed in). */
  keepDraft: boolean;
  /** A deal handed in (popup.html?deal=…). */
  dealId: string | null;
  /** The tab to prefill from; null: the active tab. */
  tabId: number | null;
}

/** What the form opens with: a draft (its target reloaded), else the deal handed in, else the page's match. */
export interface QuickLogOpened {
  draft: QuickLogDraft | null;
  timer: TimerState | null;
  target: LogTarget | null;
  fromPage: CaptureMatch | null;
}

export interface QuickLogBackend {
  open(req: QuickLogOpenRequest): Promise<QuickLogOpened>;
  /** Before anything is typed: deals logged on lately, then closing soonest. */
  suggested(today: string): Promise<LogTarget[]>;
  /**
   * Type-ahead over deals, accounts and contacts. `openId` names one open of the form: the open
   * deals are read once per open, at its first query (most logs are prefilled and never search).
   */
  search(query: string, today: string, openId: string): Promise<LogTarget[]>;
  log(input: QuickLog, now: number): Promise<QuickLogResult>;
  undo(result: QuickLogResult, now: number): Promise<void>;
  saveDraft(draft: QuickLogDraft): Promise<void>;
  discardDraft(): Promise<void>;
  startTimer(now: number): Promise<TimerState>;
  stopTimer(now: number): Promise<TimerState | null>;
  clearTimer(): Promise<void>;
  countDeals(): Promise<number>;
}
