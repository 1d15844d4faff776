/** Thin queries on applications. Every read for an applicant is scoped to her account (SEC-10). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ApplicationsTable } from './applications.table.js';

/** Inserts an application. */
export async function insertApplication(db: Kysely<Database>, row: ApplicationsTable): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

/** An application by id (jobs; never for a request without an owner check). */
export function findApplication(db: Kysely<Database>, id: string) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The account's application, or undefined for any other (SEC-10). */
export function findOwnApplication(db: Kysely<Database>, id: string, accountId: string) {
  return db.selectFrom('applications').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

/** The account's open draft, if any. */
export function findOpenDraft(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('applications').selectAll().where('account_id', '=', accountId).where('status', '=', 'draft').executeTakeFirst();
}

/** The account's applications, newest first. */
export function listOwnApplications(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('applications').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(50).execute();
}

/**
 * Autosave: writes the answers only if the draft still has the version the client read (REL-02).
 * One statement, so two tabs cannot both win; returns false when nothing matched.
 */
export async function updateAnswersIfVersion(
  db: Kysely<Database>,
  ids: { id: string; accountId: string; version: number },
  answers: string,
  updatedAt: string,
): Promise<boolean> {
  const res = await db
    .updateTable('applications')
    .set((eb) => ({ answers, updated_at: updatedAt, version: eb('version', '+', 1) }))
    .where('id', '=', ids.id)
    .where('account_id', '=', ids.accountId)
    .where('status', '=', 'draft')
    .where('version', '=', ids.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Marks a draft submitted if it still has the version that was validated; false when another request won. */
export async function markSubmittedIfVersion(
  db: Kysely<Database>,
  ids: { id: string; accountId: string; version: number },
  set: Pick<ApplicationsTable, 'submitted_at' | 'number' | 'answers_sha256'>,
): Promise<boolean> {
  const res = await db
    .updateTable('applications')
    .set((eb) => ({ ...set, status: 'submitted', pdf_status: 'pending', updated_at: set.submitted_at!, version: eb('version', '+', 1) }))
    .where('id', '=', ids.id)
    .where('account_id', '=', ids.accountId)
    .where('status', '=', 'draft')
    .where('version', '=', ids.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Updates processing fields of a submitted application (outbox jobs). */
export async function updateProcessing(
  db: Kysely<Database>,
  id: string,
  set: Partial<Pick<ApplicationsTable, 'pdf_document_id' | 'pdf_status' | 'eakte_reference'>>,
): Promise<void> {
  await db.updateTable('applications').set(set).where('id', '=', id).execute();
}

/** The account's TdA to date an application from: the given one, or the newest not yet used by an application. */
export function findUsableTda(db: Kysely<Database>, accountId: string, tdaId?: string) {
  let q = db
    .selectFrom('tda')
    .leftJoin('applications', 'applications.tda_id', 'tda.id')
    .select(['tda.id', 'tda.received_at', 'tda.data', 'applications.id as used_by'])
    .where('tda.account_id', '=', accountId);
  if (tdaId) q = q.where('tda.id', '=', tdaId);
  else q = q.where('applications.id', 'is', null);
  return q.orderBy('tda.received_at', 'desc').limit(1).executeTakeFirst();
}
