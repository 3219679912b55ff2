import { useEffect, useState } from 'react';
import { normaliseRule } from '../../lib/capture/thread-match';
import { useSettings } from '../providers/settings-context';
import { useToast } from '../providers/toast';

/** One entry per line (commas too); blanks and repeats dropped, as the matcher reads them. */
function parseList(text: string, max: number): string[] {
  const out = new Set<string>();
  for (const part of text.split(/[\n,;]+/)) {
    const v = normaliseRule(part);
    if (v && v.length <= max) out.add(v);
  }
  return [...out].slice(0, 500);
}

/** The AE's own domains and the never-capture list (addresses and domains) for mail threads. */
export function MailSettings() {
  const { t, settings, update } = useSettings();
  const show = useToast((s) => s.show);
  const [own, setOwn] = useState(settings.ownDomains.join('\n'));
  const [never, setNever] = useState(settings.neverCapture.join('\n'));
  // Follow a change made elsewhere (another options tab, a restore).
  useEffect(() => setOwn(settings.ownDomains.join('\n')), [settings.ownDomains]);
  useEffect(() => setNever(settings.neverCapture.join('\n')), [settings.neverCapture]);

  async function save() {
    const ownDomains = parseList(own, 253).slice(0, 100);
    const neverCapture = parseList(never, 320);
    // From the latest stored settings, never this page's copy.
    await update((s) => ({ ...s, ownDomains, neverCapture }));
    show(t('mail.settings.saved'));
  }

  return (
    <section aria-labelledby="mail-settings-title" data-testid="mail-settings">
      <h2 id="mail-settings-title">{t('mail.settings.title')}</h2>
      <p className="help">{t('mail.settings.help')}</p>
      <div className="field">
        <label htmlFor="mail-own-domains">{t('mail.settings.ownDomains')}</label>
        <textarea id="mail-own-domains" data-testid="mail-own-domains" rows={3} value={own} onChange={(e) => setOwn(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="mail-never-capture">{t('mail.settings.neverCapture')}</label>
        <textarea id="mail-never-capture" data-testid="mail-never-capture" rows={4} value={never} onChange={(e) => setNever(e.target.value)} />
      </div>
      <button type="button" data-testid="mail-settings-save" onClick={() => void save()}>
        {t('mail.settings.save')}
      </button>
    </section>
  );
}
