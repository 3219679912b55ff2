import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CockpitApp } from '../../components/cockpit/CockpitApp';
import { useCockpitUi } from '../../components/cockpit/store';
import { getDb } from '../../lib/db';
import { addDays, localDateOf } from '../../lib/domain/dates';
import type { Deal, Quota } from '../../lib/domain/records';
import { presetPeriod } from '../../lib/kpi';
import { renderPage, resetWorld } from './render';

const today = localDateOf(Date.now());
const T0 = Date.now();
const quarter = presetPeriod('this_quarter', today, 1);

function deal(id: string, over: Partial<Deal> = {}): Deal {
  return {
    id, createdAt: T0, updatedAt: T0, name: `Deal ${id}`, accountId: null, amountMinor: 100_000_00, currency: 'THB', stage: 'Closed Won',
    status: 'won', probability: 1, forecastCategory: 'commit', type: 'new_business', typeLabel: null, createdOn: addDays(today, -30), closeOn: today,
    lossReason: null, nextStep: null, nextStepDue: null, territory: null, ownerName: null, primaryContactId: null, lineItems: [],
    provenance: null, sourceKey: null, lastTouchAt: null, lastMeetingAt: null, ...over,
  };
}
const open = (id: string, over: Partial<Deal> = {}) =>
  deal(id, { status: 'open', stage: 'Proposal', probability: 0.5, forecastCategory: 'best_case', closeOn: quarter.end, ...over });
const quota = (amountMinor: number): Quota => ({ id: 'q1', createdAt: T0, updatedAt: T0, start: quarter.start, end: quarter.end, amountMinor, currency: 'THB', label: '' });

const card = (id: string) => screen.getByTestId(`kpi-${id}`);

describe('side panel cockpit', () => {
  beforeEach(async () => {
    await resetWorld();
    useCockpitUi.setState({ preset: 'this_quarter', custom: { start: '', end: '' } });
  });

  it('shows six headline cards; coverage as a multiple against the target, with a trend and a quota gauge', async () => {
    // Revenue 100k won today; 640k open to the quarter's end; quota 300k → remaining 200k → 3.2×.
    await getDb().deals.bulkAdd([deal('w'), open('o1', { amountMinor: 400_000_00 }), open('o2', { amountMinor: 240_000_00, stage: 'Negotiation' })]);
    await getDb().quotas.add(quota(300_000_00));
    renderPage(<CockpitApp />);
    const cards = await screen.findByTestId('kpi-headline');
    expect(within(cards).getAllByRole('listitem', { name: undefined }).filter((li) => li.dataset.testid?.startsWith('kpi-'))).toHaveLength(6);
    if (quarter.start <= today && today <= quarter.end && today !== quarter.end) {
      expect(within(card('pipeline_coverage')).getByTestId('kpi-value')).toHaveTextContent('3.2×');
    }
    expect(within(card('pipeline_coverage')).getByText('target 3×')).toBeInTheDocument();
    expect(within(card('total_revenue')).getByTestId('gauge')).toHaveAccessibleName('33% of quota');
    expect(within(card('win_rate')).getByTestId('trend').getAttribute('aria-label')).toMatch(/^Win rate, 12 months: /);
    // Pipeline by stage: a bar per stage; tapping one lists its deals.
    const stages = screen.getAllByTestId('stage');
    expect(stages.map((s) => [s.dataset.stage, s.dataset.count, s.dataset.amount])).toEqual([
      ['Proposal', '1', '40000000'],
      ['Negotiation', '1', '24000000'],
    ]);
    const list = within(stages[1]!).getByTestId('stage-deals');
    expect(list).not.toBeVisible();
    await userEvent.setup().click(within(stages[1]!).getByRole('button'));
    expect(list).toBeVisible();
    expect(list).toHaveTextContent('Deal o2');
  });

  it('a custom range with no end or an end before its start shows a field message and keeps the numbers up', async () => {
    await getDb().deals.add(deal('w'));
    renderPage(<CockpitApp />);
    await waitFor(() => expect(card('total_revenue').getAttribute('data-value')).toBe('10000000'));
    await userEvent.setup().selectOptions(screen.getByTestId('period-select'), 'custom');
    expect(await screen.findByTestId('period-error')).toHaveTextContent('Choose a start date.');
    fireEvent.change(screen.getByTestId('period-start'), { target: { value: addDays(today, -5) } });
    expect(await screen.findByTestId('period-error')).toHaveTextContent('Choose an end date');
    expect(screen.getByTestId('period-end')).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(screen.getByTestId('period-end'), { target: { value: addDays(today, -9) } });
    expect(await screen.findByTestId('period-error')).toHaveTextContent('The end date is before the start date.');
    // The cockpit is still up, on the last period that worked.
    expect(card('total_revenue').getAttribute('data-value')).toBe('10000000');
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByTestId('period-end'), { target: { value: addDays(today, -1) } });
    await waitFor(() => expect(screen.queryByTestId('period-error')).not.toBeInTheDocument());
    await waitFor(() => expect(card('total_revenue').getAttribute('data-value')).toBe('0'));
  });

  it('every other KPI is one tap away, grouped, and an empty one says how to fix it with a link', async () => {
    await getDb().deals.add(deal('w'));
    renderPage(<CockpitApp />);
    const all = await screen.findByTestId('all-kpis');
    expect(all).not.toHaveAttribute('open');
    for (const g of ['revenue', 'pipeline', 'conversion', 'customers', 'activity']) expect(within(all).getByTestId(`group-${g}`)).toBeInTheDocument();
    const attainment = within(within(all).getByTestId('kpi-quota_attainment'));
    expect(attainment.getByTestId('kpi-reason')).toHaveTextContent(/quota/i);
    expect(attainment.getByRole('link', { name: 'Set a quota for this period' })).toHaveAttribute('href', 'options.html#quota-title');
    const cac = within(within(all).getByTestId('kpi-customer_acquisition_cost'));
    expect(cac.getByRole('link', { name: 'Enter your marketing spend' })).toHaveAttribute('href', 'options.html#spend-title');
    // The formula is tied to the name (shown on hover and focus); the name opens the records.
    const name = within(card('total_revenue')).getByRole('button', { name: 'Total revenue' });
    expect(name).toHaveAccessibleDescription(/won/i);
    const drill = within(card('total_revenue')).getByTestId('kpi-drill');
    expect(drill).not.toBeVisible();
    await userEvent.setup().click(name);
    expect(drill).toBeVisible();
    // Built on opening: the worker makes only the open KPI's list.
    await waitFor(() => expect(drill).toHaveTextContent('Deal w'));
  });

  it('sets a deal’s next step from its action, through lib/db, and the list updates itself', async () => {
    await getDb().deals.add(open('stale', { closeOn: addDays(today, -2) }));
    renderPage(<CockpitApp />);
    const user = userEvent.setup();
    const item = (await screen.findAllByTestId('next-action')).find((li) => li.textContent?.includes('Deal stale'))!;
    await user.click(within(item).getByRole('button', { name: 'Set next step' }));
    await user.type(screen.getByLabelText('Next step'), 'Call the CFO');
    await user.click(screen.getByRole('button', { name: 'Save next step' }));
    await waitFor(async () => expect((await getDb().deals.get('stale'))?.nextStep).toBe('Call the CFO'));
    expect((await getDb().deals.get('stale'))?.nextStepDue).toBe(addDays(today, 2));
    // The toast sits in its own area, outside the scrolling content.
    const toast = await screen.findByTestId('toast');
    expect(toast).toHaveTextContent('Next step saved.');
    expect(screen.getByRole('main')).not.toContainElement(toast);
  });
});
