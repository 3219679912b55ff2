import { defineContentScript } from 'wxt/utils/define-content-script';
import { runMailCaptureScript } from '../../lib/platform/captures';

// Gmail on the web. Wiring only: lib/capture/watch.ts decides, lib/capture/mail.ts reads.
export default defineContentScript({
  matches: ['*://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runMailCaptureScript(ctx, 'gmail');
  },
});
