import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type FormEvent } from 'react';
import { getDb, listSpend, removeRecord, saveRecord } from '../../../lib/db';
import { newId } from '../../../lib/db/writes';
import { localDateOf } from '../../../lib/domain/dates';
import { convertMinor, majorToMinor } from '../../../lib/domain/money';
import { spendCategorySchema, spendEntrySchema, type SpendEntry } from '../../../lib/domain/records';
import { formatDate, formatMoney, formatNumber } from '../../../lib/i18n/format';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { ErrorText, Section, parseMajor } from './shared';

const SHOWN = 24;
const CATEGORIES = spendCategorySchema.options;
type Category = (typeof CATEGORIES)[number];

/** Sales and marketing spend, the cost side of CAC. Newest first; totals cover the entries shown. */
export function SpendEditor() {
  const { settings, t, locale } = useSettings();
  const show = useToast((s) => s.show);
  const currency = settings.reportingCurrency;
  const entries = useLiveQuery(async () => {
    const all = await listSpend(getDb());
    return all.sort((a, b) => (a.on === b.on ? b.createdAt - a.createdAt : a.on < b.on ? 1 : -1));
  }, []);
  const [on, setOn] = useState(() => localDateOf(Date.now()));
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<Category>('sales');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const shown = useMemo(() => (entries ?? []).slice(0, SHOWN), [entries]);
  const totals = useMemo(() => {
    const sum: Record<Category, number> = { sales: 0, marketing: 0 };
    let unconverted = 0;
    for (const e of shown) {
      const v = convertMinor(e.amountMinor, e.currency, currency, settings.fxRates);
      if (v === null) unconverted++;
      else sum[e.category] += v;
    }
    return { sum, unconverted };
  }, [shown, currency, settings.fxRates]);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const major = parseMajor(amount);
    if (major === null || !Number.isFinite(major)) return setError(t('settings.spend.error.amount'));
    const now = Date.now();
    const r = spendEntrySchema.safeParse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      on,
      amountMinor: majorToMinor(major, currency),
      currency,
      category,
      note: note.trim(),
    });
    if (!r.success) {
      const field = String(r.error.issues[0]?.path[0] ?? '');
      if (field === 'on') return setError(t('settings.spend.error.date'));
      if (field === 'amountMinor') return setError(t('settings.spend.error.amount'));
      if (field === 'note') return setError(t('settings.spend.error.note'));
      return setError(t('settings.error.field', { field, message: r.error.issues[0]?.message ?? '' }));
    }
    await saveRecord(getDb(), 'spend', r.data);
    show(t('settings.spend.added'));
    setAmount('');
    setNote('');
  }

  async function remove(entry: SpendEntry) {
    const removed = await removeRecord(getDb(), 'spend', entry.id);
    if (removed) show(t('settings.spend.removed'), () => saveRecord(getDb(), 'spend', removed));
  }

  return (
    <Section id="spend-title" title={t('settings.spend.title')}>
      <p className="help">{t('settings.spend.help', { currency })}</p>
      <form noValidate onSubmit={onAdd}>
        <div className="row">
          <div className="field">
            <label htmlFor="spend-date">{t('settings.spend.date')}</label>
            <input id="spend-date" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="spend-amount">{t('settings.spend.amount', { currency })}</label>
            <input id="spend-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="spend-category">{t('settings.spend.category')}</label>
            <select id="spend-category" value={category} onChange={(e) => setCategory(e.target.value as Category)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`settings.spend.category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="spend-note">{t('settings.spend.note')}</label>
            <input id="spend-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </div>
        </div>
        <ErrorText error={error} />
        <button type="submit">{t('settings.spend.add')}</button>
      </form>
      {entries === undefined ? (
        <p className="help">{t('app.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="help">{t('settings.spend.empty')}</p>
      ) : (
        <>
          <p className="help">{t('settings.spend.shown', { shown: formatNumber(shown.length, locale), total: formatNumber(entries.length, locale) })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('settings.spend.date')}</th>
                <th scope="col">{t('settings.spend.category')}</th>
                <th scope="col">{t('settings.spend.amountCol')}</th>
                <th scope="col">{t('settings.spend.note')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => {
                const date = formatDate(e.on, locale);
                const money = formatMoney(e.amountMinor, e.currency, locale);
                return (
                  <tr key={e.id}>
                    <td>{date}</td>
                    <td>{t(`settings.spend.category.${e.category}`)}</td>
                    <td>{money}</td>
                    <td>{e.note}</td>
                    <td>
                      <button type="button" aria-label={t('settings.spend.removeOf', { date, amount: money })} onClick={() => void remove(e)}>
                        {t('settings.remove')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {CATEGORIES.map((c) => (
            <p key={c} data-testid={`spend-total-${c}`}>
              {t('settings.spend.totalOf', { category: t(`settings.spend.category.${c}`), amount: formatMoney(totals.sum[c], currency, locale) })}
            </p>
          ))}
          {totals.unconverted > 0 && (
            <p className="banner banner-warn">{t('settings.spend.noRate', { count: formatNumber(totals.unconverted, locale) })}</p>
          )}
        </>
      )}
    </Section>
  );
}
