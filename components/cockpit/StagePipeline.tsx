import { useState } from 'react';
import type { CockpitView } from '../../lib/cockpit/view';
import { formatDate, formatMoney } from '../../lib/i18n/format';
import { useSettings } from '../providers/settings-context';

/** One bar per stage (count and amount) of the period's open deals; a tap lists the deals. */
export function StagePipeline({ view }: { view: CockpitView }) {
  const { t, locale } = useSettings();
  const [open, setOpen] = useState<string | null>(null);
  const max = Math.max(1, ...view.stages.map((s) => s.amountMinor));
  return (
    <section className="panel-section" aria-labelledby="stages-title" data-testid="stages">
      <h2 id="stages-title">{t('cockpit.stages')}</h2>
      {view.stages.length === 0 ? (
        <p className="help">{t('cockpit.stages.empty')}</p>
      ) : (
        <ul className="stages">
          {view.stages.map((s) => {
            const amount = formatMoney(s.amountMinor, view.currency, locale, { compact: true });
            const id = `stage-${s.stage.replace(/[^\w-]/g, '_')}`;
            return (
              <li key={s.stage} data-testid="stage" data-stage={s.stage} data-count={s.count} data-amount={s.amountMinor}>
                <button type="button" className="stage-bar" aria-expanded={open === s.stage} aria-controls={id} onClick={() => setOpen(open === s.stage ? null : s.stage)}>
                  <span className="stage-label">{t('cockpit.stage.bar', { stage: s.stage, count: s.count.toLocaleString(locale), amount })}</span>
                  <span className="stage-track" aria-hidden="true">
                    <span className="stage-fill" style={{ width: `${Math.max(2, (s.amountMinor / max) * 100)}%` }} />
                  </span>
                </button>
                {s.noRate > 0 && <p className="help">{t('cockpit.stage.noRate', { count: s.noRate })}</p>}
                <ul id={id} className="stage-deals" hidden={open !== s.stage} data-testid="stage-deals">
                  {s.deals.map((d) => (
                    <li key={d.id}>
                      <strong>{d.name}</strong> · {d.amountMinor === null ? '—' : formatMoney(d.amountMinor, d.currency, locale, { whole: true })} · {formatDate(d.closeOn, locale)}
                    </li>
                  ))}
                  {s.count > s.deals.length && <li className="help">{t('cockpit.stage.more', { count: s.count - s.deals.length })}</li>}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
