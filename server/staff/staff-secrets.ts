/** The TOTP secret at rest (AES-256-GCM with the document key, bound to its row), recovery and enrolment codes, the QR code. */
import { randomInt } from 'node:crypto';
import { renderSVG } from 'uqr';
import { decrypt, encrypt, sha256Hex } from '../documents/crypto.js';

/** Associated data of a member's TOTP secret: the ciphertext cannot be moved to another row. */
export const secretAad = (staffId: string) => `staff_users.totp_secret:${staffId}`;
/** Associated data of a pending secret during enrolment. */
export const pendingAad = (challengeHash: string) => `staff_challenges.pending_secret:${challengeHash}`;

/** Encrypts a secret for a column (base64). */
export function sealSecret(key: Buffer, secret: Uint8Array, aad: string): string {
  return encrypt(key, secret, aad).toString('base64');
}

/** Decrypts a column value; throws if it was altered or moved. */
export function openSecret(key: Buffer, sealed: string, aad: string): Buffer {
  return decrypt(key, Buffer.from(sealed, 'base64'), aad);
}

/** Number of recovery codes handed out at enrolment. */
export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: read from paper and typed by hand. 31 symbols × 12 ≈ 59 bits, so SHA-256 suffices (no KDF needed).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh random code as `XXXX-XXXX-XXXX`. */
function newCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Ten fresh recovery codes as `XXXX-XXXX-XXXX`. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
}

/** How long an enrolment code (Freischaltcode) stays valid after it was issued. */
export const ENROLMENT_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A fresh enrolment code as `XXXX-XXXX-XXXX` (handed over out of band: in person or by letter). */
export const newEnrolmentCode = newCode;

/** Hash of a member's enrolment code as typed (hyphens, spaces and case do not matter); bound to the member. */
export function hashEnrolmentCode(staffId: string, code: string): string {
  return sha256Hex(`staff-enrolment:${staffId}:${code.replace(/[\s-]/g, '').toUpperCase()}`);
}

/** The columns that store a new enrolment code issued at `now`. */
export function enrolmentCodeColumns(staffId: string, code: string, now: Date) {
  return {
    enrolment_code_hash: hashEnrolmentCode(staffId, code),
    enrolment_code_expires_at: new Date(now.getTime() + ENROLMENT_CODE_TTL_MS).toISOString(),
  };
}

/** Hash of a recovery code as typed: hyphens and case do not matter. */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(`staff-recovery:${code.replace(/-/g, '').toUpperCase()}`);
}

/** The stored list of hashes (a broken value counts as none). */
export function parseRecoveryHashes(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}

/** The otpauth URL as an SVG QR code, labelled for screen readers (the secret is shown as text beside it). */
export function qrSvg(url: string): string {
  return renderSVG(url, { ecc: 'M', border: 2, pixelSize: 4 }).replace(
    '<svg ',
    '<svg role="img" aria-label="QR-Code für die Authenticator-App" ',
  );
}
