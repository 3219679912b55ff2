/**
 * Turns the bytes of a CSV file into text. CRM exports arrive as UTF-8 (with or without
 * a BOM), as UTF-16 from Excel's "Unicode text", or as Windows-874 / TIS-620 from older
 * Thai Excel installs. Pure: only TextDecoder, which Node and Chromium both provide.
 *
 * Detection (encoding 'auto') goes by what the bytes overwhelmingly are, not by the first
 * byte that does not fit: a UTF-8 file with one stray Windows-1252 byte (Excel's curly quote
 * 0x93) stays UTF-8, with that spot reported, instead of turning every Thai name into
 * mojibake; a UTF-8 BOM over a Windows-874 body is read as Windows-874 (and says so).
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';
export type EncodingChoice = 'auto' | CsvEncoding;

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** True when the file started with a byte-order mark (removed from `text`). */
  bom: boolean;
  /**
   * Present only when the file has bytes that are not valid in `encoding` (each is U+FFFD, or
   * an unassigned Windows-874 code, in `text`): the 1-based line numbers of the text that hold
   * them, the first MAX_BAD_ROWS in order. A quoted cell spanning lines counts by physical line.
   */
  badRows?: number[];
  /** With `badRows`: how many lines hold undecodable bytes in all (may exceed badRows.length). */
  badRowCount?: number;
  /** Present only when a BOM named another encoding than the body has: the BOM's (the body decided). */
  bomMismatch?: CsvEncoding;
  /**
   * Up to SAMPLE_LINES lines of the text that contain non-ASCII characters, each cut to
   * SAMPLE_LINE_CHARS, joined with '\n' ('' when the text is all ASCII): what the preview
   * shows so the AE can tell at a glance whether Thai names read right. Computed on first read.
   */
  readonly sample: string;
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
/** Line numbers listed in `badRows`; `badRowCount` has the total. */
export const MAX_BAD_ROWS = 20;
export const SAMPLE_LINES = 3;
export const SAMPLE_LINE_CHARS = 80;
/**
 * A file with bytes that are not UTF-8 is still read as UTF-8 when its valid multi-byte
 * sequences outnumber its invalid bytes by at least this factor. Windows-874 Thai text forms
 * valid-looking UTF-8 pairs by accident (ย 0xC2 + ก 0xA1), but far fewer than it has bytes
 * that fit nothing (about one accidental sequence per two to three invalid bytes); a UTF-8
 * file has one sequence per Thai letter and a handful of stray bytes.
 */
const UTF8_MAJORITY = 8;

/** Lines of `text`, as the AE sees them in an editor: CRLF, LF and a lone CR each end one. */
function lineSample(text: string): string {
  const out: string[] = [];
  const nonAscii = /[^\x00-\x7f]/g;
  let m: RegExpExecArray | null;
  while (out.length < SAMPLE_LINES && (m = nonAscii.exec(text)) !== null) {
    const at = m.index;
    let start = at;
    while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let line = text.slice(start, Math.min(end, start + SAMPLE_LINE_CHARS));
    if (end - start > SAMPLE_LINE_CHARS) line += '…';
    out.push(line);
    nonAscii.lastIndex = end;
  }
  return out.join('\n');
}

/** The result object: `sample` is worked out only when someone reads it (the import's fast path never does). */
class Decoded implements DecodedText {
  // `declare`: no own property until one is set, so a clean result has only text, encoding and bom.
  declare badRows?: number[];
  declare badRowCount?: number;
  declare bomMismatch?: CsvEncoding;
  declare private cachedSample?: string;
  constructor(
    readonly text: string,
    readonly encoding: CsvEncoding,
    readonly bom: boolean,
  ) {}
  get sample(): string {
    return (this.cachedSample ??= lineSample(this.text));
  }
}

export function decodeBytes(bytes: Uint8Array, encoding: EncodingChoice = 'auto'): DecodedText {
  if (bytes.length === 0) return new Decoded('', encoding === 'auto' ? 'utf-8' : encoding, false);

  const bomEncoding = sniffBom(bytes);
  if (encoding !== 'auto') {
    const bomLength = bomEncoding && bomEncoding.encoding === encoding ? bomEncoding.length : 0;
    const text = decodeAs(encoding, bomLength ? bytes.subarray(bomLength) : bytes);
    // The AE's choice: bytes it cannot read are listed (badRows), so a wrong pick shows as such, not as "binary".
    assertText(text, false, false);
    return withBadRows(new Decoded(text, encoding, bomLength > 0), encoding);
  }

  if (bomEncoding && bomEncoding.encoding !== 'utf-8') {
    const text = decodeAs(bomEncoding.encoding, bytes.subarray(bomEncoding.length));
    assertText(text, true, true);
    return withBadRows(new Decoded(text, bomEncoding.encoding, true), bomEncoding.encoding);
  }

  const hasUtf8Bom = bomEncoding !== null;
  const body = hasUtf8Bom ? bytes.subarray(3) : bytes;
  if (!hasUtf8Bom) {
    const utf16 = sniffUtf16(bytes);
    if (utf16) {
      const text = decodeAs(utf16, bytes);
      assertText(text, true, true);
      return withBadRows(new Decoded(text, utf16, false), utf16);
    }
  }

  // The fast path: a valid UTF-8 file, decoded once (checking the whole file is native and cheap,
  // and avoids a wrong guess on a late Thai byte). A literal U+FFFD in it is text, not a bad byte.
  const clean = strictUtf8(body);
  if (clean !== null) {
    assertText(clean, true, false);
    return new Decoded(clean, 'utf-8', hasUtf8Bom);
  }

  const chosen: CsvEncoding = mostlyUtf8(body) ? 'utf-8' : 'windows-874';
  const text = decodeAs(chosen, body);
  // Bad bytes in a mostly-UTF-8 file are listed (badRows), not counted as signs of a binary.
  assertText(text, true, chosen !== 'utf-8');
  const out = withBadRows(new Decoded(text, chosen, hasUtf8Bom), chosen);
  if (hasUtf8Bom && chosen !== 'utf-8') out.bomMismatch = 'utf-8';
  return out;
}

