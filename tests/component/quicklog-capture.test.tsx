import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PageCapture } from '../../lib/capture/schema';
import { getDb } from '../../lib/db';
import { QuickLogForm } from '../../components/quicklog/QuickLogForm';
import { clearCapture, setCapture } from '../../lib/platform/captures';
import { readDraft } from '../../lib/platform/draft';
import { quickLogService } from '../../lib/platform/quicklog-service';
import { renderPage, resetWorld } from './render';

// The tab in view is tab 7 (fake-browser has no windows to ask); its capture is stored where the
// background keeps it, and the quick log's service reads it from there.
vi.mock('../../lib/platform/active-tab', () => ({ activeTabId: vi.fn(async (explicit: number | null) => explicit ?? 7) }));
const TAB = 7;
async function inView(c: PageCapture | null) {
  if (c) await setCapture({ tabId: TAB, capturedAt: NOW, capture: c });
  else await clearCapture(TAB);
}

const NOW = new Date(2026, 10, 26, 10).getTime();

const record = (o: Partial<Extract<PageCapture, { type: 'record' }>>): PageCapture => ({
  type: 'record', site: 'salesforce', kind: 'deal', url: 'https://x.lightning.force.com/x', externalId: '006000000000001AAA', fields: {}, raw: {}, people: [], missing: [], ...o,
});
const thread = (emails: string[]): PageCapture => ({
  type: 'thread', site: 'gmail', url: 'https://mail.google.com/x', externalId: 't1', subject: 'Pricing', selfEmail: 'me@mycompany.com', missing: [],
  messages: [{ id: 'm1', from: { name: 'Me', email: 'me@mycompany.com' }, to: emails.map((e) => ({ name: null, email: e })), cc: [], at: null, collapsed: false }],
});

beforeEach(async () => {
  await resetWorld();
  const db = getDb();
  await db.accounts.add({
    id: 'acc-1', createdAt: 0, updatedAt: 0, name: 'Siam Cement Digital', domains: ['scd.co.th'], industry: null, territory: null,
    isTarget: false, customerSince: null, churnedOn: null, potentialMinor: null, potentialCurrency: null, notes: '', provenance: null, sourceKey: null, lastTouchAt: null,
  });
  await db.deals.add({
    id: 'deal-1', createdAt: 0, updatedAt: 0, name: 'ERP rollout phase 2', accountId: 'acc-1', amountMinor: null, currency: 'THB',
    stage: 'Discovery', status: 'open', probability: 0.3, forecastCategory: 'pipeline', type: 'upsell', typeLabel: null, createdOn: null,
    closeOn: null, lossReason: null, nextStep: null, nextStepDue: null, territory: null, ownerName: null, primaryContactId: null,
    lineItems: [], provenance: null, sourceKey: 'salesforce:006000000000001AAA', lastTouchAt: null, lastMeetingAt: null,
  });
  await db.contacts.add({ id: 'c-1', createdAt: 0, updatedAt: 0, name: 'Kanya Srisuk', emails: ['kanya@scd.co.th'], phone: null, title: null, accountId: 'acc-1', buyingRole: null, notes: '', provenance: null, sourceKey: null });
});

const ready = () => waitFor(() => expect(screen.getByTestId('quicklog')).toHaveAttribute('data-ready', 'true'));

describe('prefill from the page in view', () => {
  it('a captured deal is found by its CRM id, and Enter logs on it', async () => {
    await inView(record({ fields: { name: 'Renamed in CRM' } }));
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
    expect(screen.getByTestId('from-page')).toHaveTextContent('Found by the CRM record.');
    expect(screen.getByTestId('log-search')).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    expect((await getDb().activities.toArray())[0]).toMatchObject({ dealId: 'deal-1', accountId: 'acc-1' });
  });

  it('without the id, by name within the named account (spacing and case aside)', async () => {
    await inView(record({ externalId: '006OTHER', fields: { name: 'erp  rollout Phase 2', accountName: 'SIAM CEMENT DIGITAL' } }));
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
    expect(screen.getByTestId('from-page')).toHaveTextContent('Found by the name.');
  });

  it('a mail thread finds the contact by address', async () => {
    await inView(thread(['Kanya@SCD.co.th']));
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('Kanya Srisuk');
    expect(screen.getByTestId('from-page')).toHaveTextContent('Found by the email address.');
  });

  it('an unknown correspondent at a known domain: the account, and the contact proposed to add', async () => {
    await inView(thread(['somchai@scd.co.th']));
    const user = userEvent.setup();
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('Siam Cement Digital');
    expect(screen.getByTestId('new-contact-email')).toHaveValue('somchai@scd.co.th');
    await user.keyboard('{Enter}');
    await waitFor(async () => expect(await getDb().activities.count()).toBe(1));
    const contact = (await getDb().contacts.where('emails').equals('somchai@scd.co.th').first())!;
    expect(contact).toMatchObject({ name: 'somchai@scd.co.th', accountId: 'acc-1' });
    expect((await getDb().activities.toArray())[0]).toMatchObject({ contactId: contact.id, accountId: 'acc-1' });
  });

  it('a prefill alone is no draft: the next page in view prefills again', async () => {
    await inView(thread(['somchai@scd.co.th']));
    const first = renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(await readDraft()).toBeNull();
    first.unmount();
    await inView(record({}));
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
  });

  it('nothing captured: an empty form', async () => {
    await inView(null);
    renderPage(<QuickLogForm now={() => NOW} />);
    await ready();
    expect(screen.queryByTestId('chosen-target')).toBeNull();
    expect(screen.queryByTestId('from-page')).toBeNull();
  });
});

