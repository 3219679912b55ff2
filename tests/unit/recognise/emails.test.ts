import { describe, expect, it } from 'vitest';
import { recogniseEmails } from '../../../lib/recognise';

describe('recogniseEmails', () => {
  it.each([
    ['write to somchai@chonburisteel.co.th today', [['somchai@chonburisteel.co.th', 9, 36, 'somchai@chonburisteel.co.th']]],
    ['<Nok.Wongsawat+crm@AECockpit.Example>', [['Nok.Wongsawat+crm@AECockpit.Example', 1, 36, 'nok.wongsawat+crm@aecockpit.example']]],
    ['a@b.io, c_d@e-f.com.', [['a@b.io', 0, 6, 'a@b.io'], ['c_d@e-f.com', 8, 19, 'c_d@e-f.com']]],
    ['ติดต่อ sales@acme.com ครับ', [['sales@acme.com', 7, 21, 'sales@acme.com']]],
    ['no address @ here, user@localhost, a..b@x.com, a.@x.com', []],
  ])('%s', (input, expected) => {
    expect(recogniseEmails(input).map((m) => [m.text, m.start, m.end, m.value])).toEqual(expected);
  });
});
