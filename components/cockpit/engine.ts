import Dexie from 'dexie';
import { applyKeyed, changedRecords, mergeChanges, type TableChange } from '../../lib/cockpit/changes';
import { buildView, type CockpitView, type ViewOptions } from '../../lib/cockpit/view';
import type { CockpitDB } from '../../lib/db';
import { emptyBook, type Book, type BookTable } from '../../lib/domain/book';
import { checkOnce, withoutInvalid, type Health } from './useHealth';

/** The tables the KPI engine and the next-action rules read (not the deal history nor import batches). */
export const ENGINE_TABLES = ['accounts', 'contacts', 'leads', 'deals', 'activities', 'csat', 'spend', 'quotas', 'products', 'accountPlans', 'actionStates'] as const satisfies readonly BookTable[];

/**
 * The book in memory, kept exact by applying only what changed. It listens to Dexie's
 * `storagemutated` notices (fired after each commit in every page and worker of the origin)
 * before its first read, so no write falls between the read and the listening; each notice
 * names the keys written and only those records are read again (a bulk write or a clear:
 * that table). Runs in the cockpit worker; in-process where there are no workers (tests).
 */
export class CockpitEngine {
  private book: Book | null = null;
  private pending = new Map<string, TableChange>();
  private running: Promise<void> | null = null;
  private health: Health | null = null;
  private listener = (parts: Record<string, unknown>) => {
    const changes = changedRecords(parts, this.db.name, ENGINE_TABLES);
    if (changes.size === 0) return;
    mergeChanges(this.pending, changes);
    if (this.book) void this.drain();
  };
  /** Called after the in-memory book changed (not on the first load). */
  onChange: () => void = () => {};

  constructor(private readonly db: CockpitDB) {}

  /** Listens, then reads the tables once. */
  async start(): Promise<void> {
    Dexie.on('storagemutated', this.listener);
    const book = emptyBook();
    await this.db.transaction('r', ENGINE_TABLES.map((t) => this.db.table(t)), async () => {
      await Promise.all(ENGINE_TABLES.map(async (t) => ((book as unknown as Record<string, unknown[]>)[t] = await this.db.table(t).toArray())));
    });
    this.book = book;
    // What was written during the first read is read again (idempotent: keys are re-read as they are now).
    if (this.pending.size) await this.drain();
  }

  stop(): void {
    Dexie.on('storagemutated').unsubscribe(this.listener);
  }

  /** Resolves when every change noticed so far has been applied. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private drain(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        while (this.pending.size) {
          const batch = this.pending;
          this.pending = new Map();
          await this.apply(batch);
        }
      } finally {
        this.running = null;
      }
      this.onChange();
    })();
    return this.running;
  }

  private async apply(batch: Map<string, TableChange>): Promise<void> {
    const next = { ...this.book! };
    const rows = next as unknown as Record<string, { id: string }[]>;
    await this.db.transaction('r', [...batch.keys()].map((t) => this.db.table(t)), async () => {
      await Promise.all(
        [...batch].map(async ([t, c]) => {
          const table = this.db.table(t);
          if (c.kind === 'all') rows[t] = await table.toArray();
          else rows[t] = applyKeyed(rows[t]!, c.keys, await table.bulkGet(c.keys));
        }),
      );
    });
    this.book = next;
  }

  /** The stored-data check, once per open (later records are written through lib/db and valid). */
  check(): Health {
    return (this.health ??= checkOnce(this.book!));
  }

  /** The book the numbers are computed from: without the records the check named. */
  current(): Book {
    return this.health ? withoutInvalid(this.book!, this.health) : this.book!;
  }

  view(o: ViewOptions): CockpitView {
    return buildView(this.current(), o);
  }
}
