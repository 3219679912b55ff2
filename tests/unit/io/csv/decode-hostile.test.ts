import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_BAD_ROWS, utf8Evidence } from '../../../../lib/io/csv/decode';
import { garbage, toWindows874 } from '../import/helpers';

/** A small Thai deal export, as UTF-8. */
const THAI_ROWS = [
  'ลูกค้า,ดีล,มูลค่า,วันที่ปิด',
  'บริษัท สยาม จำกัด,ระบบ ERP,"1,250,000",31/03/2569',
  'ธนาคารกรุงเทพ,แอปมือถือ,"800,000",15/04/2569',
  'ห้างหุ้นส่วน ศรีสุข,กล้องวงจรปิด,"90,000",01/05/2569',
  'โรงพยาบาลเกษตร,ระบบคิว,"450,000",20/05/2569',
];
const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeBytes on hostile files', () => {
  it('a UTF-8 file with one Windows-1252 curly quote stays UTF-8, and names the line', () => {
    // Line 3 gets Excel's “ (0x93) typed into a note: not valid UTF-8.
    const before = utf8(THAI_ROWS.slice(0, 2).join('\n') + '\nธนาคารกรุงเทพ,แอป ');
    const after = utf8('มือถือ,"800,000",15/04/2569\n' + THAI_ROWS.slice(3).join('\n') + '\n');
    const r = decodeBytes(concat(before, new Uint8Array([0x93]), after));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.split('\n')[1]).toBe(THAI_ROWS[1]);
    expect(r.text.split('\n')[2]).toBe('ธนาคารกรุงเทพ,แอป \uFFFDมือถือ,"800,000",15/04/2569');
    expect(r.badRows).toEqual([3]);
    expect(r.badRowCount).toBe(1);
  });

  it('a UTF-8 BOM over a Windows-874 body is read as Windows-874, and says so', () => {
    const body = toWindows874('ลูกค้า,มูลค่า\nบริษัท สยาม จำกัด,100\nธนาคารกรุงเทพ,200\n');
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), body));
    expect(r.encoding).toBe('windows-874');
    expect(r.text).toBe('ลูกค้า,มูลค่า\nบริษัท สยาม จำกัด,100\nธนาคารกรุงเทพ,200\n');
    expect(r.bom).toBe(true);
    expect(r.bomMismatch).toBe('utf-8');
    expect(r.badRows).toBeUndefined();
  });

  it('a UTF-8 BOM over a UTF-8 body with a stray byte stays UTF-8 with the spot reported', () => {
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(THAI_ROWS.join('\r\n')), new Uint8Array([0x94]), utf8('\r\n')));
    expect(r.encoding).toBe('utf-8');
    expect(r.bomMismatch).toBeUndefined();
    expect(r.badRows).toEqual([5]);
  });

  it('a plain Windows-874 file is still Windows-874 (accidental UTF-8 pairs do not win)', () => {
    const text = THAI_ROWS.join('\r\n') + '\r\n';
    const bytes = toWindows874(text.replace(/[^\x00-\x7f\u0e01-\u0e5b]/g, ''));
    const e = utf8Evidence(bytes);
    expect(e.valid).toBeGreaterThan(0); // ย + ก and the like are valid UTF-8 by accident
    expect(e.invalid).toBeGreaterThan(e.valid);
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe('windows-874');
    expect(r.text).toBe(text);
    expect(r.badRows).toBeUndefined();
  });

  it('many bad lines: the list is capped, the count is not', () => {
    const lines = ['name,amount'];
    for (let i = 0; i < 60; i++) lines.push(`ลูกค้า ${i} สยาม จำกัด มหาชน,100`);
    const parts: Uint8Array[] = [];
    lines.forEach((l, i) => {
      parts.push(utf8(l));
      if (i >= 1 && i <= 30) parts.push(new Uint8Array([0x93]));
      parts.push(utf8('\n'));
    });
    const r = decodeBytes(concat(...parts));
    expect(r.encoding).toBe('utf-8');
    expect(r.badRowCount).toBe(30);
    expect(r.badRows).toHaveLength(MAX_BAD_ROWS);
    expect(r.badRows!.slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('line numbers count CRLF, LF and a lone CR as one line end each', () => {
    const r = decodeBytes(concat(utf8('h\r\na\nb\rc\r\nบริษัท'), new Uint8Array([0xff]), utf8('สยาม จำกัด\n')));
    expect(r.encoding).toBe('utf-8');
    expect(r.badRows).toEqual([5]);
  });

  it('a chosen encoding reports the bytes it cannot read', () => {
    const r = decodeBytes(utf8(THAI_ROWS.join('\n')), 'windows-874');
    expect(r.encoding).toBe('windows-874');
    // Thai in UTF-8 read as 874 is mojibake: the sample shows it, so the AE picks another encoding.
    expect(r.sample).not.toContain('ลูกค้า');
    const ok = decodeBytes(toWindows874('ก,ข\n'), 'windows-874');
    expect(ok.badRows).toBeUndefined();
    expect(r.badRowCount).toBeGreaterThan(0);
  });

  it('exposes a sample of the first lines with non-ASCII text', () => {
    const r = decodeBytes(utf8(['Deal,Account', 'Alpha,Acme', ...THAI_ROWS.slice(1), 'x,y'].join('\n')));
    expect(r.sample).toBe(THAI_ROWS.slice(1, 4).join('\n'));
    expect(decodeBytes(utf8('a,b\n1,2\n')).sample).toBe('');
    const long = decodeBytes(utf8(`a\n${'ก'.repeat(200)}\n`)).sample;
    expect(long).toBe(`${'ก'.repeat(80)}…`);
  });

  it('a clean file has only text, encoding and bom', () => {
    expect(Object.keys(decodeBytes(utf8('ชื่อ,x\n')))).toEqual(['text', 'encoding', 'bom']);
  });

  it('still refuses real binaries: zip, png, random bytes', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (const b of [zip, png, garbage(4096), garbage(8192, 3)]) expect(() => decodeBytes(b)).toThrow(/io.error.binary/);
  });
});
