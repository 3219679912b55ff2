import type { QuickLogBackend, QuickLogOpened, QuickLogOpenRequest } from './backend';

const sameRequest = (a: QuickLogOpenRequest, b: QuickLogOpenRequest) => a.keepDraft === b.keepDraft && a.dealId === b.dealId && a.tabId === b.tabId;

/**
 * `backend` with its opening read started now: the form's first `open` with the same request gets
 * that answer, so the popup waits for one round trip to the background, not two in a row. Any
 * other (or later) open asks again.
 */
export function withOpening(backend: QuickLogBackend, req: QuickLogOpenRequest): QuickLogBackend {
  let pending: Promise<QuickLogOpened> | null = backend.open(req).then((o) => {
    performance.mark('quicklog-opened');
    return o;
  });
  // A failure surfaces when the form asks, not as an unhandled rejection.
  pending.catch(() => undefined);
  return {
    ...backend,
    open(r) {
      if (pending && sameRequest(r, req)) {
        const p = pending;
        pending = null;
        return p;
      }
      return backend.open(r);
    },
  };
}
