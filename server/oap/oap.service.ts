/**
 * The applicant's side of the OAP: the profile (responsible jobcenter = the jobcenter of her latest TdA), the
 * three eService drafts with autosave (If-Match, REL-02) and submission of immutable versions (REL-03).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { checkOapDraft, oapCompleteness, validateOapService } from '../../domain/forms/oap-engine.js';
import { OAP_SERVICE_IDS, type OapServiceId } from '../../domain/forms/oap.js';
import type { OapServiceSummary, OapServiceView, OapStatus } from '../../domain/oap.js';
import { etagOf } from '../applications/if-match.js';
import type { AppDeps } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { canonicalHash, once, type StoredResponse } from '../idempotency/idempotency.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { jobcenterView } from '../jobcenters/jobcenters.service.js';
import { enqueue } from '../outbox/outbox.js';
import { listOwnTda } from '../tda/tda.repository.js';
import * as repo from './oap.repository.js';
import type { OapDraftsTable, OapProfilesTable, OapSubmissionsTable } from './oap.table.js';
import { berlinDate } from '../../domain/dates.js';

type Answers = Record<string, unknown>;

/** Status of one eService from its draft and its latest submitted version. */
export function statusOf(draft: OapDraftsTable | undefined, latest: OapSubmissionsTable | undefined): OapStatus {
  if (latest && (!draft || draft.answers_sha256 === latest.answers_sha256)) return latest.taken_over_at ? 'taken_over' : 'submitted';
  return draft ? 'draft' : 'empty';
}

/** The eService views of a profile (or of nobody yet), read with `db` (a transaction inside one). */
export async function serviceViews(db: Kysely<Database>, profile: OapProfilesTable | undefined, today: string): Promise<OapServiceView[]> {
  const [drafts, subs] = profile ? await Promise.all([repo.listDrafts(db, profile.id), repo.listSubmissions(db, profile.id)]) : [[], []];
  return OAP_SERVICE_IDS.map((service) => {
    const draft = drafts.find((d) => d.service === service);
    const history = subs.filter((s) => s.service === service);
    const latest = history.at(-1);
    const answers = draft ? (JSON.parse(draft.answers) as Answers) : {};
    const version = draft ? Number(draft.version) : 0;
    return {
      service,
      status: statusOf(draft, latest),
      version,
      etag: etagOf(version),
      completeness: oapCompleteness(service, answers, today),
      submittedAt: latest?.submitted_at ?? null,
      takenOverAt: latest?.taken_over_at ?? null,
      submittedVersion: latest ? Number(latest.number) : null,
      answers,
      history: history.map((s) => ({ version: Number(s.number), submittedAt: s.submitted_at, takenOverAt: s.taken_over_at })),
    };
  });
}

/** The overview entry of a view (no answers). */
export const summaryOf = (v: OapServiceView): OapServiceSummary => ({
  service: v.service,
  status: v.status,
  version: v.version,
  completeness: v.completeness,
  submittedAt: v.submittedAt,
  takenOverAt: v.takenOverAt,
});

/**
 * The applicant's profile, or where it would be: 409 without a TdA, 403 `module_off` when her jobcenter does not
 * offer the OAP. With `create` the profile is made on first use.
 */
export async function applicantProfile(deps: AppDeps, accountId: string, create = false): Promise<OapProfilesTable | undefined> {
  const db = deps.db.db;
  let profile = await repo.findProfileOfAccount(db, accountId);
  const tda = profile ? undefined : (await listOwnTda(db, accountId))[0];
  if (!profile && !tda) throw problem('oap-no-tda');
  const jc = await findJobcenter(db, profile?.jobcenter_id ?? tda!.jobcenter_id);
  if (!jc || !jobcenterView(jc, deps.clock.now()).modules.oap) {
    throw problem('module-unavailable', { detail: `${jc?.name ?? 'Ihr Jobcenter'} bietet das Arbeitsmarktprofil online noch nicht an.`, extensions: { code: 'module_off' } });
  }
  if (profile || !create) return profile;
  const now = deps.clock.now().toISOString();
  const row: OapProfilesTable = { id: randomUUID(), account_id: accountId, jobcenter_id: tda!.jobcenter_id, tda_id: tda!.id, review_version: 1, verbis_version_at_takeover: null, created_at: now, updated_at: now };
  try {
    await repo.insertProfile(db, row);
    profile = row;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    profile = await repo.findProfileOfAccount(db, accountId);
  }
  return profile;
}

