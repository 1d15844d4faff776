/**
 * OAP (Online-Arbeitsmarktprofil): one profile per applicant account with the responsible jobcenter, the
 * current draft of each eService, every submitted version (immutable), and the default VerBIS adapter's
 * versioned profile store, and the staff takeovers (idempotent per key, one per review version).
 */
import type { Kysely } from 'kysely';

/** Creates the OAP and VerBIS tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oap_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().unique().references('accounts.id'))
    .addColumn('jobcenter_id', 'text', (c) => c.notNull().references('jobcenters.id'))
    .addColumn('tda_id', 'text', (c) => c.notNull().references('tda.id'))
    .addColumn('review_version', 'integer', (c) => c.notNull())
    .addColumn('verbis_version_at_takeover', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oap_profiles_jc_idx').on('oap_profiles').column('jobcenter_id').execute();

  await db.schema
    .createTable('oap_drafts')
    .addColumn('profile_id', 'text', (c) => c.notNull().references('oap_profiles.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('answers_sha256', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('oap_drafts_pk', ['profile_id', 'service'])
    .execute();

  await db.schema
    .createTable('oap_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('oap_profiles.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('answers_sha256', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('taken_over_at', 'text')
    .addColumn('verbis_version', 'integer')
    .addUniqueConstraint('oap_submissions_number_uq', ['profile_id', 'service', 'number'])
    .execute();

  await db.schema
    .createTable('oap_takeovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile_id', 'text', (c) => c.notNull().references('oap_profiles.id'))
    .addColumn('review_version', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('verbis_version', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('oap_takeovers_key_uq', ['profile_id', 'idempotency_key'])
    .addUniqueConstraint('oap_takeovers_version_uq', ['profile_id', 'review_version'])
    .execute();

  await db.schema
    .createTable('verbis_profiles')
    .addColumn('person_key', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('verbis_profile_versions')
    .addColumn('person_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('external_key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('verbis_profile_versions_pk', ['person_key', 'version'])
    .execute();
}

/** Drops the OAP and VerBIS tables. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['verbis_profile_versions', 'verbis_profiles', 'oap_takeovers', 'oap_submissions', 'oap_drafts', 'oap_profiles']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
