import { useSettings } from '../providers/settings-context';

const SITES = ['salesforce', 'hubspot', 'pipedrive', 'gmail', 'outlook'] as const;

/** Per-site switches for the page readers; a site switched off runs a content script that does nothing. */
export function CaptureSettings() {
  const { t, settings, update } = useSettings();
  return (
    <section aria-labelledby="capture-settings-title" data-testid="capture-settings">
      <h2 id="capture-settings-title">{t('capture.settings.title')}</h2>
      <p className="help">{t('capture.settings.help')}</p>
      {SITES.map((site) => (
        <div className="field" key={site}>
          <label>
            <input
              type="checkbox"
              data-testid={`capture-site-${site}`}
              checked={settings.capture[site]}
              // From the latest stored settings, never this page's copy.
              onChange={(e) => {
                const on = e.target.checked;
                void update((s) => ({ ...s, capture: { ...s.capture, [site]: on } }));
              }}
            />{' '}
            {t('capture.settings.site', { site: t(`capture.site.${site}`) })}
          </label>
        </div>
      ))}
    </section>
  );
}
