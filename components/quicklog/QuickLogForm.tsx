import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { QuickLog } from '../../lib/db/writes';
import { localDateOf } from '../../lib/domain/dates';
import { OUTCOMES_BY_KIND, openStages, timerMinutes, type CaptureMatch, type LogTarget, type TimerState } from '../../lib/domain/quicklog';
import type { ActivityKind, ActivityOutcome } from '../../lib/domain/records';
import { defaultNextStepDue } from '../../lib/domain/workdays';
import type { QuickLogOpened } from '../../lib/quicklog/backend';
import type { QuickLogDraft } from '../../lib/platform/draft';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';
import { useQuickLogBackend } from './backend';
import { formatElapsed, parseDate, parseDomain, parseDuration, parseEmail, type Parsed } from './fields';

const KINDS = ['call', 'meeting', 'email', 'note'] as const;
type Kind = (typeof KINDS)[number];

type Field = 'duration' | 'nextStepDue' | 'closeOn' | 'newContactName' | 'newContactEmail' | 'newAccountName' | 'newAccountDomain';
type Errors = Partial<Record<Field, string>>;

interface FormState {
  kind: Kind;
  target: LogTarget | null;
  outcome: ActivityOutcome | '';
  duration: string;
  notes: string;
  nextStep: string;
  nextStepDue: string;
  stage: string;
  closeOn: string;
  newContactName: string;
  newContactEmail: string;
  newAccountName: string;
  newAccountDomain: string;
}

const blank = (today: string, kind: Kind = 'call'): FormState => ({
  kind, target: null, outcome: '', duration: '', notes: '', nextStep: '', nextStepDue: defaultNextStepDue(today), stage: '', closeOn: '',
  newContactName: '', newContactEmail: '', newAccountName: '', newAccountDomain: '',
});

const snapshot = (f: FormState) => JSON.stringify({ ...f, target: f.target ? `${f.target.kind}:${f.target.id}` : null });

/**
 * Typed anything worth keeping: the form differs from how it opened (blank, or prefilled from the
 * page: a prefill alone is no draft, or it would hide the next page's prefill).
 */
const dirty = (f: FormState, baseline: string | null) => baseline !== null && snapshot(f) !== baseline;

/** The page's match, shown as the prefill's source only when no draft or deal handed in came first. */
const pageMatchOf = (o: QuickLogOpened): CaptureMatch | null => (o.draft || o.target ? null : o.fromPage);

/** The form with the opening read applied: a draft replaces it; a deal handed in, or the page's match, fills the target. */
function applyOpening(f: FormState, o: QuickLogOpened, today: string): FormState {
  if (o.draft) {
    const { savedAt: _, target: __, ...rest } = o.draft;
    return { ...blank(today), ...rest, outcome: rest.outcome as ActivityOutcome | '', target: o.target };
  }
  if (o.target) return { ...f, target: o.target };
  const match = pageMatchOf(o);
  if (!match) return f;
  return {
    ...f,
    target: match.target,
    newAccountName: match.target?.accountId ? '' : (match.suggest?.account?.name ?? ''),
    newAccountDomain: match.target?.accountId ? '' : (match.suggest?.account?.domain ?? ''),
    newContactName: match.suggest?.contact?.name ?? '',
    newContactEmail: match.suggest?.contact?.email ?? '',
  };
}

export interface QuickLogFormProps {
  /** A task is logged as a note here (the form offers the four kinds an AE logs). */
  initialKind?: ActivityKind;
  /** A deal handed in (popup.html?deal=…, a notification's "Log call"). */
  initialDealId?: string | null;
  /** The tab whose page to prefill from (popup.html?tab=…); else the active tab. */
  tabId?: number | null;
  autoFocus?: boolean;
  onLogged?: () => void;
  /** Escape with nothing to clear. The popup closes its window. */
  onClose?: () => void;
  /** Keep unsaved input across closes (default: unless a deal was handed in, which takes precedence). */
  draft?: boolean;
  /** The clock (tests fake it). */
  now?: () => number;
  /**
   * The opening read the popup started before React loaded: answered, the form's first render is
   * prefilled and ready; still on its way, the form waits for it. Without it the form asks the backend.
   */
  opened?: QuickLogOpened | Promise<QuickLogOpened>;
}

