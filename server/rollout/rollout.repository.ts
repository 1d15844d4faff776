/** Thin queries of the roll-out: a versioned update of a jobcenter's roll-out fields and its history. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { RolloutHistoryTable } from './rollout.table.js';

/** Sets wave, go-live and switches if the jobcenter still has `version`; true when it did. */
export async function updateRolloutIfVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  set: { wave: string; go_live: string | null; modules: string },
): Promise<boolean> {
  const res = await db
    .updateTable('jobcenters')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Appends one history row. */
export function insertRolloutHistory(db: Kysely<Database>, row: RolloutHistoryTable) {
  return db.insertInto('rollout_history').values(row).execute();
}

/** The history of a jobcenter, newest first. */
export function listRolloutHistory(db: Kysely<Database>, jobcenterId: string) {
  return db.selectFrom('rollout_history').selectAll().where('jobcenter_id', '=', jobcenterId).orderBy('version', 'desc').execute();
}
