// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCrmRecordUrl, readCrmPage } from '../../../lib/capture/crm';
import { acceptCaptureReport } from '../../../lib/capture/boundary';
import type { PageCapture } from '../../../lib/capture/schema';
import { CONTAINERS, createCaptureWatcher, type CaptureWatchOptions } from '../../../lib/capture/watch';
import type { CaptureReport } from '../../../lib/messaging/protocol';

const SF = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdE/view';
const SF_HOME = 'https://acme.lightning.force.com/lightning/page/home';

/** A Salesforce-shaped page: a header outside the record area, the record area holding one field. */
function page(doc: Document) {
  doc.body.innerHTML = '<header id="oneHeader"><span id="clock">0</span></header><div class="oneCenterStage"><div id="rec">Acme</div></div>';
}

function setup(over: Partial<CaptureWatchOptions> = {}) {
  const loc = { href: SF };
  const sent: CaptureReport[] = [];
  const read = vi.fn((root: ParentNode, url: URL): PageCapture | null => ({
    type: 'record',
    site: 'salesforce',
    kind: 'deal',
    url: url.href,
    externalId: '0065g00000AbCdEAAA',
    fields: { name: (root as Document).getElementById('rec')?.textContent ?? 'none' },
    raw: {},
    people: [],
    missing: [],
  }));
  const w = createCaptureWatcher({
    doc: document,
    location: loc,
    isRecordUrl: (u) => u.pathname.startsWith('/lightning/r/'),
    read,
    send: (r) => void sent.push(r),
    containers: CONTAINERS.salesforce,
    ...over,
  });
  return { w, loc, sent, read };
}

beforeEach(() => {
  vi.useFakeTimers();
  page(document);
});
afterEach(() => vi.useRealTimers());

describe('the capture watcher', () => {
  it('on a page that is not a record page: no read, no observer, no message', async () => {
    const isRecordUrl = vi.fn(() => false);
    const { w, loc, sent, read } = setup({ isRecordUrl });
    loc.href = SF_HOME;
    w.start();
    document.getElementById('rec')!.textContent = 'changed';
    await vi.advanceTimersByTimeAsync(5000);
    expect(isRecordUrl).toHaveBeenCalledTimes(1);
    expect(read).not.toHaveBeenCalled();
    expect(w.observed).toBeNull();
    expect(sent).toEqual([]);
  });

  it('reads a record page once after it settles, observing the record area only', async () => {
    const { w, sent, read } = setup();
    w.start();
    expect(read).not.toHaveBeenCalled(); // debounced, not synchronous
    await vi.advanceTimersByTimeAsync(300);
    expect(read).toHaveBeenCalledTimes(1);
    expect(w.observed?.className).toBe('oneCenterStage');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ capture: { fields: { name: 'Acme' } } });
  });

  it('1,000 mutations outside the record area cause no read; inside, a burst is read at most once per maxWait', async () => {
    const { w, read, sent } = setup();
    w.start();
    await vi.advanceTimersByTimeAsync(300);
    expect(read).toHaveBeenCalledTimes(1);
    const clock = document.getElementById('clock')!;
    for (let i = 0; i < 1000; i++) {
      clock.textContent = String(i);
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(read).toHaveBeenCalledTimes(1);

    // Inside the record area, 1,000 changes within one second: at most two reads (maxWait + trailing).
    const rec = document.getElementById('rec')!;
    for (let i = 0; i < 1000; i++) {
      rec.setAttribute('class', `c${i}`);
      if (i % 10 === 0) await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(read.mock.calls.length - 1).toBeLessThanOrEqual(2);
    expect(read.mock.calls.length - 1).toBeGreaterThanOrEqual(1);
    // Nothing changed in what the reader reads: nothing more was sent.
    expect(sent).toHaveLength(1);
  });

  it('follows in-page navigation: a new record is read and sent, leaving the record says so once', async () => {
    const { w, loc, sent } = setup();
    w.start();
    await vi.advanceTimersByTimeAsync(300);
    loc.href = SF.replace('AbCdE', 'ZzZzZ');
    document.querySelector('.oneCenterStage')!.replaceWith(Object.assign(document.createElement('div'), { className: 'oneCenterStage', innerHTML: '<div id="rec">Beta</div>' }));
    w.locationChanged();
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)).toMatchObject({ capture: { fields: { name: 'Beta' } } });
    expect(w.observed?.isConnected).toBe(true);

    // The new record area is observed: an edit in it is read again.
    document.getElementById('rec')!.textContent = 'Beta 2';
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.at(-1)).toMatchObject({ capture: { fields: { name: 'Beta 2' } } });

    loc.href = SF_HOME;
    w.locationChanged();
    w.locationChanged();
    await vi.advanceTimersByTimeAsync(300);
    expect(sent.filter((r) => 'none' in r)).toHaveLength(1);
    expect(w.observed).toBeNull();
  });

  it('a stopped watcher (site switched off) does nothing at all', async () => {
    const { w, sent, read } = setup();
    w.start();
    w.stop();
    document.getElementById('rec')!.textContent = 'changed';
    w.locationChanged();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('a reader or a send that throws never reaches the page', async () => {
    const { w } = setup({
      read: () => {
        throw new Error('layout changed');
      },
      send: () => {
        throw new Error('extension reloaded');
      },
    });
    w.start();
    await expect(vi.advanceTimersByTimeAsync(300)).resolves.not.toThrow();
    expect(w.reads).toBe(1);
  });

  it('waits for a record area rendered late', async () => {
    document.body.innerHTML = '<header></header>';
    const { w, read } = setup();
    w.start();
    expect(w.observed).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    page(document);
    await vi.advanceTimersByTimeAsync(1500);
    expect(w.observed?.className).toBe('oneCenterStage');
    expect(read).toHaveBeenCalled();
  });
});

