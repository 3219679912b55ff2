import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../lib/db';
import { QuickLogForm } from '../../components/quicklog/QuickLogForm';
import { ToastHost } from '../../components/ui/Toast';
import { readDraft } from '../../lib/platform/draft';
import { readTimer } from '../../lib/platform/timer';
import { renderPage, resetWorld } from './render';

// Thursday 26 Nov 2026, 10:00 local.
const THU = new Date(2026, 10, 26, 10).getTime();
const FRI = new Date(2026, 10, 27, 10).getTime();
const MIN = 60_000;

async function seed() {
  const db = getDb();
  await db.accounts.add({
    id: 'acc-1', createdAt: 0, updatedAt: 0, name: 'Siam Cement Digital', domains: ['scd.co.th'], industry: null, territory: 'Bangkok',
    isTarget: false, customerSince: null, churnedOn: null, potentialMinor: null, potentialCurrency: null, notes: '', provenance: null, sourceKey: null, lastTouchAt: null,
  });
  await db.deals.add({
    id: 'deal-1', createdAt: 0, updatedAt: 0, name: 'ERP rollout phase 2', accountId: 'acc-1', amountMinor: 100_000_00, currency: 'THB',
    stage: 'Discovery', status: 'open', probability: 0.3, forecastCategory: 'pipeline', type: 'upsell', typeLabel: null, createdOn: '2026-10-01',
    closeOn: '2026-12-15', lossReason: null, nextStep: null, nextStepDue: null, territory: null, ownerName: null, primaryContactId: null,
    lineItems: [], provenance: null, sourceKey: null, lastTouchAt: null, lastMeetingAt: null,
  });
}

const ready = async () => waitFor(() => expect(screen.getByTestId('quicklog')).toHaveAttribute('data-ready', 'true'));

beforeEach(async () => {
  await resetWorld();
  await seed();
});

describe('defaults', () => {
  it.each([
    [THU, '2026-11-30'], // Thursday + 2 working days = Monday
    [FRI, '2026-12-01'], // Friday + 2 = Tuesday, across the month end
    [new Date(2026, 11, 31, 9).getTime(), '2027-01-04'], // Thursday 31 Dec → Monday 4 Jan
    [new Date(2026, 10, 28, 9).getTime(), '2026-12-01'], // Saturday → Tuesday
  ])('the next step is due two working days later (now %i → %s)', async (now, due) => {
    renderPage(<QuickLogForm now={() => now} />);
    await ready();
    expect(screen.getByTestId('next-step-due')).toHaveValue(due);
    expect(screen.getByRole('radio', { name: /Call/ })).toBeChecked();
    expect(screen.getByTestId('log-search')).toHaveFocus();
  });

  it('offers only the outcomes of the chosen kind', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    const outcomes = () => [...screen.getByLabelText('Outcome').querySelectorAll('option')].map((o) => o.textContent);
    expect(outcomes()).toEqual(['No outcome', 'Connected', 'Left voicemail', 'No answer', 'Meeting booked', 'Not interested']);
    await user.keyboard('{Alt>}2{/Alt}');
    expect(outcomes()).toEqual(['No outcome', 'Held', 'No-show', 'Meeting booked', 'Not interested']);
    await user.keyboard('{Alt>}3{/Alt}');
    expect(outcomes()).toEqual(['No outcome', 'Sent', 'Replied', 'Meeting booked', 'Not interested']);
    await user.keyboard('{Alt>}4{/Alt}');
    expect(outcomes()).toEqual(['No outcome']);
  });
});

