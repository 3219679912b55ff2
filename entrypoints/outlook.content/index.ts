import { defineContentScript } from 'wxt/utils/define-content-script';
import { runMailCaptureScript } from '../../lib/platform/captures';

// Outlook on the web (work, Microsoft 365 and personal). Wiring only: lib/capture/watch.ts decides.
export default defineContentScript({
  matches: ['*://outlook.office.com/*', '*://outlook.office365.com/*', '*://outlook.live.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runMailCaptureScript(ctx, 'outlook');
  },
});
