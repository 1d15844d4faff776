/** Reads and applies a jobcenter's configuration document: versioned (config_versions), audited, If-Match checked. */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { CONFIG_SCHEMA_VERSION, diffConfig, ibdChanges, ibdSchedule, validateRuleSet, type IbdConfig, type JobcenterConfig, type RuleSetProblem } from '../../domain/admin-config.js';
import type { IbdType } from '../../domain/ibd.js';
import { jobcenterContact, MODULES } from '../../domain/jobcenter.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import type { Database } from '../db/schema.js';
import { problem } from '../http/problem.js';
import { listIbdVersions } from '../ibd/ibd.repository.js';
import { insertIbdVersion } from '../ibd/ibd.service.js';
import { listRoutingRules } from '../jobcenters/jobcenters.repository.js';
import type { JobcentersTable } from '../jobcenters/jobcenters.table.js';
import { foreignIds, insertConfigVersion, latestConfigVersion, listPostkoerbe, lockJobcenter, postkoerbeInUse } from './admin.repository.js';
import { allowedOriginsChanged } from './origins-cache.js';
import { berlinDate } from '../../domain/dates.js';

type Db = AppDeps['db']['db'] | Transaction<Database>;

/** The configuration document of a jobcenter as stored right now, with its version. */
export async function currentConfig(db: Db, jc: JobcentersTable, now: Date): Promise<{ document: JobcenterConfig; version: number }> {
  const [pks, rules, version, ibdRows] = await Promise.all([listPostkoerbe(db, jc.id), listRoutingRules(db, jc.id), latestConfigVersion(db, jc.id), listIbdVersions(db, jc.id)]);
  // Oldest version first, so the newest wins among equal dates (as in findIbdInForce).
  const ibdEntries: IbdConfig[] = [...ibdRows]
    .sort((x, y) => Number(x.version) - Number(y.version))
    .map((r) => ({
      type: r.type as IbdType,
      text: r.text,
      ...(r.text_en === null ? {} : { textEn: r.text_en }),
      ...(r.weeks === null ? {} : { weeks: Number(r.weeks) }),
      effectiveFrom: r.effective_from,
    }));
  const modules = JSON.parse(jc.modules) as Record<string, boolean>;
  const document: JobcenterConfig = {
    schema: 'urn:jc:jobcenter-config',
    schemaVersion: CONFIG_SCHEMA_VERSION,
    jobcenterId: jc.id,
    exportedAt: now.toISOString(),
    postkoerbe: pks.map((p) => ({ id: p.id, name: p.name, isDefault: Number(p.is_default) === 1 })),
    rules: rules.map((r) => ({ id: r.id, name: r.name, condition: JSON.parse(r.condition), postkorbId: r.postkorb_id })),
    allowedOrigins: JSON.parse(jc.allowed_origins) as string[],
    modules: Object.fromEntries(MODULES.map((m) => [m, modules[m] === true])) as JobcenterConfig['modules'],
    theme: jc.theme as JobcenterConfig['theme'],
    contact: jobcenterContact.parse(JSON.parse(jc.contact)),
    // The version in force today and the future ones.
    ibd: ibdSchedule(ibdEntries, berlinDate(now)).map(({ inForce: _, ...e }) => e),
  };
  return { document, version };
}

