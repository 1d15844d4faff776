/** Thin queries on staff accounts, staff sessions and sign-in challenges. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { StaffChallengesTable, StaffSessionsTable, StaffUsersTable } from './staff.table.js';

type Db = Kysely<Database>;

/** A staff member by e-mail (stored lower-case). */
export async function findStaffByEmail(db: Db, email: string) {
  return db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A staff member by id. */
export async function findStaffById(db: Db, id: string) {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a staff member (seed and admin tooling). */
export async function insertStaff(db: Db, row: StaffUsersTable): Promise<void> {
  await db.insertInto('staff_users').values(row).execute();
}

/** Records a completed sign-in. */
export async function markStaffSignedIn(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('staff_users').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

/** Stores the TOTP secret and recovery codes, only if the member is not enrolled yet; true if it was stored. */
export async function enrolTotp(
  db: Db,
  id: string,
  set: { totp_secret: string; totp_enabled_at: string; totp_last_step: number; recovery_codes: string },
): Promise<boolean> {
  const r = await db.updateTable('staff_users').set(set).where('id', '=', id).where('totp_enabled_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves the last used step forward; false when `step` is not newer (a replayed or concurrent code). */
export async function advanceTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const r = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the recovery code list only if it is still `expected` (each code single-use, even concurrently). */
export async function swapRecoveryCodes(db: Db, id: string, expected: string, next: string): Promise<boolean> {
  const r = await db
    .updateTable('staff_users')
    .set({ recovery_codes: next })
    .where('id', '=', id)
    .where('recovery_codes', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Inserts a challenge. */
export async function insertChallenge(db: Db, row: StaffChallengesTable): Promise<void> {
  await db.insertInto('staff_challenges').values(row).execute();
}

/** A challenge of the given purpose that is unused and unexpired at `now`, or undefined. */
export async function findLiveChallenge(db: Db, tokenHash: string, purpose: string, now: string) {
  return db
    .selectFrom('staff_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Marks a challenge used; false if it was used (or expired) meanwhile. */
export async function useChallenge(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('staff_challenges')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes challenges that expired before `before` (housekeeping on each new challenge). */
export async function deleteExpiredChallenges(db: Db, before: string): Promise<void> {
  await db.deleteFrom('staff_challenges').where('expires_at', '<', before).execute();
}

/** Inserts a staff session. */
export async function insertStaffSession(db: Db, row: StaffSessionsTable): Promise<void> {
  await db.insertInto('staff_sessions').values(row).execute();
}

/** A staff session with its member, or undefined. */
export async function findStaffSession(db: Db, tokenHash: string) {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.staff_id')
    .select([
      'staff_sessions.token_hash',
      'staff_sessions.staff_id',
      'staff_sessions.last_seen_at',
      'staff_sessions.expires_at',
      'staff_sessions.revoked_at',
      'staff_users.name',
      'staff_users.email',
      'staff_users.jobcenter_id',
      'staff_users.roles',
    ])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records activity (sliding idle timeout). */
export async function touchStaffSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Revokes one staff session. */
export async function revokeStaffSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ revoked_at: at })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Uses up the member's enrolment code if it is still set and unexpired at `now`; false otherwise. */
export async function consumeEnrolmentCode(db: Db, id: string, expectedHash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('staff_users')
    .set({ enrolment_code_hash: null, enrolment_code_expires_at: null })
    .where('id', '=', id)
    .where('enrolment_code_hash', '=', expectedHash)
    .where('enrolment_code_expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends every unused challenge of a member (after a reset no earlier sign-in may continue). */
export async function endChallengesOf(db: Db, staffId: string, now: string): Promise<void> {
  await db.updateTable('staff_challenges').set({ used_at: now }).where('staff_id', '=', staffId).where('used_at', 'is', null).execute();
}
