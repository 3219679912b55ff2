import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../lib/io/csv/parse';
import {
  detectDateFormat,
  detectDecimalSeparator,
  detectProbabilityScale,
  parseAmount,
  parseDate,
  parseProbability,
  parseTimeOfDay,
  type DateFormat,
} from '../../../../lib/io/import/values';

describe('detectDateFormat', () => {
  it('recognises ISO dates and datetimes', () => {
    expect(detectDateFormat(['2026-03-05', '2026-03-05 14:22', '2026-03-05T14:22:00Z', ''])).toEqual({
      ambiguous: false,
      format: 'iso',
      buddhistEra: false,
    });
  });
  it('settles M/D/YYYY from a second part above 12', () => {
    expect(detectDateFormat(['3/5/2026', '3/25/2026'])).toEqual({ ambiguous: false, format: 'mdy', buddhistEra: false });
  });
  it('settles D/M/YYYY from a first part above 12', () => {
    expect(detectDateFormat(['05/03/2026', '25/03/2026'])).toEqual({ ambiguous: false, format: 'dmy', buddhistEra: false });
  });
  it('asks when every value has both parts ≤ 12', () => {
    expect(detectDateFormat(['3/5/2026', '12/1/2026', '1/12/2026'])).toEqual({
      ambiguous: true,
      candidates: ['mdy', 'dmy'],
      buddhistEra: false,
    });
  });
  it('recognises D.M.YYYY, dashes, month names and Buddhist-era years', () => {
    expect(detectDateFormat(['5.3.2026', '31.12.2026'])).toMatchObject({ format: 'dmy_dot' });
    expect(detectDateFormat(['25-03-2026'])).toMatchObject({ format: 'dmy_dash' });
    expect(detectDateFormat(['25/03/2569', '01/04/2569'])).toEqual({ ambiguous: false, format: 'dmy', buddhistEra: true });
    expect(detectDateFormat(['5 Mar 2026', '25-Dec-2025'])).toMatchObject({ format: 'd_mon_y' });
    expect(detectDateFormat(['5 มี.ค. 2569'])).toEqual({ ambiguous: false, format: 'd_mon_y', buddhistEra: true });
    expect(detectDateFormat(['Mar 5, 2026', 'December 25, 2025'])).toMatchObject({ format: 'mon_d_y' });
    expect(detectDateFormat(['2026/03/05'])).toMatchObject({ format: 'ymd_slash' });
  });
  it('returns null for non-dates, empty and mixed columns', () => {
    expect(detectDateFormat(['hello', '2026-03-05'])).toBeNull();
    expect(detectDateFormat(['', ' '])).toBeNull();
    expect(detectDateFormat(['2026-03-05', '3/5/2026'])).toBeNull();
    expect(detectDateFormat(['13/5/2026', '5/13/2026'])).toBeNull();
  });
});