/**
 * Keyboard-only quick log. Opens focused in the search box, prefilled from the page in view (or
 * a draft the AE left). Alt+1..4 pick the type; ↓/↑ and Enter pick a target; Enter saves from
 * any field (Ctrl+Enter from the notes); Escape closes. Undo stays in the toast for a while.
 */
export function QuickLogForm({ initialKind = 'call', initialDealId = null, tabId = null, autoFocus = true, onLogged, onClose, draft: keepDraft = initialDealId === null, now = Date.now, opened }: QuickLogFormProps) {
  const { t, settings } = useSettings();
  const backend = useQuickLogBackend();
  const show = useToast((s) => s.show);
  const uid = useId();
  const today = localDateOf(now());
  // The opening read when it has already answered.
  const answered = opened instanceof Promise ? undefined : opened;
  const [init] = useState(() => {
    const empty = blank(today, (KINDS as readonly string[]).includes(initialKind) ? (initialKind as Kind) : 'note');
    const first = answered ? applyOpening(empty, answered, today) : empty;
    // The form as opened (null: not open yet, or a restored draft, kept until saved or discarded).
    return { form: first, baseline: answered && !answered.draft ? snapshot(first) : null };
  });
  const [form, setForm] = useState<FormState>(init.form);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<LogTarget[]>([]);
  const [suggested, setSuggested] = useState<LogTarget[]>([]);
  // The query the shown results answer (a 'none found' waits for its own answer).
  const [resultsFor, setResultsFor] = useState<string | null>(null);
  // This open of the form: the backend keeps its open-deal list for the type-ahead per open.
  const [openId] = useState(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);
  const [errors, setErrors] = useState<Errors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  // Why the opening read failed (shown in the AE's language as it is now).
  const [openError, setOpenError] = useState<string | null>(null);
  // The opening read failed: a draft in storage is not discarded by an untouched form.
  const keepStoredDraft = useRef(false);
  const [saving, setSaving] = useState(false);
  const [ready, setReady] = useState(answered !== undefined);
  const baseline = useRef<string | null>(init.baseline);
  const [restored, setRestored] = useState(answered?.draft != null);
  const [fromPage, setFromPage] = useState<CaptureMatch | null>(answered ? pageMatchOf(answered) : null);
  const [timer, setTimer] = useState<TimerState | null>(answered?.timer ?? null);
  const [tick, setTick] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const fieldRefs = useRef<Partial<Record<Field, HTMLInputElement | null>>>({});
  const set = useCallback(<K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v })), []);

  // Open: draft first (nothing typed is lost), else the deal handed in, else the page in view.
  useEffect(() => {
    let alive = true;
    const apply = (o: QuickLogOpened) => {
      if (!alive) return;
      setTimer(o.timer);
      setRestored(o.draft !== null);
      setFromPage(pageMatchOf(o));
      // Onto the form as it is now: a kind picked meanwhile (Alt+1…4) stays picked.
      setForm((f) => {
        const next = applyOpening(f, o, today);
        baseline.current = o.draft ? null : snapshot(next);
        return next;
      });
      setReady(true);
      performance.mark('quicklog-ready');
    };
    const fail = (e: unknown) => {
      if (!alive) return;
      // The form still works without a prefill: say why it is empty. A draft kept in storage may
      // be what could not be read, so it is left alone until the AE types (then the new typing is kept).
      setOpenError(e instanceof Error ? e.message : String(e));
      keepStoredDraft.current = true;
      setForm((f) => {
        baseline.current = snapshot(f);
        return f;
      });
      setReady(true);
    };
    // Opened prefilled from the popup's early read: ready at the first render. Else the read the
    // popup started (still on its way), or a read of its own.
    if (answered) performance.mark('quicklog-ready');
    else ((opened as Promise<QuickLogOpened> | undefined) ?? backend.open({ keepDraft, dealId: initialDealId, tabId })).then(apply, fail);
    // Suggestions are two index reads, beside the opening read.
    void backend.suggested(today).then((s) => alive && setSuggested(s));
    return () => {
      alive = false;
    };
    // Runs once per open: the inputs are the popup's URL parameters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Every change is kept at once: the popup can close between two keystrokes.
  useEffect(() => {
    if (!ready || !keepDraft) return;
    // A restored draft stays a draft until saved or discarded.
    if (baseline.current !== null && !dirty(form, baseline.current)) {
      if (!keepStoredDraft.current) void backend.discardDraft();
      return;
    }
    const { target, ...rest } = form;
    const draft: QuickLogDraft = {
      ...rest,
      target: target ? { kind: target.kind, id: target.id, name: target.name, detail: target.detail } : null,
      savedAt: now(),
    };
    void backend.saveDraft(draft);
  }, [form, ready, today, now, keepDraft, backend]);

  useEffect(() => {
    if (!timer || timer.stoppedAt !== null) return;
    const id = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, [timer]);

  useEffect(() => {
    let alive = true;
    if (query.trim() === '') {
      setResults([]);
      return;
    }
    void backend.search(query, today, openId).then((r) => {
      if (!alive) return;
      setResults(r);
      setResultsFor(query);
      setActive(r.length > 0 ? 0 : -1);
    });
    return () => {
      alive = false;
    };
  }, [query, today, backend, openId]);

  const matches = query.trim() !== '' ? results : form.target ? [] : suggested;
  const outcomes = OUTCOMES_BY_KIND[form.kind];
  const stages = useMemo(() => openStages(settings.stageRules), [settings.stageRules]);
  const isDeal = form.target?.kind === 'deal';
  const hasAccount = !!form.target?.accountId;

  function chooseKind(k: Kind) {
    setForm((f) => ({ ...f, kind: k, outcome: f.outcome !== '' && OUTCOMES_BY_KIND[k].includes(f.outcome) ? f.outcome : '' }));
  }

  function pick(x: LogTarget) {
    setForm((f) => ({ ...f, target: x, stage: '', closeOn: '', newAccountName: x.accountId ? '' : f.newAccountName, newAccountDomain: x.accountId ? '' : f.newAccountDomain }));
    setFromPage(null);
    setQuery('');
    setActive(-1);
  }

  function validate(): { input: QuickLog; errors: Errors } {
    const errs: Errors = {};
    const take = <T,>(field: Field, p: Parsed<T>): T | null => {
      if (p.ok) return p.value;
      errs[field] = t(p.key, p.params);
      return null;
    };
    const running = timer && timer.stoppedAt === null;
    let minutes = take('duration', parseDuration(form.duration));
    if (minutes === null && timer && !errs.duration) minutes = timerMinutes(timer, now());
    if (running) minutes = timerMinutes(timer, now());
    const due = take('nextStepDue', parseDate(form.nextStepDue));
    if (form.nextStep.trim() !== '' && due === null && !errs.nextStepDue) errs.nextStepDue = t('quicklog.nextStepDue.missing');
    const closeOn = isDeal ? take('closeOn', parseDate(form.closeOn)) : null;
    const contactEmail = take('newContactEmail', parseEmail(form.newContactEmail));
    const accountDomain = hasAccount ? null : take('newAccountDomain', parseDomain(form.newAccountDomain));
    const wantsContact = form.newContactName.trim() !== '' || form.newContactEmail.trim() !== '';
    const wantsAccount = !hasAccount && (form.newAccountName.trim() !== '' || form.newAccountDomain.trim() !== '');
    if (wantsContact && form.newContactName.trim() === '') errs.newContactName = t('quicklog.newContact.missingName');
    if (wantsAccount && form.newAccountName.trim() === '') errs.newAccountName = t('quicklog.newAccount.missingName');
    const target = form.target;
    const input: QuickLog = {
      kind: form.kind,
      outcome: form.outcome === '' ? null : form.outcome,
      durationMin: minutes,
      notes: form.notes,
      at: timer ? timer.startedAt : null,
      dealId: target?.dealId ?? null,
      accountId: wantsAccount ? null : (target?.accountId ?? null),
      contactId: wantsContact ? null : (target?.contactId ?? null),
      newAccount: wantsAccount ? { name: form.newAccountName, domain: accountDomain } : null,
      newContact: wantsContact ? { name: form.newContactName, email: contactEmail } : null,
      nextStep: form.nextStep.trim() !== '' && due ? { text: form.nextStep, due } : null,
      dealChange: isDeal && (form.stage !== '' || closeOn) ? { ...(form.stage ? { stage: form.stage } : {}), ...(closeOn ? { closeOn } : {}) } : null,
    };
    return { input, errors: errs };
  }

  async function save() {
    if (saving) return;
    const { input, errors: errs } = validate();
    setErrors(errs);
    setSaveError(null);
    const first = (Object.keys(errs) as Field[])[0];
    if (first) {
      (first === 'nextStepDue' || first === 'closeOn' || first === 'duration' ? fieldRefs.current[first] : fieldRefs.current[first])?.focus();
      return;
    }
    setSaving(true);
    try {
      const result = await backend.log(input, now());
      const kindName = t(`log.kind.${form.kind}`);
      const target = form.target?.name ?? input.newContact?.name ?? input.newAccount?.name ?? null;
      const text =
        target && input.nextStep
          ? t('quicklog.savedNext', { kind: kindName, target, due: input.nextStep.due })
          : target
            ? t('log.savedOn', { kind: kindName, target })
            : t('log.saved', { kind: kindName });
      show(text, async () => {
        await backend.undo(result, Date.now());
        show(t('log.undone'));
      });
      await Promise.all([backend.discardDraft(), timer ? backend.clearTimer() : null]);
      setTimer(null);
      const next = blank(localDateOf(now()), form.kind);
      baseline.current = snapshot(next);
      setForm(next);
      setErrors({});
      setRestored(false);
      setFromPage(null);
      onLogged?.();
      searchRef.current?.focus();
    } catch (e) {
      setSaveError(t('log.error', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  }

  async function discard() {
    await Promise.all([backend.discardDraft(), backend.clearTimer()]);
    setTimer(null);
    const next = blank(today, 'call');
    baseline.current = snapshot(next);
    setForm(next);
    setErrors({});
    setRestored(false);
    searchRef.current?.focus();
  }

  async function toggleTimer() {
    if (timer && timer.stoppedAt === null) {
      const stopped = await backend.stopTimer(now());
      setTimer(stopped);
      if (stopped) set('duration', String(timerMinutes(stopped, now())));
    } else {
      setTimer(await backend.startTimer(now()));
      set('duration', '');
    }
  }

  function onFormKey(e: KeyboardEvent<HTMLFormElement>) {
    const el = e.target as HTMLElement;
    if (e.altKey && /^[1-4]$/.test(e.key)) {
      e.preventDefault();
      chooseKind(KINDS[Number(e.key) - 1]!);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (el === searchRef.current && query !== '') setQuery('');
      else onClose?.();
      return;
    }
    if (e.key !== 'Enter' || el.tagName === 'BUTTON') return;
    if (el.tagName === 'TEXTAREA' && !(e.ctrlKey || e.metaKey)) return;
    if (el === searchRef.current && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const m = active >= 0 ? matches[active] : undefined;
      if (m) pick(m);
      else void save();
      return;
    }
    e.preventDefault();
    void save();
  }

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      setActive((i) => (i + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1));
    }
  }

  const id = (f: string) => `${uid}-${f}`;
  const errorOf = (f: Field): ReactNode =>
    errors[f] ? (
      <p id={id(`${f}-error`)} className="error field-error" data-testid={`error-${f}`}>
        {errors[f]}
      </p>
    ) : null;
  const invalid = (f: Field) => (errors[f] ? { 'aria-invalid': true as const, 'aria-describedby': id(`${f}-error`) } : {});
  const ref = (f: Field) => (el: HTMLInputElement | null) => {
    fieldRefs.current[f] = el;
  };
  const listId = id('list');
  const running = timer !== null && timer.stoppedAt === null;
  void tick;
  const showNew = !form.target || !hasAccount || fromPage?.suggest != null;
  const requiredMark = <span aria-hidden="true" className="required" title={t('quicklog.required')}>*</span>;

  return (
    <form
      className="quicklog"
      aria-label={t('log.title')}
      data-testid="quicklog"
      data-ready={ready ? 'true' : 'false'}
      noValidate
      onKeyDown={onFormKey}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {restored && (
        <p className="notice" role="status" data-testid="draft-restored">
          {t('quicklog.draft.restored')}{' '}
          <button type="button" className="link" data-testid="discard-draft" onClick={() => void discard()}>
            {t('quicklog.draft.discard')}
          </button>
        </p>
      )}
      <fieldset className="kinds">
        <legend>{t('log.kind')}</legend>
        {KINDS.map((k, i) => (
          <label key={k} className={form.kind === k ? 'kind kind-on' : 'kind'}>
            <input type="radio" name={id('kind')} value={k} checked={form.kind === k} onChange={() => chooseKind(k)} />
            {t(`log.kind.${k}`)}
            <kbd aria-hidden="true">Alt+{i + 1}</kbd>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={id('target')}>{t('log.target')}</label>
        {form.target && (
          <p className="chosen" data-testid="chosen-target">
            <span className="tag">{t(form.target.kind === 'contact' ? 'quicklog.target.contact' : `log.target.${form.target.kind}`)}</span> {form.target.name}
            {form.target.detail && <span className="muted"> · {form.target.detail}</span>}{' '}
            <button type="button" className="link" onClick={() => set('target', null)}>
              {t('log.target.clear')}
            </button>
          </p>
        )}
        {fromPage && (
          <p className="help" data-testid="from-page">
            {t('quicklog.fromPage')}: {fromPage.by ? t('quicklog.fromPage.matched', { by: t(`quicklog.fromPage.by.${fromPage.by}`) }) : t('quicklog.fromPage.unknown')}
          </p>
        )}
        <input
          id={id('target')}
          ref={searchRef}
          data-testid="log-search"
          role="combobox"
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && matches[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          autoFocus={autoFocus}
          placeholder={t('quicklog.target.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
        {query.trim() === '' && matches.length > 0 && <p className="help">{t('quicklog.suggested')}</p>}
        <ul id={listId} role="listbox" aria-label={t('log.target')} className="matches" hidden={matches.length === 0}>
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
              <span className="tag">{t(m.kind === 'contact' ? 'quicklog.target.contact' : `log.target.${m.kind}`)}</span> {m.name}
              {m.detail && <span className="muted"> · {m.detail}</span>}
            </li>
          ))}
        </ul>
        {query.trim() !== '' && resultsFor === query && results.length === 0 && <p className="help">{t('log.target.none')}</p>}
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor={id('outcome')}>{t('log.outcome')}</label>
          <select id={id('outcome')} value={form.outcome} onChange={(e) => set('outcome', e.target.value as ActivityOutcome | '')}>
            <option value="">{t('log.outcome.none')}</option>
            {outcomes.map((o) => (
              <option key={o} value={o}>
                {t(`log.outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-narrow">
          <label htmlFor={id('duration')}>{t('quicklog.duration')}</label>
          <input
            id={id('duration')}
            ref={ref('duration')}
            inputMode="numeric"
            autoComplete="off"
            value={running ? String(timerMinutes(timer, now())) : form.duration}
            readOnly={running}
            title={t('quicklog.duration.help')}
            onChange={(e) => set('duration', e.target.value)}
            {...invalid('duration')}
          />
        </div>
      </div>
      {errorOf('duration')}

      <div className="field">
        <label htmlFor={id('notes')}>{t('log.notes')}</label>
        <textarea id={id('notes')} rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
      </div>

      <p className="timer-row">
        <button type="button" data-testid="timer-toggle" aria-pressed={running} onClick={() => void toggleTimer()}>
          {running ? t('quicklog.timer.stop') : t('quicklog.timer.start')}
        </button>{' '}
        {timer && (
          <span className="muted" data-testid="timer-status" aria-live="off">
            {running ? t('quicklog.timer.running', { elapsed: formatElapsed(now() - timer.startedAt) }) : t('quicklog.timer.stopped', { minutes: timerMinutes(timer, now()) })}
          </span>
        )}
      </p>

      <div className="row">
        <div className="field">
          <label htmlFor={id('next')}>{t('quicklog.nextStep')}</label>
          <input id={id('next')} data-testid="next-step" autoComplete="off" placeholder={t('quicklog.nextStep.placeholder')} value={form.nextStep} onChange={(e) => set('nextStep', e.target.value)} />
        </div>
        <div className="field field-date">
          <label htmlFor={id('due')}>
            {t('quicklog.nextStepDue')} {form.nextStep.trim() !== '' && requiredMark}
          </label>
          <input
            id={id('due')}
            ref={ref('nextStepDue')}
            data-testid="next-step-due"
            type="date"
            value={form.nextStepDue}
            aria-required={form.nextStep.trim() !== ''}
            title={t('quicklog.nextStepDue.help')}
            onChange={(e) => set('nextStepDue', e.target.value)}
            {...invalid('nextStepDue')}
          />
        </div>
      </div>
      {errorOf('nextStepDue')}
      {form.nextStep.trim() !== '' && !isDeal && <p className="help">{t('quicklog.nextStep.noDeal')}</p>}

      {isDeal && (
        <fieldset className="deal-change">
          <legend>{t('quicklog.dealChange')}</legend>
          <div className="row">
            <div className="field">
              <label htmlFor={id('stage')}>{t('quicklog.stage')}</label>
              <select id={id('stage')} data-testid="deal-stage" value={form.stage} onChange={(e) => set('stage', e.target.value)}>
                <option value="">{t('quicklog.stage.keep', { stage: form.target?.stage ?? '' })}</option>
                {stages
                  .filter((s) => s !== form.target?.stage)
                  .map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field field-date">
              <label htmlFor={id('close')}>{t('quicklog.closeOn')}</label>
              <input id={id('close')} ref={ref('closeOn')} data-testid="deal-close" type="date" value={form.closeOn} placeholder={form.target?.closeOn ?? ''} onChange={(e) => set('closeOn', e.target.value)} {...invalid('closeOn')} />
            </div>
          </div>
          {errorOf('closeOn')}
        </fieldset>
      )}

      {showNew && (
        <details className="new-records" open={!!(form.newAccountName || form.newContactName || form.newContactEmail || form.newAccountDomain || fromPage?.suggest)}>
          <summary>{t('quicklog.new')}</summary>
          {!hasAccount && (
            <div className="row">
              <div className="field">
                <label htmlFor={id('acc-name')}>
                  {t('quicklog.newAccount.name')} {form.newAccountDomain.trim() !== '' && requiredMark}
                </label>
                <input id={id('acc-name')} ref={ref('newAccountName')} data-testid="new-account-name" autoComplete="off" value={form.newAccountName} onChange={(e) => set('newAccountName', e.target.value)} {...invalid('newAccountName')} />
              </div>
              <div className="field">
                <label htmlFor={id('acc-domain')}>{t('quicklog.newAccount.domain')}</label>
                <input id={id('acc-domain')} ref={ref('newAccountDomain')} autoComplete="off" value={form.newAccountDomain} onChange={(e) => set('newAccountDomain', e.target.value)} {...invalid('newAccountDomain')} />
              </div>
            </div>
          )}
          {errorOf('newAccountName')}
          {errorOf('newAccountDomain')}
          <div className="row">
            <div className="field">
              <label htmlFor={id('con-name')}>
                {t('quicklog.newContact.name')} {form.newContactEmail.trim() !== '' && requiredMark}
              </label>
              <input id={id('con-name')} ref={ref('newContactName')} data-testid="new-contact-name" autoComplete="off" value={form.newContactName} onChange={(e) => set('newContactName', e.target.value)} {...invalid('newContactName')} />
            </div>
            <div className="field">
              <label htmlFor={id('con-email')}>{t('quicklog.newContact.email')}</label>
              <input id={id('con-email')} ref={ref('newContactEmail')} data-testid="new-contact-email" type="email" autoComplete="off" value={form.newContactEmail} onChange={(e) => set('newContactEmail', e.target.value)} {...invalid('newContactEmail')} />
            </div>
          </div>
          {errorOf('newContactName')}
          {errorOf('newContactEmail')}
          <p className="help">{t('quicklog.requiredNote')}</p>
        </details>
      )}

      {Object.keys(errors).length > 0 && (
        <p role="alert" className="error" data-testid="form-errors">
          {t('quicklog.fix')}
        </p>
      )}
      {openError !== null && (
        <p role="alert" className="error" data-testid="open-error">
          {t('quicklog.openFailed', { error: openError })}
        </p>
      )}
      {saveError && (
        <p role="alert" className="error">
          {saveError}
        </p>
      )}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={saving} data-testid="log-save">
          {t('log.save')}
        </button>
        <span className="help">{t('quicklog.saveHint')}</span>
      </div>
    </form>
  );
}

/** A draft's target, re-read so its deal fields (stage, close) are current; gone: null. */
