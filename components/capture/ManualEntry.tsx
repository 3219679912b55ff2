import { useState } from 'react';
import { getDb, InvalidWriteError } from '../../lib/db';
import { saveManualRecord } from '../../lib/db/capture';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

type Kind = 'deal' | 'account' | 'contact';

/** A record typed in by hand, for a page no reader knows: a name and a kind (and a deal's stage). */
export function ManualEntry({ onDone }: { onDone: () => void }) {
  const { t, settings } = useSettings();
  const show = useToast((s) => s.show);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('deal');
  const [stage, setStage] = useState(settings.stageRules.find((r) => r.status === 'open')?.stage ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    try {
      await saveManualRecord(getDb(), { kind, name, stage }, Date.now(), settings);
      show(t('capture.manual.saved', { name: name.trim() }));
      onDone();
    } catch (err) {
      setError(err instanceof InvalidWriteError ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} data-testid="this-page-manual">
      <div className="field">
        <label htmlFor="manual-name">{t('capture.manual.name')}</label>
        <input id="manual-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
      </div>
      <div className="field">
        <label htmlFor="manual-kind">{t('capture.manual.kind')}</label>
        <select id="manual-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(['deal', 'account', 'contact'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`capture.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'deal' && (
        <div className="field">
          <label htmlFor="manual-stage">{t('capture.manual.stage')}</label>
          <select id="manual-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            {settings.stageRules.map((r) => (
              <option key={r.stage} value={r.stage}>
                {r.stage}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit">{t('capture.manual.save')}</button>
        <button type="button" onClick={onDone}>
          {t('capture.manual.cancel')}
        </button>
      </div>
    </form>
  );
}
