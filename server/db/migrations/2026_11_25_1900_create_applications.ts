/** ADE: applications (drafts with optimistic concurrency, submitted once) and their evidence uploads. */
import { type Kysely, sql } from 'kysely';

/** Creates the application tables. Same conventions as the core: ISO text timestamps, JSON as text. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('portal_jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    // One application per TdA: its date of receipt must not date back two applications.
    .addColumn('tda_id', 'text', (c) => c.references('tda.id').unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('application_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('answers_sha256', 'text')
    .addColumn('pdf_status', 'text', (c) => c.notNull())
    .addColumn('pdf_document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('eakte_reference', 'text')
    .execute();
  await db.schema.createIndex('applications_account_idx').on('applications').columns(['account_id', 'created_at']).execute();
  // One open draft per account, guarded by the database so two parallel "start" clicks cannot make two.
  await sql`create unique index applications_open_draft_uq on applications (account_id) where status = 'draft'`.execute(db);

  await db.schema
    .createTable('application_documents')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('eakte_reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_documents_app_idx').on('application_documents').columns(['application_id', 'item_id']).execute();
  // The per-account quota sums document sizes on every upload.
  await db.schema.createIndex('documents_owner_kind_idx').on('documents').columns(['owner_account_id', 'kind']).execute();
}

/** Drops the application tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('documents_owner_kind_idx').ifExists().execute();
  await db.schema.dropTable('application_documents').ifExists().execute();
  await db.schema.dropTable('applications').ifExists().execute();
}
