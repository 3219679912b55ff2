import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportSection } from '../../components/options/io/ExportSection';
import { renderPage, resetWorld } from './render';

const downloads = vi.hoisted(() => [] as Array<{ name: string; text: string }>);
vi.mock('../../lib/platform/download', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/platform/download')>()),
  downloadText: (name: string, text: string) => downloads.push({ name, text }),
}));

function setRange(from: string, to: string) {
  fireEvent.change(screen.getByLabelText('From'), { target: { value: from } });
  fireEvent.change(screen.getByLabelText('To'), { target: { value: to } });
}

describe('stats export on the options page', () => {
  beforeEach(async () => {
    await resetWorld();
    downloads.length = 0;
  });

  it('a range in year 9999 is refused at once with the reason, nothing downloaded', async () => {
    renderPage(<ExportSection />);
    setRange('9999-01-01', '9999-12-31');
    fireEvent.click(await screen.findByTestId('export-stats'));
    expect(await screen.findByRole('alert')).toHaveTextContent('9999-01-01 is outside the dates a report can cover (1900-01-01 to 2200-12-31).');
    expect(downloads).toEqual([]);
  });

  it('too many rows: says how many and the maximum', async () => {
    renderPage(<ExportSection />);
    setRange('1900-01-01', '2200-12-31');
    fireEvent.click(await screen.findByTestId('export-stats'));
    expect(await screen.findByRole('alert')).toHaveTextContent(/1900-01-01 to 2200-12-31 is 3612 months; one export has at most 600 rows \(50 years\)/);
  });

  it('a long export shows progress and can be cancelled', async () => {
    renderPage(<ExportSection />);
    setRange('1980-01-01', '2026-11-28');
    fireEvent.click(await screen.findByTestId('export-stats'));
    expect(await screen.findByTestId('export-progress')).toHaveTextContent(/Computing row \d+ of 563/);
    expect(screen.getByTestId('export-stats')).toBeDisabled();
    fireEvent.click(screen.getByTestId('export-cancel'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Export cancelled; nothing was downloaded.');
    expect(screen.queryByTestId('export-progress')).toBeNull();
    expect(downloads).toEqual([]);
  });

  it('an ordinary range downloads one row per month', async () => {
    renderPage(<ExportSection />);
    setRange('2026-01-01', '2026-06-30');
    fireEvent.click(await screen.findByTestId('export-stats'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.text.trim().split('\r\n')).toHaveLength(7);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
