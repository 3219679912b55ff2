import { createHost, type CockpitRequest } from './host';

/** The cockpit's numbers off the page's main thread: the book in memory, patched on each write. */
const host = createHost((m) => (self as unknown as Worker).postMessage(m));
self.onmessage = (ev: MessageEvent<CockpitRequest>) => host.handle(ev.data);
