import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopupBoot } from '../../lib/quicklog/popup-boot';

// Loaded by popup.html's head as a classic script: see lib/quicklog/popup-boot.ts.
export default defineUnlistedScript(() => {
  startPopupBoot();
});
