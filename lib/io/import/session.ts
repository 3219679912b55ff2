import { decodeBytes, ImportFileError, type EncodingChoice } from '../csv/decode';
import { parseCsv, type CsvError, type ParsedCsv } from '../csv/parse';
import type { ImportEntity } from './fields';
import { detectProfile, type Crm } from './profiles';
import { buildImport, type ImportOptions, type ImportPlan } from './rows';

/**
 * One file being imported: decode → parse → detect, then plans for the mapping the AE picks.
 * The same steps whether they run in the options page's worker or in-process (tests, and a
 * browser without module workers). The parsed rows stay here; the page only gets a summary.
 */

/** How many rows the page keeps for samples, mapping proposals and date detection. */
export const SAMPLE_ROWS = 500;

export interface LoadedFile {
  encoding: string;
  /** Lines (1-based) with bytes the encoding could not decode, the first few, and how many in all. */
  badRows: number[];
  badRowCount: number;
  /** A byte-order mark that said another encoding than the body is in. */
  bomMismatch: string | null;
  /** A few decoded lines holding non-ASCII text (Thai names), so the AE can see the encoding is right. */
  decodedSample: string;
  headers: string[];
  /** The first SAMPLE_ROWS data rows. */
  sample: string[][];
  rowCount: number;
  /** The first 20 problems reading the file, and how many there were. */
  errors: CsvError[];
  errorCount: number;
  crm: Crm;
  entity: ImportEntity;
}

export type LoadResult = { ok: true; file: LoadedFile } | { ok: false; key: string; params: Record<string, string | number> };

export type PlanOptions = Omit<ImportOptions, 'existing' | 'newId'>;

export class ImportSession {
  private parsed: ParsedCsv | null = null;

  load(bytes: Uint8Array, encoding: EncodingChoice): LoadResult {
    this.parsed = null;
    try {
      const decoded = decodeBytes(bytes, encoding);
      const parsed = parseCsv(decoded.text);
      const fatal = parsed.errors.find((e) => e.code === 'empty' || e.code === 'no_rows');
      if (fatal) return { ok: false, key: fatal.message, params: { row: fatal.row, ...fatal.params } };
      this.parsed = parsed;
      const profile = detectProfile(parsed.headers);
      return {
        ok: true,
        file: {
          encoding: decoded.encoding,
          // Copied by name: `sample` is a getter, lost in a spread or a postMessage.
          badRows: decoded.badRows ?? [],
          badRowCount: decoded.badRowCount ?? 0,
          bomMismatch: decoded.bomMismatch ?? null,
          decodedSample: decoded.sample,
          headers: [...parsed.headers],
          sample: parsed.rows.slice(0, SAMPLE_ROWS).map((r) => [...r]),
          rowCount: parsed.rows.length,
          errors: parsed.errors.slice(0, 20),
          errorCount: parsed.errors.length,
          crm: profile.crm,
          entity: profile.entity,
        },
      };
    } catch (e) {
      if (e instanceof ImportFileError) return { ok: false, key: e.key, params: e.params };
      throw e;
    }
  }

  plan(mapping: Record<string, number | null>, options: PlanOptions, existing: ImportOptions['existing'], newId: () => string): ImportPlan {
    if (!this.parsed) throw new Error('no file loaded');
    return buildImport(this.parsed, mapping, { ...options, existing, newId });
  }
}
