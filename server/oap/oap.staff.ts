/**
 * The Markt & Integration side of the OAP: the latest submitted versions compared field by field with the VerBIS
 * profile, and the takeover of accepted fields into VerBIS (idempotent, audited). Only the `oap` item type's roles
 * (403 otherwise) of the profile's jobcenter (404 otherwise, SEC-10); a profile without a submission is 404 too.
 */
import { canonicalOapValue, formatOapValue, oapFields, oapQuestionOf } from '../../domain/forms/oap-engine.js';
import { OAP_SERVICE_IDS, OAP_SERVICES } from '../../domain/forms/oap.js';
import type { OapComparisonRow, OapStaffView } from '../../domain/oap.js';
import type { VerbisAdapter } from '../adapters/verbis.js';
import { etagOf } from '../applications/if-match.js';
import { appendAudit, type AuditAction } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { typesOfRoles } from '../inbox/inbox.scope.js';
import { findTda } from '../tda/tda.repository.js';
import { applicantNameOf } from './oap.jobs.js';
import * as repo from './oap.repository.js';
import { statusOf } from './oap.service.js';
import type { OapProfilesTable, OapSubmissionsTable } from './oap.table.js';
import { berlinDate } from '../../domain/dates.js';

/** Who calls, and the request id for the audit row. */
export interface StaffCall {
  staff: StaffInfo;
  requestId: string;
}

/** The audit entry of a staff read or write on a profile (ids only, never payload). */
export function auditOf(deps: AppDeps, call: StaffCall, action: AuditAction, profileId: string) {
  return { at: deps.clock.now().toISOString(), actorId: call.staff.id, actorRole: call.staff.roles.join(','), action, objectType: 'oap_profile', objectId: profileId, requestId: call.requestId };
}

/** The profile if this staff member may see it, with its submitted versions. */
export async function scopedProfile(deps: AppDeps, staff: StaffInfo, id: string): Promise<{ profile: OapProfilesTable; subs: OapSubmissionsTable[] }> {
  if (!typesOfRoles(staff.roles).includes('oap')) throw problem('forbidden');
  const profile = /^[0-9a-f-]{36}$/.test(id) ? await repo.findProfile(deps.db.db, id) : undefined;
  if (!profile || !staff.jobcenterId || staff.jobcenterId !== profile.jobcenter_id) throw problem('not-found');
  const subs = await repo.listSubmissions(deps.db.db, profile.id);
  if (subs.length === 0) throw problem('not-found');
  return { profile, subs };
}

/** The latest submitted version of each service that has one. */
export function latestSubmissions(subs: OapSubmissionsTable[]): OapSubmissionsTable[] {
  return OAP_SERVICE_IDS.flatMap((s) => subs.filter((x) => x.service === s).slice(-1));
}

/** The comparison of the latest submitted versions with the VerBIS profile. */
export async function compare(verbis: VerbisAdapter, profile: OapProfilesTable, subs: OapSubmissionsTable[]) {
  const current = await verbis.read(profile.id);
  const base = profile.verbis_version_at_takeover ? await verbis.readVersion(profile.id, Number(profile.verbis_version_at_takeover)) : undefined;
  const rows: OapComparisonRow[] = [];
  for (const sub of latestSubmissions(subs)) {
    const service = sub.service as (typeof OAP_SERVICE_IDS)[number];
    const fields = oapFields(service, JSON.parse(sub.answers), berlinDate(new Date(sub.submitted_at)));
    const shown = new Set(fields.map((f) => f.path));
    // A field VerBIS holds that the applicant's answers no longer show (e.g. a question now hidden): offer clearing it.
    for (const path of Object.keys(current.fields)) {
      const ref = oapQuestionOf(path);
      if (ref?.service === service && !shown.has(path)) fields.push({ path, service, questionId: ref.question.id, pageId: '', label: ref.question.label.de, value: null, formatted: '–' });
    }
    for (const f of fields) {
      const ref = oapQuestionOf(f.path)!;
      const vv = current.fields[f.path] ?? null;
      const mine = canonicalOapValue(f.value);
      const theirs = canonicalOapValue(vv);
      const changedInVerbis = base !== undefined && canonicalOapValue(base.fields[f.path] ?? null) !== theirs;
      const state = mine === theirs ? 'same' : changedInVerbis ? 'conflict' : theirs === 'null' ? 'new' : 'changed';
      rows.push({ path: f.path, service, label: f.label, applicantValue: f.value, applicantFormatted: f.formatted, verbisValue: vv, verbisFormatted: formatOapValue(ref.question, vv), state });
    }
  }
  return { rows, verbisVersion: current.version };
}

/** The staff view of a profile (audited read). */
export async function staffView(deps: AppDeps, verbis: VerbisAdapter, call: StaffCall, id: string): Promise<OapStaffView> {
  const { profile, subs } = await scopedProfile(deps, call.staff, id);
  const [{ rows, verbisVersion }, drafts, tda] = await Promise.all([compare(verbis, profile, subs), repo.listDrafts(deps.db.db, profile.id), findTda(deps.db.db, profile.tda_id)]);
  await deps.db.db.transaction().execute((trx) => appendAudit(trx, auditOf(deps, call, 'read', profile.id)));
  const latest = latestSubmissions(subs);
  const services = OAP_SERVICE_IDS.map((service) => {
    const sub = latest.find((s) => s.service === service);
    return {
      service,
      title: OAP_SERVICES[service].title.de,
      status: statusOf(drafts.find((d) => d.service === service), sub),
      submittedVersion: sub ? Number(sub.number) : null,
      submittedAt: sub?.submitted_at ?? null,
      takenOverAt: sub?.taken_over_at ?? null,
      answers: sub ? (JSON.parse(sub.answers) as Record<string, unknown>) : null,
    };
  });
  const version = Number(profile.review_version);
  return {
    profileId: profile.id,
    applicantName: tda ? applicantNameOf(tda.data) : '',
    services,
    fields: rows,
    verbisVersion,
    version,
    etag: etagOf(version),
    takenOver: latest.every((s) => s.taken_over_at !== null),
  };
}

/** The VerBIS export document of a profile (audited read). */
export async function verbisExportOf(deps: AppDeps, verbis: VerbisAdapter, call: StaffCall, id: string) {
  const { profile } = await scopedProfile(deps, call.staff, id);
  const doc = await verbis.exportProfile(profile.id);
  await deps.db.db.transaction().execute((trx) => appendAudit(trx, auditOf(deps, call, 'read', profile.id)));
  return doc;
}
