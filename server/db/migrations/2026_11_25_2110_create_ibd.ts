/**
 * IBD texts (versioned per jobcenter and application type, never updated in place) and roll-out bookkeeping:
 * a version on jobcenters for If-Match, and a history of every roll-out change (who, when, old, new).
 */
import type { Kysely } from 'kysely';

/** Creates ibd_texts and rollout_history; adds jobcenters.version. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ibd_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('weeks', 'integer')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ibd_texts_version_uq', ['jobcenter_id', 'type', 'version'])
    .execute();
  await db.schema.createIndex('ibd_texts_lookup_idx').on('ibd_texts').columns(['jobcenter_id', 'type', 'effective_from']).execute();

  await db.schema.alterTable('jobcenters').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema
    .createTable('rollout_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text', (c) => c.notNull())
    .addColumn('new_value', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rollout_history_jc_idx').on('rollout_history').columns(['jobcenter_id', 'version']).execute();
}
