import { describe, expect, it } from 'vitest';
import { decodeBytes, ImportFileError } from '../../../../lib/io/csv/decode';
import { garbage, toUtf16be, toUtf16le, toWindows874 } from './helpers';

const THAI_CSV = 'ลูกค้า,มูลค่า,วันที่ปิด\nบริษัท สยาม จำกัด,"1,250,000",31/03/2569\n';

describe('decodeBytes', () => {
  it('reads plain UTF-8', () => {
    const r = decodeBytes(new TextEncoder().encode('a,b\n1,2\n'));
    expect(r).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8', bom: false });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('ชื่อ,x\n')]);
    const r = decodeBytes(bytes);
    expect(r.text).toBe('ชื่อ,x\n');
    expect(r.encoding).toBe('utf-8');
    expect(r.bom).toBe(true);
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text", tab-separated)', () => {
    const r = decodeBytes(toUtf16le('Deal\tAmount\nบริษัท\t100\n'));
    expect(r).toEqual({ text: 'Deal\tAmount\nบริษัท\t100\n', encoding: 'utf-16le', bom: true });
  });

  it('reads UTF-16BE with BOM', () => {
    expect(decodeBytes(toUtf16be('a\tb\n1\t2\n')).text).toBe('a\tb\n1\t2\n');
  });

  it('detects UTF-16LE and BE without a BOM from the zero bytes', () => {
    expect(decodeBytes(toUtf16le('Name\tAmount\nAcme\t1200\n', false))).toMatchObject({
      encoding: 'utf-16le',
      text: 'Name\tAmount\nAcme\t1200\n',
    });
    expect(decodeBytes(toUtf16be('Name\tAmount\nAcme\t1200\n', false)).encoding).toBe('utf-16be');
  });

  it('falls back to Windows-874 for Thai bytes that are not UTF-8', () => {
    const bytes = toWindows874(THAI_CSV);
    // Sanity: the hand-built bytes really are single-byte Thai (ก is 0xA1).
    expect(bytes[0]).toBe(0xc5); // ล = U+0E25
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe('windows-874');
    expect(r.text).toBe(THAI_CSV);
  });

  it('honours an encoding the AE chose', () => {
    const bytes = toWindows874('ก,ข\n');
    expect(decodeBytes(bytes, 'windows-874').text).toBe('ก,ข\n');
    expect(decodeBytes(toUtf16le('x\n'), 'utf-16le').text).toBe('x\n');
  });

  it('returns empty text for 0 bytes (the parser reports it)', () => {
    expect(decodeBytes(new Uint8Array(0)).text).toBe('');
  });

  it('rejects binary garbage', () => {
    expect(() => decodeBytes(garbage(4096))).toThrow(ImportFileError);
    try {
      decodeBytes(garbage(4096, 99));
    } catch (e) {
      expect((e as ImportFileError).key).toBe('io.error.binary');
    }
  });

  it('rejects a zip/xlsx (PK header, NUL bytes) and text with NULs', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(() => decodeBytes(zip)).toThrow(/io.error.binary/);
    expect(() => decodeBytes(new TextEncoder().encode('a,b\n1,\u00002\n'))).toThrow(ImportFileError);
  });

  it('rejects garbage even when UTF-8 is forced', () => {
    expect(() => decodeBytes(garbage(2048, 7), 'utf-8')).toThrow(ImportFileError);
  });

  it('keeps a literal U+FFFD in valid UTF-8 text', () => {
    const text = 'a,b\n1,37\uFFFD36\n';
    expect(decodeBytes(new TextEncoder().encode(text)).text).toBe(text);
  });
});
