import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ThreadCapture } from '../../lib/capture/schema';
import { getDb, InvalidWriteError } from '../../lib/db';
import { loadThreadMatch, logThread } from '../../lib/db/thread';
import { formatInstant } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/**
 * An open mail thread: who it is with (external people only; never-capture ones are dropped
 * before matching, so they are neither shown nor stored), what AE Cockpit knows about them, the
 * deal it most likely belongs to, and one-click Log. Page text is rendered as React text only.
 */
export function ThreadView({ capture }: { capture: ThreadCapture }) {
  const { t, settings, locale } = useSettings();
  const show = useToast((s) => s.show);
  const rules = useMemo(() => ({ ownDomains: settings.ownDomains, neverCapture: settings.neverCapture }), [settings.ownDomains, settings.neverCapture]);
  // Live: a log here (or a deal edited elsewhere) re-matches on its own.
  const match = useLiveQuery(() => loadThreadMatch(getDb(), capture, rules, Date.now()), [capture, rules]);
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The AE's pick wins; else the most likely deal (linked before, latest touch, nearest close).
  const dealId = picked !== null && match?.deals.some((d) => d.id === picked) ? picked : (match?.deals[0]?.id ?? null);
  const dealName = match?.deals.find((d) => d.id === dealId)?.name ?? null;
  const accountId = match?.account?.id ?? null;

  async function log() {
    setBusy(true);
    setError(null);
    try {
      const r = await logThread(getDb(), capture, { dealId: dealId || null, accountId }, Date.now(), rules);
      show(
        [t('mail.logged', { logged: r.logged, already: r.already, contacts: r.createdContacts }), r.undated > 0 ? t('mail.undated', { count: r.undated }) : '']
          .filter(Boolean)
          .join(' '),
      );
    } catch (e) {
      setError(t('mail.logFailed', { message: e instanceof InvalidWriteError ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="this-page-thread" data-site={capture.site} data-external-id={capture.externalId ?? ''}>
      <p>
        <strong data-testid="this-page-name">{capture.subject || t('mail.noSubject')}</strong>{' '}
        <span className="help">{t('mail.on', { site: t(`capture.site.${capture.site}`) })}</span>
      </p>
      {match === undefined ? (
        <p className="help">{t('capture.loading')}</p>
      ) : (
        <>
          <p data-testid="this-page-summary">
            {match.account ? (
              <span data-testid="this-page-account">{t('mail.with', { account: match.account.name })}</span>
            ) : (
              <span data-testid="this-page-account">{t('mail.noAccount')}</span>
            )}{' '}
            {t('mail.counts', { known: match.known, unknown: match.unknown })}
            {dealName !== null && (
              <>
                {' · '}
                <span data-testid="this-page-deal">{t('mail.openDeal', { deal: dealName })}</span>
              </>
            )}
            {match.account && match.deals.length === 0 && <> · {t('mail.noDeal')}</>}
          </p>
          {capture.selfEmail === null && settings.ownDomains.length === 0 && (
            // Without the signed-in address the AE's colleagues would count as the customer's people.
            <p className="help" data-testid="this-page-no-self">{t('mail.noSelf')}</p>
          )}
          {match.people.length === 0 ? (
            <p className="help">{t('mail.noPeople')}</p>
          ) : (
            <ul data-testid="this-page-people">
              {match.people.map((p) => (
                <li key={p.email} data-testid="this-page-person" data-email={p.email} data-known={p.contact ? 'yes' : 'no'}>
                  {[p.contact?.name ?? p.name, p.email].filter(Boolean).join(' · ')} <span className="help">({t(p.contact ? 'mail.person.known' : 'mail.person.new')})</span>
                </li>
              ))}
            </ul>
          )}
          <p className="help">
            {t('mail.messages', { count: capture.messages.length })}
            {capture.messages.length > 0 && capture.messages[capture.messages.length - 1]!.at !== null && (
              <> · {t('mail.latest', { at: formatInstant(capture.messages[capture.messages.length - 1]!.at!, locale) })}</>
            )}
          </p>
          {capture.missing.length > 0 && (
            <p className="help" data-testid="this-page-missing">
              {t('capture.missing', { fields: capture.missing.join(', ') })}
            </p>
          )}
          {match.deals.length > 0 && (
            <label className="field">
              {t('mail.deal')}{' '}
              <select data-testid="this-page-deal-picker" value={dealId ?? ''} onChange={(e) => setPicked(e.target.value)}>
                {match.deals.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                    {d.id === match.linkedDealId ? ` (${t('mail.linked')})` : ''}
                  </option>
                ))}
                <option value="">{t('mail.accountOnly')}</option>
              </select>
            </label>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="button" data-testid="this-page-log" disabled={busy || (!match.account && !dealId) || capture.messages.length === 0} onClick={() => void log()}>
            {t('mail.log')}
          </button>
          {!match.account && <p className="help">{t('mail.needAccount')}</p>}
        </>
      )}
    </div>
  );
}
