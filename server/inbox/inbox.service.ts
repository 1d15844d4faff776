/**
 * The caseworker inbox: keyset pages of her scope (SEC-10) with open counts, opening one item (audited, SEC-40),
 * and the colleagues she may assign to. Claim/assign: inbox.assign.ts.
 */
import type { InboxItem, InboxPage, InboxQuery, StaffRole } from '../../domain/staff.js';
import { appendAudit, type AuditAction } from '../audit/audit.js';
import type { AppDeps, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { applicationsOfRounds, findScopedItem, type InboxFilter, type InboxRow, listInboxRows, listJobcenterStaff, openCountsByPostkorb, staffNames } from './inbox.repository.js';
import { InvalidField } from '../http/validate.js';
import { inboxScope, typesOfRoles } from './inbox.scope.js';
import { foldSearch } from './search-key.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The inbox view of rows. */
export async function viewsOf(deps: AppDeps, rows: InboxRow[], postkoerbe: Map<string, string>): Promise<InboxItem[]> {
  const names = await staffNames(deps.db.db, rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : [])));
  const rounds = await applicationsOfRounds(deps.db.db, rows.filter((r) => r.type === 'mws_reply').map((r) => r.ref_id));
  return rows.map((r) => ({
    id: r.id,
    type: r.type as InboxItem['type'],
    status: r.status as InboxItem['status'],
    title: r.title,
    postkorbId: r.postkorb_id,
    postkorbName: postkoerbe.get(r.postkorb_id) ?? '',
    assignee: r.assignee_id ? { id: r.assignee_id, name: names.get(r.assignee_id) ?? '' } : null,
    createdAt: r.created_at,
    deadline: r.deadline,
    version: Number(r.version),
    // The application a review opens: an ADE item is one, an MWS reply belongs to one; a TdA has none yet.
    applicationId: r.type === 'ade' ? r.ref_id : r.type === 'mws_reply' ? (rounds.get(r.ref_id) ?? null) : null,
    ...(r.type === 'oap' ? { oapProfileId: r.ref_id } : {}),
  }));
}

/** One page of her inbox with the open counts of her jobcenter's Postkörbe. A bad cursor is a 400. */
export async function listInbox(deps: AppDeps, staff: StaffInfo, query: InboxQuery): Promise<InboxPage> {
  const scope = inboxScope(staff);
  const secret = deps.config.documentKey;
  const after = query.after === undefined ? undefined : decodeCursor(secret, query.sort, query.after);
  if (after === null) throw new InvalidField('after', 'invalid_cursor');
  const q = query.q ? foldSearch(query.q) : '';
  const filter: InboxFilter = {
    ...scope,
    postkorbId: query.postkorb,
    type: query.type,
    status: query.status,
    assigneeId: query.assignee === 'me' ? staff.id : query.assignee === 'none' ? null : undefined,
    createdBefore: query.olderThanDays === undefined ? undefined : new Date(deps.clock.now().getTime() - query.olderThanDays * DAY_MS).toISOString(),
    q: q || undefined,
  };
  // A type outside her scope is not an error, just an empty page (as for any other filter).
  const allowed = !filter.type || (scope.types as string[]).includes(filter.type);
  const [rows, postkoerbe] = await Promise.all([
    allowed ? listInboxRows(deps.db.db, filter, query.sort, query.limit, after) : Promise.resolve([]),
    openCountsByPostkorb(deps.db.db, scope.jobcenterId, scope.types),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const inDeadlinePhase = query.sort === 'deadline' && last?.deadline != null && last.status !== 'erledigt';
  return {
    items: await viewsOf(deps, page, new Map(postkoerbe.map((p) => [p.id, p.name]))),
    next:
      rows.length > query.limit && last
        ? encodeCursor(secret, query.sort, { deadline: inDeadlinePhase ? last.deadline : null, createdAt: last.created_at, id: last.id })
        : null,
    postkoerbe,
  };
}

/** The inbox view of one item in her scope; 404 otherwise. */
export async function scopedView(deps: AppDeps, staff: StaffInfo, id: string): Promise<InboxItem | undefined> {
  const { jobcenterId, types } = inboxScope(staff);
  const row = await findScopedItem(deps.db.db, id, jobcenterId, types);
  if (!row) return undefined;
  const pk = await deps.db.db.selectFrom('postkoerbe').select(['id', 'name']).where('id', '=', row.postkorb_id).executeTakeFirst();
  return (await viewsOf(deps, [row], new Map(pk ? [[pk.id, pk.name]] : [])))[0];
}

/** Audit entry of a staff action on a work item. */
export function auditEntry(deps: AppDeps, staff: StaffInfo, action: AuditAction, id: string, requestId: string) {
  return { at: deps.clock.now().toISOString(), actorId: staff.id, actorRole: staff.roles.join(','), action, objectType: 'work_item', objectId: id, requestId };
}

/** Opens one item (audited read). */
export async function openItem(deps: AppDeps, staff: StaffInfo, id: string, requestId: string): Promise<InboxItem> {
  const view = await scopedView(deps, staff, id);
  if (!view) throw problem('not-found');
  await deps.db.db.transaction().execute((trx) => appendAudit(trx, auditEntry(deps, staff, 'read', id, requestId)));
  return view;
}

/** Colleagues of her jobcenter who may hold items of her types (for "assign"). */
export async function listColleagues(deps: AppDeps, staff: StaffInfo): Promise<{ id: string; name: string }[]> {
  const { jobcenterId, types } = inboxScope(staff);
  const rows = await listJobcenterStaff(deps.db.db, jobcenterId);
  return rows
    .filter((r) => typesOfRoles(JSON.parse(r.roles) as StaffRole[]).some((t) => types.includes(t)))
    .map((r) => ({ id: r.id, name: r.name }));
}
