/**
 * The capture of the page the AE is looking at, for the quick log's prefill. The background
 * keeps the latest capture per tab and answers 'capture/forTab'; this asks it for the active tab.
 */
import type { PageCapture } from '../capture/schema';
import { sendMessage, storedCaptureSchema } from '../messaging';
import { activeTabId } from './active-tab';

export { activeTabId } from './active-tab';

/**
 * The latest valid capture of the tab, or null: no tab, nothing captured, a capture that failed
 * validation, or no background handler (an older background answers nothing or throws).
 */
export async function activeCapture(explicitTabId: number | null = null): Promise<PageCapture | null> {
  const tabId = await activeTabId(explicitTabId);
  if (tabId === null) return null;
  try {
    const parsed = storedCaptureSchema.safeParse(await sendMessage('capture/forTab', { tabId }));
    return parsed.success && 'capture' in parsed.data ? parsed.data.capture : null;
  } catch {
    return null;
  }
}
