/** Thin queries on sessions. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SessionsTable } from '../accounts/accounts.table.js';
import { precompiled } from '../db/database.js';

/** Inserts a session row. */
export async function insertSession(db: Kysely<Database>, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

// Both run on every request with a session: compiled once, not per request (PERF-02).
const sessionWithAccount = precompiled((db, tokenHash: string) =>
  db
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
    .where('sessions.token_hash', '=', tokenHash),
);
const touch = precompiled((db, tokenHash: string, at: string) =>
  db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash),
);

/** A live session with its account's e-mail state, or undefined. */
export async function findSessionWithAccount(db: Kysely<Database>, tokenHash: string) {
  const rows = await sessionWithAccount(db, tokenHash);
  return rows.length > 0 ? rows[0] : undefined;
}

/** Records activity (sliding idle timeout). */
export async function touchSession(db: Kysely<Database>, tokenHash: string, at: string): Promise<void> {
  await touch(db, tokenHash, at);
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
