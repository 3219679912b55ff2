import { getDb } from '../../../lib/db';
import { buildExistingIndex } from '../../../lib/db/import';
import { newId } from '../../../lib/db/ids';
import type { EncodingChoice } from '../../../lib/io/csv/decode';
import { ImportSession, type LoadResult, type PlanOptions } from '../../../lib/io/import/session';
import type { ImportPlan } from '../../../lib/io/import/rows';

export type PreviewPhase = 'reading' | 'matching' | 'checking';

type Request =
  | { type: 'load'; bytes: Uint8Array; encoding: EncodingChoice }
  | { type: 'plan'; mapping: Record<string, number | null>; options: PlanOptions };
export type PreviewRequest = Request & { id: number };

export type PreviewResponse =
  | { id: number; type: 'progress'; phase: PreviewPhase }
  | { id: number; type: 'loaded'; result: LoadResult }
  | { id: number; type: 'planned'; plan: ImportPlan }
  | { id: number; type: 'failed'; error: string };

export interface PreviewClient {
  load(bytes: Uint8Array, encoding: EncodingChoice, onPhase?: (p: PreviewPhase) => void): Promise<LoadResult>;
  plan(mapping: Record<string, number | null>, options: PlanOptions, onPhase?: (p: PreviewPhase) => void): Promise<ImportPlan>;
  close(): void;
}

/**
 * The import steps off the page's main thread, in a module worker; in-process where workers
 * are not available (component tests in happy-dom). Both run the same ImportSession.
 */
export function createPreviewClient(): PreviewClient {
  const canWork = typeof Worker !== 'undefined' && import.meta.env?.MODE !== 'test';
  if (!canWork) return inProcess();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inProcess();
  }
  let seq = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onPhase?: (p: PreviewPhase) => void }>();
  worker.onmessage = (ev: MessageEvent<PreviewResponse>) => {
    const m = ev.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.onPhase?.(m.phase);
    pending.delete(m.id);
    if (m.type === 'failed') p.reject(new Error(m.error));
    else p.resolve(m.type === 'loaded' ? m.result : m.plan);
  };
  worker.onerror = (ev) => {
    for (const p of pending.values()) p.reject(new Error(ev.message || 'the import worker stopped'));
    pending.clear();
  };
  const call = <T,>(req: Request, onPhase?: (p: PreviewPhase) => void) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onPhase });
      worker.postMessage({ ...req, id });
    });
  return {
    load: (bytes, encoding, onPhase) => call<LoadResult>({ type: 'load', bytes, encoding }, onPhase),
    plan: (mapping, options, onPhase) => call<ImportPlan>({ type: 'plan', mapping, options }, onPhase),
    close: () => worker.terminate(),
  };
}

function inProcess(): PreviewClient {
  const session = new ImportSession();
  // Yield first so the page can paint its "checking" state before the synchronous work.
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return {
    load: async (bytes, encoding, onPhase) => {
      onPhase?.('reading');
      await tick();
      return session.load(bytes, encoding);
    },
    plan: async (mapping, options, onPhase) => {
      onPhase?.('matching');
      const existing = await buildExistingIndex(getDb(), options.entity);
      onPhase?.('checking');
      await tick();
      return session.plan(mapping, options, existing, newId);
    },
    close: () => {},
  };
}
