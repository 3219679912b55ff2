import { describe, expect, it } from 'vitest';
import { groupIssues, rowRanges } from '../../../../lib/io/import/issues';
import type { ImportIssue } from '../../../../lib/io/import/rows';

const issue = (row: number, message: string, column = 'Created', params = {}): ImportIssue => ({ row, column, value: '', message, params });

describe('grouped import warnings', () => {
  it('278 identical warnings become one line with the count and the rows as a range', () => {
    const warnings = [...Array.from({ length: 278 }, (_, i) => issue(i + 2, 'io.warn.createdMissing')), issue(40, 'io.warn.unknownType', 'Type')];
    const groups = groupIssues(warnings);
    expect(groups.map((g) => [g.message, g.column, g.rows.length, rowRanges(g.rows)])).toEqual([
      ['io.warn.createdMissing', 'Created', 278, '2–279'],
      ['io.warn.unknownType', 'Type', 1, '40'],
    ]);
  });

  it('keeps the first row\'s params and value, counts a row once', () => {
    const g = groupIssues([issue(5, 'io.warn.closeBeforeCreated', 'Close', { created: '2026-05-01' }), issue(5, 'io.warn.closeBeforeCreated', 'Close', { created: 'x' }), issue(3, 'io.warn.closeBeforeCreated', 'Close', { created: 'y' })]);
    expect(g).toEqual([{ message: 'io.warn.closeBeforeCreated', column: 'Close', params: { created: '2026-05-01' }, value: '', rows: [3, 5] }]);
  });

  it.each([
    [[2], '2'],
    [[2, 3], '2–3'],
    [[2, 4, 6], '2, 4, 6'],
    [[1, 2, 3, 7, 9, 10, 20, 30, 31], '1–3, 7, 9–10, 20 and 2 more'],
    [[], ''],
  ])('rowRanges(%j) = %j', (rows, text) => {
    expect(rowRanges(rows)).toBe(text);
  });
});
