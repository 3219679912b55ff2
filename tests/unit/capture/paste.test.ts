import { describe, expect, it } from 'vitest';
import { prefillFromText } from '../../../lib/capture/paste';

describe('prefillFromText', () => {
  it('a signature with email, Thai phone, amount and Buddhist-era date fills the contact and the deal', () => {
    const p = prefillFromText('Budget is ฿1,250,000.50, decision by 15/03/2569.\n\nBest regards,\nSomchai Jaidee\nProcurement Manager\nChonburi Steel Co., Ltd.\nsomchai@chonburisteel.example\n081-234-5678');
    expect(p.contact).toMatchObject({ name: 'Somchai Jaidee', title: 'Procurement Manager', email: 'somchai@chonburisteel.example', phone: '+66812345678' });
    expect(p.deal).toEqual({ amountMinor: 125000050, currency: 'THB', closeOn: '2026-03-15' });
    expect(p.found.emails).toEqual(['somchai@chonburisteel.example']);
  });

  it.each(['', '   ', '\u202E\u200B', 'no data here at all'])('nothing recognised in %j: empty fields, no throw', (s) => {
    const p = prefillFromText(s);
    expect(p.contact).toEqual({ name: '', title: '', email: '', phone: '', company: '' });
    expect(p.deal).toEqual({ amountMinor: null, currency: null, closeOn: null });
  });

  it('not a string: an empty prefill', () => {
    expect(prefillFromText(undefined as unknown as string).text).toBe('');
  });
});
