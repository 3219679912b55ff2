import { defineBackground } from 'wxt/utils/define-background';
import { resolveLanguage, translate } from '../../lib/i18n';
import { onMessage, openPanelSchema } from '../../lib/messaging';
import { browserLanguage, openCockpit } from '../../lib/platform';
import { registerOpeners } from '../../lib/platform/background';
import { registerCaptures } from '../../lib/platform/captures';
import { registerSelectionMenu } from '../../lib/platform/selection';
import { registerQuickLog } from './quicklog';
import { registerReminders } from './reminders';

// Registrations only; each lives beside the code it wires.
export default defineBackground(() => {
  registerOpeners(() => translate(resolveLanguage('auto', browserLanguage()), 'log.openPanel'));
  registerCaptures();
  registerSelectionMenu(() => translate(resolveLanguage('auto', browserLanguage()), 'paste.menu'));
  registerReminders();
  registerQuickLog();

  onMessage('panel/open', async ({ data, sender }) => {
    const parsed = openPanelSchema.safeParse(data);
    return { ok: await openCockpit(parsed.success ? (parsed.data.windowId ?? sender.tab?.windowId) : undefined) };
  });
});
