/// <reference lib="webworker" />
// The options page's import worker: decoding, parsing and planning a large CSV here keeps the
// page responsive (a 10,000-column or 100,000-row file takes seconds). Wiring only.
import { getDb } from '../../../lib/db';
import { buildExistingIndex } from '../../../lib/db/import';
import { ImportSession } from '../../../lib/io/import/session';
import type { PreviewRequest, PreviewResponse } from './previewClient';

const session = new ImportSession();
const post = (m: PreviewResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (ev: MessageEvent<PreviewRequest>) => {
  const req = ev.data;
  try {
    if (req.type === 'load') {
      post({ id: req.id, type: 'progress', phase: 'reading' });
      post({ id: req.id, type: 'loaded', result: session.load(req.bytes, req.encoding) });
    } else {
      post({ id: req.id, type: 'progress', phase: 'matching' });
      const existing = await buildExistingIndex(getDb(), req.options.entity);
      post({ id: req.id, type: 'progress', phase: 'checking' });
      post({ id: req.id, type: 'planned', plan: session.plan(req.mapping, req.options, existing, () => crypto.randomUUID()) });
    }
  } catch (e) {
    post({ id: req.id, type: 'failed', error: e instanceof Error ? e.message : String(e) });
  }
};
