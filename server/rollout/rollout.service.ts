/** Roll-out rules: who may change what, versioned updates with history and audit. */
import { randomUUID } from 'node:crypto';
import { MODULES, type ModuleKey } from '../../domain/jobcenter.js';
import type { RolloutInput, RolloutView } from '../../domain/rollout.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { jobcenterView } from '../jobcenters/jobcenters.service.js';
import type { JobcentersTable } from '../jobcenters/jobcenters.table.js';
import { insertRolloutHistory, listRolloutHistory, updateRolloutIfVersion } from './rollout.repository.js';

/** The configured switches of a row, every module present. */
function switchesOf(row: JobcentersTable): Record<ModuleKey, boolean> {
  const raw = JSON.parse(row.modules) as Partial<Record<ModuleKey, boolean>>;
  return Object.fromEntries(MODULES.map((m) => [m, raw[m] === true])) as Record<ModuleKey, boolean>;
}

/** A row as the roll-out list shows it. */
export function rolloutViewOf(row: JobcentersTable, now: Date): RolloutView {
  const view = jobcenterView(row, now);
  return { id: row.id, name: row.name, kind: view.kind, wave: view.wave, goLive: row.go_live, live: view.live, switches: switchesOf(row), modules: view.modules, version: Number(row.version) };
}

/**
 * Applies a change read at `version`. Only RD admins may move wave and go-live; a jobcenter admin may switch
 * modules (scope is checked by the route). A stale version gets 412 with the current state.
 */
export async function changeRollout(deps: AppDeps, jc: JobcentersTable, staff: StaffInfo, version: number, input: RolloutInput, requestId: string | null): Promise<RolloutView> {
  const rd = staff.roles.includes('rd_admin');
  if (!rd && (input.wave !== undefined || input.goLive !== undefined)) {
    throw problem('forbidden', { detail: 'Welle und Starttermin legt die Regionaldirektion fest.' });
  }
  const now = deps.clock.now();
  const old = { wave: jc.wave, goLive: jc.go_live, modules: switchesOf(jc) };
  const next = { wave: input.wave ?? jc.wave, goLive: input.goLive === undefined ? jc.go_live : input.goLive, modules: { ...old.modules, ...input.modules } };
  const conflict = async () => {
    const current = await findJobcenter(deps.db.db, jc.id);
    return problem('version-conflict', {
      detail: 'Die Einstellungen wurden inzwischen von jemand anderem geändert.',
      extensions: { current: current ? rolloutViewOf(current, now) : null },
    });
  };
  if (version !== Number(jc.version)) throw await conflict();
  const ok = await deps.db.db.transaction().execute(async (trx) => {
    const updated = await updateRolloutIfVersion(trx, jc.id, version, { wave: next.wave, go_live: next.goLive, modules: JSON.stringify(next.modules) });
    if (!updated) return false;
    await insertRolloutHistory(trx, {
      id: randomUUID(),
      jobcenter_id: jc.id,
      version: version + 1,
      changed_by: staff.id,
      changed_at: now.toISOString(),
      old_value: JSON.stringify(old),
      new_value: JSON.stringify(next),
    });
    await appendAudit(trx, { at: now.toISOString(), actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'jobcenter_rollout', objectId: jc.id, requestId });
    return true;
  });
  if (!ok) throw await conflict();
  return rolloutViewOf({ ...jc, wave: next.wave, go_live: next.goLive, modules: JSON.stringify(next.modules), version: version + 1 }, now);
}

/** The change history of a jobcenter (who, when, old, new), newest first. */
export async function rolloutHistory(deps: AppDeps, jobcenterId: string) {
  const rows = await listRolloutHistory(deps.db.db, jobcenterId);
  const ids = [...new Set(rows.map((r) => r.changed_by))];
  const names = new Map(ids.length ? (await deps.db.db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', ids).execute()).map((s) => [s.id, s.name] as const) : []);
  // The name for people, the id stays for the record.
  return rows.map((r) => ({ version: Number(r.version), changedBy: names.get(r.changed_by) ?? r.changed_by, changedById: r.changed_by, changedAt: r.changed_at, old: JSON.parse(r.old_value), new: JSON.parse(r.new_value) }));
}