/** The view of one eService. */
export async function serviceView(deps: AppDeps, profile: OapProfilesTable | undefined, service: OapServiceId): Promise<OapServiceView> {
  return (await serviceViews(deps.db.db, profile, berlinDate(deps.clock.now()))).find((v) => v.service === service)!;
}

async function conflict(deps: AppDeps, profile: OapProfilesTable, service: OapServiceId): Promise<never> {
  const v = await serviceView(deps, profile, service);
  throw problem('version-conflict', {
    detail: 'Die Angaben wurden inzwischen an anderer Stelle geändert. Laden Sie den aktuellen Stand.',
    headers: { etag: v.etag },
    extensions: { current: { version: v.version, answers: v.answers } },
  });
}

/** Autosave: shape check (unknown fields, wrong forms: 400 naming them), then a conditional write from `version`. */
export async function saveOapAnswers(deps: AppDeps, accountId: string, service: OapServiceId, version: number, answers: Answers, english: boolean): Promise<OapServiceView> {
  const today = berlinDate(deps.clock.now());
  const errors = checkOapDraft(service, answers, today, english ? 'en' : 'de');
  if (errors.length) throw problem('validation', { errors });
  const profile = (await applicantProfile(deps, accountId, true))!;
  const set = { answers: JSON.stringify(answers), answers_sha256: canonicalHash(answers), updated_at: deps.clock.now().toISOString() };
  let ok: boolean;
  if (version === 0) {
    try {
      await repo.insertDraft(deps.db.db, { profile_id: profile.id, service, version: 1, ...set });
      ok = true;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      ok = false;
    }
  } else ok = await repo.updateDraftIfVersion(deps.db.db, { profileId: profile.id, service, version }, set);
  if (!ok) return conflict(deps, profile, service);
  return serviceView(deps, profile, service);
}

/**
 * Submits the draft the client read (If-Match) once per Idempotency-Key: full validation (422), then an immutable
 * version and the routing job in one commit. A draft equal to the latest submitted version adds nothing.
 */
export async function submitOapService(deps: AppDeps, accountId: string, service: OapServiceId, ids: { version: number; key: string }, english: boolean): Promise<StoredResponse> {
  const profile = (await applicantProfile(deps, accountId, true))!;
  const requestHash = canonicalHash({ service, version: ids.version });
  const result = await once(deps, { accountId, scope: `oap.submit.${service}`, key: ids.key, requestHash }, async (complete) => {
    const db = deps.db.db;
    const draft = await repo.findDraft(db, profile.id, service);
    if (Number(draft?.version ?? 0) !== ids.version) return conflict(deps, profile, service);
    const today = berlinDate(deps.clock.now());
    const answers = draft ? (JSON.parse(draft.answers) as Answers) : {};
    const errors = validateOapService(service, answers, today, english ? 'en' : 'de');
    if (errors.length) throw problem('incomplete', { errors, detail: `${errors.length} Angabe(n) fehlen oder sind fehlerhaft.` });
    const body = await db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString();
      // Locks the draft row (PostgreSQL) and proves it is still the validated version.
      if (!(await repo.touchDraftIfVersion(trx, { profileId: profile.id, service, version: ids.version }, at))) return undefined;
      const subs = (await repo.listSubmissions(trx, profile.id)).filter((s) => s.service === service);
      const latest = subs.at(-1);
      if (!latest || latest.answers_sha256 !== draft!.answers_sha256) {
        await repo.insertSubmission(trx, { id: randomUUID(), profile_id: profile.id, service, number: subs.length + 1, answers: draft!.answers, answers_sha256: draft!.answers_sha256, submitted_at: at, taken_over_at: null, verbis_version: null });
        await repo.bumpReviewVersion(trx, profile.id, at);
        await enqueue(trx, deps.clock, 'oap.route', { profileId: profile.id });
      }
      const view = (await serviceViews(trx, profile, today)).find((v) => v.service === service)!;
      await complete(trx, 200, view);
      return view;
    });
    if (!body) return conflict(deps, profile, service);
    return { status: 200, body, replayed: false };
  });
  deps.onOutbox?.();
  return result;
}
