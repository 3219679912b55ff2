/** Background-only browser wiring: context menu, keyboard command. Thin; no logic. */
import { browser } from 'wxt/browser';
import { openCockpit } from './index';

const MENU_ID = 'ae-cockpit-open';

export function registerOpeners(title: () => string): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: title(), contexts: ['page', 'selection', 'link'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void openCockpit(tab?.windowId);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') void openCockpit(tab?.windowId);
  });
}
