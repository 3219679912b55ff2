import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db';
import { QuickLogForm } from '../../components/quicklog/QuickLogForm';
import { ToastHost } from '../../components/ui/Toast';
import { renderPage, resetWorld } from './render';

const T0 = Date.UTC(2026, 10, 28);

async function seed() {
  const db = getDb();
  await db.accounts.add({
    id: 'acc-1', createdAt: T0, updatedAt: T0, name: 'Siam Cement Digital', domains: [], industry: null, territory: 'Bangkok',
    isTarget: false, customerSince: null, churnedOn: null, potentialMinor: null, potentialCurrency: null, notes: '', provenance: null, sourceKey: null, lastTouchAt: null,
  });
  await db.deals.add({
    id: 'deal-1', createdAt: T0, updatedAt: T0, name: 'ERP rollout phase 2', accountId: 'acc-1', amountMinor: 100_000_00, currency: 'THB',
    stage: 'Proposal', status: 'open', probability: 0.5, forecastCategory: 'best_case', type: 'upsell', typeLabel: null, createdOn: '2026-10-01',
    closeOn: '2026-12-15', lossReason: null, nextStep: null, nextStepDue: null, territory: null, ownerName: null, primaryContactId: null,
    lineItems: [], provenance: null, sourceKey: null, lastTouchAt: null, lastMeetingAt: null,
  });
}

describe('QuickLogForm', () => {
  beforeEach(async () => {
    await resetWorld();
    await seed();
  });

  it('logs a meeting on a deal with the keyboard only, then undo removes it', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <QuickLogForm />
        <ToastHost />
      </>,
    );
    const search = await screen.findByTestId('log-search');
    await waitFor(() => expect(search).toHaveFocus());
    await user.keyboard('{Alt>}2{/Alt}');
    expect(screen.getByRole('radio', { name: /Meeting/ })).toBeChecked();
    await user.keyboard('erp');
    expect(await screen.findByRole('option', { name: /ERP rollout phase 2/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
    await user.keyboard('{Enter}');

    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent('Meeting logged on ERP rollout phase 2.');
    const [activity] = await getDb().activities.toArray();
    expect(activity).toMatchObject({ kind: 'meeting', dealId: 'deal-1', accountId: 'acc-1' });

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getDb().activities.count()).toBe(0));
  });

  it('links an account, saves notes with Ctrl+Enter, and keeps the cursor in the search box for the next one', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm />);
    const search = await screen.findByTestId('log-search');
    await user.type(search, 'siam');
    const options = await within(await screen.findByRole('listbox')).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('ERP rollout phase 2'), expect.stringContaining('Siam Cement Digital')]);
    await user.keyboard('{ArrowDown}{Enter}');
    await user.click(screen.getByLabelText('Notes'));
    await user.keyboard('Budget signed off{Control>}{Enter}{/Control}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    const [a] = await getDb().activities.toArray();
    expect(a).toMatchObject({ kind: 'call', accountId: 'acc-1', dealId: null, notes: 'Budget signed off' });
    await waitFor(() => expect(search).toHaveFocus());
    expect(screen.getByLabelText('Notes')).toHaveValue('');
  });

  it('says so when nothing matches, and still logs without a link', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm />);
    const search = await screen.findByTestId('log-search');
    await user.type(search, 'zzz');
    expect(await screen.findByText(/No match/)).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    expect((await getDb().activities.toArray())[0]).toMatchObject({ dealId: null, accountId: null });
  });
});

describe('QuickLogForm with a damaged record', () => {
  beforeEach(async () => {
    await resetWorld();
    await seed();
    await getDb().deals.put({ id: 'broken', status: 'open' } as never);
  });

  it('still searches and logs against the valid records', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm />);
    await user.type(await screen.findByTestId('log-search'), 'erp');
    expect(await screen.findByRole('option', { name: /ERP rollout phase 2/ })).toBeInTheDocument();
  });
});
