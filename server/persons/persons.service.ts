/**
 * Internetperson → Person (Dublettenprüfung): the Internetpersonen of a caseworker's jobcenter with scored
 * candidates, and the one decision per Internetperson, convert (new Person, new Kundennummer) or merge (into a
 * known Person). The decision releases the submitted applications to the benefit system; before it, nothing is.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { InternetPersonDetail, InternetPersonSummary, PersonDecision, PersonView } from '../../domain/person.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { candidatesFor } from './persons.candidates.js';
import * as repo from './persons.repository.js';
import { DEFAULT_THRESHOLD, rankCandidates } from './scoring.js';

/** Who acts, for the audit row. */
export interface PersonCall {
  staff: StaffInfo;
  requestId: string;
}

const audit = (deps: AppDeps, call: PersonCall, action: 'read' | 'write', objectType: string, objectId: string | null) => ({
  at: deps.clock.now().toISOString(),
  actorId: call.staff.id,
  actorRole: call.staff.roles.join(','),
  action,
  objectType,
  objectId,
  requestId: call.requestId,
});

/** The RV-Nr from the newest submitted Hauptantrag, if the applicant gave one. */
function rvNrOf(apps: { answers: string }[]): string | null {
  for (const a of [...apps].reverse()) {
    const v = (JSON.parse(a.answers) as { main?: Record<string, unknown> }).main?.rvnr;
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

/** The Internetpersonen of the caseworker's jobcenter, each with its best score. */
export async function listInternetPersons(deps: AppDeps, call: PersonCall): Promise<InternetPersonSummary[]> {
  const db = deps.db.db;
  if (!call.staff.jobcenterId) return [];
  const rows = await repo.openTdaOfJobcenter(db, call.staff.jobcenterId, 100);
  const out: InternetPersonSummary[] = [];
  for (const r of rows) {
    const data = repo.internetPersonData(r.data, rvNrOf(await repo.submittedApplications(db, r.account_id)));
    const ranked = rankCandidates(data, await candidatesFor(db, data));
    out.push({ id: r.account_id, tdaNumber: r.number, receivedAt: r.received_at, data, bestScore: ranked[0]?.score ?? 0, candidates: ranked.length });
  }
  await db.transaction().execute((trx) => appendAudit(trx, audit(deps, call, 'read', 'internet_person_list', call.staff.jobcenterId)));
  return out;
}

/** The TdA of an Internetperson in the caseworker's scope, or 404 (other jobcenter, unknown id: indistinguishable). */
async function scopedTda(deps: AppDeps, call: PersonCall, accountId: string) {
  const tda = await repo.newestTda(deps.db.db, accountId);
  if (!tda || tda.jobcenter_id !== call.staff.jobcenterId) throw problem('not-found');
  return tda;
}

/** One Internetperson with every candidate above the display threshold and the release state of its applications. */
export async function internetPersonDetail(deps: AppDeps, call: PersonCall, accountId: string, audited = true): Promise<InternetPersonDetail> {
  const db = deps.db.db;
  const tda = await scopedTda(deps, call, accountId);
  await repo.ensureLink(db, accountId, deps.clock.now().toISOString());
  const [link, apps] = await Promise.all([repo.findLink(db, accountId), repo.submittedApplications(db, accountId)]);
  const data = repo.internetPersonData(tda.data, rvNrOf(apps));
  // Only the persons sharing a blocking key are read and scored, not the whole register.
  const matches = rankCandidates(data, await candidatesFor(db, data), 10);
  if (audited) await db.transaction().execute((trx) => appendAudit(trx, audit(deps, call, 'read', 'internet_person', accountId)));
  return {
    id: accountId,
    tdaNumber: tda.number,
    receivedAt: tda.received_at,
    data,
    bestScore: matches[0]?.score ?? 0,
    candidates: matches.length,
    state: (link?.state ?? 'open') as InternetPersonDetail['state'],
    version: Number(link?.version ?? 1),
    threshold: DEFAULT_THRESHOLD,
    matches,
    applications: apps.map((a) => ({ id: a.id, number: a.number, released: a.released })),
  };
}

/** A fresh Kundennummer (3 digits, a letter, 6 digits); the unique index decides, the caller retries on a clash. */
const newKundennummer = () => `962W${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

/**
 * Decides the Internetperson exactly once: the conditional update of its open link (at the If-Match version, if
 * sent) is the guard, so a double click or a second caseworker gets 409 (412 for a stale version), never a second
 * Person. The new Person (convert), the releases and the audit row commit in the same transaction.
 */
export async function decide(
  deps: AppDeps,
  call: PersonCall,
  accountId: string,
  how: { kind: 'convert' } | { kind: 'merge'; personId: string },
  version: number | undefined,
): Promise<PersonDecision> {
  const db = deps.db.db;
  const tda = await scopedTda(deps, call, accountId);
  const now = deps.clock.now().toISOString();
  await repo.ensureLink(db, accountId, now);
  const target = how.kind === 'merge' ? await repo.findPerson(db, how.personId) : undefined;
  if (how.kind === 'merge' && !target) throw problem('validation', { errors: [{ path: 'personId', code: 'unknown_person', message: 'Diese Person gibt es im Personenbestand nicht.' }] });
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => decideIn(deps, trx, call, accountId, tda.data, how.kind, target, version, now));
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err) && how.kind === 'convert') continue; // Kundennummer clash: draw again
      throw err;
    }
  }
}

async function decideIn(
  deps: AppDeps,
  trx: Transaction<Database>,
  call: PersonCall,
  accountId: string,
  tdaData: string,
  kind: 'convert' | 'merge',
  target: PersonView | undefined,
  version: number | undefined,
  now: string,
): Promise<PersonDecision> {
  const apps = await repo.submittedApplications(trx, accountId);
  let person = target;
  if (!person) {
    const d = repo.internetPersonData(tdaData, rvNrOf(apps));
    person = { id: randomUUID(), kundennummer: newKundennummer(), ...d };
  }
  const state = kind === 'convert' ? 'converted' : 'merged';
  // A new Person is inserted first (the link refers to it); if the link turns out decided, the rollback removes it
  // again. In PostgreSQL a concurrent decision waits at the link's row lock for the first to commit.
  if (kind === 'convert') {
    await repo.insertPerson(trx, repo.personRow(person, now));
  }
  if (!(await repo.decideLink(trx, accountId, { state, personId: person.id, staffId: call.staff.id, at: now, version }))) {
    const link = await repo.findLink(trx, accountId);
    if (link?.state === 'open') throw problem('version-conflict', { detail: 'Die Internetperson wurde inzwischen geändert. Laden Sie den aktuellen Stand.', headers: { etag: `"${link.version}"` }, extensions: { current: { state: link.state, version: Number(link.version) } } });
    throw problem('person-decided', { extensions: { current: { state: link?.state, personId: link?.person_id } } });
  }
  const released = await repo.releaseApplications(trx, accountId, person.id, now);
  await appendAudit(trx, audit(deps, call, 'write', `person_link_${kind}`, accountId));
  return { id: accountId, state, person, released };
}
