/** Thin queries on accounts, e-mail tokens and the sign-in throttle. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AccountsTable, EmailTokensTable } from './accounts.table.js';

/** Account by normalised e-mail. */
export function findAccountByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Account by id. */
export function findAccountById(db: Kysely<Database>, id: string) {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an account. */
export async function insertAccount(db: Kysely<Database>, row: AccountsTable): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
}

/** Inserts an e-mail token. */
export async function insertEmailToken(db: Kysely<Database>, row: EmailTokensTable): Promise<void> {
  await db.insertInto('email_tokens').values(row).execute();
}

/** Marks a live token used; true when this call used it (single use under concurrency). */
export async function useEmailToken(db: Kysely<Database>, tokenHash: string, purpose: string, at: string) {
  const token = await db
    .selectFrom('email_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!token || token.used_at || token.expires_at <= at) return undefined;
  const res = await db
    .updateTable('email_tokens')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? token : undefined;
}

/** Sets the confirmed state and raises the level to at least `level`. */
export async function confirmAccountEmail(db: Kysely<Database>, id: string, at: string, level: number) {
  const account = await findAccountById(db, id);
  if (!account) return;
  await db
    .updateTable('accounts')
    .set({ email_confirmed_at: account.email_confirmed_at ?? at, level: Math.max(Number(account.level), level) })
    .where('id', '=', id)
    .execute();
}

/** Records a successful sign-in. */
export async function markSignedIn(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('accounts').set({ last_sign_in_at: at }).where('id', '=', id).execute();
}

/** The throttle row of a key. */
export function findThrottle(db: Kysely<Database>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Writes a throttle row (insert or replace). */
export async function saveThrottle(
  db: Kysely<Database>,
  row: { key: string; failures: number; window_start: string; blocked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures: row.failures, window_start: row.window_start, blocked_until: row.blocked_until }),
    )
    .execute();
}

/** Forgets a key's failures. */
export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
