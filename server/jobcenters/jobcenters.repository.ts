/** Thin queries on jobcenters, PLZ ranges, Postkörbe and routing rules. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** One jobcenter row. */
export function findJobcenter(db: Kysely<Database>, id: string) {
  return db.selectFrom('jobcenters').selectAll().where('id', '=', id).executeTakeFirst();
}

/** All jobcenter rows. */
export function listJobcenters(db: Kysely<Database>) {
  return db.selectFrom('jobcenters').selectAll().orderBy('name').execute();
}

/** The jobcenter whose PLZ range holds the postal code (five digits compare as text). */
export function findJobcenterByPlz(db: Kysely<Database>, plz: string) {
  return db
    .selectFrom('plz_ranges')
    .innerJoin('jobcenters', 'jobcenters.id', 'plz_ranges.jobcenter_id')
    .selectAll('jobcenters')
    .where('plz_ranges.plz_from', '<=', plz)
    .where('plz_ranges.plz_to', '>=', plz)
    .executeTakeFirst();
}

/** The routing rules of a jobcenter in order. */
export function listRoutingRules(db: Kysely<Database>, jobcenterId: string) {
  return db.selectFrom('routing_rules').selectAll().where('jobcenter_id', '=', jobcenterId).orderBy('position').execute();
}

/** The default Postkorb of a jobcenter. */
export function findDefaultPostkorb(db: Kysely<Database>, jobcenterId: string) {
  return db
    .selectFrom('postkoerbe')
    .selectAll()
    .where('jobcenter_id', '=', jobcenterId)
    .where('is_default', '=', 1)
    .executeTakeFirst();
}

/** Every origin any jobcenter allows to embed the widgets (for CORS). */
export async function allAllowedOrigins(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('jobcenters').select('allowed_origins').execute();
  return new Set(rows.flatMap((r) => JSON.parse(r.allowed_origins) as string[]));
}