describe('validation', () => {
  it('refuses a duration that does not parse, with the reason, and writes nothing', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    await user.type(screen.getByLabelText('Minutes'), 'half an hour{Enter}');
    expect(await screen.findByTestId('error-duration')).toHaveTextContent('“half an hour” is not');
    expect(screen.getByLabelText('Minutes')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Minutes')).toHaveFocus();
    expect(screen.getByTestId('form-errors')).toHaveTextContent('Please fix the marked fields.');
    expect(await getDb().activities.count()).toBe(0);

    await user.clear(screen.getByLabelText('Minutes'));
    await user.type(screen.getByLabelText('Minutes'), '1:05{Enter}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    expect((await getDb().activities.toArray())[0]!.durationMin).toBe(65);
  });

  it('a next step needs a due date; a bad new-contact email is refused', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    await user.type(screen.getByTestId('next-step'), 'Send pricing');
    await user.clear(screen.getByTestId('next-step-due'));
    expect(screen.getByTestId('next-step-due')).toHaveAttribute('aria-required', 'true');
    await user.type(screen.getByTestId('new-contact-email'), 'kanya-at-scd');
    await user.click(screen.getByTestId('log-save'));
    expect(await screen.findByTestId('error-nextStepDue')).toHaveTextContent('A next step needs a due date.');
    expect(screen.getByTestId('error-newContactEmail')).toHaveTextContent('“kanya-at-scd” is not an email address.');
    expect(screen.getByTestId('error-newContactName')).toHaveTextContent('A new contact needs a name.');
    expect(await getDb().activities.count()).toBe(0);
  });

  it('speaks Thai when the AE does', async () => {
    const { settingsItem } = await import('../../lib/platform');
    await settingsItem.setValue({ ...(await settingsItem.getValue()), language: 'th' });
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await waitFor(() => expect(screen.getByTestId('log-save')).toHaveTextContent('บันทึก'));
    await user.type(screen.getByLabelText('นาที'), 'abc{Enter}');
    expect(await screen.findByTestId('error-duration')).toHaveTextContent('“abc” ใช้ไม่ได้');
  });
});

describe('keyboard flow', () => {
  it('Alt+3, pick the deal, Tab to the next step, Enter saves; the deal gets the next step and the toast says when', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <QuickLogForm now={() => FRI} />
        <ToastHost />
      </>,
    );
    await ready();
    await user.keyboard('{Alt>}3{/Alt}erp');
    await screen.findByRole('option', { name: /ERP rollout/ });
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
    await user.tab(); // outcome
    expect(screen.getByLabelText('Outcome')).toHaveFocus();
    await user.selectOptions(screen.getByLabelText('Outcome'), 'replied');
    await user.tab(); // minutes
    await user.tab(); // notes
    expect(screen.getByLabelText('Notes')).toHaveFocus();
    await user.keyboard('Asked for pricing');
    await user.tab(); // timer
    expect(screen.getByTestId('timer-toggle')).toHaveFocus();
    await user.tab(); // next step
    expect(screen.getByTestId('next-step')).toHaveFocus();
    await user.keyboard('Send pricing');
    await user.tab(); // due
    await user.tab(); // stage
    expect(screen.getByTestId('deal-stage')).toHaveFocus();
    await user.selectOptions(screen.getByTestId('deal-stage'), 'Qualification');
    await user.tab(); // close
    expect(screen.getByTestId('deal-close')).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await screen.findByTestId('toast')).toHaveTextContent('Email logged on ERP rollout phase 2. Next step due 2026-12-01.');
    const [a] = await getDb().activities.toArray();
    expect(a).toMatchObject({ kind: 'email', outcome: 'replied', notes: 'Asked for pricing', dealId: 'deal-1' });
    expect(await getDb().deals.get('deal-1')).toMatchObject({ nextStep: 'Send pricing', nextStepDue: '2026-12-01', stage: 'Qualification' });
    expect((await getDb().dealHistory.toArray()).map((h) => [h.field, h.from, h.to, h.source])).toEqual([['stage', 'Discovery', 'Qualification', 'quicklog']]);
    await waitFor(() => expect(screen.getByTestId('log-search')).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getDb().deals.get('deal-1')).toMatchObject({ nextStep: null, nextStepDue: null, stage: 'Discovery' }));
    expect(await getDb().activities.count()).toBe(0);
  });

  it('Escape clears the search first, then closes', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderPage(<QuickLogForm now={() => THU} onClose={onClose} />);
    await ready();
    await user.keyboard('siam{Escape}');
    expect(screen.getByTestId('log-search')).toHaveValue('');
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('finds a contact by email and an account by domain', async () => {
    await getDb().contacts.add({ id: 'c-1', createdAt: 0, updatedAt: 0, name: 'Kanya Srisuk', emails: ['kanya@scd.co.th'], phone: null, title: null, accountId: 'acc-1', buyingRole: null, notes: '', provenance: null, sourceKey: null });
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    await user.keyboard('kanya@');
    expect(await screen.findByRole('option', { name: /Kanya Srisuk/ })).toBeInTheDocument();
    await user.keyboard('{Enter}{Enter}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    expect((await getDb().activities.toArray())[0]).toMatchObject({ contactId: 'c-1', accountId: 'acc-1' });
    await user.keyboard('scd.co');
    expect(await screen.findByRole('option', { name: /Siam Cement Digital/ })).toBeInTheDocument();
  });
});

