/** Candidate selection of the duplicate check: the register persons sharing a blocking key, read through the index. */
import type { Kysely } from 'kysely';
import type { PersonData, PersonView } from '../../domain/person.js';
import type { Database } from '../db/schema.js';
import { probeKeys } from './blocking-keys.js';
import { personView } from './persons.repository.js';

/** At most this many register persons are scored per check. */
export const CANDIDATE_LIMIT = 500;

/**
 * The ids of the persons stored under any of `keys`: each key contributes at most its share of CANDIDATE_LIMIT, in
 * person_id order (the primary key's order, so no sort), so one common key cannot crowd out a rare one.
 */
export function candidateIdsQuery(db: Kysely<Database>, keys: readonly string[]) {
  const share = Math.max(1, Math.floor(CANDIDATE_LIMIT / Math.max(1, keys.length)));
  const part = (key: string) =>
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('person_keys')
          .select('person_id')
          .where('key', '=', key)
          .orderBy('person_id')
          .limit(share)
          .as('k'),
      )
      .select('k.person_id');
  return keys.slice(1).reduce((q, key) => q.union(part(key)), part(keys[0] ?? ''));
}

/** The register persons sharing at least one blocking key with an Internetperson, by Kundennummer. */
export async function candidatesFor(db: Kysely<Database>, data: PersonData): Promise<PersonView[]> {
  const keys = probeKeys(data);
  if (!keys.length) return [];
  const ids = (await candidateIdsQuery(db, keys).execute()).map((r) => r.person_id);
  if (!ids.length) return [];
  return (
    await db.selectFrom('persons').selectAll().where('id', 'in', ids).orderBy('kundennummer').execute()
  ).map(personView);
}