describe('parseDate', () => {
  const cases: Array<[string, DateFormat, string]> = [
    ['2026-03-05', 'iso', '2026-03-05'],
    ['2026-3-5', 'iso', '2026-03-05'],
    ['2026-03-05 14:22', 'iso', '2026-03-05'],
    ['2026-03-05T23:59:00.000Z', 'iso', '2026-03-05'],
    ['2026/03/05', 'ymd_slash', '2026-03-05'],
    ['3/5/2026', 'mdy', '2026-03-05'],
    ['3/5/2026 2:22 PM', 'mdy', '2026-03-05'],
    ['3/5/26', 'mdy', '2026-03-05'],
    ['3/5/2026', 'dmy', '2026-05-03'],
    ['05.03.2026', 'dmy_dot', '2026-03-05'],
    ['5-3-2026', 'dmy_dash', '2026-03-05'],
    ['3-5-2026', 'mdy_dash', '2026-03-05'],
    ['05/03/2569', 'dmy', '2026-03-05'],
    ['2569-03-05', 'iso', '2026-03-05'],
    ['๐๕/๐๓/๒๕๖๙', 'dmy', '2026-03-05'],
    ['5 Mar 2026', 'd_mon_y', '2026-03-05'],
    ['05-Mar-26', 'd_mon_y', '2026-03-05'],
    ['5 มีนาคม 2569', 'd_mon_y', '2026-03-05'],
    ['29 ก.พ. 2567', 'd_mon_y', '2024-02-29'],
    ['Mar 5, 2026', 'mon_d_y', '2026-03-05'],
    ['Sept. 30 2026', 'mon_d_y', '2026-09-30'],
  ];
  it.each(cases)('%s as %s → %s', (value, format, expected) => {
    expect(parseDate(value, format)).toEqual({ ok: true, value: expected });
  });
  it('returns null for blank cells', () => {
    expect(parseDate('  ', 'mdy')).toEqual({ ok: true, value: null });
  });
  it('rejects impossible dates and wrong shapes', () => {
    expect(parseDate('2/30/2026', 'mdy')).toEqual({ ok: false, error: 'io.reject.notRealDate' });
    expect(parseDate('2026-13-01', 'iso')).toEqual({ ok: false, error: 'io.reject.notRealDate' });
    expect(parseDate('2/29/2026', 'mdy').ok).toBe(false);
    expect(parseDate('2/29/2024', 'mdy')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('3/5/2026', 'iso')).toEqual({ ok: false, error: 'io.reason.badDate', params: { format: 'iso', expected: 'YYYY-MM-DD' } });
    expect(parseDate('05.03.2026', 'dmy')).toEqual({ ok: false, error: 'io.reason.badDate', params: { format: 'dmy', expected: 'D/M/YYYY' } });
    // A real day in a year no deal is in (a CRM's "no date" 9999-12-31) says so, instead of "not a real date".
    expect(parseDate('9999-12-31', 'iso')).toEqual({ ok: false, error: 'io.reason.dateYears', params: { first: 1900, last: 2200 } });
    expect(parseDate('1899-12-31', 'iso')).toMatchObject({ ok: false, error: 'io.reason.dateYears' });
    expect(parseDate('2200-12-31', 'iso')).toEqual({ ok: true, value: '2200-12-31' });
    expect(parseDate('soon', 'dmy')).toMatchObject({ ok: false });
  });
  it('reads the time of day of a datetime cell', () => {
    expect(parseTimeOfDay('2026-03-05 14:22')).toBe(14 * 60 + 22);
    expect(parseTimeOfDay('3/5/2026 2:22 PM')).toBe(14 * 60 + 22);
    expect(parseTimeOfDay('3/5/2026 12:05 AM')).toBe(5);
    expect(parseTimeOfDay('2026-03-05')).toBeNull();
  });
});

describe('parseAmount', () => {
  const cases: Array<[string, string, number | null, string]> = [
    ['1,234.56', 'THB', 123456, 'THB'],
    ['1234', 'THB', 123400, 'THB'],
    ['฿1,234', 'USD', 123400, 'THB'],
    ['1,234 บาท', 'USD', 123400, 'THB'],
    ['THB 1,234.00', 'USD', 123400, 'THB'],
    ['1,234.00 THB', 'USD', 123400, 'THB'],
    ['$1,200', 'THB', 120000, 'USD'],
    ['$1,200', 'SGD', 120000, 'SGD'],
    ['US$1,200', 'SGD', 120000, 'USD'],
    ['USD 1200', 'THB', 120000, 'USD'],
    ['usd1200.5', 'THB', 120050, 'USD'],
    ['€ 99.90', 'THB', 9990, 'EUR'],
    ['¥1,500', 'THB', 1500, 'JPY'],
    ['JPY 1500', 'THB', 1500, 'JPY'],
    ['BHD 1.234', 'THB', 1234, 'BHD'],
    ['', 'THB', null, 'THB'],
    ['(100)', 'THB', -10000, 'THB'],
    ['-100', 'THB', -10000, 'THB'],
    ['-$100', 'THB', -10000, 'USD'],
    ['0.005', 'THB', 1, 'THB'],
  ];
  it.each(cases)('%s (default %s) → %s %s', (value, def, minor, currency) => {
    expect(parseAmount(value, def)).toEqual({ ok: true, value: { minor, currency } });
  });
  it('reads comma-decimal forms when told the column uses them', () => {
    expect(parseAmount('1.234,56', 'EUR', 'comma')).toEqual({ ok: true, value: { minor: 123456, currency: 'EUR' } });
    expect(parseAmount('1 234,50', 'EUR', 'comma')).toEqual({ ok: true, value: { minor: 123450, currency: 'EUR' } });
    expect(parseAmount('1\u00a0234,50 €', 'THB', 'comma')).toEqual({ ok: true, value: { minor: 123450, currency: 'EUR' } });
  });
  it('rejects what is not an amount', () => {
    expect(parseAmount('abc', 'THB')).toEqual({ ok: false, error: 'io.reject.badAmount' });
    expect(parseAmount('12-34', 'THB').ok).toBe(false);
    expect(parseAmount('1.2.3', 'THB').ok).toBe(false);
  });
});

