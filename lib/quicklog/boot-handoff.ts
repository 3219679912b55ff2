/**
 * The popup's boot hand-over: what popup-boot.js started (./popup-boot.ts), for popup-app.js to take.
 * Types and a global only, so popup-app.js does not carry the messaging client twice.
 */
import type { Settings } from '../settings/schema';
import type { QuickLogBackend, QuickLogOpened } from './backend';
import type { PopupParams } from './params';

export interface PopupBoot {
  params: PopupParams;
  settings: Promise<{ settings: Settings; problems: string[] }>;
  /** The form's opening read (the page in view, a draft, a deal handed in). */
  opening: Promise<QuickLogOpened>;
  backend: QuickLogBackend;
  /** The first-run screen's demo load, done by the background. */
  loadDemo(now: number): Promise<{ deals: number; activities: number }>;
}

export const POPUP_BOOT_KEY = '__aeCockpitPopupBoot';

/** What the boot script started; it must have run (popup.html loads it first). */
export function popupBoot(): PopupBoot {
  const boot = (globalThis as Record<string, unknown>)[POPUP_BOOT_KEY] as PopupBoot | undefined;
  if (!boot) throw new Error('popup-boot.js did not run: the popup cannot reach the background');
  return boot;
}
