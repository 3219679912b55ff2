import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { prefillFromText } from '../../lib/capture/paste';
import { majorToMinor, minorToMajor } from '../../lib/domain/money';
import { getDb, InvalidWriteError, listLogTargets } from '../../lib/db';
import { savePasted } from '../../lib/db/paste';
import { clearPendingSelection, getPendingSelection, watchPendingSelection } from '../../lib/platform/selection';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

type Target = 'note' | 'contact' | 'deal';

/**
 * Capture by hand on any page: paste (or "Add to AE Cockpit" on a selection), see what was
 * recognised, confirm a pre-filled note, contact or deal. Nothing is stored before Add.
 */
export function PasteBox() {
  const { t, settings } = useSettings();
  const show = useToast((s) => s.show);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [target, setTarget] = useState<Target>('note');
  const [form, setForm] = useState({ dealId: '', accountId: '', name: '', title: '', email: '', phone: '', amount: '', closeOn: '' });
  const [error, setError] = useState<string | null>(null);
  // Deals and accounts to pick from, read only while the box is open: the cockpit must not re-read
  // every open deal on the main thread after each write (it did, 100–200 ms at 20k deals).
  const targets = useLiveQuery(() => (open ? listLogTargets(getDb()) : undefined), [open]);
  const prefill = useMemo(() => prefillFromText(text), [text]);

  // A selection sent from the context menu opens the box with it, once.
  useEffect(() => {
    const take = (v: { text: string } | null) => {
      if (!v) return;
      setText(v.text);
      setOpen(true);
      void clearPendingSelection();
    };
    void getPendingSelection().then(take);
    return watchPendingSelection(take);
  }, []);

  // Each new text re-fills the form from what was recognised; the AE's edits come after.
  useEffect(() => {
    setForm((f) => ({
      ...f,
      name: prefill.contact.name,
      title: prefill.contact.title,
      email: prefill.contact.email,
      phone: prefill.contact.phone,
      amount: prefill.deal.amountMinor !== null ? String(minorToMajor(prefill.deal.amountMinor, prefill.deal.currency ?? settings.reportingCurrency)) : '',
      closeOn: prefill.deal.closeOn ?? '',
    }));
  }, [prefill]);

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function add() {
    setError(null);
    try {
      const amount = form.amount.trim() === '' ? null : majorToMinor(Number(form.amount), prefill.deal.currency ?? settings.reportingCurrency);
      const input =
        target === 'note'
          ? { kind: 'note' as const, dealId: form.dealId, text: prefill.text }
          : target === 'contact'
            ? { kind: 'contact' as const, name: form.name, title: form.title, email: form.email, phone: form.phone, accountId: form.accountId || null }
            : { kind: 'deal' as const, name: form.name, accountId: form.accountId || null, amountMinor: amount !== null && Number.isFinite(amount) ? amount : null, currency: prefill.deal.currency, closeOn: form.closeOn || null };
      await savePasted(getDb(), input, Date.now(), settings);
      show(t('paste.added'));
      setText('');
    } catch (e) {
      setError(t('paste.failed', { message: e instanceof InvalidWriteError ? e.message : e instanceof Error ? e.message : String(e) }));
    }
  }

  if (!open) {
    return (
      <p>
        <button type="button" className="link" data-testid="paste-open" onClick={() => setOpen(true)}>
          {t('paste.open')}
        </button>
      </p>
    );
  }
  const found = prefill.found;
  return (
    <div className="paste-box" data-testid="paste-box">
      <label className="field">
        {t('paste.label')}
        <textarea data-testid="paste-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {text && (
        <p className="help" data-testid="paste-found">
          {t('paste.found', { emails: found.emails.length, phones: found.phones.length, amounts: found.amounts.length, dates: found.dates.length })}
        </p>
      )}
      <div role="radiogroup" aria-label={t('paste.as')}>
        {(['note', 'contact', 'deal'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="paste-target" data-testid={`paste-as-${k}`} checked={target === k} onChange={() => setTarget(k)} /> {t(`paste.as.${k}`)}
          </label>
        ))}
      </div>
      {target === 'note' ? (
        <select data-testid="paste-deal" value={form.dealId} onChange={set('dealId')} aria-label={t('paste.deal')}>
          <option value="">{t('paste.deal')}</option>
          {targets?.openDeals.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      ) : (
        <>
          <input data-testid="paste-name" placeholder={t('paste.name')} aria-label={t('paste.name')} value={form.name} onChange={set('name')} />
          {target === 'contact' && (
            <>
              <input data-testid="paste-title" placeholder={t('paste.title')} aria-label={t('paste.title')} value={form.title} onChange={set('title')} />
              <input data-testid="paste-email" placeholder={t('paste.email')} aria-label={t('paste.email')} value={form.email} onChange={set('email')} />
              <input data-testid="paste-phone" placeholder={t('paste.phone')} aria-label={t('paste.phone')} value={form.phone} onChange={set('phone')} />
            </>
          )}
          {target === 'deal' && (
            <>
              <input data-testid="paste-amount" inputMode="decimal" placeholder={t('paste.amount')} aria-label={t('paste.amount')} value={form.amount} onChange={set('amount')} />
              <input data-testid="paste-close" type="date" aria-label={t('paste.closeOn')} value={form.closeOn} onChange={set('closeOn')} />
            </>
          )}
          <select data-testid="paste-account" value={form.accountId} onChange={set('accountId')} aria-label={t('paste.account')}>
            <option value="">{t('paste.account')}</option>
            {targets?.accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" data-testid="paste-add" disabled={!text.trim() || (target === 'note' ? !form.dealId : !form.name.trim())} onClick={() => void add()}>
        {t('paste.add')}
      </button>
    </div>
  );
}
