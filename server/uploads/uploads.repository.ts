/** Thin queries on evidence uploads: the link rows and their (encrypted) documents. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { decrypt } from '../documents/crypto.js';
import { isContentDeleted } from '../documents/documents.repository.js';
import { problem } from '../http/problem.js';

/** Document kind of evidence uploads (generated PDFs have their own kinds and do not count to the quota). */
export const EVIDENCE_KIND = 'evidence';

/** Links a stored document to an application's evidence item. */
export async function insertEvidenceLink(
  db: Kysely<Database>,
  row: { documentId: string; applicationId: string; accountId: string; itemId: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('application_documents')
    .values({ document_id: row.documentId, application_id: row.applicationId, account_id: row.accountId, item_id: row.itemId, eakte_reference: null, created_at: row.createdAt })
    .execute();
}

/** Metadata of an application's uploads (no content), oldest first. */
export function listEvidenceDocuments(db: Kysely<Database>, applicationId: string) {
  return db
    .selectFrom('application_documents as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['d.id', 'l.item_id', 'd.filename', 'd.media_type', 'd.size', 'd.sha256', 'd.created_at', 'l.eakte_reference'])
    .where('l.application_id', '=', applicationId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
}

/** One upload of the account's application and item, or undefined for anything else (SEC-10). */
export function findOwnEvidence(db: Kysely<Database>, ids: { documentId: string; applicationId: string; itemId: string; accountId: string }) {
  return db
    .selectFrom('application_documents as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['d.id', 'd.filename', 'd.media_type', 'd.sha256', 'd.size', 'd.content'])
    .where('l.document_id', '=', ids.documentId)
    .where('l.application_id', '=', ids.applicationId)
    .where('l.item_id', '=', ids.itemId)
    .where('l.account_id', '=', ids.accountId)
    .where('d.owner_account_id', '=', ids.accountId)
    .executeTakeFirst();
}

/** Decrypts a document's content (bound to its id, so a swapped blob fails). */
export function openContent(key: Buffer, doc: { id: string; content: Uint8Array }): Buffer {
  if (isContentDeleted(doc.content)) throw problem('copy-deleted');
  return decrypt(key, doc.content, `documents:${doc.id}`);
}

/** Deletes an upload: link first (it points to the document), then the document. */
export async function deleteEvidence(db: Kysely<Database>, documentId: string): Promise<void> {
  await db.deleteFrom('application_documents').where('document_id', '=', documentId).execute();
  await db.deleteFrom('documents').where('id', '=', documentId).execute();
}

/** Bytes of evidence the account stores (the quota's measure). */
export async function usedBytes(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('documents')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('used'))
    .where('owner_account_id', '=', accountId)
    .where('kind', '=', EVIDENCE_KIND)
    .executeTakeFirst();
  return Number(row?.used ?? 0);
}

/** A link row with its document, for the E-AKTE handover job. */
export function findEvidenceForHandover(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('application_documents as l')
    .innerJoin('documents as d', 'd.id', 'l.document_id')
    .select(['d.id', 'd.filename', 'd.media_type', 'd.sha256', 'd.content', 'l.application_id', 'l.item_id', 'l.eakte_reference'])
    .where('l.document_id', '=', documentId)
    .executeTakeFirst();
}

/** Records the E-AKTE reference of a handed-over upload. */
export async function setEvidenceReference(db: Kysely<Database>, documentId: string, reference: string): Promise<void> {
  await db.updateTable('application_documents').set({ eakte_reference: reference }).where('document_id', '=', documentId).execute();
}
