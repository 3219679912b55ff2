import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCrmCaptureScript } from '../../lib/platform/captures';

// Pipedrive (each company's own subdomain). Wiring only: lib/capture/watch.ts decides.
export default defineContentScript({
  matches: ['*://*.pipedrive.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCrmCaptureScript(ctx, 'pipedrive');
  },
});
