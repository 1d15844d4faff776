/** Password hashing with scrypt (memory-hard, SEC-01) and the check against common passwords. */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords.js';

// N=2^15, r=8 → 32 MiB per hash: OWASP's scrypt minimum is 2^17 with r=8,p=1 *or* equivalent; we use p=3.
const N = 32768;
const R = 8;
const P = 3;
const KEYLEN = 32;
const MAXMEM = 128 * N * R * 2;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Verifies a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password: verifying against it costs the same as a real account (no timing oracle). */
let dummy: Promise<string> | undefined;
/** Returns the dummy hash used when an e-mail address is unknown. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
}

/**
 * True when the password is common or trivially guessable: on the list (case-insensitive, also with
 * trailing digits/symbols removed), one repeated character, a keyboard/number run, or the e-mail's local part.
 */
export function isWeakPassword(password: string, email?: string): boolean {
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d!?.#*_+\-@$%&]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped)) return true;
  if (/^(.)\1+$/u.test(password)) return true;
  if (/^(.{1,4})\1+$/u.test(lower)) return true;
  const runs = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyz', 'qwertzuiopasdfghjklyxcvbnm', 'qwertyuiopasdfghjklzxcvbnm'];
  if (runs.some((run) => run.includes(lower) || run.split('').reverse().join('').includes(lower))) return true;
  if (email) {
    const local = email.split('@')[0].toLowerCase();
    if (local.length >= 4 && (lower.includes(local) || local.includes(stripped))) return true;
  }
  return false;
}
