import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ImportSection } from '../../components/options/io/ImportSection';
import { ToastHost } from '../../components/ui/Toast';
import { getDb } from '../../lib/db';
import { loadSettings } from '../../lib/platform';
import { renderPage, resetWorld } from './render';

// Every date has day and month ≤ 12: the order cannot be told from the values.
const AMBIGUOUS = ['Deal,Company,Value,Stage,Created,Closes', 'Kiosk rollout,Chiang Mai Retail,"120,000",Closed Won,02/03/2026,04/05/2026', 'Fleet tracking,Lanna Logistics,"80,000",Proposal,03/04/2026,11/12/2026'].join('\r\n');

function upload(text: string, name = 'deals.csv') {
  fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

describe('import a CSV', () => {
  beforeEach(resetWorld);

  it('asks once how an ambiguous date column is written, then imports in one go and remembers the mapping', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <ImportSection />
        <ToastHost />
      </>,
    );
    upload(AMBIGUOUS);
    expect(await screen.findByTestId('import-detected')).toHaveTextContent('2 rows, 6 columns');
    await user.click(screen.getByTestId('import-preview'));
    const question = await screen.findByLabelText('How are the dates in "Created" written?');
    expect(screen.queryByTestId('import-go')).not.toBeInTheDocument();
    await user.selectOptions(question, 'dmy');
    await user.click(screen.getByTestId('import-preview'));
    const plan = await screen.findByTestId('import-plan');
    expect(within(plan).getByTestId('plan-creates')).toHaveTextContent('2 to create');
    await user.click(within(plan).getByTestId('import-go'));
    expect(await screen.findByText(/Imported: 2 created, 0 updated, 2 new accounts/)).toBeInTheDocument();

    const deals = (await getDb().deals.toArray()).sort((a, b) => a.name.localeCompare(b.name));
    expect(deals.map((d) => [d.name, d.createdOn, d.closeOn, d.status, d.amountMinor])).toEqual([
      ['Fleet tracking', '2026-04-03', '2026-12-11', 'open', 8_000_000],
      ['Kiosk rollout', '2026-03-02', '2026-05-04', 'won', 12_000_000],
    ]);
    expect(Object.keys((await loadSettings()).settings.importMappings)).toHaveLength(1);
  });

  it('lists rejected rows with row, column and value, and writes nothing when told to start over', async () => {
    const user = userEvent.setup();
    renderPage(<ImportSection />);
    upload(['Opportunity Name,Amount,Stage,Close Date,Created Date', 'Good one,"1,000",Closed Won,2026-11-02,2026-10-01', 'Bad one,lots,Closed Won,2026-11-31,2026-10-01'].join('\n'));
    await user.click(await screen.findByTestId('import-preview'));
    const list = await screen.findByTestId('plan-reject-list');
    expect(list).toHaveTextContent(/Row 3, column "(Amount|Close Date)", value "(lots|2026-11-31)"/);
    expect(screen.getByTestId('plan-rejects')).toHaveTextContent(/[12] rejected/);
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    await waitFor(() => expect(screen.queryByTestId('import-plan')).not.toBeInTheDocument());
    expect(await getDb().deals.count()).toBe(0);
  });
});

describe('import: matching, grouped warnings and undo', () => {
  beforeEach(resetWorld);
  const NO_IDS = ['Opportunity Name,Account Name,Stage,Amount', ...Array.from({ length: 30 }, (_, i) => `Renewal,Acme,Prospecting,${100 + i}`)].join('\n');

  it('groups a warning repeated on every row into one line, asks about look-alike rows, and undoes an import', async () => {
    const user = userEvent.setup();
    renderPage(
      <>
        <ImportSection />
        <ToastHost />
      </>,
    );
    upload(NO_IDS, 'renewals.csv');
    await user.click(await screen.findByTestId('import-preview'));
    const plan = await screen.findByTestId('import-plan');
    // 30 rows without a created date: one line, not thirty.
    const warnings = within(plan).getByTestId('plan-warning-list');
    expect(warnings.querySelectorAll('li')).toHaveLength(1);
    expect(warnings).toHaveTextContent(/^30 rows \(2–31\): No created date: left unknown/);
    // Thirty rows with the same name and account are thirty deals.
    expect(within(plan).getByTestId('plan-creates')).toHaveTextContent('30 to create');
    await user.click(within(plan).getByTestId('import-go'));
    await waitFor(async () => expect(await getDb().deals.count()).toBe(30));

    // The same file again: the preview says how it matched and lets the AE choose.
    upload(NO_IDS, 'renewals.csv');
    await user.click(await screen.findByTestId('import-preview'));
    const again = await screen.findByTestId('plan-natural-matches');
    expect(again).toHaveTextContent('30 rows look like records you already have (matched by name + account).');
    expect(within(await screen.findByTestId('import-plan')).getByTestId('plan-updates')).toHaveTextContent('30 to update');
    await user.click(within(again).getByLabelText('Import them as new records'));
    await waitFor(() => expect(screen.getByTestId('plan-creates')).toHaveTextContent('30 to create'));
    await user.click(within(again).getByLabelText('Update those records'));
    await waitFor(() => expect(screen.getByTestId('plan-updates')).toHaveTextContent('30 to update'));

    // Undo the first import from the list of recent imports.
    const history = screen.getByTestId('import-history');
    await user.click(await within(history).findByRole('button', { name: 'Undo the import of renewals.csv' }));
    await user.click(within(history).getByRole('button', { name: 'Undo import' }));
    await waitFor(async () => expect(await getDb().deals.count()).toBe(0));
    expect(await getDb().accounts.count()).toBe(0);
    expect(await within(history).findByText(/Undone/)).toBeInTheDocument();
  });
});

describe('import: hostile files in the preview', () => {
  beforeEach(resetWorld);
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/csv', name));

  it('a UTF-8 file with one stray Windows-1252 byte stays UTF-8: Thai names shown as read, the bad line named', async () => {
    renderPage(<ImportSection />);
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([fixture('hostile-utf8-cp1252-quotes.csv')], 'quotes.csv')] } });
    expect(await screen.findByTestId('import-detected')).toHaveTextContent('(utf-8)');
    expect(screen.getByTestId('import-decoded-sample')).toHaveTextContent('ระบบ ERP');
    expect(screen.getByTestId('import-decoding')).toHaveTextContent(/line numbers: \d/);
  });

  it('two columns with one name: the preview says which one is used', async () => {
    renderPage(<ImportSection />);
    fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([fixture('hostile-duplicate-headers.csv')], 'dupes.csv')] } });
    expect(await screen.findByTestId('import-duplicate-header')).toHaveTextContent('Columns C, F have the same name, "Amount"; C is used.');
  });
});
