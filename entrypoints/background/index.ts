import { defineBackground } from 'wxt/utils/define-background';
import { resolveLanguage, translate } from '../../lib/i18n';
import { onMessage, openPanelSchema, pageContextSchema, type PageContext } from '../../lib/messaging';
import { browserLanguage, openCockpit } from '../../lib/platform';
import { registerOpeners } from '../../lib/platform/background';

export default defineBackground(() => {
  registerOpeners(() => translate(resolveLanguage('auto', browserLanguage()), 'log.openPanel'));

  // The last page context each tab reported; the side panel asks for its tab's.
  const contexts = new Map<number, PageContext>();

  onMessage('page/context', ({ data, sender }) => {
    const parsed = pageContextSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    if (sender.tab?.id !== undefined) contexts.set(sender.tab.id, parsed.data);
    return { ok: true };
  });

  onMessage('page/current', ({ data }) => contexts.get(data.tabId) ?? null);

  onMessage('panel/open', async ({ data, sender }) => {
    const parsed = openPanelSchema.safeParse(data);
    return { ok: await openCockpit(parsed.success ? (parsed.data.windowId ?? sender.tab?.windowId) : undefined) };
  });
});
