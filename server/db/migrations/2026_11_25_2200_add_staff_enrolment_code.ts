/**
 * Initial TOTP enrolment needs an out-of-band enrolment code (Freischaltcode) besides the password: the member row
 * keeps its SHA-256 and expiry, both null once used (or for members who enrolled before this migration).
 */
import type { Kysely } from 'kysely';

/** Adds staff_users.enrolment_code_hash and staff_users.enrolment_code_expires_at. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('enrolment_code_hash', 'text').execute();
  await db.schema.alterTable('staff_users').addColumn('enrolment_code_expires_at', 'text').execute();
}

/** Drops both columns. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_users').dropColumn('enrolment_code_expires_at').execute();
  await db.schema.alterTable('staff_users').dropColumn('enrolment_code_hash').execute();
}
