import { needsFormulaGuard, unguardFormula } from '../../../../lib/io/csv/formula';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvLine,
  formatMinorAsMajor,
  isFormulaLike,
  neutraliseFormula,
  numericText,
  plainNumber,
  toCsv,
} from '../../../../lib/io/export/csv-write';

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+66 2 123 4567', "'+66 2 123 4567"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tTabbed', "'\tTabbed"],
    ['\rCR', "'\rCR"],
    ['Acme = good', 'Acme = good'],
    ['บริษัท ไทยเบฟ', 'บริษัท ไทยเบฟ'],
    ['', ''],
    [" ' quoted", " ' quoted"],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(isFormulaLike(input)).toBe(input !== expected);
  });
});

describe('csvCell', () => {
  it.each<[string | number | null | undefined, string]>([
    ['plain', 'plain'],
    ['บริษัท ซีพี ออลล์ จำกัด', 'บริษัท ซีพี ออลล์ จำกัด'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['=1+2', "'=1+2"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['-1,5', `"'-1,5"`],
    ['\r=cmd', `"'\r=cmd"`],
    // Other delimiters are quoted too, so delimiter-guessing readers stay on the comma.
    ['a;b', '"a;b"'],
    ['a|b', '"a|b"'],
    ['a\tb', '"a\tb"'],
    ['\tb', `"'\tb"`],
    ['@a', "'@a"],
    [42, '42'],
    [-5, '-5'],
    [0.25, '0.25'],
    [-0.5, '-0.5'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [Number.NaN, ''],
    [Number.POSITIVE_INFINITY, ''],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('writes numeric text as-is, never neutralised', () => {
    expect(csvCell(numericText('-12.50'))).toBe('-12.50');
    expect(csvCell(numericText(''))).toBe('');
  });

  it('random text parses back (papaparse) to itself, or to a quote-prefixed copy when a spreadsheet would run it', () => {
    const charset = fc.constantFrom('a', 'ก', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', ' ', "'", '๑', ';');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: charset })), (s) => {
        // Two cells per line so an empty cell still makes a record.
        const line = `${csvCell(s)},${csvCell('end')}`;
        const parsed = Papa.parse<string[]>(line, { delimiter: ',', newline: '\r\n' });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data[0]).toEqual([needsFormulaGuard(s) ? `'${s}` : s, 'end']);
        // …and the importer's one-quote removal gives back exactly s.
        expect(unguardFormula(parsed.data[0]![0]!)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('plainNumber', () => {
  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [123456789, '123456789'],
    [1.23e25, '12300000000000000000000000'],
    [-4.5e-10, '-0.00000000045'],
    [1e-7, '0.0000001'],
    [2.5e-7, '0.00000025'],
    [0.1 + 0.2, '0.30000000000000004'],
  ])('%s → %s', (n, expected) => {
    expect(plainNumber(n)).toBe(expected);
    expect(Number(plainNumber(n))).toBe(n === 0 ? 0 : n);
  });

  it('round-trips every finite double through Number()', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = plainNumber(n);
        expect(s).not.toMatch(/e/i);
        expect(Number(s)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('formatMinorAsMajor', () => {
  it.each<[number, number, string]>([
    [123450, 2, '1234.50'],
    [5, 2, '0.05'],
    [0, 2, '0.00'],
    [-5, 2, '-0.05'],
    [-0.4, 2, '0.00'],
    [12345, 0, '12345'],
    [1234567, 3, '1234.567'],
    [1999.5, 2, '20.00'],
    [9007199254740991, 2, '90071992547409.91'],
    // 1e23 is the double 99999999999999991611392.
    [1e23, 2, '999999999999999916113.92'],
  ])('%s minor, exponent %s → %s', (minor, exp, expected) => {
    expect(formatMinorAsMajor(minor, exp)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a BOM and CRLF between lines, none after the last', () => {
    const csv = toCsv(['a', 'b'], [
      ['x', 1],
      [null, 'y,z'],
    ]);
    expect(csv).toBe('\uFEFFa,b\r\nx,1\r\n,"y,z"');
  });

  it('can leave the BOM out', () => {
    expect(toCsv(['a'], [], { bom: false })).toBe('a');
  });

  it('csvLine joins cells with commas', () => {
    expect(csvLine(['a', 2, null, '=x'])).toBe("a,2,,'=x");
  });
});
