import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { getDb, listProducts, patchRecord, removeRecord, saveRecord } from '../../../lib/db';
import { newId } from '../../../lib/db/writes';
import { productSchema, type Product } from '../../../lib/domain/records';
import { majorToMinor } from '../../../lib/domain/money';
import { formatMoney } from '../../../lib/i18n/format';
import { useSettings } from '../../providers/settings-context';
import { useToast } from '../../providers/toast';
import { ErrorText, Section, parseMajor } from './shared';

/** The products table: add with a list price in the reporting currency, toggle active, remove with undo. */
export function ProductCatalogue() {
  const { settings, t, locale } = useSettings();
  const show = useToast((s) => s.show);
  const currency = settings.reportingCurrency;
  const products = useLiveQuery(() => listProducts(getDb()), []);
  const [name, setName] = useState('');
  const [sku, setSku] = useState('');
  const [price, setPrice] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function onAdd(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const major = parseMajor(price);
    if (major !== null && !Number.isFinite(major)) return setError(t('settings.products.error.price'));
    const now = Date.now();
    const listPriceMinor = major === null ? null : majorToMinor(major, currency);
    const r = productSchema.safeParse({
      id: newId(),
      createdAt: now,
      updatedAt: now,
      name: name.trim(),
      sku: sku.trim() || null,
      listPriceMinor,
      currency: listPriceMinor === null ? null : currency,
      active: true,
    });
    if (!r.success) {
      const field = String(r.error.issues[0]?.path[0] ?? '');
      if (field === 'name') return setError(t('settings.products.error.name'));
      if (field === 'sku') return setError(t('settings.products.error.sku'));
      if (field === 'listPriceMinor') return setError(t('settings.products.error.price'));
      return setError(t('settings.error.field', { field, message: r.error.issues[0]?.message ?? '' }));
    }
    await saveRecord(getDb(), 'products', r.data);
    show(t('settings.products.added', { name: r.data.name }));
    setName('');
    setSku('');
    setPrice('');
  }

  async function remove(p: Product) {
    const removed = await removeRecord(getDb(), 'products', p.id);
    if (removed) show(t('settings.products.removed', { name: p.name }), () => saveRecord(getDb(), 'products', removed));
  }

  return (
    <Section id="products-title" title={t('settings.products.title')}>
      <p className="help">{t('settings.products.help')}</p>
      {products === undefined ? (
        <p className="help">{t('app.loading')}</p>
      ) : products.length === 0 ? (
        <p className="help">{t('settings.products.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('settings.products.name')}</th>
              <th scope="col">{t('settings.products.sku')}</th>
              <th scope="col">{t('settings.products.price', { currency })}</th>
              <th scope="col">{t('settings.products.active')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{p.sku ?? t('settings.products.none')}</td>
                <td>{p.listPriceMinor !== null && p.currency ? formatMoney(p.listPriceMinor, p.currency, locale) : t('settings.products.none')}</td>
                <td>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={p.active}
                      aria-label={t('settings.products.activeOf', { name: p.name })}
                      onChange={(e) => void patchRecord(getDb(), 'products', p.id, { active: e.target.checked }, Date.now())}
                    />{' '}
                    {t('settings.products.active')}
                  </label>
                </td>
                <td>
                  <button type="button" aria-label={t('settings.products.removeOf', { name: p.name })} onClick={() => void remove(p)}>
                    {t('settings.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form noValidate onSubmit={onAdd}>
        <div className="row">
          <div className="field">
            <label htmlFor="product-name">{t('settings.products.name')}</label>
            <input id="product-name" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="product-sku">{t('settings.products.sku')}</label>
            <input id="product-sku" value={sku} maxLength={100} onChange={(e) => setSku(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="product-price">{t('settings.products.price', { currency })}</label>
            <input id="product-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
          </div>
        </div>
        <ErrorText error={error} />
        <button type="submit">{t('settings.products.add')}</button>
      </form>
    </Section>
  );
}
