/** Routes a new work item by the jobcenter's rule set into a Postkorb (dezentrales Regelwerk). */
import { randomUUID } from 'node:crypto';
import { route, ruleCondition, type RoutingRule, type RoutingSubject } from '../../domain/routing.js';
import type { AppDeps } from '../context.js';
import { searchKeysOf } from '../inbox/search-key.js';
import { findDefaultPostkorb, listRoutingRules } from '../jobcenters/jobcenters.repository.js';
import { insertWorkItemOnce } from './work-items.repository.js';

/** The jobcenter's rules, parsed; a rule whose stored condition no longer parses is skipped, not fatal. */
export async function loadRules(deps: AppDeps, jobcenterId: string): Promise<RoutingRule[]> {
  const rows = await listRoutingRules(deps.db.db, jobcenterId);
  const rules: RoutingRule[] = [];
  for (const r of rows) {
    const condition = ruleCondition.safeParse(JSON.parse(r.condition));
    if (condition.success) rules.push({ id: r.id, name: r.name, position: Number(r.position), condition: condition.data, postkorbId: r.postkorb_id });
  }
  return rules;
}

/** Creates the work item for a reference in the Postkorb the rules pick; idempotent per (type, ref). */
export async function routeWorkItem(
  deps: AppDeps,
  jobcenterId: string,
  subject: RoutingSubject,
  item: { refId: string; title: string },
): Promise<void> {
  const rule = route(await loadRules(deps, jobcenterId), subject);
  const postkorbId = rule?.postkorbId ?? (await findDefaultPostkorb(deps.db.db, jobcenterId))?.id;
  if (!postkorbId) throw new Error(`jobcenter ${jobcenterId} has no default Postkorb`);
  await insertWorkItemOnce(deps.db.db, {
    id: randomUUID(),
    jobcenter_id: jobcenterId,
    postkorb_id: postkorbId,
    type: subject.type,
    status: 'neu',
    ref_id: item.refId,
    title: item.title,
    rule_id: rule?.id ?? null,
    created_at: deps.clock.now().toISOString(),
    version: 1,
    assignee_id: null,
    deadline: null,
    ...searchKeysOf(item.title),
  });
}
