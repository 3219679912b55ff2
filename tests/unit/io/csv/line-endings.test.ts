import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeLineEndings, parseCsv } from '../../../../lib/io/csv/parse';

describe('mixed line endings', () => {
  it('CRLF, LF and CR in one file are three rows, not one row of many values', () => {
    const p = parseCsv('Deal,Amount,Stage,Close\r\nAlpha,100,Won,2026-01-05\nBeta,200,Lost,2026-01-06\rGamma,300,Open,2026-02-01\r\n');
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      ['Alpha', '100', 'Won', '2026-01-05'],
      ['Beta', '200', 'Lost', '2026-01-06'],
      ['Gamma', '300', 'Open', '2026-02-01'],
    ]);
    expect(p.rowNumbers).toEqual([2, 3, 4]);
  });

  it('line breaks inside quoted values stay exactly as written', () => {
    const p = parseCsv('a,b\r\n1,"x\r\ny"\n2,"p\rq\nr"\r3,"say ""hi""\r\n"\n');
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      ['1', 'x\r\ny'],
      ['2', 'p\rq\nr'],
      ['3', 'say "hi"\r\n'],
    ]);
    expect(p.rowNumbers).toEqual([2, 3, 4]);
  });

  it('a CRLF file with LF inside quoted values reads as before', () => {
    const p = parseCsv('a;b\r\n"line 1\nline 2";x\r\ny;z\r\n');
    expect(p.delimiter).toBe(';');
    expect(p.rows).toEqual([
      ['line 1\nline 2', 'x'],
      ['y', 'z'],
    ]);
  });

  it('uniform files are left alone (no copy)', () => {
    expect(normalizeLineEndings('a,b\r\n1,2\r\n', ',')).toBeNull();
    expect(normalizeLineEndings('a,b\n1,2\n', ',')).toBeNull();
    expect(normalizeLineEndings('a,b\r1,2\r', ',')).toBeNull();
    expect(normalizeLineEndings('a,b\r\n1,2\n', ',')).toBe('a,b\n1,2\n');
  });

  it('a quote in the middle of an unquoted value does not start a quoted value', () => {
    expect(normalizeLineEndings('a,b\r\n5" screen,2\n3,4\r', ',')).toBe('a,b\n5" screen,2\n3,4\n');
  });

  it('property: any mix of line ends between records parses like the same file with LF only', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-z0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z,"\r\n]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = fc.array(cell, { minLength: 3, maxLength: 3 }).map((cs) => cs.join(','));
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(row, eol), { minLength: 1, maxLength: 8 }), (rows) => {
        // A row of three empty unquoted cells is ",,": still a record, so the check holds.
        const mixed = 'a,b,c' + rows.map(([r, e]) => `${e}${r}`).join('') + '\r\n';
        const lf = 'a,b,c' + rows.map(([r]) => `\n${r}`).join('') + '\n';
        const m = parseCsv(mixed);
        const l = parseCsv(lf);
        expect(m.rows).toEqual(l.rows);
        expect(m.errors).toEqual(l.errors);
      }),
    );
  });
});
