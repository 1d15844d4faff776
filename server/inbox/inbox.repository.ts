/**
 * Thin queries of the caseworker inbox. Every query is scoped to one jobcenter and the item types the staff
 * member's roles allow (SEC-10). The page query reads `work_items` alone, so each filter combination is an index
 * range in (created_at, id) order and the keyset condition is a bound on that range (PERF-03).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { isBroadSearch, searchCondition } from './inbox.search.js';

type Db = Kysely<Database>;

/** What a page is filtered by; `q` is already folded (search-key.ts). */
export interface InboxFilter {
  jobcenterId: string;
  /** Item types the staff member may see; never empty. */
  types: readonly string[];
  postkorbId?: string;
  type?: string;
  status?: string;
  /** undefined: any assignee; null: unassigned; a staff id: hers. */
  assigneeId?: string | null;
  /** Only items created before this instant (ISO). */
  createdBefore?: string;
  q?: string;
  /** How `q` is matched (inbox.search.ts); listInboxRows decides when it is not set. */
  qScan?: boolean;
}

/** Sort orders; "deadline" lists items with a deadline first (earliest first), then the others oldest first. */
export type InboxSort = 'oldest' | 'newest' | 'deadline';

/** The keyset position after which a page starts; `deadline` is set while the deadline phase runs. */
export interface InboxKey {
  deadline: string | null;
  createdAt: string;
  id: string;
}

const COLUMNS = ['id', 'type', 'status', 'title', 'postkorb_id', 'assignee_id', 'created_at', 'deadline', 'version', 'ref_id'] as const;

/**
 * The page query of one phase: `deadlinePhase` walks the open items with a deadline by (deadline, created_at, id);
 * otherwise (created_at, id) ascending, or descending for "newest". Fetch `limit + 1` to know whether more follow.
 */
export function inboxPageQuery(db: Db, f: InboxFilter, o: { sort: InboxSort; limit: number; after?: InboxKey; deadlinePhase?: boolean }) {
  let q = db.selectFrom('work_items').select(COLUMNS).where('jobcenter_id', '=', f.jobcenterId);
  q = f.type ? q.where('type', '=', f.type) : q.where('type', 'in', f.types);
  if (f.postkorbId) q = q.where('postkorb_id', '=', f.postkorbId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.assigneeId === null) q = q.where('assignee_id', 'is', null);
  else if (f.assigneeId !== undefined) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.createdBefore) q = q.where('created_at', '<', f.createdBefore);
  if (f.q) q = q.where((eb) => searchCondition(eb, f.q!, f.qScan ?? false));
  const after = o.after;
  if (o.deadlinePhase) {
    // A deadline matters while the item is open; the partial index holds exactly these rows.
    q = q.where('deadline', 'is not', null).where('status', '<>', 'erledigt');
    if (after?.deadline) {
      q = q.where((eb) => eb(eb.refTuple('deadline', 'created_at', 'id'), '>', eb.tuple(after.deadline!, after.createdAt, after.id)));
    }
    return q.orderBy('deadline').orderBy('created_at').orderBy('id').limit(o.limit);
  }
  if (o.sort === 'deadline') q = q.where((eb) => eb.or([eb('deadline', 'is', null), eb('status', '=', 'erledigt')]));
  const dir = o.sort === 'newest' ? 'desc' : 'asc';
  if (after && after.deadline === null) {
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), dir === 'desc' ? '<' : '>', eb.tuple(after.createdAt, after.id)));
  }
  return q.orderBy('created_at', dir).orderBy('id', dir).limit(o.limit);
}

/** A row of a page. */
export type InboxRow = Awaited<ReturnType<ReturnType<typeof inboxPageQuery>['execute']>>[number];

/** Up to `limit + 1` rows after `after` in the sort order (both phases of the deadline sort when needed). */
export async function listInboxRows(db: Db, filter: InboxFilter, sort: InboxSort, limit: number, after?: InboxKey): Promise<InboxRow[]> {
  const f = filter.q && filter.qScan === undefined ? { ...filter, qScan: await isBroadSearch(db, filter.jobcenterId, filter.q) } : filter;
  const want = limit + 1;
  if (sort !== 'deadline') return inboxPageQuery(db, f, { sort, limit: want, after }).execute();
  const rows = after && after.deadline === null ? [] : await inboxPageQuery(db, f, { sort, limit: want, after, deadlinePhase: true }).execute();
  if (rows.length >= want) return rows;
  const rest = await inboxPageQuery(db, f, { sort, limit: want - rows.length, after: after?.deadline === null ? after : undefined }).execute();
  return [...rows, ...rest];
}

/** The Postkörbe of a jobcenter, default first, with their open items of the given types (trigger-kept counts). */
export async function openCountsByPostkorb(db: Db, jobcenterId: string, types: readonly string[]) {
  const rows = await db
    .selectFrom('postkoerbe as p')
    .leftJoin('postkorb_open_counts as c', (j) => j.onRef('c.postkorb_id', '=', 'p.id').on('c.type', 'in', types))
    .select((eb) => ['p.id', 'p.name', eb.fn.coalesce(eb.fn.sum<number>('c.open'), eb.lit(0)).as('open')])
    .where('p.jobcenter_id', '=', jobcenterId)
    .groupBy(['p.id', 'p.name', 'p.is_default'])
    .orderBy('p.is_default', 'desc')
    .orderBy('p.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, open: Number(r.open) }));
}

/** One work item of the jobcenter and types, or undefined (a foreign item looks missing, SEC-10). */
export function findScopedItem(db: Db | Transaction<Database>, id: string, jobcenterId: string, types: readonly string[]) {
  return db
    .selectFrom('work_items')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('jobcenter_id', '=', jobcenterId)
    .where('type', 'in', types)
    .executeTakeFirst();
}

/** Sets assignee (and status) only if the item still has `version`; one statement, so only one writer wins (REL-02). */
export async function updateAssigneeIfVersion(
  trx: Transaction<Database>,
  ids: { id: string; jobcenterId: string; types: readonly string[]; version: number },
  set: { assignee_id: string | null; status: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('work_items')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', ids.id)
    .where('jobcenter_id', '=', ids.jobcenterId)
    .where('type', 'in', ids.types)
    .where('version', '=', ids.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Names of staff members by id. */
export async function staffNames(db: Db | Transaction<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Staff members of a jobcenter with their roles (JSON text), by name. */
export function listJobcenterStaff(db: Db | Transaction<Database>, jobcenterId: string) {
  return db.selectFrom('staff_users').select(['id', 'name', 'roles']).where('jobcenter_id', '=', jobcenterId).orderBy('name').orderBy('id').execute();
}

/** One staff member of a jobcenter, or undefined. */
export function findJobcenterStaff(db: Db | Transaction<Database>, id: string, jobcenterId: string) {
  return db.selectFrom('staff_users').select(['id', 'name', 'roles']).where('id', '=', id).where('jobcenter_id', '=', jobcenterId).executeTakeFirst();
}

/** The application each MWS reply round belongs to (round id → application id). */
export async function applicationsOfRounds(db: Kysely<Database>, roundIds: string[]): Promise<Map<string, string>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db.selectFrom('mws_requests').select(['id', 'application_id']).where('id', 'in', [...new Set(roundIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.application_id]));
}
