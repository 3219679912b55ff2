import { useState } from 'react';
import { useSettings } from '../providers/settings-context';
import { CaptureRecord } from './CaptureRecord';
import { ManualEntry } from './ManualEntry';
import { PasteBox } from './PasteBox';
import { ThreadView } from './ThreadView';
import { pinnedTabFromUrl, useTabCapture } from './useTabCapture';

/**
 * "This page", at the top of the cockpit: the record open in the active tab (or the tab named by
 * `?tab=<id>`), as the page's content script last reported it. Self-contained: it reads its own
 * data and writes through lib/db.
 */
export function ThisPage({ tabId: pinned = pinnedTabFromUrl() }: { tabId?: number | null }) {
  const { t } = useSettings();
  const { stored } = useTabCapture(pinned);
  const [manual, setManual] = useState(false);

  return (
    <section className="panel-section this-page" aria-labelledby="this-page-title" data-testid="this-page">
      <h2 id="this-page-title">{t('capture.title')}</h2>
      {stored === undefined ? (
        <p className="help">{t('capture.loading')}</p>
      ) : stored && 'error' in stored ? (
        <div className="banner banner-warn" role="alert" data-testid="this-page-invalid">
          <p>{t('capture.invalid')}</p>
          <p className="help">{t('capture.invalidDetail', { detail: stored.error })}</p>
        </div>
      ) : stored && stored.capture.type === 'record' ? (
        // Keyed by record: decisions made for one record never carry over to the next.
        <CaptureRecord key={`${stored.capture.site}:${stored.capture.externalId}`} capture={stored.capture} />
      ) : stored && stored.capture.type === 'thread' ? (
        // Keyed by thread: a deal picked for one thread never carries over to the next.
        <ThreadView key={`${stored.capture.site}:${stored.capture.externalId ?? stored.capture.url}`} capture={stored.capture} />
      ) : (
        <>
          <p className="help" data-testid="this-page-none">
            {t('capture.none')}{' '}
            {!manual && (
              <button type="button" className="link" data-testid="this-page-manual-open" onClick={() => setManual(true)}>
                {t('capture.manual.open')}
              </button>
            )}
          </p>
          {manual && <ManualEntry onDone={() => setManual(false)} />}
        </>
      )}
      {/* Capture by hand, on any page: a paste or a context-menu selection. */}
      <PasteBox />
    </section>
  );
}