/** sha256 of what a document configures (without `exportedAt`): equal hashes mean equal configurations. */
export function configHash(doc: JobcenterConfig): string {
  const { exportedAt: _, ...rest } = doc;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** Throws 422 with the problems when there are any. */
export function assertNoProblems(problems: RuleSetProblem[]): void {
  if (problems.length) throw problem('rule-set-invalid', { extensions: { problems } });
}

/**
 * Writes `next` over `current` inside `trx` (Postkörbe, rules, origins, theme, modules, contact), stores it as a new
 * config version and appends the audit row. The caller holds the jobcenter lock.
 */
export async function writeConfig(
  trx: Transaction<Database>,
  deps: AppDeps,
  a: { jc: JobcentersTable; staff: StaffInfo; current: JobcenterConfig; version: number; next: JobcenterConfig; source: string; requestId: string | null },
): Promise<number> {
  const { jc, current, next } = a;
  const problems = validateRuleSet(next.postkoerbe, next.rules);
  for (const id of await foreignIds(trx, 'postkoerbe', jc.id, next.postkoerbe.map((p) => p.id))) problems.push({ code: 'id-taken', postkorbId: id });
  for (const id of await foreignIds(trx, 'routing_rules', jc.id, next.rules.map((r) => r.id))) problems.push({ code: 'id-taken', ruleId: id });
  const removed = current.postkoerbe.filter((p) => !next.postkoerbe.some((q) => q.id === p.id)).map((p) => p.id);
  for (const id of await postkoerbeInUse(trx, removed)) problems.push({ code: 'postkorb-in-use', postkorbId: id });
  const now = deps.clock.now();
  const ibd = ibdChanges(current.ibd ?? [], next.ibd, berlinDate(now));
  problems.push(...ibd.problems);
  assertNoProblems(problems);

  // IBD texts are append-only: a new version per changed entry (past dates take effect today).
  for (const c of ibd.changes) await insertIbdVersion(trx, { jobcenterId: jc.id, staff: a.staff, input: c.entry, now, requestId: a.requestId });

  await trx.deleteFrom('routing_rules').where('jobcenter_id', '=', jc.id).execute();
  if (removed.length) await trx.deleteFrom('postkoerbe').where('id', 'in', removed).execute();
  for (const p of next.postkoerbe) {
    const known = current.postkoerbe.some((q) => q.id === p.id);
    if (known) await trx.updateTable('postkoerbe').set({ name: p.name, is_default: p.isDefault ? 1 : 0 }).where('id', '=', p.id).execute();
    else await trx.insertInto('postkoerbe').values({ id: p.id, jobcenter_id: jc.id, name: p.name, is_default: p.isDefault ? 1 : 0 }).execute();
  }
  if (next.rules.length) {
    await trx
      .insertInto('routing_rules')
      .values(next.rules.map((r, i) => ({ id: r.id, jobcenter_id: jc.id, position: i + 1, name: r.name, condition: JSON.stringify(r.condition), postkorb_id: r.postkorbId })))
      .execute();
  }
  const modulesChanged = diffConfig(current, next).some((l) => l.area === 'module');
  await trx
    .updateTable('jobcenters')
    .set((eb) => ({
      allowed_origins: JSON.stringify(next.allowedOrigins),
      theme: next.theme,
      modules: JSON.stringify({ ...JSON.parse(jc.modules), ...next.modules }),
      contact: JSON.stringify(next.contact),
      // Module switches are part of the roll-out record too: its If-Match version must move.
      version: modulesChanged ? eb('version', '+', 1) : eb.ref('version'),
    }))
    .where('id', '=', jc.id)
    .execute();
  const version = a.version + 1;
  const at = deps.clock.now().toISOString();
  await insertConfigVersion(trx, { jobcenter_id: jc.id, version, document: JSON.stringify({ ...next, exportedAt: at }), source: a.source, created_by: a.staff.id, created_at: at });
  await appendAudit(trx, { at, actorId: a.staff.id, actorRole: a.staff.roles.join(','), action: 'write', objectType: 'jobcenter_config', objectId: `${jc.id}:${version}`, requestId: a.requestId });
  return version;
}

/** Applies a change made in the editor (`edit` turns the current document into the next) if `ifMatch` is current. */
export async function changeConfig(
  deps: AppDeps,
  jc: JobcentersTable,
  staff: StaffInfo,
  ifMatch: number,
  source: 'rules' | 'origins' | 'theme',
  edit: (current: JobcenterConfig) => JobcenterConfig,
  requestId: string | null,
): Promise<{ document: JobcenterConfig; version: number }> {
  const out = await deps.db.db.transaction().execute(async (trx) => {
    await lockJobcenter(trx, jc.id);
    const row = await trx.selectFrom('jobcenters').selectAll().where('id', '=', jc.id).executeTakeFirstOrThrow();
    const { document: current, version } = await currentConfig(trx, row, deps.clock.now());
    if (version !== ifMatch) throw problem('config-changed', { extensions: { currentVersion: version } });
    const next = edit(current);
    const v = await writeConfig(trx, deps, { jc: row, staff, current, version, next, source, requestId });
    return { document: next, version: v };
  });
  if (source === 'origins') allowedOriginsChanged(deps.db.db);
  return out;
}
