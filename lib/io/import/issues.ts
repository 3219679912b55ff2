import type { ImportIssue } from './rows';

/**
 * Identical warnings or rejects grouped into one line each, so the one that matters is not lost
 * under hundreds of copies: "278 rows: no created date (rows 2–279)". Grouped by message and
 * column; the params and value shown are the first row's. Most frequent first, then by first row.
 */
export interface IssueGroup {
  message: string;
  params: Record<string, string | number>;
  column: string;
  /** The first row's value (already quoted short by the importer). */
  value: string;
  /** Distinct rows, ascending. */
  rows: number[];
}

export function groupIssues(issues: readonly ImportIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const i of issues) {
    const key = `${i.message}\u001f${i.column}`;
    const g = groups.get(key);
    if (g) g.rows.push(i.row);
    else groups.set(key, { message: i.message, params: i.params, column: i.column, value: i.value, rows: [i.row] });
  }
  const out = [...groups.values()];
  for (const g of out) g.rows = [...new Set(g.rows)].sort((a, b) => a - b);
  return out.sort((a, b) => b.rows.length - a.rows.length || a.rows[0]! - b.rows[0]!);
}

/**
 * Rows as short ranges: [2,3,4,5,9] → "2–5, 9"; more than `maxParts` parts end with
 * "… and N more" counted in rows. `more` words the tail in the AE's language.
 */
export function rowRanges(rows: readonly number[], more: (n: number) => string = (n) => `and ${n} more`, maxParts = 4): string {
  const parts: Array<[number, number]> = [];
  for (const r of rows) {
    const last = parts[parts.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else parts.push([r, r]);
  }
  const shown = parts.slice(0, maxParts);
  const text = shown.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)).join(', ');
  const shownRows = shown.reduce((s, [a, b]) => s + (b - a + 1), 0);
  return shownRows < rows.length ? `${text} ${more(rows.length - shownRows)}` : text;
}
