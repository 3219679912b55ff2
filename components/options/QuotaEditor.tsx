import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb, listQuotas, removeRecord, saveRecord } from '../../lib/db';
import { newId } from '../../lib/db/writes';
import { quotaSchema } from '../../lib/domain/records';
import { majorToMinor } from '../../lib/domain/money';
import { formatDate, formatMoney } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/** Quotas per period, in the reporting currency; removing one can be undone. */
export function QuotaEditor() {
  const { t, settings, locale } = useSettings();
  const show = useToast((s) => s.show);
  const quotas = useLiveQuery(() => listQuotas(getDb()), []);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    setError(null);
    const now = Date.now();
    const r = quotaSchema.safeParse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      start,
      end,
      amountMinor: majorToMinor(Number(amount.replace(/,/g, '')), settings.reportingCurrency),
      currency: settings.reportingCurrency,
    });
    if (!r.success || !amount.trim()) {
      const i = r.success ? { path: ['amountMinor'], message: 'required' } : r.error.issues[0]!;
      setError(t('options.error.field', { field: i.path.join('.'), message: i.message }));
      return;
    }
    await saveRecord(getDb(), 'quotas', r.data);
    setAmount('');
  }

  return (
    <section aria-labelledby="quota-title">
      <h2 id="quota-title">{t('options.quota.title')}</h2>
      {quotas?.length === 0 && <p className="help">{t('options.quota.empty')}</p>}
      {quotas && quotas.length > 0 && (
        <table>
          <tbody>
            {quotas.map((q) => (
              <tr key={q.id}>
                <td>
                  {formatDate(q.start, locale)} – {formatDate(q.end, locale)}
                </td>
                <td>{formatMoney(q.amountMinor, q.currency, locale)}</td>
                <td>
                  <button
                    type="button"
                    onClick={async () => {
                      const removed = await removeRecord(getDb(), 'quotas', q.id);
                      if (removed) show(t('options.quota.remove'), () => saveRecord(getDb(), 'quotas', removed));
                    }}
                  >
                    {t('options.quota.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="quota-start">{t('options.quota.start')}</label>
          <input id="quota-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="quota-end">{t('options.quota.end')}</label>
          <input id="quota-end" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="quota-amount">
            {t('options.quota.amount')} ({settings.reportingCurrency})
          </label>
          <input id="quota-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </div>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="button" onClick={add}>
        {t('options.quota.add')}
      </button>
    </section>
  );
}
