/** Thin queries on TdA rows. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TdaTable } from './tda.table.js';

/** Inserts a TdA. */
export async function insertTda(db: Kysely<Database>, row: TdaTable): Promise<void> {
  await db.insertInto('tda').values(row).execute();
}

/** A TdA by id. */
export function findTda(db: Kysely<Database>, id: string) {
  return db.selectFrom('tda').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A TdA of this account, or undefined for any other (SEC-10). */
export function findOwnTda(db: Kysely<Database>, id: string, accountId: string) {
  return db.selectFrom('tda').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

/** The account's TdAs, newest first. */
export function listOwnTda(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('tda').selectAll().where('account_id', '=', accountId).orderBy('received_at', 'desc').limit(50).execute();
}

/** Updates processing fields of a TdA. */
export async function updateTda(
  db: Kysely<Database>,
  id: string,
  set: Partial<Pick<TdaTable, 'pdf_document_id' | 'pdf_status' | 'eakte_reference' | 'status'>>,
): Promise<void> {
  await db.updateTable('tda').set(set).where('id', '=', id).execute();
}
