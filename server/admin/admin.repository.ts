/** Thin queries on configuration versions, pending configuration changes, feedback and the routing tables. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AdminFeedbackTable, ConfigChangesTable, ConfigVersionsTable } from './admin.table.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The newest configuration version number of a jobcenter (0 before the first change). */
export async function latestConfigVersion(db: Q, jobcenterId: string): Promise<number> {
  const row = await db.selectFrom('config_versions').select((eb) => eb.fn.max('version').as('v')).where('jobcenter_id', '=', jobcenterId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Stores an applied configuration document. */
export function insertConfigVersion(db: Q, row: ConfigVersionsTable) {
  return db.insertInto('config_versions').values(row).execute();
}

/** The Postkörbe of a jobcenter, default first. */
export function listPostkoerbe(db: Q, jobcenterId: string) {
  return db.selectFrom('postkoerbe').selectAll().where('jobcenter_id', '=', jobcenterId).orderBy('is_default', 'desc').orderBy('id').execute();
}

/** Ids among `ids` that belong to another jobcenter (ids are global keys). */
export async function foreignIds(db: Q, table: 'postkoerbe' | 'routing_rules', jobcenterId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).where('jobcenter_id', '<>', jobcenterId).execute();
  return rows.map((r) => r.id);
}

/** Postkörbe among `ids` that still hold work items. */
export async function postkoerbeInUse(db: Q, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('work_items').select('postkorb_id').distinct().where('postkorb_id', 'in', ids).execute();
  return rows.map((r) => r.postkorb_id);
}

/** Takes the jobcenter row's lock for the rest of the transaction (PostgreSQL row lock; SQLite has one writer). */
export function lockJobcenter(trx: Transaction<Database>, jobcenterId: string) {
  return trx.updateTable('jobcenters').set((eb) => ({ theme: eb.ref('theme') })).where('id', '=', jobcenterId).execute();
}

/** A pending or decided configuration change. */
export function findConfigChange(db: Q, jobcenterId: string, id: string) {
  return db.selectFrom('config_changes').selectAll().where('jobcenter_id', '=', jobcenterId).where('id', '=', id).executeTakeFirst();
}

/** The pending changes of a jobcenter, oldest first. */
export function listPendingChanges(db: Q, jobcenterId: string) {
  return db.selectFrom('config_changes').selectAll().where('jobcenter_id', '=', jobcenterId).where('status', '=', 'pending').orderBy('created_at').execute();
}

/** Stores an imported change. */
export function insertConfigChange(db: Q, row: ConfigChangesTable) {
  return db.insertInto('config_changes').values(row).execute();
}

/** Decides a pending change; false when it was no longer pending. */
export async function decideConfigChange(db: Q, id: string, status: 'approved' | 'rejected', by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('config_changes').set({ status, decided_by: by, decided_at: at }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Moves a pending change onto a newer base (after a stale approval). */
export function rebaseConfigChange(db: Q, id: string, baseVersion: number, baseHash: string, diff: string) {
  return db.updateTable('config_changes').set({ base_version: baseVersion, base_hash: baseHash, diff }).where('id', '=', id).execute();
}

/** Stores feedback. */
export function insertFeedback(db: Q, row: AdminFeedbackTable) {
  return db.insertInto('admin_feedback').values(row).execute();
}

/** Feedback, newest first, optionally of one jobcenter. */
export function listFeedback(db: Q, jobcenterId?: string) {
  let q = db.selectFrom('admin_feedback').selectAll().orderBy('created_at', 'desc').limit(500);
  if (jobcenterId) q = q.where('jobcenter_id', '=', jobcenterId);
  return q.execute();
}
