/** TOTP (RFC 6238 over RFC 4226 HOTP) with HMAC-SHA1, 30-second steps and 6 digits, plus base32 for the secret. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Length of one time step in seconds. */
export const STEP_SECONDS = 30;
/** Digits of a code. */
export const DIGITS = 6;
/** Accepted clock drift in steps either side (±30 s). */
export const WINDOW = 1;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding (what authenticator apps expect in `secret=`). */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32 (case-insensitive, padding and spaces ignored); throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('invalid base32');
    value = ((value << 5) | i) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new random 160-bit secret (RFC 4226 recommends the HMAC-SHA1 output length). */
export function newTotpSecret(): Buffer {
  return randomBytes(20);
}

/** HOTP value of a counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(secret: Uint8Array, counter: number, digits = DIGITS): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

/** The time step of an instant. */
export function stepAt(at: Date | number): number {
  return Math.floor((typeof at === 'number' ? at : at.getTime()) / 1000 / STEP_SECONDS);
}

/** The TOTP code at an instant. */
export function totp(secret: Uint8Array, at: Date | number, digits = DIGITS): string {
  return hotp(secret, stepAt(at), digits);
}

/**
 * Checks a code against the steps around `at` (±WINDOW). Returns the matched step, or null. Steps at or before
 * `lastStep` are never accepted: each step is usable once (RFC 6238 §5.2), so a replayed code fails.
 */
export function verifyTotp(secret: Uint8Array, code: string, at: Date, lastStep: number | null = null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = stepAt(at);
  const given = Buffer.from(code);
  for (let step = now - WINDOW; step <= now + WINDOW; step++) {
    if (lastStep !== null && step <= lastStep) continue;
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), given)) return step;
  }
  return null;
}

/** The otpauth:// URL that authenticator apps read from the QR code (Key Uri Format). */
export function otpauthUrl(issuer: string, account: string, secretBase32: string): string {
  // '@' may stay literal in the path (as in the Key Uri Format's own examples); everything else is encoded.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account).replace(/%40/g, '@')}`;
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}`;
}
