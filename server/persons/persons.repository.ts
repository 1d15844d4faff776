/** Thin queries of the person register, the Internetperson links and the releases (db first). */
import type { Kysely } from 'kysely';
import type { PersonData, PersonView } from '../../domain/person.js';
import type { Database } from '../db/schema.js';
import { registerKeys } from './blocking-keys.js';
import { demoPersons } from './demo-persons.js';
import type { PersonsTable } from './persons.table.js';

/** The domain view of a register row. */
export function personView(r: PersonsTable): PersonView {
  return { id: r.id, kundennummer: r.kundennummer, firstName: r.first_name, lastName: r.last_name, birthDate: r.birth_date, street: r.street, postalCode: r.postal_code, city: r.city, rvNr: r.rv_nr };
}

/** Inserts the demo register persons that are missing (idempotent; ids `dp-…`). */
export async function seedDemoPersons(db: Kysely<Database>, now: string): Promise<void> {
  const have = new Set((await db.selectFrom('persons').select('id').where('id', 'like', 'dp-%').execute()).map((r) => r.id));
  const missing = demoPersons().filter((p) => !have.has(p.id));
  await db.transaction().execute((trx) => insertPersons(trx, missing.map((p) => personRow(p, now))));
}

/** The register row of a person. */
export function personRow(p: PersonView, createdAt: string): PersonsTable {
  return { id: p.id, kundennummer: p.kundennummer, first_name: p.firstName, last_name: p.lastName, birth_date: p.birthDate, street: p.street, postal_code: p.postalCode, city: p.city, rv_nr: p.rvNr, created_at: createdAt };
}

/** Inserts persons with their blocking keys, in batches (call inside a transaction to keep both together). */
export async function insertPersons(db: Kysely<Database>, rows: readonly PersonsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db.insertInto('persons').values(batch).execute();
    const keys = batch.flatMap((r) => registerKeys(personView(r)).map((key) => ({ key, person_id: r.id })));
    for (let j = 0; j < keys.length; j += 1000) await db.insertInto('person_keys').values(keys.slice(j, j + 1000)).execute();
  }
}

/** The whole register, for comparisons with the blocked candidates (tests, bench); the check uses `candidatesFor`. */
export async function listRegister(db: Kysely<Database>): Promise<PersonView[]> {
  return (await db.selectFrom('persons').selectAll().orderBy('kundennummer').execute()).map(personView);
}

/** One register person. */
export async function findPerson(db: Kysely<Database>, id: string): Promise<PersonView | undefined> {
  const r = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  return r && personView(r);
}

/** Inserts a person with its blocking keys. */
export async function insertPerson(db: Kysely<Database>, row: PersonsTable): Promise<void> {
  await insertPersons(db, [row]);
}

/** The newest TdA of each undecided account of a jobcenter, newest first. */
export async function openTdaOfJobcenter(db: Kysely<Database>, jobcenterId: string, limit: number) {
  const rows = await db
    .selectFrom('tda')
    .leftJoin('person_links', 'person_links.account_id', 'tda.account_id')
    .select(['tda.account_id', 'tda.number', 'tda.received_at', 'tda.data'])
    .where('tda.jobcenter_id', '=', jobcenterId)
    .where((eb) => eb.or([eb('person_links.state', 'is', null), eb('person_links.state', '=', 'open')]))
    .orderBy('tda.received_at', 'desc')
    .limit(limit * 4)
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.account_id) && seen.add(r.account_id)).slice(0, limit);
}

/** The newest TdA of an account. */
export function newestTda(db: Kysely<Database>, accountId: string) {
  return db
    .selectFrom('tda')
    .select(['account_id', 'number', 'received_at', 'data', 'jobcenter_id'])
    .where('account_id', '=', accountId)
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The link row of an account. */
export function findLink(db: Kysely<Database>, accountId: string) {
  return db.selectFrom('person_links').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

/** Creates the `open` link of an account unless it exists. */
export async function ensureLink(db: Kysely<Database>, accountId: string, now: string): Promise<void> {
  await db
    .insertInto('person_links')
    .values({ account_id: accountId, state: 'open', person_id: null, version: 1, decided_by: null, decided_at: null, created_at: now })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .execute();
}

/** Decides an open link (at `version` when given); true if this call decided it, false if it was not open (any more). */
export async function decideLink(
  db: Kysely<Database>,
  accountId: string,
  d: { state: 'converted' | 'merged'; personId: string; staffId: string; at: string; version?: number },
): Promise<boolean> {
  let q = db
    .updateTable('person_links')
    .set((eb) => ({ state: d.state, person_id: d.personId, decided_by: d.staffId, decided_at: d.at, version: eb('version', '+', 1) }))
    .where('account_id', '=', accountId)
    .where('state', '=', 'open');
  if (d.version !== undefined) q = q.where('version', '=', d.version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Submitted applications of an account with their release state, oldest first. */
export async function submittedApplications(db: Kysely<Database>, accountId: string) {
  const rows = await db
    .selectFrom('applications')
    .leftJoin('ade_releases', 'ade_releases.application_id', 'applications.id')
    .select(['applications.id', 'applications.number', 'applications.answers', 'ade_releases.released_at'])
    .where('applications.account_id', '=', accountId)
    .where('applications.status', '=', 'submitted')
    .orderBy('applications.submitted_at')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, answers: r.answers, released: r.released_at != null }));
}

/** Releases every submitted, unreleased application of the account to the benefit system; returns how many. */
export async function releaseApplications(db: Kysely<Database>, accountId: string, personId: string, at: string): Promise<number> {
  const open = (await submittedApplications(db, accountId)).filter((a) => !a.released);
  for (const a of open) {
    await db.insertInto('ade_releases').values({ application_id: a.id, person_id: personId, released_at: at }).onConflict((oc) => oc.column('application_id').doNothing()).execute();
  }
  return open.length;
}

/** The data the duplicate check compares, from a TdA's JSON and (if any) the RV-Nr of a submitted Hauptantrag. */
export function internetPersonData(tdaData: string, rvNr: string | null): PersonData {
  const d = JSON.parse(tdaData) as Record<string, unknown>;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  return { firstName: s('firstName'), lastName: s('lastName'), birthDate: s('birthDate'), street: s('street'), postalCode: s('postalCode'), city: s('city'), rvNr };
}
