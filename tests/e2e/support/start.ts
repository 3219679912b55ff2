/**
 * `npm start`: build, then open Chromium/Chrome with the extension installed and the
 * demo data loaded, so a newcomer sees a working cockpit. Without a display it says so
 * and explains how to load the build by hand.
 */
import { execSync } from 'node:child_process';
import { EXTENSION_DIR, findChrome, launchExtension } from './browser';
import { SidePanelPage } from './pages';

const howToLoad = `To load it by hand: open chrome://extensions, switch on "Developer mode",
click "Load unpacked" and choose ${EXTENSION_DIR}`;

execSync('npx wxt build', { stdio: 'inherit' });

const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
if (!hasDisplay) {
  console.log(`\nThe extension is built, but this machine has no display to open a browser window on.\n${howToLoad}`);
  process.exit(0);
}
if (!findChrome()) {
  console.log(`\nThe extension is built, but no Chromium or Chrome was found (set CHROME_PATH to one).\n${howToLoad}`);
  process.exit(0);
}

const session = await launchExtension({ headless: false, blockNetwork: false });
const panel = await SidePanelPage.open(session);
if (await panel.loadDemoButton.isVisible()) await panel.loadDemo();
await session.open('popup.html');
console.log(`\nAE Cockpit is running with demo data. Open the side panel from the toolbar popup
("Open cockpit"), with Alt+Shift+K, or from the right-click menu. Close the browser to stop.`);
session.context.on('close', () => process.exit(0));