describe('draft', () => {
  it('keeps what was typed when the popup closes, restores it on the next open, and Discard clears it', async () => {
    const user = userEvent.setup();
    const first = renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    await user.keyboard('{Alt>}2{/Alt}erp');
    await screen.findByRole('option', { name: /ERP rollout/ });
    await user.keyboard('{Enter}');
    await user.type(screen.getByLabelText('Notes'), 'Half-way through');
    await user.type(screen.getByTestId('next-step'), 'Follow up');
    await waitFor(async () => expect((await readDraft())?.nextStep).toBe('Follow up'));
    first.unmount(); // the popup closes

    renderPage(<QuickLogForm now={() => THU + 10 * MIN} />);
    await ready();
    expect(screen.getByTestId('draft-restored')).toHaveTextContent('Your unsaved log was restored.');
    expect(screen.getByLabelText('Notes')).toHaveValue('Half-way through');
    expect(screen.getByTestId('next-step')).toHaveValue('Follow up');
    expect(screen.getByRole('radio', { name: /Meeting/ })).toBeChecked();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');

    await user.click(screen.getByTestId('discard-draft'));
    expect(screen.getByLabelText('Notes')).toHaveValue('');
    expect(screen.queryByTestId('chosen-target')).toBeNull();
    await waitFor(async () => expect(await readDraft()).toBeNull());
  });

  it('a saved log leaves no draft', async () => {
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => THU} />);
    await ready();
    await user.type(screen.getByLabelText('Notes'), 'x');
    await waitFor(async () => expect(await readDraft()).not.toBeNull());
    await user.click(screen.getByTestId('log-save'));
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    await waitFor(async () => expect(await readDraft()).toBeNull());
  });
});

describe('timer', () => {
  it('keeps running across a close and reopen, and the log takes its minutes and start', async () => {
    let clock = THU;
    const user = userEvent.setup();
    const first = renderPage(<QuickLogForm now={() => clock} />);
    await ready();
    await user.click(screen.getByTestId('timer-toggle'));
    await waitFor(async () => expect(await readTimer()).toEqual({ startedAt: THU, stoppedAt: null }));
    first.unmount();

    clock = THU + 7 * MIN + 20_000;
    renderPage(<QuickLogForm now={() => clock} />);
    await ready();
    expect(screen.getByTestId('timer-status')).toHaveTextContent('Timer running: 07:20');
    expect(screen.getByLabelText('Minutes')).toHaveValue('7');
    await user.click(screen.getByTestId('timer-toggle'));
    expect(screen.getByLabelText('Minutes')).toHaveValue('7');
    expect(screen.getByTestId('timer-status')).toHaveTextContent('Timer: 7 min');
    await act(async () => {
      clock += 30 * MIN; // a stopped timer no longer counts
    });
    await user.click(screen.getByTestId('log-save'));
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    expect((await getDb().activities.toArray())[0]).toMatchObject({ durationMin: 7, at: THU });
    expect(await readTimer()).toBeNull();
  });
});
