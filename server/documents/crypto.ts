/** AES-256-GCM for documents at rest (SEC-37): nonce ‖ tag ‖ ciphertext, the document id as associated data. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Encrypts `plain`; `aad` binds the ciphertext to its row so a swapped blob fails to decrypt. */
export function encrypt(key: Buffer, plain: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** Decrypts what `encrypt` produced; throws when the data or its binding was changed. */
export function decrypt(key: Buffer, sealed: Uint8Array, aad: string): Buffer {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]);
}

/** SHA-256 hex of bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
