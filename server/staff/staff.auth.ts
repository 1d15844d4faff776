/** Access checks for staff routes: a staff session (never an applicant's), roles, and jobcenter scope (§ 35 SGB I). */
import type { Context } from 'hono';
import type { StaffRole } from '../../domain/staff.js';
import type { AppEnv, StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';

/**
 * The signed-in staff member, or 401 `unauthenticated` without a staff session (an applicant session never counts);
 * with `roles`, 403 `forbidden` unless the staff member holds at least one of them.
 */
export function requireStaff(c: Context<AppEnv>, roles?: readonly StaffRole[]): StaffInfo {
  const staff = c.get('staff');
  if (!staff) throw problem('unauthenticated');
  if (roles && !roles.some((r) => staff.roles.includes(r))) throw problem('forbidden');
  return staff;
}

/** True if the staff member holds any of the roles. */
export function hasRole(staff: StaffInfo, roles: readonly StaffRole[]): boolean {
  return roles.some((r) => staff.roles.includes(r));
}

/**
 * May this staff member see social data of the given jobcenter? Staff of a jobcenter see their own;
 * RD admins see every jobcenter of their Regionaldirektion (for now: all); support sees none.
 * Callers answer 404 when this is false (SEC-10), never 403.
 */
export function inJobcenterScope(staff: StaffInfo, jobcenterId: string): boolean {
  if (staff.roles.includes('rd_admin')) return true;
  if (staff.roles.length === 1 && staff.roles[0] === 'support') return false;
  return staff.jobcenterId !== null && staff.jobcenterId === jobcenterId;
}
