import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/browser';
import { SidePanelPage } from './support/pages';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('acting on next actions in the cockpit', () => {
  it('Done takes the action off the list and is stored; Undo brings it back', async () => {
    const panel = await SidePanelPage.open(session);
    await panel.loadDemo();
    const first = panel.actions.first();
    await first.waitFor();
    const text = (await first.textContent()) ?? '';
    await first.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await panel.actions.first().textContent()) ?? '', { timeout: 15_000 }).not.toBe(text);
    // Stored, not just hidden on this page: a new panel does not show it either.
    const again = await SidePanelPage.open(session);
    await again.actions.first().waitFor();
    expect(await again.actions.allTextContents()).not.toContain(text);
    await again.page.close();

    await panel.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await panel.actions.first().textContent()) ?? '', { timeout: 15_000 }).toBe(text);
    await panel.page.close();
  });
});
