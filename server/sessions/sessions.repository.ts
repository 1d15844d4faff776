/** Thin queries on sessions. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SessionsTable } from '../accounts/accounts.table.js';

/** Inserts a session row. */
export async function insertSession(db: Kysely<Database>, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

/** A live session with its account's e-mail state, or undefined. */
export async function findSessionWithAccount(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
    .select([
      'sessions.token_hash',
      'sessions.account_id',
      'sessions.level',
      'sessions.transport',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'accounts.email',
      'accounts.email_confirmed_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records activity (sliding idle timeout). */
export async function touchSession(db: Kysely<Database>, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

/** Revokes one session. */
export async function revokeSession(db: Kysely<Database>, tokenHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}
