import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from '../../../../lib/io/csv/parse';

/** An Excel-style file: CRLF after every record, including the last. */
const excel = (lines: string[], tail = '\r\n') => lines.join('\r\n') + tail;

describe('guessDelimiter on small Excel-style files', () => {
  // Data values hold the other candidates unquoted, which is what misled a guess that counted
  // the trailing empty line as a one-field record.
  const cases: Array<{ name: string; d: string; header: string; rows: string[]; expected: string[][] }> = [
    {
      name: 'comma, unquoted, values with ; and |',
      d: ',',
      header: 'Name,Stage,Owner',
      rows: ['|a,a;b,x|y', 'c;d,Proposal,|'],
      expected: [
        ['|a', 'a;b', 'x|y'],
        ['c;d', 'Proposal', '|'],
      ],
    },
    {
      name: 'comma, quoted values with commas and quotes',
      d: ',',
      header: '"Name","Amount","Note"',
      rows: ['"Acme, Inc.","1,234.50","say ""hi"";|"'],
      expected: [['Acme, Inc.', '1,234.50', 'say "hi";|']],
    },
    {
      name: 'semicolon, unquoted, decimal commas',
      d: ';',
      header: 'Name;Amount;Close',
      rows: ['Acme;1.234,50;31.03.2026', 'Globex, Ltd;99,5;1.4.2026', 'Initech;7;2.4.2026'],
      expected: [
        ['Acme', '1.234,50', '31.03.2026'],
        ['Globex, Ltd', '99,5', '1.4.2026'],
        ['Initech', '7', '2.4.2026'],
      ],
    },
    {
      name: 'semicolon, quoted',
      d: ';',
      header: '"Name";"Amount"',
      rows: ['"Acme, Inc.";"1.234,50"'],
      expected: [['Acme, Inc.', '1.234,50']],
    },
    {
      name: 'tab, values with commas and semicolons',
      d: '\t',
      header: 'Name\tAmount\tNote',
      rows: ['Acme, Inc.\t1,234.50\ta;b', 'Globex\t5\t|'],
      expected: [
        ['Acme, Inc.', '1,234.50', 'a;b'],
        ['Globex', '5', '|'],
      ],
    },
    {
      name: 'tab, quoted',
      d: '\t',
      header: '"Name"\t"Amount"',
      rows: ['"Acme, Inc."\t"1,234.50"'],
      expected: [['Acme, Inc.', '1,234.50']],
    },
  ];

  for (const c of cases) {
    for (const [ending, tail] of [
      ['CRLF-terminated', '\r\n'],
      ['LF-terminated', '\n'],
      ['with trailing blank lines', '\r\n\r\n\r\n'],
      ['without a final line break', ''],
    ] as const) {
      it(`${c.name}, ${ending}`, () => {
        const lines = [c.header, ...c.rows];
        const text = tail === '\n' ? lines.join('\n') + '\n' : excel(lines, tail);
        expect(guessDelimiter(text)).toBe(c.d);
        const p = parseCsv(text);
        expect(p.delimiter).toBe(c.d);
        expect(p.errors).toEqual([]);
        expect(p.rows).toEqual(c.expected);
      });
    }
  }

  it('one data row of each kind, the row being the only evidence besides the header', () => {
    expect(guessDelimiter('a,b\r\n1;2|3,4\r\n')).toBe(',');
    expect(guessDelimiter('a;b\r\n1,2;3|4\r\n')).toBe(';');
    expect(guessDelimiter('a\tb\r\n1,2\t3;4\r\n')).toBe('\t');
  });

  it('a header that holds another candidate is outvoted by the data rows', () => {
    // ';' splits the header into more columns, but no data row has that many fields.
    const text = excel(['Name,Notes (a;b;c)', 'Acme,x', 'Globex,y']);
    expect(guessDelimiter(text)).toBe(',');
    expect(parseCsv(text).rows).toEqual([
      ['Acme', 'x'],
      ['Globex', 'y'],
    ]);
  });

  it('a quote inside an unquoted value does not hide the delimiters after it', () => {
    expect(guessDelimiter(excel(['Item;Size;Price', '5" screen;M;10', 'Cable;S;2']))).toBe(';');
  });

  it('a header-only or single-column file keeps the header rule (comma when nothing splits)', () => {
    expect(guessDelimiter('a;b;c\r\n')).toBe(';');
    expect(guessDelimiter('Name\r\nAcme\r\n\r\n')).toBe(',');
    expect(guessDelimiter('')).toBe(',');
  });

  it('Excel blank rows written as bare delimiters count for that delimiter', () => {
    expect(guessDelimiter(excel(['a;b;c', 'x,y;1;2', ';;', ';;']))).toBe(';');
  });
});
