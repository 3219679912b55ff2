import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../lib/io/csv/decode';
import { parseCsv } from '../../../../lib/io/csv/parse';
import { fixtureBytes } from '../import/helpers';

/** The hostile samples in tests/fixtures/csv, read as the importer reads them. */
describe('hostile CSV samples', () => {
  it('hostile-utf8-cp1252-quotes.csv: UTF-8 Thai names survive two Windows-1252 quote bytes', () => {
    const d = decodeBytes(fixtureBytes('hostile-utf8-cp1252-quotes.csv'));
    expect(d.encoding).toBe('utf-8');
    expect(d.badRows).toEqual([3]);
    expect(d.sample.split('\n')[0]).toBe('ระบบ ERP,บริษัท สยาม จำกัด,1250000,Closed Won,2026-01-05,2026-02-10,ลูกค้าพอใจ');
    const p = parseCsv(d.text);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r[1])).toEqual(['บริษัท สยาม จำกัด', 'ธนาคารกรุงเทพ', 'ห้างหุ้นส่วน ศรีสุข', 'โรงพยาบาลเกษตร']);
    expect(p.rows[1]![6]).toBe('รอ \uFFFDใบเสนอราคา\uFFFD ฉบับใหม่');
  });

  it('hostile-bom-over-874.csv: read by its body, the curly quotes included', () => {
    const d = decodeBytes(fixtureBytes('hostile-bom-over-874.csv'));
    expect(d).toMatchObject({ encoding: 'windows-874', bom: true, bomMismatch: 'utf-8' });
    expect(d.badRows).toBeUndefined();
    const p = parseCsv(d.text);
    expect(p.rows[1]![6]).toBe('รอ \u201cใบเสนอราคา\u201d ฉบับใหม่');
  });

  it('hostile-mixed-newlines.csv: three rows, the quoted CRLF kept', () => {
    const p = parseCsv(decodeBytes(fixtureBytes('hostile-mixed-newlines.csv')).text);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r[0])).toEqual(['ระบบ ERP', 'กล้องวงจรปิด', 'ระบบคิว']);
    expect(p.rows[2]![6]).toBe('line 1\r\nline 2');
  });
});
