/**
 * Turns the bytes of a CSV file into text. CRM exports arrive as UTF-8 (with or without
 * a BOM), as UTF-16 from Excel's "Unicode text", or as Windows-874 / TIS-620 from older
 * Thai Excel installs. Pure: only TextDecoder, which Node and Chromium both provide.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';
export type EncodingChoice = 'auto' | CsvEncoding;

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** True when the file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/** A file that cannot be read as text at all. `key` is an i18n message key. */
export class ImportFileError extends Error {
  constructor(
    readonly key: 'io.error.binary' | 'io.error.empty',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'ImportFileError';
  }
}

/** How much of the file the sniffers look at: enough to be sure, cheap on 20 MB files. */
const SNIFF_BYTES = 64 * 1024;
/** Share of non-text characters above which a file is treated as binary, not text. */
const MAX_GARBAGE_RATIO = 0.02;

export function decodeBytes(bytes: Uint8Array, encoding: EncodingChoice = 'auto'): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: encoding === 'auto' ? 'utf-8' : encoding, bom: false };

  const bomEncoding = sniffBom(bytes);
  const chosen: CsvEncoding =
    encoding !== 'auto' ? encoding : (bomEncoding?.encoding ?? sniffUtf16(bytes) ?? sniffUtf8OrThai(bytes));
  const bomLength = bomEncoding && bomEncoding.encoding === chosen ? bomEncoding.length : 0;
  const body = bomLength ? bytes.subarray(bomLength) : bytes;

  const text = new TextDecoder(chosen, { fatal: false, ignoreBOM: true }).decode(body);
  // A literal U+FFFD in a file that validated as UTF-8 is text; otherwise it marks bad bytes.
  assertText(text, !(encoding === 'auto' && chosen === 'utf-8'));
  return { text, encoding: chosen, bom: bomLength > 0 };
}

function sniffBom(b: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM: ASCII-heavy text (headers, digits, commas) has a zero byte in
 * every other position. Thai in UTF-16 has 0x0E there instead, so the check is on zeros
 * in one parity and almost none in the other.
 */
function sniffUtf16(b: Uint8Array): CsvEncoding | null {
  const n = Math.min(b.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8 stays UTF-8; anything else is assumed to be a Thai ANSI file (TIS-620 is a subset of 874). */
function sniffUtf8OrThai(b: Uint8Array): CsvEncoding {
  // Checking the whole file is cheap (native) and avoids a wrong guess on a late Thai byte.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'utf-8';
  } catch {
    return 'windows-874';
  }
}

/**
 * Rejects binary files (a zip, an .xlsx, an image renamed .csv): NUL characters, or many
 * control characters, undecodable bytes (U+FFFD) or Windows-874's unassigned bytes.
 */
function assertText(text: string, countReplacement: boolean): void {
  const n = Math.min(text.length, SNIFF_BYTES);
  let garbage = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ImportFileError('io.error.binary');
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (c >= 0x7f && c <= 0x9f) ||
      (countReplacement && c === 0xfffd) ||
      (c >= 0xf8c1 && c <= 0xf8c8)
    ) {
      garbage++;
    }
  }
  if (n > 0 && garbage / n > MAX_GARBAGE_RATIO) throw new ImportFileError('io.error.binary');
  // A NUL beyond the sniffed window still means binary; indexOf is native and fast.
  if (text.length > n && text.indexOf('\u0000', n) !== -1) throw new ImportFileError('io.error.binary');
}
