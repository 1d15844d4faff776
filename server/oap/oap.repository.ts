/** Thin queries on OAP profiles, drafts and submitted versions (`db` first; a transaction works too). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { OapDraftsTable, OapProfilesTable, OapSubmissionsTable } from './oap.table.js';

type Db = Kysely<Database>;

/** The account's profile. */
export function findProfileOfAccount(db: Db, accountId: string) {
  return db.selectFrom('oap_profiles').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** A profile by id. */
export function findProfile(db: Db, id: string) {
  return db.selectFrom('oap_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a profile; the unique account id makes a parallel second insert fail. */
export async function insertProfile(db: Db, row: OapProfilesTable): Promise<void> {
  await db.insertInto('oap_profiles').values(row).execute();
}

/** Bumps the review version of a profile (optionally only from an expected one); true when a row changed. */
export async function bumpReviewVersion(db: Db, id: string, at: string, expected?: number, verbisVersion?: number): Promise<boolean> {
  let q = db
    .updateTable('oap_profiles')
    .set((eb) => ({ review_version: eb('review_version', '+', 1), updated_at: at, ...(verbisVersion !== undefined ? { verbis_version_at_takeover: verbisVersion } : {}) }))
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('review_version', '=', expected);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The drafts of a profile. */
export function listDrafts(db: Db, profileId: string) {
  return db.selectFrom('oap_drafts').selectAll().where('profile_id', '=', profileId).execute();
}

/** One draft. */
export function findDraft(db: Db, profileId: string, service: string) {
  return db.selectFrom('oap_drafts').selectAll().where('profile_id', '=', profileId).where('service', '=', service).executeTakeFirst();
}

/** Creates the first draft (version 1); false when one exists already. */
export async function insertDraft(db: Db, row: OapDraftsTable): Promise<void> {
  await db.insertInto('oap_drafts').values(row).execute();
}

/** Conditional autosave: only from the version the client read; true when stored. */
export async function updateDraftIfVersion(db: Db, key: { profileId: string; service: string; version: number }, set: { answers: string; answers_sha256: string; updated_at: string }): Promise<boolean> {
  const r = await db
    .updateTable('oap_drafts')
    .set({ ...set, version: key.version + 1 })
    .where('profile_id', '=', key.profileId)
    .where('service', '=', key.service)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Touches the draft only if it still has `version` (takes its row lock on PostgreSQL); true when it had. */
export async function touchDraftIfVersion(db: Db, key: { profileId: string; service: string; version: number }, at: string): Promise<boolean> {
  const r = await db
    .updateTable('oap_drafts')
    .set({ updated_at: at })
    .where('profile_id', '=', key.profileId)
    .where('service', '=', key.service)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Submitted versions of a profile (all services), oldest first. */
export function listSubmissions(db: Db, profileId: string) {
  return db.selectFrom('oap_submissions').selectAll().where('profile_id', '=', profileId).orderBy('service').orderBy('number').execute();
}

/** Inserts a submitted version; (profile, service, number) is unique. */
export async function insertSubmission(db: Db, row: OapSubmissionsTable): Promise<void> {
  await db.insertInto('oap_submissions').values(row).execute();
}

/** Marks submitted versions as taken over into VerBIS. */
export async function markTakenOver(db: Db, ids: string[], at: string, verbisVersion: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('oap_submissions').set({ taken_over_at: at, verbis_version: verbisVersion }).where('id', 'in', ids).where('taken_over_at', 'is', null).execute();
}

/** The OAP work item of a profile (one per profile, reopened by a later submission). */
export function findOapWorkItem(db: Db, profileId: string) {
  return db.selectFrom('work_items').selectAll().where('type', '=', 'oap').where('ref_id', '=', profileId).executeTakeFirst();
}

/** Reopens a closed OAP work item for a new submission (status neu, unassigned). */
export async function reopenWorkItem(db: Db, id: string): Promise<void> {
  await db
    .updateTable('work_items')
    .set((eb) => ({ status: 'neu', assignee_id: null, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '=', 'erledigt')
    .execute();
}

/** Closes the OAP work item (erledigt). */
export async function closeWorkItem(db: Db, id: string): Promise<void> {
  await db
    .updateTable('work_items')
    .set((eb) => ({ status: 'erledigt', version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('status', '<>', 'erledigt')
    .execute();
}
