import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogueEditors } from '../../components/options/catalogue';
import { OptionsApp } from '../../components/options/OptionsApp';
import { ToastHost } from '../../components/ui/Toast';
import { getDb } from '../../lib/db';
import type { Account } from '../../lib/domain/records';
import { loadSettings, saveSettings } from '../../lib/platform';
import { DEFAULT_STAGE_RULES, defaultSettings } from '../../lib/settings/schema';
import { renderPage, resetWorld } from './render';

const T0 = Date.UTC(2026, 10, 1);

function account(id: string, name: string, extra: Partial<Account> = {}): Account {
  return {
    id, createdAt: T0, updatedAt: T0, name, domains: [], industry: null, territory: null, isTarget: false, customerSince: null,
    churnedOn: null, potentialMinor: null, potentialCurrency: null, notes: '', provenance: null, sourceKey: null, lastTouchAt: null, ...extra,
  };
}

function renderEditors() {
  return renderPage(
    <>
      <CatalogueEditors />
      <ToastHost />
    </>,
  );
}

const stored = async () => (await loadSettings()).settings;

describe('catalogue editors: stage mapping', () => {
  beforeEach(resetWorld);

  it('adds a stage rule to the stored settings, with the percentage stored as a fraction', async () => {
    const user = userEvent.setup();
    await saveSettings({ ...defaultSettings(), stageRules: [] });
    renderEditors();
    expect(await screen.findByText(/No stage rules yet/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Stage name'), '  Technical Win ');
    await user.selectOptions(screen.getByLabelText('Status'), 'open');
    await user.type(screen.getByLabelText('Probability (%)'), '65');
    await user.selectOptions(screen.getByLabelText('Forecast category'), 'best_case');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await waitFor(async () =>
      expect((await stored()).stageRules).toEqual([{ stage: 'Technical Win', status: 'open', probability: 0.65, forecastCategory: 'best_case' }]),
    );
    const row = screen.getByRole('row', { name: /Technical Win/ });
    expect(within(row).getByText('65%')).toBeInTheDocument();
    expect(within(row).getByText('Best case')).toBeInTheDocument();
  });

  it('refuses a duplicate stage (case and spaces ignored) and an out-of-range probability, naming the problem', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.type(await screen.findByLabelText('Stage name'), 'closed  WON');
    await user.type(screen.getByLabelText('Probability (%)'), '100');
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A stage named “Closed Won” already exists');

    await user.clear(screen.getByLabelText('Stage name'));
    await user.type(screen.getByLabelText('Stage name'), 'Verbal yes');
    await user.clear(screen.getByLabelText('Probability (%)'));
    await user.type(screen.getByLabelText('Probability (%)'), '150');
    expect(screen.getByLabelText('Stage name')).toHaveValue('Verbal yes');
    expect(screen.getByLabelText('Probability (%)')).toHaveValue(150);
    await user.click(screen.getByRole('button', { name: 'Add stage' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Enter a probability between 0 and 100%.'));
    expect((await stored()).stageRules).toEqual(DEFAULT_STAGE_RULES);
  });

  it('edits a row in place', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.click(await screen.findByRole('button', { name: 'Edit stage Proposal' }));
    const probability = screen.getByLabelText('Probability (%)');
    expect(probability).toHaveValue(50);
    await user.clear(probability);
    await user.type(probability, '55');
    await user.click(screen.getByRole('button', { name: 'Update stage' }));
    await waitFor(async () => expect((await stored()).stageRules.find((r) => r.stage === 'Proposal')?.probability).toBe(0.55));
    expect((await stored()).stageRules).toHaveLength(DEFAULT_STAGE_RULES.length);
  });

  it('resets to the defaults, and undo brings the custom mapping back', async () => {
    const user = userEvent.setup();
    const custom = [{ stage: 'Pilot', status: 'open' as const, probability: 0.4, forecastCategory: 'pipeline' as const }];
    await saveSettings({ ...defaultSettings(), stageRules: custom, territories: ['North'] });
    renderEditors();
    await user.click(await screen.findByRole('button', { name: 'Reset to defaults' }));
    await waitFor(async () => expect((await stored()).stageRules).toEqual(DEFAULT_STAGE_RULES));
    expect(await screen.findByText('Stage mapping reset to defaults.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).stageRules).toEqual(custom));
    expect((await stored()).territories).toEqual(['North']);
    expect(await screen.findByRole('row', { name: /Pilot/ })).toBeInTheDocument();
  });

  it('removes a stage, and undo restores it', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.click(await screen.findByRole('button', { name: 'Remove stage Discovery' }));
    await waitFor(async () => expect((await stored()).stageRules.map((r) => r.stage)).not.toContain('Discovery'));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await stored()).stageRules).toEqual(DEFAULT_STAGE_RULES));
  });
});

describe('catalogue editors: territories', () => {
  beforeEach(resetWorld);

  it('adds territories, refuses empty and duplicate names, removes one', async () => {
    const user = userEvent.setup();
    renderEditors();
    const input = await screen.findByLabelText('New territory');
    await user.type(input, 'Bangkok  North{Enter}');
    await waitFor(async () => expect((await stored()).territories).toEqual(['Bangkok North']));
    await user.type(input, 'EEC');
    await user.click(screen.getByRole('button', { name: 'Add territory' }));
    await waitFor(async () => expect((await stored()).territories).toEqual(['Bangkok North', 'EEC']));

    await user.type(input, ' bangkok north ');
    await user.click(screen.getByRole('button', { name: 'Add territory' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“Bangkok North” is already in the list.');
    await user.clear(input);
    await user.type(input, '   {Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a territory name.');

    await user.click(screen.getByRole('button', { name: 'Remove territory Bangkok North' }));
    await waitFor(async () => expect((await stored()).territories).toEqual(['EEC']));
  });
});

describe('catalogue editors: target accounts', () => {
  beforeEach(resetWorld);

  it('shows an empty state without accounts', async () => {
    renderEditors();
    expect(await screen.findByText(/No accounts yet/)).toBeInTheDocument();
  });

  it('marks an account as a target with a potential in the reporting currency', async () => {
    const user = userEvent.setup();
    await getDb().accounts.bulkAdd([account('a1', 'Siam Logistics'), account('a2', 'Chiang Mai Foods')]);
    renderEditors();
    await user.type(await screen.findByLabelText('Search accounts'), 'siam');
    expect(screen.queryByRole('row', { name: /Chiang Mai Foods/ })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 1 of 1 matching accounts.')).toBeInTheDocument();

    const before = Date.now();
    await user.click(screen.getByLabelText('Target: Siam Logistics'));
    await waitFor(async () => expect((await getDb().accounts.get('a1'))?.isTarget).toBe(true));
    expect((await getDb().accounts.get('a1'))!.updatedAt).toBeGreaterThanOrEqual(before);

    await user.type(screen.getByLabelText('Potential of Siam Logistics (THB)'), '2,500,000.5{Enter}');
    await waitFor(async () =>
      expect(await getDb().accounts.get('a1')).toMatchObject({ isTarget: true, potentialMinor: 250_000_050, potentialCurrency: 'THB' }),
    );
    expect(await screen.findByText('Stored as THB 2,500,000.50')).toBeInTheDocument();
    expect((await getDb().accounts.get('a2'))).toMatchObject({ isTarget: false, potentialMinor: null });
  });

  it('refuses a negative potential and shows at most 50 matches', async () => {
    const user = userEvent.setup();
    await getDb().accounts.bulkAdd(Array.from({ length: 60 }, (_, i) => account(`a${i}`, `Account ${String(i).padStart(2, '0')}`)));
    renderEditors();
    expect(await screen.findByText('Showing 50 of 60 matching accounts.')).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Account 49/ })).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: /Account 50/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Potential of Account 00 (THB)'), '-5');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent('Potential of Account 00: enter an amount of 0 or more');
    expect((await getDb().accounts.get('a0'))?.potentialMinor).toBeNull();
  });
});

describe('catalogue editors: products', () => {
  beforeEach(resetWorld);

  it('adds a product, toggles it inactive, removes it and undoes the removal', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.click(await screen.findByRole('button', { name: 'Add product' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a product name');
    await user.type(screen.getByLabelText('Product name'), 'Cloud ERP');
    await user.type(screen.getByLabelText('SKU'), 'ERP-01');
    await user.type(screen.getByLabelText('List price (THB)'), '1,200,000');
    await user.click(screen.getByRole('button', { name: 'Add product' }));
    await waitFor(async () =>
      expect(await getDb().products.toArray()).toMatchObject([{ name: 'Cloud ERP', sku: 'ERP-01', listPriceMinor: 120_000_000, currency: 'THB', active: true }]),
    );
    const row = await screen.findByRole('row', { name: /Cloud ERP/ });
    expect(within(row).getByText('THB 1,200,000.00')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Active: Cloud ERP'));
    await waitFor(async () => expect((await getDb().products.toArray())[0]?.active).toBe(false));

    await user.click(screen.getByRole('button', { name: 'Remove product Cloud ERP' }));
    await waitFor(async () => expect(await getDb().products.count()).toBe(0));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getDb().products.toArray()).toMatchObject([{ name: 'Cloud ERP', active: false }]));
  });

  it('refuses a negative list price', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.type(await screen.findByLabelText('Product name'), 'Support');
    await user.type(screen.getByLabelText('List price (THB)'), '-1');
    await user.click(screen.getByRole('button', { name: 'Add product' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a list price of 0 or more');
    expect(await getDb().products.count()).toBe(0);
  });
});

describe('catalogue editors: spend', () => {
  beforeEach(resetWorld);

  it('adds spend in minor units, lists newest first with totals per category, and removal can be undone', async () => {
    const user = userEvent.setup();
    await getDb().spend.bulkAdd([
      { id: 's-old', createdAt: T0, updatedAt: T0, on: '2026-09-01', amountMinor: 300_000, currency: 'THB', category: 'marketing', note: 'Trade fair' },
      { id: 's-usd', createdAt: T0, updatedAt: T0, on: '2026-10-01', amountMinor: 10_000, currency: 'USD', category: 'marketing', note: '' },
    ]);
    await saveSettings({ ...defaultSettings(), fxRates: { USD: 35 } });
    renderEditors();
    const date = await screen.findByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2026-11-15');
    await user.type(screen.getByLabelText('Spend amount (THB)'), '12,500.50');
    await user.selectOptions(screen.getByLabelText('Category'), 'sales');
    await user.type(screen.getByLabelText('Note'), 'Client dinner');
    await user.click(screen.getByRole('button', { name: 'Add spend' }));
    await waitFor(async () =>
      expect(await getDb().spend.where('on').equals('2026-11-15').toArray()).toMatchObject([
        { amountMinor: 1_250_050, currency: 'THB', category: 'sales', note: 'Client dinner' },
      ]),
    );
    await waitFor(() => expect(screen.getByTestId('spend-total-sales')).toHaveTextContent('Sales total: THB 12,500.50'));
    // 3,000.00 THB + 100.00 USD at 35 = 3,500.00 THB.
    expect(screen.getByTestId('spend-total-marketing')).toHaveTextContent('Marketing total: THB 6,500.00');
    const rows = within(screen.getByRole('region', { name: 'Sales and marketing spend' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[3]?.textContent)).toEqual(['Client dinner', '', 'Trade fair']);

    await user.click(screen.getByRole('button', { name: /^Remove spend of Nov 15, 2026, THB\s12,500\.50$/ }));
    await waitFor(() => expect(screen.getByTestId('spend-total-sales')).toHaveTextContent('Sales total: THB 0.00'));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getDb().spend.count()).toBe(3));
  });

  it('shows only the latest 24 entries, and totals only those', async () => {
    await getDb().spend.bulkAdd(
      Array.from({ length: 30 }, (_, i) => ({
        id: `s${i}`, createdAt: T0, updatedAt: T0, on: `2026-10-${String(i + 1).padStart(2, '0')}`, amountMinor: (i + 1) * 100,
        currency: 'THB', category: 'sales' as const, note: '',
      })),
    );
    renderEditors();
    expect(await screen.findByText('Latest 24 of 30 entries, newest first.')).toBeInTheDocument();
    // Days 7..30 are shown: (7 + 30) * 24 / 2 = 444 baht.
    expect(screen.getByTestId('spend-total-sales')).toHaveTextContent('Sales total: THB 444.00');
  });

  it('refuses a missing amount', async () => {
    const user = userEvent.setup();
    renderEditors();
    await user.click(await screen.findByRole('button', { name: 'Add spend' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter an amount of 0 or more.');
    expect(await getDb().spend.count()).toBe(0);
  });
});

describe('catalogue editors: quiet hours', () => {
  beforeEach(resetWorld);

  it('saves the switch and the times on change', async () => {
    const user = userEvent.setup();
    renderEditors();
    expect(await screen.findByText('Next-action reminders stay silent between these hours.')).toBeInTheDocument();
    expect(screen.getByLabelText('Quiet from')).toBeDisabled();
    await user.click(screen.getByLabelText('Use quiet hours'));
    await waitFor(async () => expect((await stored()).quietHours).toEqual({ enabled: true, start: '19:00', end: '08:00' }));
    fireEvent.change(screen.getByLabelText('Quiet from'), { target: { value: '20:30' } });
    await waitFor(async () => expect((await stored()).quietHours).toEqual({ enabled: true, start: '20:30', end: '08:00' }));
    fireEvent.change(screen.getByLabelText('Quiet until'), { target: { value: '' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter a time as HH:MM.');
    expect((await stored()).quietHours.end).toBe('08:00');
  });
});

describe('catalogue editors on the options page', () => {
  beforeEach(resetWorld);

  it('keeps the names the existing options sections rely on unique', async () => {
    // The options page mounts the editors beside the settings, quota and data sections.
    renderPage(<OptionsApp />);
    await screen.findByRole('heading', { name: 'Stage mapping' });
    for (const id of ['stages-title', 'territories-title', 'targets-title', 'products-title', 'spend-title', 'quiet-title']) {
      expect(document.getElementById(id)?.closest('section')).toHaveAttribute('aria-labelledby', id);
    }
    const quotas = within(screen.getByRole('region', { name: 'Quotas' }));
    expect(quotas.getAllByLabelText('From')).toHaveLength(1);
    expect(quotas.getAllByLabelText('To')).toHaveLength(1);
    expect(screen.getAllByLabelText(/Amount/)).toHaveLength(1);
    expect(screen.queryAllByLabelText('Currency')).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: 'Remove' })).toHaveLength(0);
  });

  it('speaks Thai when the language is Thai', async () => {
    await saveSettings({ ...defaultSettings(), language: 'th' });
    renderEditors();
    expect(await screen.findByRole('heading', { name: 'การจับคู่ขั้นการขาย' })).toBeInTheDocument();
    expect(screen.getByLabelText('เขตการขายใหม่')).toBeInTheDocument();
    expect(screen.getByText('การแจ้งเตือนสิ่งที่ต้องทำต่อไปจะเงียบในช่วงเวลานี้')).toBeInTheDocument();
  });
});
