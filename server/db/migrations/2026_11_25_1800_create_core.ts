/** Core tables: jobcenters, accounts, sessions, TdA, documents, work items, outbox, idempotency, mails. */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Creates the core schema. Timestamps are ISO-8601 UTC text, booleans 0/1, JSON as text: same on both engines. */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('jobcenters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('wave', 'text', (c) => c.notNull())
    .addColumn('go_live', 'text')
    .addColumn('modules', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plz_ranges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('plz_from', 'text', (c) => c.notNull())
    .addColumn('plz_to', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plz_ranges_from_idx').on('plz_ranges').columns(['plz_from', 'plz_to']).execute();

  await db.schema
    .createTable('postkoerbe')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('postkorb_id', 'text', (c) => c.notNull().references('postkoerbe.id'))
    .execute();
  await db.schema.createIndex('routing_rules_jc_idx').on('routing_rules').columns(['jobcenter_id', 'position']).execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_confirmed_at', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('jobcenter_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();

  await db.schema
    .createTable('email_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['account_id', 'scope', 'key'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tda')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('portal_jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('responsibility', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('data_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('pdf_status', 'text', (c) => c.notNull())
    .addColumn('eakte_reference', 'text')
    .addUniqueConstraint('tda_account_key_uq', ['account_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('tda_account_idx').on('tda').columns(['account_id', 'received_at']).execute();

  await db.schema
    .createTable('work_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('postkorb_id', 'text', (c) => c.notNull().references('postkoerbe.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('work_items_ref_uq', ['type', 'ref_id'])
    .execute();
  await db.schema
    .createIndex('work_items_inbox_idx')
    .on('work_items')
    .columns(['postkorb_id', 'status', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('eakte_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_key', 'text', (c) => c.notNull().unique())
    .addColumn('jobcenter_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('dev_mails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops the core schema. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'dev_mails', 'outbox', 'eakte_documents', 'work_items', 'tda', 'documents', 'idempotency_keys',
    'login_throttle', 'sessions', 'email_tokens', 'accounts', 'routing_rules', 'postkoerbe', 'plz_ranges', 'jobcenters',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
