import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '../../../fixtures/csv');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/**
 * Windows-874 bytes for a string of ASCII and Thai, built by hand because TextEncoder only
 * writes UTF-8: Thai U+0E01–U+0E5B sit at 0xA1–0xFB (a fixed offset of 0x0DA0).
 */
export function toWindows874(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x0e01 && c <= 0x0e5b) out[i] = c - 0x0e01 + 0xa1;
    else throw new Error(`no Windows-874 byte for U+${c.toString(16)}`);
  }
  return out;
}

export function toUtf16le(s: string, bom = true): Uint8Array {
  const body = Buffer.from(s, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

export function toUtf16be(s: string, bom = true): Uint8Array {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be);
}

/** Deterministic pseudo-random bytes (xorshift), for "binary garbage" files. */
export function garbage(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
