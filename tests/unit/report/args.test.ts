import { describe, expect, it } from 'vitest';
import { isIsoDate, parseArgs, parseFx, USAGE } from '../../../lib/report/args';
import { DATE_FORMATS } from '../../../lib/io/import/values';

describe('parseArgs: defaults', () => {
  it('a file alone gives monthly periods over the data, no filter, auto currency and encoding', () => {
    expect(parseArgs(['deals.csv'])).toEqual({
      ok: true,
      help: false,
      args: {
        file: 'deals.csv',
        map: null,
        owner: null,
        period: 'month',
        from: null,
        to: null,
        asOf: null,
        currency: null,
        dateFormat: null,
        fx: {},
        out: null,
        entity: null,
        skipInvalid: false,
        fiscalYearStart: 1,
        encoding: 'auto',
      },
    });
  });
});

describe('parseArgs: every option', () => {
  it('reads --flag value and --flag=value forms', () => {
    const r = parseArgs([
      '--map',
      'amount=Net Amount',
      'export.csv',
      '--owner=  Ann Sriwan ',
      '--period',
      'quarter',
      '--from',
      '2026-01-01',
      '--to=2026-06-30',
      '--as-of',
      '2026-07-15',
      '--currency',
      'usd',
      '--date-format',
      'dmy',
      '--fx',
      'thb=0.028,EUR=1.08',
      '--out',
      'stats.csv',
      '--entity',
      'deals',
      '--skip-invalid',
      '--fiscal-year-start',
      '4',
      '--encoding',
      'windows-874',
      '--map',
      'stage=Pipeline Step',
    ]);
    expect(r).toEqual({
      ok: true,
      help: false,
      args: {
        file: 'export.csv',
        map: 'amount=Net Amount,stage=Pipeline Step',
        owner: 'Ann Sriwan',
        period: 'quarter',
        from: '2026-01-01',
        to: '2026-06-30',
        asOf: '2026-07-15',
        currency: 'USD',
        dateFormat: 'dmy',
        fx: { THB: 0.028, EUR: 1.08 },
        out: 'stats.csv',
        entity: 'deals',
        skipInvalid: true,
        fiscalYearStart: 4,
        encoding: 'windows-874',
      },
    });
  });

  it('"-" is standard input, and "--" ends the options', () => {
    expect(parseArgs(['-']).ok && (parseArgs(['-']) as { args: { file: string } }).args.file).toBe('-');
    const r = parseArgs(['--period', 'year', '--', '--odd-name.csv']);
    expect(r).toMatchObject({ ok: true, args: { file: '--odd-name.csv', period: 'year' } });
  });

  it('accepts every date format of the importer and every period', () => {
    for (const f of DATE_FORMATS) expect(parseArgs(['a.csv', '--date-format', f])).toMatchObject({ ok: true, args: { dateFormat: f } });
    for (const p of ['month', 'quarter', 'year', 'all']) expect(parseArgs(['a.csv', '--period', p])).toMatchObject({ ok: true, args: { period: p } });
  });

  it('--help and -h ask for the usage, which names every option', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseArgs(['a.csv', '-h'])).toEqual({ ok: true, help: true });
    for (const flag of ['--map', '--owner', '--period', '--from', '--to', '--as-of', '--currency', '--fx', '--date-format', '--out', '--entity', '--skip-invalid', '--fiscal-year-start', '--encoding']) {
      expect(USAGE).toContain(flag);
    }
  });
});

describe('parseArgs: usage errors name the problem', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['no file', [], /No CSV file given/],
    ['two files', ['a.csv', 'b.csv'], /Only one CSV file.*"b\.csv"/],
    ['unknown long flag', ['a.csv', '--perod', 'month'], /Unknown option "--perod"/],
    ['unknown short flag', ['a.csv', '-p', 'month'], /Unknown option "-p"/],
    ['missing value at the end', ['a.csv', '--owner'], /--owner needs a value/],
    ['a flag where a value belongs', ['a.csv', '--owner', '--period', 'month'], /--owner needs a value/],
    ['bad period', ['a.csv', '--period', 'week'], /--period must be one of month, quarter, year, all; got "week"/],
    ['bad from date', ['a.csv', '--from', '2026-02-30'], /--from must be a real date written YYYY-MM-DD; got "2026-02-30"/],
    ['from not ISO', ['a.csv', '--from', '1/2/2026'], /--from .*got "1\/2\/2026"/],
    ['bad to date', ['a.csv', '--to', '2026-13-01'], /--to must be a real date/],
    ['bad as-of', ['a.csv', '--as-of', 'today'], /--as-of must be a real date.*"today"/],
    ['reversed range', ['a.csv', '--from', '2026-03-01', '--to', '2026-02-01'], /--to \(2026-02-01\) is before --from \(2026-03-01\)/],
    ['bad currency', ['a.csv', '--currency', 'baht'], /--currency must be a 3-letter ISO 4217 code.*"baht"/],
    ['bad date format', ['a.csv', '--date-format', 'dd/mm/yyyy'], /--date-format must be one of iso, .*got "dd\/mm\/yyyy"/],
    ['bad fx entry', ['a.csv', '--fx', 'USD:36'], /--fx: "USD:36" is not CODE=RATE/],
    ['zero fx rate', ['a.csv', '--fx', 'USD=0'], /--fx: the rate for USD must be above 0/],
    ['bad entity', ['a.csv', '--entity', 'opportunities'], /--entity must be one of deals, accounts.*"opportunities"/],
    ['bad fiscal month', ['a.csv', '--fiscal-year-start', '13'], /--fiscal-year-start must be a month number 1-12; got "13"/],
    ['bad encoding', ['a.csv', '--encoding', 'latin1'], /--encoding must be one of .*"latin1"/],
    ['repeated single-valued flag', ['a.csv', '--owner', 'Ann', '--owner', 'Bob'], /--owner is given more than once/],
    ['value on a switch', ['a.csv', '--skip-invalid=yes'], /--skip-invalid takes no value/],
    ['blank owner', ['a.csv', '--owner', '  '], /--owner needs a name/],
  ];
  it.each(cases)('%s', (_name, argv, message) => {
    const r = parseArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(message);
  });
});

describe('helpers', () => {
  it('isIsoDate accepts real days only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
  });

  it('parseFx reads codes case-insensitively and merges', () => {
    expect(parseFx('usd=36.5, EUR = 39.25,')).toEqual({ ok: true, rates: { USD: 36.5, EUR: 39.25 } });
    expect(parseFx('')).toEqual({ ok: true, rates: {} });
    expect(parseFx('USD=abc').ok).toBe(false);
  });
});
