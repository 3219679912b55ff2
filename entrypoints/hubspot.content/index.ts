import { defineContentScript } from 'wxt/utils/define-content-script';
import { runCrmCaptureScript } from '../../lib/platform/captures';

// HubSpot (US and EU data centres). Wiring only: lib/capture/watch.ts decides.
export default defineContentScript({
  matches: ['*://app.hubspot.com/*', '*://app-eu1.hubspot.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runCrmCaptureScript(ctx, 'hubspot');
  },
});
