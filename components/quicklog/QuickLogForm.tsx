import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { getDb, listLogTargets } from '../../lib/db';
import { deleteActivity, logActivity } from '../../lib/db/writes';
import { activityOutcomeSchema, type ActivityKind, type ActivityOutcome } from '../../lib/domain/records';
import { useT } from '../providers/SettingsContext';
import { useToast } from '../providers/toast';

const KINDS: ActivityKind[] = ['call', 'meeting', 'email', 'note'];

interface Target {
  kind: 'deal' | 'account';
  id: string;
  name: string;
  detail: string;
}

export interface QuickLogFormProps {
  initialKind?: ActivityKind;
  initialDealId?: string | null;
  autoFocus?: boolean;
  onLogged?: () => void;
}

/**
 * Keyboard-only quick log: the cursor starts in the search box; type a few letters,
 * arrows pick the deal, Enter chooses it, Enter again saves. Alt+1..4 switch the type.
 * Saved activities can be undone from the toast.
 */
export function QuickLogForm({ initialKind = 'call', initialDealId = null, autoFocus = true, onLogged }: QuickLogFormProps) {
  const t = useT();
  const show = useToast((s) => s.show);
  const uid = useId();
  const [kind, setKind] = useState<ActivityKind>(initialKind);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Target | null>(null);
  const [active, setActive] = useState(0);
  const [outcome, setOutcome] = useState<ActivityOutcome | ''>('');
  const [duration, setDuration] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  // Open deals and all accounts: what an AE logs against. Names only, so this stays light.
  const targets = useLiveQuery(async () => {
    const { openDeals: deals, accounts } = await listLogTargets(getDb());
    const accountName = new Map(accounts.map((a) => [a.id, a.name]));
    const list: Target[] = [
      ...deals.map((d) => ({ kind: 'deal' as const, id: d.id, name: d.name, detail: (d.accountId && accountName.get(d.accountId)) || d.stage })),
      ...accounts.map((a) => ({ kind: 'account' as const, id: a.id, name: a.name, detail: a.territory ?? '' })),
    ];
    // A hand-edited or damaged record without a name cannot be searched; the data check reports it.
    return list.filter((x) => typeof x.name === 'string' && typeof x.detail === 'string');
  }, []);

  // Preselect a deal handed in (from a next action or the open CRM page).
  const initial = useMemo(() => targets?.find((x) => x.kind === 'deal' && x.id === initialDealId) ?? null, [targets, initialDealId]);
  const chosen = target ?? initial;

  const matches = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!q || !targets) return [];
    return targets.filter((x) => x.name.toLocaleLowerCase().includes(q) || x.detail.toLocaleLowerCase().includes(q)).slice(0, 6);
  }, [query, targets]);

  function pick(x: Target) {
    setTarget(x);
    setQuery('');
    setActive(0);
  }

  async function save() {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      const db = getDb();
      const minutes = duration.trim() === '' ? null : Number(duration);
      const activity = await logActivity(
        db,
        {
          kind,
          outcome: outcome === '' ? null : outcome,
          durationMin: minutes !== null && Number.isFinite(minutes) ? Math.round(minutes) : null,
          notes,
          dealId: chosen?.kind === 'deal' ? chosen.id : null,
          accountId: chosen?.kind === 'account' ? chosen.id : null,
        },
        Date.now(),
      );
      const kindName = t(`log.kind.${kind}`);
      show(chosen ? t('log.savedOn', { kind: kindName, target: chosen.name }) : t('log.saved', { kind: kindName }), async () => {
        await deleteActivity(db, activity.id, Date.now());
        show(t('log.undone'));
      });
      setNotes('');
      setOutcome('');
      setDuration('');
      setTarget(null);
      onLogged?.();
      searchRef.current?.focus();
    } catch (e) {
      setError(t('log.error', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  }

  function onFormKey(e: KeyboardEvent) {
    if (e.altKey && /^[1-4]$/.test(e.key)) {
      e.preventDefault();
      setKind(KINDS[Number(e.key) - 1]!);
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      setActive((i) => (i - 1 + matches.length) % matches.length);
    } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const m = matches[active];
      if (m) pick(m);
      else void save();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  }

  const listId = `${uid}-list`;
  return (
    <form
      className="quicklog"
      aria-label={t('log.title')}
      onKeyDown={onFormKey}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="kinds">
        <legend>{t('log.kind')}</legend>
        {KINDS.map((k, i) => (
          <label key={k} className={kind === k ? 'kind kind-on' : 'kind'}>
            <input type="radio" name={`${uid}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`log.kind.${k}`)}
            <kbd aria-hidden="true">Alt+{i + 1}</kbd>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={`${uid}-target`}>{t('log.target')}</label>
        {chosen && (
          <p className="chosen" data-testid="chosen-target">
            <span className="tag">{t(`log.target.${chosen.kind}`)}</span> {chosen.name}{' '}
            <button type="button" className="link" onClick={() => setTarget(null)}>
              {t('log.target.clear')}
            </button>
          </p>
        )}
        <input
          id={`${uid}-target`}
          ref={searchRef}
          data-testid="log-search"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={t('log.target.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
        <ul id={listId} role="listbox" className="matches" hidden={matches.length === 0}>
          {matches.map((m, i) => (
            <li
              key={`${m.kind}:${m.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'match match-on' : 'match'}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <span className="tag">{t(`log.target.${m.kind}`)}</span> {m.name}
              {m.detail && <span className="muted"> · {m.detail}</span>}
            </li>
          ))}
        </ul>
        {query.trim() !== '' && targets && matches.length === 0 && <p className="help">{t('log.target.none')}</p>}
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor={`${uid}-outcome`}>{t('log.outcome')}</label>
          <select id={`${uid}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as ActivityOutcome | '')}>
            <option value="">{t('log.outcome.none')}</option>
            {activityOutcomeSchema.options.map((o) => (
              <option key={o} value={o}>
                {t(`log.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={`${uid}-duration`}>{t('log.duration')}</label>
          <input id={`${uid}-duration`} inputMode="numeric" pattern="[0-9]*" value={duration} onChange={(e) => setDuration(e.target.value)} />
        </div>
      </div>

      <div className="field">
        <label htmlFor={`${uid}-notes`}>{t('log.notes')}</label>
        <textarea id={`${uid}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={saving}>
          {t('log.save')}
        </button>
        <span className="help">{t('log.saveHint')}</span>
      </div>
    </form>
  );
}