function decodeAs(encoding: CsvEncoding, body: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
}

function strictUtf8(body: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return null;
  }
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

const isCont = (x: number | undefined): boolean => x !== undefined && x >= 0x80 && x <= 0xbf;

/**
 * Counts well-formed UTF-8 multi-byte sequences and bytes that belong to none (RFC 3629: no
 * overlongs, no surrogates, nothing above U+10FFFF), over the whole file. Only files that
 * failed the strict decode get here.
 */
export function utf8Evidence(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (c >= 0xc2 && c <= 0xdf) len = isCont(b[i + 1]) ? 2 : 0;
    else if (c >= 0xe0 && c <= 0xef) {
      const c1 = b[i + 1];
      const ok1 = c === 0xe0 ? c1 !== undefined && c1 >= 0xa0 && c1 <= 0xbf : c === 0xed ? c1 !== undefined && c1 >= 0x80 && c1 <= 0x9f : isCont(c1);
      len = ok1 && isCont(b[i + 2]) ? 3 : 0;
    } else if (c >= 0xf0 && c <= 0xf4) {
      const c1 = b[i + 1];
      const ok1 = c === 0xf0 ? c1 !== undefined && c1 >= 0x90 && c1 <= 0xbf : c === 0xf4 ? c1 !== undefined && c1 >= 0x80 && c1 <= 0x8f : isCont(c1);
      len = ok1 && isCont(b[i + 2]) && isCont(b[i + 3]) ? 4 : 0;
    }
    if (len > 0) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function mostlyUtf8(b: Uint8Array): boolean {
  const { valid, invalid } = utf8Evidence(b);
  return valid > 0 && valid >= invalid * UTF8_MAJORITY;
}

/**
 * Characters that stand for bytes the encoding could not read: U+FFFD (UTF-8, UTF-16), and for
 * Windows-874 its unassigned bytes, which decoders give as C1 controls (0x81…) or U+F8C1–F8C8.
 */
const BAD_CHAR: Record<CsvEncoding, RegExp> = {
  'utf-8': /\uFFFD/g,
  'utf-16le': /\uFFFD/g,
  'utf-16be': /\uFFFD/g,
  'windows-874': /[\u0080-\u009f\uf8c1-\uf8c8\ufffd]/g,
};

/** Fills `badRows` / `badRowCount` when the text holds undecodable spots; leaves the fields out otherwise. */
function withBadRows(d: Decoded, encoding: CsvEncoding): Decoded {
  const text = d.text;
  const re = new RegExp(BAD_CHAR[encoding].source, 'g');
  let m = re.exec(text);
  if (m === null) return d;
  const rows: number[] = [];
  let count = 0;
  let line = 1;
  let pos = 0;
  let lastLine = 0;
  while (m !== null) {
    const at = m.index;
    for (; pos < at; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 10 || (c === 13 && text.charCodeAt(pos + 1) !== 10)) line++;
    }
    if (line !== lastLine) {
      count++;
      if (rows.length < MAX_BAD_ROWS) rows.push(line);
      lastLine = line;
    }
    m = re.exec(text);
  }
  d.badRows = rows;
  d.badRowCount = count;
  return d;
}

/**
 * Rejects binary files (a zip, an .xlsx, an image renamed .csv): NUL characters, or many
 * control characters, and (`countUnassigned`) C1 controls and Windows-874's unassigned bytes,
 * and (`countReplacement`) undecodable bytes (U+FFFD).
 */
function assertText(text: string, countUnassigned: boolean, countReplacement: boolean): void {
  const n = Math.min(text.length, SNIFF_BYTES);
  let garbage = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new ImportFileError('io.error.binary');
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) ||
      (countUnassigned && ((c >= 0x7f && c <= 0x9f) || (c >= 0xf8c1 && c <= 0xf8c8))) ||
      (countReplacement && c === 0xfffd)
    ) {
      garbage++;
    }
  }
  if (n > 0 && garbage / n > MAX_GARBAGE_RATIO) throw new ImportFileError('io.error.binary');
  // A NUL beyond the sniffed window still means binary; indexOf is native and fast.
  if (text.length > n && text.indexOf('\u0000', n) !== -1) throw new ImportFileError('io.error.binary');
}
