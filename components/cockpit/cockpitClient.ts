import type { CockpitView, ViewOptions } from '../../lib/cockpit/view';
import { createHost, type CockpitRequest, type CockpitResponse } from './host';
import type { Health } from './useHealth';

export interface CockpitClient {
  /** Asks for the view of these options; the answer (and every later one after a write) goes to onView. */
  want(options: ViewOptions): number;
  close(): void;
}

export interface CockpitListeners {
  onView(view: CockpitView, seq: number): void;
  onHealth(health: Health): void;
  onError(error: string): void;
}

/**
 * The cockpit's numbers in a module worker that opens the same database (so reading 200,000
 * activities and computing never blocks typing or scrolling); in-process where workers are not
 * available (component tests in happy-dom). Both run the same host.
 */
export function createCockpitClient(l: CockpitListeners): CockpitClient {
  let seq = 0;
  const receive = (m: CockpitResponse) => {
    if (m.type === 'view') l.onView(m.view, m.seq);
    else if (m.type === 'health') l.onHealth(m.health);
    else l.onError(m.error);
  };
  const canWork = typeof Worker !== 'undefined' && import.meta.env?.MODE !== 'test';
  if (canWork) {
    try {
      const worker = new Worker(new URL('./cockpit.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (ev: MessageEvent<CockpitResponse>) => receive(ev.data);
      worker.onerror = (ev) => l.onError(ev.message || 'the cockpit worker stopped');
      const send = (r: CockpitRequest) => worker.postMessage(r);
      return {
        want: (options) => (send({ type: 'want', seq: ++seq, options }), seq),
        close: () => worker.terminate(),
      };
    } catch {
      // fall through: in-process
    }
  }
  // In-process: answers are posted on a later task, as a worker's would be.
  let closed = false;
  const host = createHost((m) => setTimeout(() => !closed && receive(m), 0));
  return {
    want: (options) => (host.handle({ type: 'want', seq: ++seq, options }), seq),
    close: () => {
      closed = true;
      host.handle({ type: 'stop' });
    },
  };
}
