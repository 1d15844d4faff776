/**
 * OAP evidence uploads: links a stored (encrypted, kind `evidence`) document to the applicant's OAP profile and
 * the certificate's evidence item (`OAP_CERT:cv:<list item id>`). The document itself lives in `documents`.
 */
import type { Kysely } from 'kysely';

/** Creates the OAP document link table. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oap_documents')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('profile_id', 'text', (c) => c.notNull().references('oap_profiles.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oap_documents_profile_idx').on('oap_documents').columns(['profile_id', 'item_id']).execute();
}

/** Drops the OAP document link table. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('oap_documents').ifExists().execute();
}
