/**
 * MWS: the review state of a submitted application (status + version), request rounds with their deadline and the
 * § 66 notice text as given, request items, notes/messages, and the history of status changes and answer corrections.
 */
import type { Kysely } from 'kysely';

/** Creates the MWS tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mws_reviews')
    .addColumn('application_id', 'text', (c) => c.primaryKey().references('applications.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('mws_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('notice_version', 'text', (c) => c.notNull())
    .addColumn('notice_de', 'text', (c) => c.notNull())
    .addColumn('notice_en', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('mws_requests_key_uq', ['application_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('mws_requests_app_idx').on('mws_requests').columns(['application_id', 'created_at']).execute();

  await db.schema
    .createTable('mws_request_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('mws_requests.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('title', 'text')
    .addColumn('path', 'text')
    .addColumn('comment', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('mws_request_items_req_idx').on('mws_request_items').columns(['request_id', 'position']).execute();

  // kind: note (internal, staff only), message (staff → applicant), reply (applicant → staff).
  await db.schema
    .createTable('mws_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff_users.id'))
    .addColumn('request_id', 'text', (c) => c.references('mws_requests.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mws_messages_app_idx').on('mws_messages').columns(['application_id', 'created_at']).execute();

  // kind: status (old_value → new_value are statuses) or answer (JSON values of `path`).
  await db.schema
    .createTable('mws_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('path', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('request_item_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mws_history_app_idx').on('mws_history').columns(['application_id', 'at']).execute();
}

/** Drops them again. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['mws_history', 'mws_messages', 'mws_request_items', 'mws_requests', 'mws_reviews']) await db.schema.dropTable(t).execute();
}
