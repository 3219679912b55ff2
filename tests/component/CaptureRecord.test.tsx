import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureRecord } from '../../components/capture/CaptureRecord';
import type { RecordCapture } from '../../lib/capture/schema';
import { getDb } from '../../lib/db';
import { saveCapture } from '../../lib/db/capture';
import { editDeal } from '../../lib/db/deals';
import { renderPage, resetWorld } from './render';

const capture: RecordCapture = {
  type: 'record',
  site: 'pipedrive',
  kind: 'deal',
  url: 'https://acme.pipedrive.com/deal/123',
  externalId: '123',
  fields: { name: 'Acme Renewal', accountName: 'Acme Corporation', amountMinor: 840000, currency: 'EUR', stage: 'Proposal Made' },
  raw: {},
  people: [],
  missing: [],
};
const withFields = (fields: RecordCapture['fields']): RecordCapture => ({ ...capture, fields: { ...capture.fields, ...fields } });

async function storedDeal() {
  const db = getDb();
  await saveCapture(db, capture, 1);
  const [deal] = await db.deals.toArray();
  return deal!;
}

describe('CaptureRecord: values the CRM stage implies', () => {
  beforeEach(resetWorld);

  it('a probability the AE set is asked about when the CRM stage moves, as a percentage; "keep mine" keeps it', async () => {
    const user = userEvent.setup();
    const db = getDb();
    const deal = await storedDeal();
    await editDeal(db, deal.id, { probability: 0.75 }, 2);
    renderPage(<CaptureRecord capture={withFields({ stage: 'Negotiations Started' })} />);

    const conflict = await screen.findByTestId('this-page-conflict');
    expect(conflict).toHaveAttribute('data-key', `deals:${deal.id}:probability`);
    expect(conflict).toHaveTextContent('Acme Renewal · Probability');
    expect(conflict).toHaveTextContent('CRM says 80%, you have 75%');
    await user.click(within(conflict).getByLabelText('Keep mine'));
    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect((await db.deals.get(deal.id))!.stage).toBe('Negotiations Started'));
    expect(await db.deals.get(deal.id)).toMatchObject({ probability: 0.75, forecastCategory: 'commit' });
    // Settled: not asked again while the CRM says the same.
    await waitFor(() => expect(screen.queryByTestId('this-page-conflict')).toBeNull());
  });

  it('status and forecast category in the AE\'s words; an unsettled one is not saved', async () => {
    const user = userEvent.setup();
    const db = getDb();
    const deal = await storedDeal();
    await editDeal(db, deal.id, { status: 'won', probability: 1, forecastCategory: 'commit' }, 2);
    renderPage(<CaptureRecord capture={withFields({ stage: 'Lost', createdOn: '2026-01-15' })} />);

    const status = await screen.findByTestId('this-page-conflict');
    expect(status).toHaveTextContent('Acme Renewal · Status');
    expect(status).toHaveTextContent('CRM says Lost, you have Won');
    expect(screen.getByTestId('this-page-fields')).toHaveTextContent(/Created on.*2026/);
    // Taking the CRM's status brings the probability and forecast the AE set to the question.
    await user.click(within(status).getByLabelText('Use CRM'));
    await waitFor(() => expect(screen.getAllByTestId('this-page-conflict')).toHaveLength(3));
    const [, probability, forecast] = screen.getAllByTestId('this-page-conflict');
    expect(probability).toHaveTextContent('CRM says 0%, you have 100%');
    expect(forecast).toHaveTextContent('Acme Renewal · Forecast category');
    expect(forecast).toHaveTextContent('CRM says Omitted, you have Commit');
    await user.click(within(forecast!).getByLabelText('Use CRM'));
    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect((await db.deals.get(deal.id))!.status).toBe('lost'));
    expect(await db.deals.get(deal.id)).toMatchObject({ forecastCategory: 'omitted', probability: 1, createdOn: '2026-01-15' });
  });
});
