import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../lib/io/csv/decode';
import { parseCsv } from '../../../../lib/io/csv/parse';
import { fixtureBytes } from './helpers';

const SPECTRUM = join(__dirname, '../../../../node_modules/csv-spectrum');
const cases = readdirSync(join(SPECTRUM, 'csvs'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.replace(/\.csv$/, ''));

describe('parseCsv on csv-spectrum', () => {
  it('finds all the suite files', () => {
    expect(cases.length).toBe(12);
  });

  it.each(cases)('%s', (name) => {
    const { text } = decodeBytes(new Uint8Array(readFileSync(join(SPECTRUM, 'csvs', `${name}.csv`))));
    const parsed = parseCsv(text);
    expect(parsed.errors).toEqual([]);
    const raw = JSON.parse(readFileSync(join(SPECTRUM, 'json', `${name}.json`), 'utf8')) as
      | Record<string, string>
      | Record<string, string>[];
    // location_coordinates.json is a single object, not an array, upstream.
    const expected = Array.isArray(raw) ? raw : [raw];
    const actual = parsed.rows.map((r) => Object.fromEntries(parsed.headers.map((h, i) => [h, r[i]])));
    if (name === 'location_coordinates') {
      // Upstream bug: the JSON has phone 1234567890 while the CSV has 2095257564. Everything else must match.
      expect(actual[0]!['Contact Phone Number']).toBe('2095257564');
      expect({ ...actual[0], 'Contact Phone Number': 'x' }).toEqual({ ...expected[0], 'Contact Phone Number': 'x' });
      expect(actual).toHaveLength(1);
      return;
    }
    expect(actual).toEqual(expected);
  });
});

describe('parseCsv', () => {
  it('numbers rows as a spreadsheet does (header = row 1), counting multi-line values as one row', () => {
    const p = parseCsv('a,b\n1,"x\ny"\n2,z\n');
    expect(p.rows).toEqual([
      ['1', 'x\ny'],
      ['2', 'z'],
    ]);
    expect(p.rowNumbers).toEqual([2, 3]);
  });

  it('detects semicolon and tab delimiters', () => {
    expect(parseCsv('Name;Amount\nAcme;"1.234,50"\n').rows).toEqual([['Acme', '1.234,50']]);
    const tab = parseCsv('Name\tAmount\nAcme, Inc.\t1,234.50\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows).toEqual([['Acme, Inc.', '1,234.50']]);
  });

  it('reads a single-column file', () => {
    const p = parseCsv('Name\nAcme\nGlobex\n');
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([['Acme'], ['Globex']]);
  });

  it('reports an empty file (0 bytes, or only blank lines)', () => {
    expect(parseCsv('').errors).toEqual([{ row: 0, code: 'empty', message: 'io.error.empty', params: { row: 0 } }]);
    expect(parseCsv('\r\n\r\n').errors[0]!.code).toBe('empty');
    expect(parseCsv(decodeBytes(new Uint8Array(0)).text).errors[0]!.code).toBe('empty');
  });

  it('reports a header without data rows', () => {
    const p = parseCsv('a,b,c\n');
    expect(p.headers).toEqual(['a', 'b', 'c']);
    expect(p.errors.map((e) => e.code)).toEqual(['no_rows']);
  });

  it('reports an unclosed quote at the row where it opens and keeps the rows before it', () => {
    const p = parseCsv('a,b\n1,ok\n2,"never closed\n3,lost\n');
    expect(p.rows).toEqual([['1', 'ok']]);
    expect(p.errors).toHaveLength(1);
    expect(p.errors[0]).toMatchObject({ row: 3, code: 'unclosed_quote', message: 'io.error.unclosedQuote' });
  });

  it('reports ragged rows instead of shifting values', () => {
    const p = parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    expect(p.rows).toEqual([
      ['1', '2', '3'],
      ['10', '11', '12'],
    ]);
    expect(p.rowNumbers).toEqual([2, 5]);
    expect(p.errors).toEqual([
      { row: 3, code: 'too_few_fields', message: 'io.error.tooFewFields', params: { row: 3, expected: 3, found: 2 } },
      { row: 4, code: 'too_many_fields', message: 'io.error.tooManyFields', params: { row: 4, expected: 3, found: 4 } },
    ]);
  });

  it('accepts trailing empty fields that Excel adds', () => {
    const p = parseCsv('a,b\n1,2,,\n');
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([['1', '2']]);
  });

  it('skips blank lines but keeps spreadsheet row numbers', () => {
    const p = parseCsv('a,b\n1,2\n\n3,4\n\n');
    expect(p.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(p.rowNumbers).toEqual([2, 4]);
  });

  it('strips a BOM left in the text and trims header whitespace', () => {
    expect(parseCsv('\uFEFF Name ,Amount\nx,1\n').headers).toEqual(['Name', 'Amount']);
  });

  it('separates the Salesforce Classic report footer from the data', () => {
    const p = parseCsv(decodeBytes(fixtureBytes('salesforce-opportunities-report.csv')).text);
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(5);
    expect(p.footer[0]).toBe('Opportunity Pipeline - Somchai');
    expect(p.footer).toHaveLength(5);
  });

  it('reads an Excel "Unicode text" file: UTF-16LE, BOM, tabs', () => {
    const text = 'Opportunity Name\tAmount\tClose Date\r\nสยาม - POS\t"1,200.00"\t3/31/2026\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const p = parseCsv(decodeBytes(bytes).text);
    expect(p.headers).toEqual(['Opportunity Name', 'Amount', 'Close Date']);
    expect(p.rows).toEqual([['สยาม - POS', '1,200.00', '3/31/2026']]);
  });
});
