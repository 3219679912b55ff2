import { describe, expect, it } from 'vitest';
import { recogniseAmounts } from '../../../lib/recognise';

describe('recogniseAmounts', () => {
  it.each([
    ['฿1,234.56', '฿1,234.56', 123456, 'THB'],
    ['total THB 1,250,000.00 ex VAT', 'THB 1,250,000.00', 125000000, 'THB'],
    ['budget THB 1.2M', 'THB 1.2M', 120000000, 'THB'],
    ['$1,200', '$1,200', 120000, 'USD'],
    ['USD 1200', 'USD 1200', 120000, 'USD'],
    ['US$ 99.5', 'US$ 99.5', 9950, 'USD'],
    ['€1.234,56', '€1.234,56', 123456, 'EUR'],
    ['1.234,56 EUR', '1.234,56 EUR', 123456, 'EUR'],
    ['EUR 1.234', 'EUR 1.234', 123400, 'EUR'],
    ['ราคา 12,500 บาทต่อเดือน', '12,500 บาท', 1250000, 'THB'],
    ['£2.5k', '£2.5k', 250000, 'GBP'],
    ['¥1,200', '¥1,200', 1200, 'JPY'],
    ['1\u00A0234,50\u00A0€', '1\u00A0234,50\u00A0€', 123450, 'EUR'],
    ['SGD 3 bn', 'SGD 3 bn', 300000000000, 'SGD'],
  ])('%s', (input, text, minor, currency) => {
    const [m, ...rest] = recogniseAmounts(input);
    expect(rest).toEqual([]);
    expect(m).toEqual({ kind: 'amount', text, start: input.indexOf(text), end: input.indexOf(text) + text.length, value: { minor, currency } });
  });

  it.each(['1,234.56', '1200 units', 'ABCUSD 100', 'a phone 081 234 5678', '15/03/2569', 'USD', '1 234,50 €'])('no currency, no amount: %s', (input) => {
    expect(recogniseAmounts(input)).toEqual([]);
  });

  it('finds several in one text', () => {
    const input = 'Option A: THB 500,000; option B: $15,000 or €14.000,50.';
    expect(recogniseAmounts(input).map((m) => [m.text, m.value.minor, m.value.currency])).toEqual([
      ['THB 500,000', 50000000, 'THB'],
      ['$15,000', 1500000, 'USD'],
      ['€14.000,50', 1400050, 'EUR'],
    ]);
  });
});
