import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, otpauthUrl, stepAt, totp, verifyTotp } from '../../server/staff/totp.js';

// RFC 6238 Appendix B, SHA-1 rows: seed "12345678901234567890"; the 6-digit form is the last six digits.
const SEED = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('T=%i gives %s (8 digits) and its last six digits', (t, code) => {
    expect(totp(SEED, t * 1000, 8)).toBe(code);
    expect(totp(SEED, t * 1000)).toBe(code.slice(2));
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(SEED, i))).toEqual(expected);
  });

  it('accepts ±1 step, rejects ±2 steps, and never a step at or before the last used one', () => {
    const at = new Date(1111111111 * 1000);
    const now = stepAt(at);
    expect(verifyTotp(SEED, hotp(SEED, now), at)).toBe(now);
    expect(verifyTotp(SEED, hotp(SEED, now - 1), at)).toBe(now - 1);
    expect(verifyTotp(SEED, hotp(SEED, now + 1), at)).toBe(now + 1);
    expect(verifyTotp(SEED, hotp(SEED, now - 2), at)).toBeNull();
    expect(verifyTotp(SEED, hotp(SEED, now + 2), at)).toBeNull();
    expect(verifyTotp(SEED, hotp(SEED, now), at, now)).toBeNull();
    expect(verifyTotp(SEED, hotp(SEED, now - 1), at, now - 1)).toBeNull();
    expect(verifyTotp(SEED, hotp(SEED, now + 1), at, now)).toBe(now + 1);
    expect(verifyTotp(SEED, '12345', at)).toBeNull();
    expect(verifyTotp(SEED, 'abcdef', at)).toBeNull();
  });

  it('encodes base32 as RFC 4648 (no padding) and back', () => {
    expect(base32Encode(SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('mzxw6ytboi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow();
  });

  it('builds the otpauth URL authenticator apps read', () => {
    expect(otpauthUrl('Jobcenter', 'leistung@musterstadt.example', 'ABC')).toBe(
      'otpauth://totp/Jobcenter:leistung@musterstadt.example?secret=ABC&issuer=Jobcenter',
    );
  });
});