describe('detectDecimalSeparator', () => {
  it('tells the column convention from a decisive value', () => {
    expect(detectDecimalSeparator(['1,234', '1.234,56'])).toBe('comma');
    expect(detectDecimalSeparator(['99,5'])).toBe('comma');
    expect(detectDecimalSeparator(['1.234.567'])).toBe('comma');
    expect(detectDecimalSeparator(['1,234,567'])).toBe('dot');
    expect(detectDecimalSeparator(['1,234', '12.5'])).toBe('dot');
    expect(detectDecimalSeparator(['THB 1,234.00'])).toBe('dot');
  });
  it('defaults to the dot when nothing decides (Thai and US exports)', () => {
    expect(detectDecimalSeparator(['1,234', '', '500'])).toBe('dot');
  });
});

describe('probability', () => {
  it("reads '60%', '60' and '0.6' as 0.6 with the column's scale", () => {
    expect(parseProbability('60%', 'fraction')).toEqual({ ok: true, value: 0.6 });
    expect(parseProbability('60', 'percent')).toEqual({ ok: true, value: 0.6 });
    expect(parseProbability('0.6', 'fraction')).toEqual({ ok: true, value: 0.6 });
    expect(parseProbability('', 'percent')).toEqual({ ok: true, value: null });
    expect(parseProbability('120', 'percent')).toEqual({ ok: false, error: 'io.reject.badProbability' });
    expect(parseProbability('high', 'percent').ok).toBe(false);
  });
  it('treats a column as percent when any value is above 1 or has %', () => {
    expect(detectProbabilityScale(['0.1', '0.6', '1'])).toBe('fraction');
    expect(detectProbabilityScale(['1', '10', '60'])).toBe('percent');
    expect(detectProbabilityScale(['0.5', '50%'])).toBe('percent');
  });
});

describe('round trip: formatted CSV values parse back to the same amount and date', () => {
  const dayArb = fc.integer({ min: 0, max: 60000 }).map((n) => new Date(Date.UTC(1950, 0, 1) + n * 86_400_000));
  const formatters: Record<DateFormat, (d: Date, be: boolean) => string> = {
    iso: (d, be) => `${y(d, be)}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    ymd_slash: (d, be) => `${y(d, be)}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
    mdy: (d, be) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${y(d, be)}`,
    dmy: (d, be) => `${p2(d.getUTCDate())}/${p2(d.getUTCMonth() + 1)}/${y(d, be)}`,
    dmy_dot: (d, be) => `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${y(d, be)}`,
    mdy_dash: (d, be) => `${d.getUTCMonth() + 1}-${d.getUTCDate()}-${y(d, be)}`,
    dmy_dash: (d, be) => `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${y(d, be)}`,
    d_mon_y: (d, be) => `${d.getUTCDate()} ${MON[d.getUTCMonth()]} ${y(d, be)}`,
    mon_d_y: (d, be) => `${MON[d.getUTCMonth()]} ${d.getUTCDate()}, ${y(d, be)}`,
  };
  const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  const y = (d: Date, be: boolean) => d.getUTCFullYear() + (be ? 543 : 0);
  const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  it('for random deals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999_999 }),
        fc.constantFrom('THB', 'USD', 'JPY', 'EUR'),
        fc.constantFrom('plain', 'grouped', 'symbolCode', 'codeAfter', 'commaDecimal'),
        dayArb,
        fc.constantFrom(...(Object.keys(formatters) as DateFormat[])),
        fc.boolean(),
        (minor, currency, amountStyle, day, dateFormat, be) => {
          const exp = currency === 'JPY' ? 0 : 2;
          const major = Math.floor(minor / 10 ** exp);
          const frac = exp ? `.${String(minor % 100).padStart(2, '0')}` : '';
          const amount = {
            plain: `${major}${frac}`,
            grouped: `${group(major, ',')}${frac}`,
            symbolCode: `${currency} ${group(major, ',')}${frac}`,
            codeAfter: `${group(major, ',')}${frac} ${currency}`,
            commaDecimal: `${group(major, '.')}${frac.replace('.', ',')}`,
          }[amountStyle];
          const dateText = formatters[dateFormat](day, be);
          // A CSV row with quoting, as Excel writes it.
          const csv = `Name,Amount,Close\n"Deal, ""A""","${amount}","${dateText}"\n`;
          const parsed = parseCsv(csv);
          const row = parsed.rows[0]!;
          expect(row[0]).toBe('Deal, "A"');
          const decimal = amountStyle === 'commaDecimal' ? 'comma' : detectDecimalSeparator([row[1]!]);
          const a = parseAmount(row[1]!, currency, decimal);
          expect(a).toEqual({ ok: true, value: { minor, currency } });
          const d = parseDate(row[2]!, dateFormat);
          expect(d).toEqual({ ok: true, value: day.toISOString().slice(0, 10) });
        },
      ),
      { numRuns: 500 },
    );
  });
});
