/** Staff accounts with TOTP as second factor, their sessions, and the short-lived sign-in challenges. */
import { type Kysely } from 'kysely';

/** Creates staff_users, staff_sessions and staff_challenges (ISO text timestamps, JSON as text). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null for staff without a jobcenter: RD admins and 1st-level support.
    .addColumn('jobcenter_id', 'text', (c) => c.references('jobcenters.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    // AES-256-GCM with the document key, the row id as associated data (base64); null until enrolled.
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    // The last accepted time step: a code of this or an earlier step is a replay.
    .addColumn('totp_last_step', 'integer')
    // JSON array of SHA-256 hashes of the unused recovery codes.
    .addColumn('recovery_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text')
    .execute();
  await db.schema.createIndex('staff_users_jobcenter_idx').on('staff_users').column('jobcenter_id').execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('staff_sessions_staff_idx').on('staff_sessions').column('staff_id').execute();

  await db.schema
    .createTable('staff_challenges')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    // Enrolment only: the new secret, encrypted like totp_secret (bound to the challenge).
    .addColumn('pending_secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('staff_challenges_staff_idx').on('staff_challenges').column('staff_id').execute();
}

/** Drops the staff tables. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_challenges').execute();
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema.dropTable('staff_users').execute();
}
