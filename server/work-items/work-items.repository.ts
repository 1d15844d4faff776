/** Thin queries on work items. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { WorkItemsTable } from './work-items.table.js';

/** Inserts a work item once per (type, ref): a repeated routing job changes nothing. */
export async function insertWorkItemOnce(db: Kysely<Database>, row: WorkItemsTable): Promise<void> {
  await db
    .insertInto('work_items')
    .values(row)
    .onConflict((oc) => oc.columns(['type', 'ref_id']).doNothing())
    .execute();
}

/** The work item of a reference. */
export function findWorkItemByRef(db: Kysely<Database>, type: string, refId: string) {
  return db.selectFrom('work_items').selectAll().where('type', '=', type).where('ref_id', '=', refId).executeTakeFirst();
}
