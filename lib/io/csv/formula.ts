/**
 * Spreadsheet formula guarding, shared by the CSV writer and the importer so that every
 * exported text reads back exactly (OWASP "CSV injection").
 *
 * Text a spreadsheet would run — starting with = + - @ TAB or CR, possibly after leading
 * single quotes — is written with one more leading `'`; the importer removes exactly one `'`
 * from such a cell. Text that needs no guard is never changed on either side.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function needsFormulaGuard(text: string): boolean {
  return FORMULA_START.test(text);
}

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(cell: string): string {
  return cell.charCodeAt(0) === 39 && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
