import { describe, expect, it } from 'vitest';
import { recogniseDates } from '../../../lib/recognise';

describe('recogniseDates', () => {
  it.each([
    ['due 15/03/2569', '15/03/2569', '2026-03-15', true, false],
    ['ส่งของ 15 มี.ค. 2569 ครับ', '15 มี.ค. 2569', '2026-03-15', true, false],
    ['15 มีนาคม พ.ศ. 2569', '15 มีนาคม พ.ศ. 2569', '2026-03-15', true, false],
    ['by March 15, 2026.', 'March 15, 2026', '2026-03-15', false, false],
    ['on 15 March 2026', '15 March 2026', '2026-03-15', false, false],
    ['on Mar 15th, 2026', 'Mar 15th, 2026', '2026-03-15', false, false],
    ['ISO 2026-03-15T10:00', '2026-03-15', '2026-03-15', false, false],
    ['2026/03/15', '2026/03/15', '2026-03-15', false, false],
    ['15.03.2026', '15.03.2026', '2026-03-15', false, false],
    ['03/15/2026', '03/15/2026', '2026-03-15', false, false],
    ['03/04/2026', '03/04/2026', '2026-04-03', false, true],
    ['29 Feb 2028', '29 Feb 2028', '2028-02-29', false, false],
  ])('%s', (input, text, date, buddhistEra, ambiguous) => {
    const [m, ...rest] = recogniseDates(input);
    expect(rest).toEqual([]);
    expect(m).toEqual({ kind: 'date', text, start: input.indexOf(text), end: input.indexOf(text) + text.length, value: { date, buddhistEra, ambiguous } });
  });

  it('settles day/month order across the text, like a column', () => {
    const input = 'ship 03/04/2026, invoice 13/04/2026';
    expect(recogniseDates(input).map((m) => [m.text, m.value.date, m.value.ambiguous])).toEqual([
      ['03/04/2026', '2026-04-03', false],
      ['13/04/2026', '2026-04-13', false],
    ]);
    expect(recogniseDates('ship 03/04/2026, invoice 04/13/2026').map((m) => m.value.date)).toEqual(['2026-03-04', '2026-04-13']);
  });

  it('reads an unsettled date by the given order', () => {
    expect(recogniseDates('03/04/2026', { order: 'mdy' })[0]!.value).toEqual({ date: '2026-03-04', buddhistEra: false, ambiguous: true });
  });

  it.each(['31/02/2026', '2026-13-01', '15/03/69', '02-123-4567', 'version 1.2.3', '12:30', 'March 2026'])('not a date: %s', (input) => {
    expect(recogniseDates(input)).toEqual([]);
  });
});
