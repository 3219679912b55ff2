import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CockpitApp } from '../../components/cockpit/CockpitApp';
import { getDb } from '../../lib/db';
import { addDays, localDateOf } from '../../lib/domain/dates';
import type { Deal } from '../../lib/domain/records';
import { renderPage, resetWorld } from './render';

const today = localDateOf(Date.now());
const T0 = Date.now();

function deal(id: string, over: Partial<Deal> = {}): Deal {
  return {
    id, createdAt: T0, updatedAt: T0, name: `Deal ${id}`, accountId: null, amountMinor: 100_000_00, currency: 'THB', stage: 'Closed Won',
    status: 'won', probability: 1, forecastCategory: 'commit', type: 'new_business', typeLabel: null, createdOn: addDays(today, -30), closeOn: today,
    lossReason: null, nextStep: null, nextStepDue: null, territory: null, ownerName: null, primaryContactId: null, lineItems: [],
    provenance: null, sourceKey: null, lastTouchAt: null, lastMeetingAt: null, ...over,
  };
}

const kpiValue = (id: string) => screen.getByTestId(`kpi-${id}`).getAttribute('data-value');

describe('side panel', () => {
  beforeEach(resetWorld);

  it('starts on the first-run choices when nothing is stored', async () => {
    renderPage(<CockpitApp />);
    expect(await screen.findByRole('heading', { name: 'Welcome to AE Cockpit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Load demo data' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import a CSV from your CRM' })).toBeInTheDocument();
  });

  it('lists every KPI with its formula, and follows writes live', async () => {
    await getDb().deals.bulkAdd([deal('a'), deal('b', { status: 'lost', stage: 'Closed Lost', probability: 0, forecastCategory: 'omitted' })]);
    renderPage(<CockpitApp />);
    await screen.findByTestId('kpi-total_revenue');
    expect(kpiValue('total_revenue')).toBe('10000000');
    expect(kpiValue('win_rate')).toBe('0.5');
    const win = within(screen.getByTestId('kpi-win_rate'));
    expect(win.getByText('Win rate')).toBeInTheDocument();
    expect(win.getByText(/won.*\(won \+ lost\)|won ÷|won \//i)).toBeInTheDocument();
    // Drill-down: the deals behind the number, by name.
    const revenue = within(screen.getByTestId('kpi-total_revenue'));
    await userEvent.setup().click(revenue.getByTestId('kpi-open'));
    expect(await within(revenue.getByTestId('kpi-drill')).findByText('Deal a')).toBeInTheDocument();
    expect(revenue.queryByText('Deal b')).not.toBeInTheDocument();
    await getDb().deals.add(deal('c', { amountMinor: 50_000_00 }));
    await waitFor(() => expect(kpiValue('total_revenue')).toBe('15000000'));
  });

  it('shows next actions a page at a time, and back to the top five', async () => {
    // 30 open deals, each past its close date and stale: 60 actions.
    const open = Array.from({ length: 30 }, (_, i) =>
      deal(`o${String(i).padStart(2, '0')}`, { status: 'open', stage: 'Proposal', probability: 0.5, forecastCategory: 'pipeline', closeOn: addDays(today, -2) }),
    );
    await getDb().deals.bulkAdd(open);
    renderPage(<CockpitApp />);
    await waitFor(() => expect(screen.getAllByTestId('next-action')).toHaveLength(5));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Show 20 more (55 not shown)' }));
    expect(screen.getAllByTestId('next-action')).toHaveLength(25);
    await user.click(screen.getByRole('button', { name: 'Show 20 more (35 not shown)' }));
    await user.click(screen.getByRole('button', { name: 'Show 15 more (15 not shown)' }));
    expect(screen.getAllByTestId('next-action')).toHaveLength(60);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(screen.getAllByTestId('next-action')).toHaveLength(5);
  });

  it('reports a stored record that fails its schema, and still shows the numbers of the rest', async () => {
    await getDb().deals.bulkAdd([deal('good'), { ...deal('broken'), closeOn: '2026-02-30', amountMinor: -5 } as Deal]);
    renderPage(<CockpitApp />);
    const banner = await screen.findByTestId('health-banner');
    expect(banner).toHaveTextContent('1 stored records failed validation');
    expect(banner).toHaveTextContent(/deals broken: .*closeOn: not a real calendar date/);
    expect(kpiValue('total_revenue')).toBe('10000000');
    expect(await getDb().deals.count()).toBe(2); // reported, never dropped
  });

  it('marks an action done with undo, and switches periods', async () => {
    const user = userEvent.setup();
    await getDb().deals.add(deal('open', { status: 'open', stage: 'Proposal', probability: 0.5, forecastCategory: 'best_case', closeOn: addDays(today, 20), nextStep: 'Send pricing', nextStepDue: addDays(today, -3) }));
    renderPage(<CockpitApp />);
    const action = await screen.findByText(/Send pricing/);
    const item = action.closest('li')!;
    await user.click(within(item as HTMLElement).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByText(/Send pricing/)).not.toBeInTheDocument());
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/Send pricing/)).toBeInTheDocument();

    await user.selectOptions(screen.getByTestId('period-select'), 'last_year');
    expect(kpiValue('won_deals')).toBe('0');
  });
});
