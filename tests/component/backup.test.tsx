import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupSection } from '../../components/options/io/BackupSection';
import { getDb, readBook } from '../../lib/db';
import { serializeBackup } from '../../lib/io/backup/format';
import { loadSettings } from '../../lib/platform';
import { emptyBook } from '../../lib/domain/book';
import { defaultSettings } from '../../lib/settings/schema';
import { renderPage, resetWorld } from './render';

const T0 = Date.UTC(2026, 10, 28);
const spend = (id: string) => ({ id, createdAt: T0, updatedAt: T0, on: '2026-11-01', amountMinor: 100, currency: 'THB', category: 'sales' as const, note: '' });

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Restore from a backup…'), { target: { files: [file] } });
}

describe('backup and restore', () => {
  beforeEach(async () => {
    await resetWorld();
    await getDb().spend.add(spend('kept'));
  });

  it('refuses a truncated backup with a clear message and leaves the data untouched', async () => {
    renderPage(<BackupSection />);
    const text = serializeBackup({ ...emptyBook(), spend: [spend('other')] }, defaultSettings(), T0);
    choose(new File([text.slice(0, text.length - 40)], 'backup.json', { type: 'application/json' }));
    expect(await screen.findByTestId('backup-error')).toHaveTextContent(/backup\.json: .*cut off|truncated|incomplete/i);
    expect((await getDb().spend.toArray()).map((s) => s.id)).toEqual(['kept']);
  });

  it('refuses a file that is not a backup', async () => {
    renderPage(<BackupSection />);
    choose(new File(['{"hello":1}'], 'notes.json'));
    expect(await screen.findByTestId('backup-error')).toHaveTextContent(/notes\.json: This file is not an AE Cockpit backup/);
    expect(await getDb().spend.count()).toBe(1);
  });

  it('asks before replacing, then restores records and settings exactly', async () => {
    const user = userEvent.setup();
    renderPage(<BackupSection />);
    const book = { ...emptyBook(), spend: [spend('a'), spend('b')] };
    const settings = { ...defaultSettings(), reportingCurrency: 'USD', fxRates: { THB: 0.028 } };
    const text = serializeBackup(book, settings, T0);
    choose(new File([text], 'backup.json'));
    const confirm = await screen.findByTestId('restore-confirm');
    expect(await getDb().spend.count()).toBe(1); // nothing written before the AE confirms
    await user.click(confirm);
    await waitFor(async () => expect((await getDb().spend.toArray()).map((s) => s.id).sort()).toEqual(['a', 'b']));
    expect((await loadSettings()).settings).toMatchObject({ reportingCurrency: 'USD', fxRates: { THB: 0.028 } });
    // backup → restore → backup gives the same file apart from its timestamp
    expect(serializeBackup(await readBook(getDb()), (await loadSettings()).settings, T0)).toBe(text);
  });
});
