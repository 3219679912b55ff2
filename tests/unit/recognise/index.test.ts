import { describe, expect, it } from 'vitest';
import { recognise } from '../../../lib/recognise';

describe('recognise', () => {
  const input =
    'Hi Nok,\nPlease quote THB 1.2M for 1,250 t, delivery by 15 มี.ค. 2569.\nCall me on 081 234 5678 or write to somchai@chonburisteel.co.th.\n\nBest regards,\nSomchai Jaidee\nHead of Procurement\nChonburi Steel Co., Ltd.';
  const r = recognise(input);

  it.each([
    ['emails', ['somchai@chonburisteel.co.th']],
    ['phones', ['081 234 5678']],
    ['amounts', ['THB 1.2M']],
    ['dates', ['15 มี.ค. 2569']],
  ] as const)('%s', (kind, texts) => {
    expect(r[kind].map((m) => m.text)).toEqual(texts);
  });

  it('lists everything in input order and the signature apart', () => {
    expect(r.all.map((m) => m.kind)).toEqual(['amount', 'date', 'phone', 'email']);
    expect(r.signatures.map((s) => [s.value.name.text, s.value.title?.text, s.value.company?.text])).toEqual([
      ['Somchai Jaidee', 'Head of Procurement', 'Chonburi Steel Co., Ltd.'],
    ]);
  });

  it('a phone inside a date or an amount is not reported twice', () => {
    expect(recognise('0812345678 THB 0812345678').phones.map((p) => p.text)).toEqual(['0812345678']);
  });

  it.each([[''], ['\u0000\uFFFF\uD800'], [undefined as unknown as string]])('odd input %j gives empty lists', (input) => {
    expect(recognise(input).all).toEqual([]);
  });
});
