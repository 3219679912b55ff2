/**
 * "Add to AE Cockpit" on selected text: the context menu hands the selection to the panel
 * through storage.session (extension pages only; gone when the browser closes). The selection
 * comes from the menu event itself, so no host permission and no content script is needed.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { openCockpit } from './index';

const MENU_ID = 'ae-cockpit-add-selection';
const KEY = 'session:pendingSelection' as const;

const pendingSchema = z.object({ text: z.string().max(20000), at: z.number() });
export type PendingSelection = z.infer<typeof pendingSchema>;

const parse = (v: unknown): PendingSelection | null => {
  const r = pendingSchema.safeParse(v);
  return r.success ? r.data : null;
};

export async function getPendingSelection(): Promise<PendingSelection | null> {
  return parse(await storage.getItem(KEY));
}

export function watchPendingSelection(cb: (v: PendingSelection | null) => void): () => void {
  return storage.watch(KEY, (v) => cb(parse(v)));
}

export async function clearPendingSelection(): Promise<void> {
  await storage.removeItem(KEY);
}

/** Background: the menu entry on selections; a click keeps the selection for the panel and opens it. */
export function registerSelectionMenu(title: () => string): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: title(), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    // Open first: the side panel may only be opened in direct response to the click.
    void openCockpit(tab?.windowId);
    void storage.setItem(KEY, { text: info.selectionText.slice(0, 20000), at: Date.now() });
  });
}
