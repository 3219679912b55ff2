import { useState } from 'react';
import type { NextAction } from '../../lib/actions';
import { getDb } from '../../lib/db';
import { editDeal } from '../../lib/db/deals';
import { setActionState } from '../../lib/db/writes';
import { addDays } from '../../lib/domain/dates';
import { localDateOf } from '../../lib/domain/dates';
import { formatDate, formatMoney } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

const DAY = 86_400_000;

/** Formats an action's reason: numbers and money params are formatted for the AE's locale. */
function useReason() {
  const { t, locale } = useSettings();
  return (a: NextAction) => {
    const p: Record<string, string | number> = {};
    const currency = typeof a.reason.params.currency === 'string' ? a.reason.params.currency : undefined;
    for (const [k, v] of Object.entries(a.reason.params)) {
      if (typeof v === 'number' && k.endsWith('Minor') && currency) p[k] = formatMoney(v, currency, locale);
      else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) p[k] = formatDate(v, locale);
      else p[k] = typeof v === 'number' ? v.toLocaleString(locale, { maximumFractionDigits: 2 }) : v;
    }
    return t(a.reason.key, p);
  };
}

/** How many more actions each "show more" adds: a 100k-deal book ranks thousands, never rendered at once. */
export const ACTIONS_PAGE = 20;

/** Sets a deal's next step through lib/db (validated, with the deal history and an undo). */
function NextStepForm({ dealId, today, onDone }: { dealId: string; today: string; onDone: () => void }) {
  const { t } = useSettings();
  const show = useToast((s) => s.show);
  const [text, setText] = useState('');
  const [due, setDue] = useState(addDays(today, 2));
  const [error, setError] = useState<string | null>(null);
  const id = `ns-${dealId}`;
  return (
    <form
      className="next-step-form"
      data-testid="next-step-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim()) return setError(t('cockpit.nextStep.needed'));
        try {
          const before = await editDeal(getDb(), dealId, { nextStep: text.trim(), nextStepDue: due || null }, Date.now());
          onDone();
          show(t('cockpit.nextStep.saved'), before ? async () => void (await editDeal(getDb(), dealId, { nextStep: before.nextStep, nextStepDue: before.nextStepDue }, Date.now(), 'undo')) : undefined);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('cockpit.nextStep.text')}</label>
        <input id={`${id}-text`} value={text} autoFocus onChange={(e) => setText(e.target.value)} aria-invalid={!!error} aria-describedby={error ? `${id}-err` : undefined} />
        {error && (
          <p className="error" id={`${id}-err`}>
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('cockpit.nextStep.due')}</label>
        <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <div className="buttons">
        <button type="submit" className="primary">
          {t('cockpit.nextStep.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('cockpit.nextStep.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The ranked list, shown a page at a time; done and snooze can be undone from the toast; a deal's
 * action can also set its next step or open it in the CRM. `total` counts every ranked action
 * (the list may hold only the first ones).
 */
export function NextActions({
  actions,
  today,
  onSuggest,
  limit = 5,
  openDealIds = [],
  dealUrls = {},
}: {
  actions: NextAction[];
  today: string;
  onSuggest: (a: NextAction) => void;
  limit?: number;
  openDealIds?: readonly string[];
  dealUrls?: Readonly<Record<string, string>>;
}) {
  const { t, locale } = useSettings();
  const [count, setCount] = useState(limit);
  const [stepFor, setStepFor] = useState<string | null>(null);
  const open = new Set(openDealIds);
  const show = useToast((s) => s.show);
  const reason = useReason();
  if (actions.length === 0) return <p className="help">{t('panel.actions.empty')}</p>;

  async function mark(a: NextAction, status: 'done' | 'snoozed', days = 0) {
    const now = Date.now();
    const until = status === 'snoozed' ? now + days * DAY : null;
    const { restore } = await setActionState(getDb(), a.key, status, now, until);
    show(status === 'done' ? t('panel.action.undone') : t('panel.action.snoozed', { date: formatDate(localDateOf(until!), locale) }), restore);
  }

  const shown = actions.slice(0, count);
  const left = actions.length - shown.length;
  return (
    <>
      <ol className="next-actions">
        {shown.map((a) => (
          <li key={a.key} className={a.due < today ? 'next-action urgent' : 'next-action'} data-testid="next-action" data-kind={a.kind}>
            <div>
              <span className="tag">{t(`actions.kind.${a.kind}`)}</span> <strong>{a.record.name}</strong>
            </div>
            <p className="help">{reason(a)}</p>
            <div className="buttons">
              <button type="button" className="primary" onClick={() => onSuggest(a)}>
                {t(a.suggestion.labelKey)}
              </button>
              <button type="button" onClick={() => void mark(a, 'done')}>
                {t('panel.action.done')}
              </button>
              <button type="button" onClick={() => void mark(a, 'snoozed', 1)}>
                {t('panel.action.snoozeDay')}
              </button>
              <button type="button" onClick={() => void mark(a, 'snoozed', 7)}>
                {t('panel.action.snoozeWeek')}
              </button>
              {a.record.table === 'deals' && open.has(a.record.id) && (
                <button type="button" aria-expanded={stepFor === a.key} onClick={() => setStepFor(stepFor === a.key ? null : a.key)}>
                  {t('cockpit.action.nextStep')}
                </button>
              )}
              {a.record.table === 'deals' && dealUrls[a.record.id] && (
                <a className="button" href={dealUrls[a.record.id]} target="_blank" rel="noopener noreferrer">
                  {t('cockpit.action.open')}
                </a>
              )}
            </div>
            {stepFor === a.key && <NextStepForm dealId={a.record.id} today={today} onDone={() => setStepFor(null)} />}
          </li>
        ))}
      </ol>
      {left > 0 && (
        <button type="button" className="link" onClick={() => setCount(count + ACTIONS_PAGE)}>
          {t('panel.actions.more', { count: Math.min(ACTIONS_PAGE, left), left })}
        </button>
      )}
      {count > limit && (
        <button type="button" className="link" onClick={() => setCount(limit)}>
          {t('panel.actions.fewer')}
        </button>
      )}
    </>
  );
}
