/** Stores and reads documents of an owner, encrypted at rest. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { decrypt, encrypt, sha256Hex } from './crypto.js';

/** A document to store. */
export interface NewDocument {
  id: string;
  ownerAccountId: string;
  kind: string;
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
  createdAt: string;
}

/** Inserts a document (encrypted); returns its SHA-256 of the plain bytes. */
export async function insertDocument(db: Kysely<Database>, key: Buffer, doc: NewDocument): Promise<string> {
  const sha256 = sha256Hex(doc.bytes);
  await db
    .insertInto('documents')
    .values({
      id: doc.id,
      owner_account_id: doc.ownerAccountId,
      kind: doc.kind,
      filename: doc.filename,
      media_type: doc.mediaType,
      sha256,
      size: doc.bytes.byteLength,
      content: encrypt(key, doc.bytes, `documents:${doc.id}`),
      created_at: doc.createdAt,
    })
    .execute();
  return sha256;
}

/** The owner's document decrypted, or undefined (also for another owner's id: SEC-10). */
export async function findOwnDocument(db: Kysely<Database>, key: Buffer, id: string, ownerAccountId: string) {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .where('owner_account_id', '=', ownerAccountId)
    .executeTakeFirst();
  if (!row) return undefined;
  // Retention (SEC-50) empties the content of handed-over copies; metadata and hash stay: 410, never 500.
  if (isContentDeleted(row.content)) throw problem('copy-deleted');
  return { ...row, bytes: decrypt(key, row.content, `documents:${row.id}`) };
}

/** True when retention (SEC-50) deleted the portal copy: the row stays (number, SHA-256), the content is empty. */
export function isContentDeleted(content: Uint8Array | null | undefined): boolean {
  return !content || content.byteLength === 0;
}