describe('with the real reader on a saved page', () => {
  it('reads the Salesforce fixture and the background boundary accepts it', async () => {
    const html = readFileSync('tests/fixtures/pages/salesforce/opportunity.html', 'utf8');
    document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
    const { w, sent } = setup({ read: readCrmPage, isRecordUrl: isCrmRecordUrl });
    w.start();
    await vi.advanceTimersByTimeAsync(300);
    expect(sent[0]).toMatchObject({ capture: { site: 'salesforce', fields: { name: 'Acme Platform Renewal' } } });
    const stored = acceptCaptureReport(sent[0], 7, 1000);
    expect(stored).toMatchObject({ tabId: 7, capturedAt: 1000, capture: { site: 'salesforce', kind: 'deal' } });
  });
});

describe('the background boundary', () => {
  const ok = { capture: { type: 'record', site: 'pipedrive', kind: 'deal', url: 'https://a.pipedrive.com/deal/1', externalId: '1', fields: { name: 'Deal' }, raw: {}, people: [], missing: [] } };

  it('strips invisible characters again and keeps a valid capture', () => {
    const r = acceptCaptureReport({ capture: { ...ok.capture, fields: { name: 'De\u202Eal\u200B' } } }, 3, 5);
    expect(r).toEqual({ tabId: 3, capturedAt: 5, capture: { ...ok.capture, fields: { name: 'Deal' } } });
  });

  it('a non-record page is none', () => {
    expect(acceptCaptureReport({ none: true }, 3, 5)).toEqual({ none: true });
  });

  it('an invalid capture is kept as its error, naming the field and the reason', () => {
    const r = acceptCaptureReport({ capture: { ...ok.capture, site: 'myspace', fields: { name: 'x'.repeat(301), currency: 'baht' } } }, 3, 5);
    expect('error' in r && r.error).toMatch(/fields\.name: .*300/);
    expect('error' in r && r.error).toMatch(/fields\.currency/);
    expect(acceptCaptureReport('<script>', 3, 5)).toMatchObject({ error: expect.any(String) });
  });
});
