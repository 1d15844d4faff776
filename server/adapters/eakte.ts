/**
 * The E-AKTE (electronic file) port. The default stores handed-over documents durably in this server's
 * database (encrypted); a real archive connector implements the same interface.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { decrypt, encrypt, sha256Hex } from '../documents/crypto.js';

/** A document handed over to the electronic file. */
export interface EAkteDocument {
  /** Idempotency key of the handover, e.g. `tda:<id>`: handing over twice stores once. */
  externalKey: string;
  jobcenterId: string;
  filename: string;
  mediaType: string;
  bytes: Uint8Array;
  /** Index data of the archive (document class, application number, date of receipt …). */
  metadata: Record<string, string>;
}

/** The archive interface. */
export interface EAkte {
  /** Stores the document; returns the archive's reference. Idempotent by externalKey. */
  handOver(doc: EAkteDocument): Promise<{ reference: string; sha256: string }>;
}

/** Default E-AKTE on this machine: one table, encrypted content, idempotent by external key. */
export function createDatabaseEAkte(db: Kysely<Database>, key: Buffer, now: () => Date): EAkte & {
  read(reference: string): Promise<{ bytes: Buffer; metadata: Record<string, string>; sha256: string } | undefined>;
} {
  const reference = (id: string) => `EAKTE-${id}`;
  return {
    async handOver(doc) {
      const existing = await db
        .selectFrom('eakte_documents')
        .select(['id', 'sha256'])
        .where('external_key', '=', doc.externalKey)
        .executeTakeFirst();
      if (existing) return { reference: reference(existing.id), sha256: existing.sha256 };
      const id = randomUUID();
      const sha256 = sha256Hex(doc.bytes);
      await db
        .insertInto('eakte_documents')
        .values({
          id,
          external_key: doc.externalKey,
          jobcenter_id: doc.jobcenterId,
          filename: doc.filename,
          media_type: doc.mediaType,
          sha256,
          metadata: JSON.stringify(doc.metadata),
          content: encrypt(key, doc.bytes, `eakte:${id}`),
          received_at: now().toISOString(),
        })
        .onConflict((oc) => oc.column('external_key').doNothing())
        .execute();
      const row = await db
        .selectFrom('eakte_documents')
        .select(['id', 'sha256'])
        .where('external_key', '=', doc.externalKey)
        .executeTakeFirstOrThrow();
      return { reference: reference(row.id), sha256: row.sha256 };
    },
    async read(ref) {
      const id = ref.replace(/^EAKTE-/, '');
      const row = await db.selectFrom('eakte_documents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      return { bytes: decrypt(key, row.content, `eakte:${row.id}`), metadata: JSON.parse(row.metadata), sha256: row.sha256 };
    },
  };
}
