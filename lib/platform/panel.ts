/** Opening the cockpit beside the page, or the options page; browser only (the popup imports it). */
import { browser } from 'wxt/browser';

type SidebarBrowser = { sidebarAction?: { open(): Promise<void> } };
type SidePanelBrowser = { sidePanel?: { open(o: { windowId: number }): Promise<void> } };

/** Opens the cockpit beside the page: Chrome's side panel, Firefox's sidebar. Must run in a user gesture. */
export async function openCockpit(windowId?: number): Promise<boolean> {
  const b = browser as unknown as SidebarBrowser & SidePanelBrowser;
  if (b.sidebarAction) {
    await b.sidebarAction.open();
    return true;
  }
  if (b.sidePanel) {
    const id = windowId ?? (await browser.windows.getCurrent()).id;
    if (id === undefined) return false;
    await b.sidePanel.open({ windowId: id });
    return true;
  }
  return false;
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}
