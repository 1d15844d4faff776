/** Claim, assign and release with optimistic concurrency (REL-02); each change audited in its transaction (SEC-40). */
import type { InboxItem, StaffRole } from '../../domain/staff.js';
import type { WorkItemType } from '../../domain/work-item.js';
import { appendAudit } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { etagOf } from '../applications/if-match.js';
import { findJobcenterStaff, findScopedItem, updateAssigneeIfVersion } from './inbox.repository.js';
import { InvalidField } from '../http/validate.js';
import { inboxScope, typesOfRoles } from './inbox.scope.js';
import { auditEntry, scopedView } from './inbox.service.js';

/**
 * Claims (`assignee` = herself) or assigns/releases an item if it still has `version`: the update and its audit row
 * commit together. 404 outside her scope, 400 for an assignee who is no colleague able to see the item, 412 with
 * the current item when someone else changed it first.
 */
export async function setAssignee(
  deps: AppDeps,
  staff: StaffInfo,
  input: { id: string; version: number; assigneeId: string | null; claim: boolean; requestId: string },
): Promise<InboxItem> {
  const { jobcenterId, types } = inboxScope(staff);
  const outcome = await deps.db.db.transaction().execute(async (trx) => {
    const item = await findScopedItem(trx, input.id, jobcenterId, types);
    if (!item) return 'missing' as const;
    if (input.assigneeId && input.assigneeId !== staff.id) {
      const colleague = await findJobcenterStaff(trx, input.assigneeId, jobcenterId);
      if (!colleague || !typesOfRoles(JSON.parse(colleague.roles) as StaffRole[]).includes(item.type as WorkItemType)) return 'bad-assignee' as const;
    }
    const status = input.assigneeId && item.status === 'neu' && input.claim ? 'in_bearbeitung' : item.status;
    const ids = { id: input.id, jobcenterId, types, version: input.version };
    if (!(await updateAssigneeIfVersion(trx, ids, { assignee_id: input.assigneeId, status }))) return 'stale' as const;
    const action = input.claim ? 'claim' : input.assigneeId ? 'assign' : 'release';
    await appendAudit(trx, auditEntry(deps, staff, action, input.id, input.requestId));
    return 'ok' as const;
  });
  if (outcome === 'bad-assignee') throw new InvalidField('staffId', 'unknown_staff');
  const view = outcome === 'missing' ? undefined : await scopedView(deps, staff, input.id);
  if (!view) throw problem('not-found');
  if (outcome === 'stale') throw problem('version-conflict', { headers: { etag: etagOf(view.version) }, extensions: { current: view } });
  return view;
}
