import type { CockpitView, ViewOptions } from '../../lib/cockpit/view';
import { getDb } from '../../lib/db';
import { CockpitEngine } from './engine';
import type { Health } from './useHealth';

export type CockpitRequest = { type: 'want'; seq: number; options: ViewOptions } | { type: 'stop' };
export type CockpitResponse =
  | { type: 'view'; seq: number; view: CockpitView; ms: number }
  | { type: 'health'; health: Health }
  | { type: 'failed'; seq: number; error: string };

/**
 * The cockpit's computing side, the same in the worker and in-process: one engine, the latest
 * request, a fresh view after each request and after each applied change. Requests that arrive
 * while the first read runs are answered once it is done (only the latest).
 */
export function createHost(post: (m: CockpitResponse) => void) {
  const engine = new CockpitEngine(getDb());
  let want: { seq: number; options: ViewOptions } | null = null;
  let ready = false;
  let checked = false;
  const compute = () => {
    if (!ready || !want) return;
    const { seq, options } = want;
    const t0 = performance.now();
    try {
      const view = engine.view(options);
      post({ type: 'view', seq, view, ms: performance.now() - t0 });
    } catch (e) {
      post({ type: 'failed', seq, error: e instanceof Error ? e.message : String(e) });
    }
    if (!checked) {
      checked = true;
      // After the first numbers are out: the stored-data check, once per open.
      setTimeout(() => {
        const health = engine.check();
        post({ type: 'health', health });
        if (health.invalidCount > 0) compute();
      }, 0);
    }
  };
  engine.onChange = compute;
  const started = engine.start().then(() => {
    ready = true;
    compute();
  });
  return {
    started,
    engine,
    handle(req: CockpitRequest) {
      if (req.type === 'stop') return engine.stop();
      want = { seq: req.seq, options: req.options };
      compute();
    },
  };
}
