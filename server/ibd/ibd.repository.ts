/** Thin queries on IBD texts (insert and select only: versions are never updated in place). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { IbdTextsTable } from './ibd.table.js';

/** The version in force on `date`: the latest effective_from ≤ date, the newest version among equal dates. */
export function findIbdInForce(db: Kysely<Database>, jobcenterId: string, type: string, date: string) {
  return db
    .selectFrom('ibd_texts')
    .selectAll()
    .where('jobcenter_id', '=', jobcenterId)
    .where('type', '=', type)
    .where('effective_from', '<=', date)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version of a jobcenter, by type and newest first. */
export function listIbdVersions(db: Kysely<Database>, jobcenterId: string) {
  return db.selectFrom('ibd_texts').selectAll().where('jobcenter_id', '=', jobcenterId).orderBy('type').orderBy('version', 'desc').execute();
}

/** The highest version number of a jobcenter and type (0 when none). */
export async function maxIbdVersion(db: Kysely<Database>, jobcenterId: string, type: string): Promise<number> {
  const row = await db
    .selectFrom('ibd_texts')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('jobcenter_id', '=', jobcenterId)
    .where('type', '=', type)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Inserts one version. */
export function insertIbdText(db: Kysely<Database>, row: IbdTextsTable) {
  return db.insertInto('ibd_texts').values(row).execute();
}
