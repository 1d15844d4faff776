/** Jobcenter configuration versions (each applied document), pending configuration changes (four eyes), feedback. */
import type { Kysely } from 'kysely';

/** Creates config_versions, config_changes and admin_feedback. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('config_versions')
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('config_versions_pk', ['jobcenter_id', 'version'])
    .execute();

  await db.schema
    .createTable('config_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('base_hash', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('config_changes_jc_idx').on('config_changes').columns(['jobcenter_id', 'status', 'created_at']).execute();

  await db.schema
    .createTable('admin_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_feedback_jc_idx').on('admin_feedback').columns(['jobcenter_id', 'created_at']).execute();
}
