import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../components/options/OptionsApp';
import { getDb } from '../../lib/db';
import { loadSettings, saveSettings, settingsItem, updateSettings } from '../../lib/platform';
import { defaultSettings } from '../../lib/settings/schema';
import { renderPage, resetWorld } from './render';

describe('options page', () => {
  beforeEach(resetWorld);

  it('switches the language at once, and back', async () => {
    const user = userEvent.setup();
    renderPage(<OptionsApp />);
    await user.selectOptions(await screen.findByLabelText('Language'), 'th');
    expect(await screen.findByRole('heading', { name: 'ตั้งค่า AE Cockpit' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('th');
    expect((await loadSettings()).settings.language).toBe('th');
    await user.selectOptions(screen.getByLabelText('ภาษา'), 'en');
    expect(await screen.findByRole('heading', { name: 'AE Cockpit options' })).toBeInTheDocument();
  });

  it('refuses a bad setting with the field named, and keeps what was stored', async () => {
    const user = userEvent.setup();
    renderPage(<OptionsApp />);
    const currency = await screen.findByLabelText('Reporting currency');
    await user.clear(currency);
    await user.type(currency, 'B');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText(/Check reportingCurrency: expected an ISO 4217 currency code/)).toBeInTheDocument();
    expect((await loadSettings()).settings.reportingCurrency).toBe('THB');

    await user.clear(currency);
    await user.type(currency, 'usd');
    await user.click(screen.getByRole('button', { name: 'Add rate' }));
    const codes = screen.getAllByLabelText('Currency');
    await user.type(codes[0]!, 'thb');
    await user.type(screen.getAllByLabelText('Rate')[0]!, '0.028');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await loadSettings()).settings).toMatchObject({ reportingCurrency: 'USD', fxRates: { THB: 0.028 } }));
  });

  it('keeps unsaved edits when another page changes an unrelated setting, and Save keeps that change', async () => {
    const user = userEvent.setup();
    renderPage(<OptionsApp />);
    const currency = await screen.findByLabelText('Reporting currency');
    await user.clear(currency);
    await user.type(currency, 'usd');
    // Another page (an import, another tab) changes settings meanwhile.
    await updateSettings((s) => ({ ...s, territories: ['North'], fiscalYearStartMonth: 4 }));
    await waitFor(() => expect(screen.getByLabelText('Fiscal year starts in')).toHaveValue('4'));
    expect(currency).toHaveValue('USD');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(async () => expect((await loadSettings()).settings).toMatchObject({ reportingCurrency: 'USD', territories: ['North'], fiscalYearStartMonth: 4 }));
  });

  it('reports stored settings that fail validation instead of crashing', async () => {
    await settingsItem.setValue({ ...defaultSettings(), fiscalYearStartMonth: 13 } as never);
    renderPage(<OptionsApp />);
    expect(await screen.findByText(/fiscalYearStartMonth/)).toBeInTheDocument();
  });

  it('adds a quota, and removing it can be undone', async () => {
    const user = userEvent.setup();
    renderPage(<OptionsApp />);
    expect(await screen.findByText(/No quota yet/)).toBeInTheDocument();
    const quotas = within(screen.getByRole('region', { name: 'Quotas' }));
    await user.type(quotas.getByLabelText('From'), '2026-10-01');
    await user.type(quotas.getByLabelText('To'), '2026-12-31');
    await user.type(quotas.getByLabelText(/Amount/), '3,000,000');
    await user.click(quotas.getByRole('button', { name: 'Add quota' }));
    await waitFor(async () => expect(await getDb().quotas.toArray()).toMatchObject([{ start: '2026-10-01', end: '2026-12-31', amountMinor: 300_000_000, currency: 'THB' }]));
    await user.click(await quotas.findByRole('button', { name: 'Remove' }));
    await waitFor(async () => expect(await getDb().quotas.count()).toBe(0));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getDb().quotas.count()).toBe(1));
  });

  it('deletes all data only after the AE types DELETE', async () => {
    const user = userEvent.setup();
    await saveSettings({ ...defaultSettings(), reportingCurrency: 'USD' });
    await getDb().spend.add({ id: 's1', createdAt: 0, updatedAt: 0, on: '2026-01-01', amountMinor: 1, currency: 'THB', category: 'sales', note: '' });
    renderPage(<OptionsApp />);
    await user.click(await screen.findByRole('button', { name: 'Delete all my data' }));
    const confirm = screen.getByRole('button', { name: 'Delete everything' });
    expect(confirm).toBeDisabled();
    await user.type(screen.getByLabelText('DELETE'), 'DELETE');
    await user.click(confirm);
    await waitFor(async () => expect(await getDb().spend.count()).toBe(0));
    expect((await loadSettings()).settings.reportingCurrency).toBe('THB');
    expect(await screen.findByText('All data deleted.')).toBeInTheDocument();
  });
});

describe('options page with damaged records', () => {
  beforeEach(resetWorld);

  it('lists the valid quotas, products and spend, and the data check names the damaged ones', async () => {
    const user = userEvent.setup();
    const db = getDb();
    await db.quotas.bulkPut([{ id: 'q-ok', createdAt: 0, updatedAt: 0, start: '2026-10-01', end: '2026-12-31', amountMinor: 100, currency: 'THB', label: '' }, { id: 'q-bad', start: 7 } as never]);
    await db.products.put({ id: 'p-bad', name: null } as never);
    await db.spend.put({ id: 's-bad', on: 'yesterday' } as never);
    renderPage(<OptionsApp />);
    const quotas = within(await screen.findByRole('region', { name: 'Quotas' }));
    expect(await quotas.findAllByRole('button', { name: 'Remove' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Check stored data' }));
    const report = await screen.findByText(/3 stored records failed validation/);
    expect(report.closest('[role="alert"]')).toHaveTextContent(/quotas q-bad: .*start/);
  });
});
