import { describe, expect, it } from 'vitest';
import { convertMinor } from '../../../lib/domain/money';
import { buildKpiIndex, makeConverter } from '../../../lib/kpi';
import { activity, book, kpisOf } from './fixtures';

describe('activity day table', () => {
  it('counts activities spread over centuries (side list) and grown both ways', () => {
    const b = book({
      activities: [
        activity('call', Date.UTC(2026, 5, 1, 3)),
        activity('call', Date.UTC(2026, 0, 1, 3)), // grows the table downwards
        activity('call', Date.UTC(2026, 11, 31, 3)), // and upwards
        activity('call', Date.UTC(1970, 0, 2, 3)), // too far: side list
        activity('email', Date.UTC(2999, 0, 2, 3)),
        activity('email', Date.UTC(2026, 5, 1, 3)),
      ],
    });
    const far = { asOf: '3000-01-01' };
    expect(kpisOf(b, { start: '2026-01-01', end: '2026-12-31' }, far).values.calls_logged).toBe(3);
    expect(kpisOf(b, { start: '1970-01-01', end: '2026-01-01' }, far).values.calls_logged).toBe(2);
    expect(kpisOf(b, { start: '1970-01-02', end: '1970-01-02' }, far).values.calls_logged).toBe(1);
    expect(kpisOf(b, { start: '2026-06-01', end: '2999-12-31' }, far).values.emails_logged).toBe(2);
    expect(kpisOf(b, { start: '2027-01-01', end: '2999-01-01' }, far).values.emails_logged).toBe(0);
  });

  it('uses the given time-zone offset (minutes east of UTC)', () => {
    const b = book({ activities: [activity('meeting', Date.UTC(2026, 10, 30, 20))] }); // Dec 1 in Bangkok, Nov 30 in UTC
    const nov = { start: '2026-11-01', end: '2026-11-30' };
    expect(kpisOf(b, nov, { asOf: '2026-12-31', tzOffsetMinutes: 420 }).values.meetings_logged).toBe(0);
    expect(kpisOf(b, nov, { asOf: '2026-12-31', tzOffsetMinutes: 0 }).values.meetings_logged).toBe(1);
  });
});

describe('currency conversion', () => {
  it('matches lib/domain convertMinor exactly, NaN where it gives null', () => {
    const rates = { USD: 35.123, JPY: 0.2371, BHD: 92.5 };
    const convert = makeConverter('THB', rates);
    for (const cur of ['THB', 'USD', 'JPY', 'BHD', 'EUR']) {
      for (const minor of [0, 1, 99, 12_345, 987_654_321]) {
        const want = convertMinor(minor, cur, 'THB', rates);
        const got = convert(minor, cur);
        if (want === null) expect(got).toBeNaN();
        else expect(got).toBe(want);
      }
    }
  });

  it('the index keeps converted amounts per deal', () => {
    const ix = buildKpiIndex(book({}), { reportingCurrency: 'JPY', fxRates: { THB: 4 }, tzOffsetMinutes: 0 });
    expect(ix.convert(1_000, 'THB')).toBe(40); // 10.00 THB = 40 JPY (no minor units)
  });
});
