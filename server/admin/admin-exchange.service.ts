/** Configuration exchange: import as a pending change with a diff, approval by a second admin (four eyes), rejection. */
import { randomUUID } from 'node:crypto';
import { diffConfig, ibdChanges, validateRuleSet, type DiffLine, type JobcenterConfig } from '../../domain/admin-config.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import { problem } from '../http/problem.js';
import type { JobcentersTable } from '../jobcenters/jobcenters.table.js';
import { decideConfigChange, findConfigChange, insertConfigChange, lockJobcenter, rebaseConfigChange } from './admin.repository.js';
import type { ConfigChangesTable } from './admin.table.js';
import { assertNoProblems, configHash, currentConfig, writeConfig } from './admin.service.js';
import { allowedOriginsChanged } from './origins-cache.js';
import { berlinDate } from '../../domain/dates.js';

/** A configuration change as the API shows it. */
export interface ChangeView {
  id: string;
  status: string;
  baseVersion: number;
  createdBy: string;
  createdAt: string;
  decidedBy: string | null;
  diff: DiffLine[];
}

/** Row → view. */
export const changeView = (r: ConfigChangesTable): ChangeView => ({
  id: r.id,
  status: r.status,
  baseVersion: Number(r.base_version),
  createdBy: r.created_by,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  diff: JSON.parse(r.diff) as DiffLine[],
});

/** Validates an imported document and stores it as a pending change with its diff; never applies it. */
export async function importConfig(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, doc: JobcenterConfig, requestId: string | null): Promise<ChangeView> {
  if (doc.jobcenterId !== jc.id) throw problem('rule-set-invalid', { extensions: { problems: [{ code: 'jobcenter-mismatch' }] } });
  assertNoProblems(validateRuleSet(doc.postkoerbe, doc.rules));
  return deps.db.db.transaction().execute(async (trx) => {
    const { document: current, version } = await currentConfig(trx, jc, deps.clock.now());
    const today = berlinDate(deps.clock.now());
    assertNoProblems(ibdChanges(current.ibd ?? [], doc.ibd, today).problems);
    const at = deps.clock.now().toISOString();
    const row: ConfigChangesTable = {
      id: randomUUID(),
      jobcenter_id: jc.id,
      base_version: version,
      base_hash: configHash(current),
      document: JSON.stringify(doc),
      diff: JSON.stringify(diffConfig(current, doc, today)),
      status: 'pending',
      created_by: staff.id,
      created_at: at,
      decided_by: null,
      decided_at: null,
    };
    await insertConfigChange(trx, row);
    await appendAudit(trx, { at, actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'config_change', objectId: row.id, requestId });
    return changeView(row);
  });
}

/**
 * Approves a pending change: a different admin, and the configuration must still be the one the diff was made
 * against; else the change is moved onto the current configuration and 409 answers with the new diff.
 */
export async function approveChange(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, changeId: string, requestId: string | null) {
  const out = await applyApproval(deps, jc, staff, changeId, requestId);
  // `problems` (e.g. an IBD version saved since the import that the document would remove) block a second approval too.
  if (out.stale) throw problem('config-stale', { extensions: { diff: out.diff, currentVersion: out.version, ...(out.problems.length ? { problems: out.problems } : {}) } });
  if (out.originsChanged) allowedOriginsChanged(deps.db.db);
  return { version: out.version, document: out.document };
}

async function applyApproval(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, changeId: string, requestId: string | null) {
  try {
    return await approvalTransaction(deps, jc, staff, changeId, requestId);
  } catch (err) {
    // An IBD version saved at the same moment took the number a new version needed.
    if (isUniqueViolation(err)) throw problem('version-conflict');
    throw err;
  }
}

function approvalTransaction(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, changeId: string, requestId: string | null) {
  return deps.db.db.transaction().execute(async (trx) => {
    await lockJobcenter(trx, jc.id);
    const change = await findConfigChange(trx, jc.id, changeId);
    if (!change) throw problem('not-found');
    if (change.status !== 'pending') throw problem('status-transition');
    if (change.created_by === staff.id) throw problem('four-eyes');
    const row = await trx.selectFrom('jobcenters').selectAll().where('id', '=', jc.id).executeTakeFirstOrThrow();
    const { document: current, version } = await currentConfig(trx, row, deps.clock.now());
    const next = JSON.parse(change.document) as JobcenterConfig;
    if (configHash(current) !== change.base_hash) {
      const today = berlinDate(deps.clock.now());
      const diff = diffConfig(current, next, today);
      await rebaseConfigChange(trx, change.id, version, configHash(current), JSON.stringify(diff));
      return { stale: true as const, diff, version, problems: ibdChanges(current.ibd ?? [], next.ibd, today).problems };
    }
    const v = await writeConfig(trx, deps, { jc: row, staff, current, version, next, source: 'import', requestId });
    await decideConfigChange(trx, change.id, 'approved', staff.id, deps.clock.now().toISOString());
    await appendAudit(trx, { at: deps.clock.now().toISOString(), actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'config_change', objectId: change.id, requestId });
    return { stale: false as const, version: v, document: next, originsChanged: JSON.stringify(current.allowedOrigins) !== JSON.stringify(next.allowedOrigins) };
  });
}

/** Rejects (or, by the importer, withdraws) a pending change. */
export async function rejectChange(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, changeId: string, requestId: string | null): Promise<ChangeView> {
  return deps.db.db.transaction().execute(async (trx) => {
    const change = await findConfigChange(trx, jc.id, changeId);
    if (!change) throw problem('not-found');
    const at = deps.clock.now().toISOString();
    if (!(await decideConfigChange(trx, change.id, 'rejected', staff.id, at))) throw problem('status-transition');
    await appendAudit(trx, { at, actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'config_change', objectId: change.id, requestId });
    return changeView({ ...change, status: 'rejected', decided_by: staff.id, decided_at: at });
  });
}
