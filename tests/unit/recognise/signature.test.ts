import { describe, expect, it } from 'vitest';
import { recogniseSignatures } from '../../../lib/recognise';

const part = (input: string, text: string | null) => (text === null ? null : { text, start: input.indexOf(text), end: input.indexOf(text) + text.length });

describe('recogniseSignatures', () => {
  it.each([
    ['Thanks for the call.\n\nBest regards,\nSomchai Jaidee\nHead of Procurement\nChonburi Steel Co., Ltd.\nTel 02-123-4567', 'Somchai Jaidee', 'Head of Procurement', 'Chonburi Steel Co., Ltd.'],
    ['ขอบคุณครับ\nสมชาย ใจดี\nผู้จัดการฝ่ายจัดซื้อ\nบริษัท ชลบุรีสตีล จำกัด', 'สมชาย ใจดี', 'ผู้จัดการฝ่ายจัดซื้อ', 'บริษัท ชลบุรีสตีล จำกัด'],
    ['Regards,\r\n\r\n  Jane Doe  \r\nVP Sales\r\njane@acme.com', 'Jane Doe', 'VP Sales', null],
    ['Cheers,\nTom\nAcme Inc.', 'Tom', null, 'Acme Inc.'],
    ['ขอแสดงความนับถือ\nวิชัย ประเสริฐ\n081 234 5678', 'วิชัย ประเสริฐ', null, null],
    ['-- \nNok Wongsawat\nAccount Executive', 'Nok Wongsawat', 'Account Executive', null],
  ])('%#', (input, name, title, company) => {
    const [m, ...rest] = recogniseSignatures(input);
    expect(rest).toEqual([]);
    expect(m!.value).toEqual({ name: part(input, name), title: part(input, title), company: part(input, company) });
    expect(m!.text).toBe(input.slice(m!.start, m!.end));
    expect(m!.start).toBe(input.indexOf(name));
  });

  it.each([
    ['no closing line', 'Somchai Jaidee\nHead of Procurement'],
    ['a closing followed by a sentence', 'Thanks,\nI will call you tomorrow at 10 about the 3 quotes: ok?'],
    ['a closing followed by an address', 'Best regards,\nsomchai@chonburisteel.example'],
    ['a closing at the end', 'Best regards,'],
  ])('none: %s', (_n, input) => {
    expect(recogniseSignatures(input)).toEqual([]);
  });
});
