import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ThisPage } from '../../components/capture/ThisPage';
import { CaptureSettings } from '../../components/options/CaptureSettings';
import type { RecordCapture } from '../../lib/capture/schema';
import { getDb } from '../../lib/db';
import { saveCapture } from '../../lib/db/capture';
import { loadSettings } from '../../lib/platform';
import { clearCapture, setCapture } from '../../lib/platform/captures';
import { renderPage, resetWorld } from './render';

const TAB = 5;
const capture: RecordCapture = {
  type: 'record',
  site: 'pipedrive',
  kind: 'deal',
  url: 'https://acme.pipedrive.com/deal/123',
  externalId: '123',
  fields: { name: 'Acme Renewal', accountName: 'Acme Corporation', amountMinor: 840000, currency: 'EUR', stage: 'Proposal Made' },
  raw: { Value: '€8,400', Stage: 'Proposal Made' },
  people: [{ name: 'Jane Doe', email: 'jane@acme.example', role: 'Champion', title: null, externalId: '11' }],
  missing: ['closeOn', 'ownerName'],
};

describe('This page', () => {
  beforeEach(resetWorld);

  it('on a page that is not a record page: one line, and a way to enter a record by hand', async () => {
    const user = userEvent.setup();
    renderPage(<ThisPage tabId={TAB} />);
    expect(await screen.findByTestId('this-page-none')).toHaveTextContent('not a record page');
    await user.click(screen.getByTestId('this-page-manual-open'));
    await user.type(screen.getByLabelText('Name'), 'Walk-in Co');
    await user.selectOptions(screen.getByLabelText('Kind'), 'account');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await getDb().accounts.toArray()).map((a) => a.name)).toEqual(['Walk-in Co']));
  });

  it('shows every field read and what is missing, then saves once, and follows the next capture', async () => {
    const user = userEvent.setup();
    await setCapture({ tabId: TAB, capturedAt: 1, capture });
    renderPage(<ThisPage tabId={TAB} />);
    const section = await screen.findByTestId('this-page');
    expect(await within(section).findByTestId('this-page-name')).toHaveTextContent('Acme Renewal');
    const fields = within(section).getByTestId('this-page-fields');
    expect(fields).toHaveTextContent('Stage');
    expect(fields).toHaveTextContent('Proposal Made');
    expect(fields).toHaveTextContent(/€\s?8,400|8,400/);
    expect(within(section).getByTestId('this-page-missing')).toHaveTextContent('Not on the page: Close date, Owner');
    expect(within(section).getByTestId('this-page-people')).toHaveTextContent('Jane Doe · jane@acme.example (role: Champion)');
    expect(await within(section).findByTestId('this-page-known')).toHaveTextContent('Deal Acme Renewal: new');

    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect(await getDb().deals.count()).toBe(1));
    // Now known: matched by its CRM id, up to date.
    await waitFor(() => expect(screen.getByTestId('this-page-known')).toHaveTextContent('Deal Acme Renewal: known (matched by CRM id), up to date'));
    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect([await getDb().deals.count(), await getDb().accounts.count(), await getDb().contacts.count()]).toEqual([1, 1, 1]));

    // In-page navigation: the stored capture changes and the panel follows without a reload.
    await act(() => setCapture({ tabId: TAB, capturedAt: 2, capture: { ...capture, externalId: '124', fields: { ...capture.fields, name: 'Beta Pilot' } } }));
    await waitFor(() => expect(screen.getByTestId('this-page-name')).toHaveTextContent('Beta Pilot'));
    await act(() => clearCapture(TAB));
    expect(await screen.findByTestId('this-page-none')).toBeInTheDocument();
  });

  it('an edited field the CRM now says otherwise is asked about: "use CRM" or "keep mine"', async () => {
    const user = userEvent.setup();
    const db = getDb();
    await saveCapture(db, capture, 1);
    const [deal] = await db.deals.toArray();
    await db.deals.update(deal!.id, { amountMinor: 900000 });
    const moved = { ...capture, fields: { ...capture.fields, amountMinor: 1000000 } };
    await setCapture({ tabId: TAB, capturedAt: 2, capture: moved });
    renderPage(<ThisPage tabId={TAB} />);
    const conflict = await screen.findByTestId('this-page-conflict');
    expect(conflict).toHaveTextContent(/CRM says €\s?10,000.00, you have €\s?9,000.00/);
    await user.click(within(conflict).getByLabelText('Use CRM'));
    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect((await db.deals.get(deal!.id))!.amountMinor).toBe(1000000));
  });

  it('a capture that failed validation shows the field and the reason, and cannot be saved', async () => {
    await setCapture({ tabId: TAB, capturedAt: 1, error: 'fields.name: Too big: expected string to have <=300 characters' });
    renderPage(<ThisPage tabId={TAB} />);
    expect(await screen.findByTestId('this-page-invalid')).toHaveTextContent('fields.name: Too big');
    expect(screen.queryByTestId('this-page-save')).toBeNull();
  });

  it('a lead page: save only when the book has the lead (the page shows no created date), the reason shown otherwise', async () => {
    const user = userEvent.setup();
    const lead: RecordCapture = {
      type: 'record', site: 'salesforce', kind: 'lead', url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000LeAdS/view', externalId: '00Q5g00000LeAdSEAV',
      fields: { name: 'Pat Lee', accountName: 'Initech', emails: ['pat@initech.example'] }, raw: {}, people: [], missing: [],
    };
    await setCapture({ tabId: TAB, capturedAt: 1, capture: lead });
    renderPage(<ThisPage tabId={TAB} />);
    expect(await screen.findByTestId('this-page-problem')).toHaveTextContent('the page does not show when this lead was created');
    expect(screen.getByTestId('this-page-save')).toBeDisabled();
    expect(screen.getByTestId('this-page-known')).toHaveTextContent('Lead Pat Lee: new');

    // Imported earlier with its created date: now it can be saved, and only updates.
    const db = getDb();
    await act(() => db.leads.add({ id: 'l1', createdAt: 1, updatedAt: 1, name: 'Pat Lee', company: null, email: 'pat@initech.example', source: 'Web', createdOn: '2025-11-03', qualifiedOn: null, disqualifiedOn: null, convertedDealId: null, convertedOn: null, provenance: null, sourceKey: null }));
    await waitFor(() => expect(screen.getByTestId('this-page-save')).toBeEnabled());
    expect(screen.queryByTestId('this-page-problem')).toBeNull();
    await user.click(screen.getByTestId('this-page-save'));
    await waitFor(async () => expect(await db.leads.get('l1')).toMatchObject({ company: 'Initech', createdOn: '2025-11-03', sourceKey: 'salesforce:00Q5g00000LeAdSEAV' }));
    expect(await db.leads.count()).toBe(1);
  });

  it('page text is shown as text, never as markup', async () => {
    const hostile = { ...capture, fields: { ...capture.fields, name: '<img src=x onerror=alert(1)>' }, raw: { '<b>x</b>': '<script>alert(1)</script>' } };
    await setCapture({ tabId: TAB, capturedAt: 1, capture: hostile });
    renderPage(<ThisPage tabId={TAB} />);
    expect(await screen.findByTestId('this-page-name')).toHaveTextContent('<img src=x onerror=alert(1)>');
    expect(document.querySelector('[data-testid="this-page"] img, [data-testid="this-page"] script')).toBeNull();
  });
});

describe('capture settings', () => {
  beforeEach(resetWorld);
  it('switches a site off in the stored settings', async () => {
    const user = userEvent.setup();
    renderPage(<CaptureSettings />);
    await user.click(await screen.findByTestId('capture-site-hubspot'));
    await waitFor(async () => expect((await loadSettings()).settings.capture).toMatchObject({ hubspot: false, salesforce: true }));
  });
});
