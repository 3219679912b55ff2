import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { checkBook, clearAll, countAll, getDb, readBook, type InvalidRecord } from '../../lib/db';
import { requestPersistentStorage } from '../../lib/platform';
import { defaultSettings } from '../../lib/settings/schema';
import { loadDemo } from '../../lib/platform/demo';
import { useLoadDemo } from '../data/useLoadDemo';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';
import { InvalidRecordList } from '../ui/InvalidRecordList';

/** Counts, demo data, data health, persistent storage, and "delete all my data". */
export function DataSection() {
  const { t, settings, replaceAll, locale } = useSettings();
  const show = useToast((s) => s.show);
  const counts = useLiveQuery(() => countAll(getDb()), []);
  const persisted = useQuery({ queryKey: ['storage', 'persist'], queryFn: () => requestPersistentStorage() });
  const [health, setHealth] = useState<{ invalid: InvalidRecord[]; invalidCount: number; total: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const demo = useLoadDemo(loadDemo);
  const fmt = (n: number) => n.toLocaleString(locale);

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('options.data.title')}</h2>
      {counts && (
        <p data-testid="data-counts">
          {t('options.data.counts', { deals: fmt(counts.deals), accounts: fmt(counts.accounts), activities: fmt(counts.activities), leads: fmt(counts.leads) })}
        </p>
      )}
      {persisted.data === true && <p className="help">{t('options.data.persist.granted')}</p>}
      {persisted.data === false && <p className="banner banner-warn">{t('options.data.persist.denied')}</p>}
      <div className="row">
        <button type="button" disabled={demo.busy} onClick={() => void demo.load()}>
          {t('options.data.demo')}
        </button>
        <button
          type="button"
          onClick={async () => {
            const book = await readBook(getDb());
            const total = Object.values(book).reduce((n, rows) => n + rows.length, 0);
            setHealth({ ...checkBook(book), total });
          }}
        >
          {t('options.data.health')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('options.data.deleteAll')}
        </button>
      </div>
      {demo.error && (
        <p role="alert" className="error">
          {demo.error}
        </p>
      )}
      {health && health.invalidCount === 0 && <p className="good">{t('options.data.healthy', { count: fmt(health.total) })}</p>}
      {health && health.invalidCount > 0 && (
        <div className="banner banner-warn" role="alert">
          <strong>{t('health.title', { count: health.invalidCount })}</strong>
          <p>{t('health.body')}</p>
          <InvalidRecordList invalid={health.invalid} />
        </div>
      )}
      {confirming && (
        <div role="dialog" aria-modal="true" aria-labelledby="delete-title" className="banner banner-error">
          <p id="delete-title">{t('options.data.deleteConfirm')}</p>
          <input aria-label={t('options.data.deleteWord')} value={typed} onChange={(e) => setTyped(e.target.value)} autoFocus />
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={typed !== t('options.data.deleteWord')}
              onClick={async () => {
                await clearAll(getDb());
                await replaceAll(defaultSettings());
                setConfirming(false);
                setTyped('');
                show(t('options.data.deleted'));
              }}
            >
              {t('options.data.confirm')}
            </button>
            <button type="button" onClick={() => (setConfirming(false), setTyped(''))}>
              {t('options.data.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
