import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCrmCaptureScript } from '../../lib/platform/captures';

// Salesforce Lightning (standard and console apps). Wiring only: lib/capture/watch.ts decides.
export default defineContentScript({
  matches: ['*://*.lightning.force.com/*', '*://*.my.salesforce.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCrmCaptureScript(ctx, 'salesforce');
  },
});
