import { describe, expect, it } from 'vitest';
import { addWorkdays, defaultNextStepDue, isWorkday, weekdayOf } from '../../../lib/domain/workdays';

describe('weekdayOf / isWorkday', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-11-28', 6], // Saturday
    ['2026-11-29', 0],
    ['2026-11-30', 1],
    ['2024-02-29', 4],
    ['1969-12-31', 3],
  ])('%s is weekday %i', (d, w) => expect(weekdayOf(d)).toBe(w));

  it('Saturday and Sunday are not working days', () => {
    expect(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'].map(isWorkday)).toEqual([true, false, false, true]);
  });
});

describe('addWorkdays', () => {
  it.each([
    // from, n, expected — why
    ['2026-11-23', 2, '2026-11-25'], // Mon → Wed
    ['2026-11-26', 2, '2026-11-30'], // Thu → Mon (skips the weekend)
    ['2026-11-27', 2, '2026-12-01'], // Fri → Tue, across a month end
    ['2026-11-28', 2, '2026-12-01'], // Sat → Tue
    ['2026-11-29', 2, '2026-12-01'], // Sun → Tue
    ['2026-11-27', 1, '2026-11-30'], // Fri → Mon
    ['2026-12-31', 2, '2027-01-04'], // Thu 31 Dec → Mon 4 Jan, across a year end
    ['2028-02-28', 2, '2028-03-01'], // Mon → Wed over a leap day
    ['2027-02-26', 1, '2027-03-01'], // Fri → Mon across a short February
    ['2026-11-23', 5, '2026-11-30'], // a whole working week
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-11-25', 0, '2026-11-25'], // a working day itself
    ['2026-11-28', 0, '2026-11-30'], // a weekend day → next Monday
  ])('%s + %i working days = %s', (from, n, want) => expect(addWorkdays(from, n)).toBe(want));

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkdays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkdays('2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('never lands on a weekend and always moves forward', () => {
    for (let i = 0; i < 400; i++) {
      const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      for (const n of [1, 2, 3, 7]) {
        const r = addWorkdays(d, n);
        expect(isWorkday(r), `${d}+${n}`).toBe(true);
        expect(r > d).toBe(true);
      }
    }
  });
});

describe('defaultNextStepDue', () => {
  it('is two working days later', () => {
    expect(defaultNextStepDue('2026-11-26')).toBe('2026-11-30');
    expect(defaultNextStepDue('2026-11-30')).toBe('2026-12-02');
  });
});
