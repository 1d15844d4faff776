/** Who may administer a jobcenter: its own jobcenter admins, and RD admins for every jobcenter. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { requireStaff } from '../staff/staff.auth.js';
import { findJobcenter } from './jobcenters.repository.js';
import type { JobcentersTable } from './jobcenters.table.js';

const JC_ID = /^[a-z0-9-]{1,64}$/;

/**
 * The staff member and the jobcenter of the path parameter `id`. Staff without an admin role get 403; a
 * jobcenter admin asking for another jobcenter gets 404 like a missing one (SEC-10).
 */
export async function requireJobcenterAdmin(c: Context<AppEnv>, deps: AppDeps): Promise<{ staff: StaffInfo; jc: JobcentersTable }> {
  const staff = requireStaff(c, ['jobcenter_admin', 'rd_admin']);
  const id = c.req.param('id') ?? '';
  const own = staff.roles.includes('rd_admin') || staff.jobcenterId === id;
  const jc = own && JC_ID.test(id) ? await findJobcenter(deps.db.db, id) : undefined;
  if (!jc) throw problem('not-found');
  return { staff, jc };
}