// The popup asks for the opening read before React loads and hands the answer in (`opened`), so
// its first render is already prefilled: no empty form flashes and no second read is made.
describe('an opening read already answered', () => {
  it('renders prefilled and ready at once, without asking the backend again', async () => {
    await inView(record({}));
    const opened = await quickLogService.open({ keepDraft: true, dealId: null, tabId: null });
    const open = vi.spyOn(quickLogService, 'open');
    try {
      renderPage(<QuickLogForm now={() => NOW} opened={opened} />);
      const form = await screen.findByTestId('quicklog');
      expect(form).toHaveAttribute('data-ready', 'true');
      expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
      expect(screen.getByTestId('from-page')).toHaveTextContent('Found by the CRM record.');
      expect(open).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
  });

  it('a kept draft handed in is restored at once, and stays a draft', async () => {
    await quickLogService.saveDraft({ kind: 'meeting', target: { kind: 'deal', id: 'deal-1', name: 'ERP rollout phase 2', detail: '' }, outcome: 'held', duration: '30', notes: 'Went well', nextStep: '', nextStepDue: '2026-11-30', stage: '', closeOn: '', newContactName: '', newContactEmail: '', newAccountName: '', newAccountDomain: '', savedAt: NOW });
    const opened = await quickLogService.open({ keepDraft: true, dealId: null, tabId: null });
    expect(opened.draft).not.toBeNull();
    renderPage(<QuickLogForm now={() => NOW} opened={opened} />);
    await screen.findByTestId('quicklog');
    expect(screen.getByTestId('draft-restored')).toBeInTheDocument();
    expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
    await new Promise((r) => setTimeout(r, 50));
    expect(await readDraft()).toMatchObject({ notes: 'Went well', kind: 'meeting' });
  });
});

describe('an opening read still on its way', () => {
  it('is waited for, not asked again, and prefills the form when it answers', async () => {
    await inView(record({}));
    const real = await quickLogService.open({ keepDraft: true, dealId: null, tabId: null });
    let answer!: (o: typeof real) => void;
    const pending = new Promise<typeof real>((r) => (answer = r));
    const open = vi.spyOn(quickLogService, 'open');
    try {
      renderPage(<QuickLogForm now={() => NOW} opened={pending} />);
      expect(await screen.findByTestId('quicklog')).toHaveAttribute('data-ready', 'false');
      answer(real);
      await ready();
      expect(screen.getByTestId('chosen-target')).toHaveTextContent('ERP rollout phase 2');
      expect(open).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
  });
});

describe('an opening read that fails', () => {
  it('says so, and the form stays usable: search has the focus', async () => {
    const open = vi.spyOn(quickLogService, 'open').mockRejectedValueOnce(new Error('storage unavailable'));
    try {
      renderPage(<QuickLogForm now={() => NOW} />);
      await ready();
      expect(screen.getByRole('alert')).toHaveTextContent('Could not read the page in view or a kept draft (storage unavailable).');
      expect(screen.queryByTestId('chosen-target')).toBeNull();
      expect(screen.getByTestId('log-search')).toHaveFocus();
    } finally {
      open.mockRestore();
    }
  });

  it('leaves a kept draft it could not read alone, until the AE types', async () => {
    const kept = { kind: 'meeting' as const, target: null, outcome: '', duration: '', notes: 'Typed before', nextStep: '', nextStepDue: '', stage: '', closeOn: '', newContactName: '', newContactEmail: '', newAccountName: '', newAccountDomain: '', savedAt: NOW };
    await quickLogService.saveDraft(kept);
    const open = vi.spyOn(quickLogService, 'open').mockRejectedValueOnce(new Error('draft unreadable'));
    try {
      const user = userEvent.setup();
      renderPage(<QuickLogForm now={() => NOW} />);
      await ready();
      await new Promise((r) => setTimeout(r, 50));
      expect(await readDraft()).toMatchObject({ notes: 'Typed before' });
      await user.keyboard('{Alt>}2{/Alt}');
      await user.click(screen.getByLabelText(/Notes/));
      await user.keyboard('New');
      await waitFor(async () => expect(await readDraft()).toMatchObject({ notes: 'New' }));
    } finally {
      open.mockRestore();
    }
  });
});
