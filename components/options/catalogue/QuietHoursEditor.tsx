import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { settingsSchema } from '../../../lib/settings/schema';
import { useSettings } from '../../providers/settings-context';
import { ErrorText, Section, useLatest } from './shared';

const quietSchema = settingsSchema.shape.quietHours.unwrap();
type Quiet = z.infer<typeof quietSchema>;

/** Settings.quietHours, saved on every valid change. */
export function QuietHoursEditor() {
  const { settings, update, t, ready } = useSettings();
  const latest = useLatest(settings);
  const [times, setTimes] = useState({ start: settings.quietHours.start, end: settings.quietHours.end });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setTimes({ start: settings.quietHours.start, end: settings.quietHours.end });
  }, [settings.quietHours.start, settings.quietHours.end]);

  async function apply(patch: Partial<Quiet>) {
    const r = quietSchema.safeParse({ ...latest.current.quietHours, ...patch });
    if (!r.success) return setError(t('settings.quiet.error'));
    setError(null);
    await update((s) => ({ ...s, quietHours: r.data }));
  }

  function onTime(which: 'start' | 'end', value: string) {
    setTimes((prev) => ({ ...prev, [which]: value }));
    void apply({ [which]: value });
  }

  return (
    <Section id="quiet-title" title={t('settings.quiet.title')}>
      {!ready ? (
        <p className="help">{t('app.loading')}</p>
      ) : (
        <>
          <p id="quiet-help" className="help">
            {t('settings.quiet.help')}
          </p>
          <div className="field">
            <label className="check">
              <input
                type="checkbox"
                checked={settings.quietHours.enabled}
                aria-describedby="quiet-help"
                onChange={(e) => void apply({ enabled: e.target.checked })}
              />{' '}
              {t('settings.quiet.enabled')}
            </label>
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor="quiet-start">{t('settings.quiet.start')}</label>
              <input id="quiet-start" type="time" value={times.start} disabled={!settings.quietHours.enabled} onChange={(e) => onTime('start', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="quiet-end">{t('settings.quiet.end')}</label>
              <input id="quiet-end" type="time" value={times.end} disabled={!settings.quietHours.enabled} onChange={(e) => onTime('end', e.target.value)} />
            </div>
          </div>
          {settings.quietHours.enabled && times.end < times.start && <p className="help">{t('settings.quiet.overnight')}</p>}
          <ErrorText error={error} />
        </>
      )}
    </Section>
  );
}
