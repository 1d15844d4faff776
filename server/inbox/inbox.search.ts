/**
 * How the inbox search `q` (already folded) is matched. A number ("TDA-2026-7K…") is an index range on
 * search_number. A name is an index range on search_key followed by a sort, unless it is so common (a short
 * prefix like "sch") that sorting all matches would cost more than walking the page's own index in created_at order
 * and filtering: then the name is compared with substr(), which no index serves, so both engines walk the scope
 * index and stop after one page. A count limited to BROAD entries of the search index decides.
 */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { prefixEnd } from './search-key.js';

/** From this many name matches in a jobcenter on, the search walks the page index instead. */
export const BROAD = 5000;

/** True for the prefix of an application number ("tda-2026-7k"): names have no digits. */
export const isNumberQuery = (q: string): boolean => /\d/.test(q);

/** True when a name prefix matches at least BROAD items of the jobcenter (an index-only count). */
export async function isBroadSearch(db: Kysely<Database>, jobcenterId: string, q: string): Promise<boolean> {
  if (isNumberQuery(q)) return false;
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('work_items')
        .select('search_key')
        .where('jobcenter_id', '=', jobcenterId)
        .where('search_key', '>=', q)
        .where('search_key', '<', prefixEnd(q))
        .limit(BROAD)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) >= BROAD;
}

/** The WHERE term of a search. */
export function searchCondition(eb: ExpressionBuilder<Database, 'work_items'>, q: string, scan: boolean) {
  if (isNumberQuery(q)) return eb.and([eb('search_number', '>=', q), eb('search_number', '<', prefixEnd(q))]);
  if (scan) return eb(sql<string>`substr(search_key, 1, ${sql.lit([...q].length)})`, '=', q);
  return eb.and([eb('search_key', '>=', q), eb('search_key', '<', prefixEnd(q))]);
}
