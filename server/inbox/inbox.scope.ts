/** Who sees which work items: her jobcenter only (SEC-10) and the item types her roles need (§ 35 SGB I). */
import type { StaffRole } from '../../domain/staff.js';
import { LEISTUNG_ROLES } from '../../domain/staff.js';
import type { WorkItemType } from '../../domain/work-item.js';
import type { StaffInfo } from '../context.js';
import { problem } from '../http/problem.js';

/** Work item types a role may open (need to know, § 35 SGB I). Admins and support see no social data. */
const TYPES_BY_ROLE: Partial<Record<StaffRole, readonly WorkItemType[]>> = {
  ...Object.fromEntries(LEISTUNG_ROLES.map((r) => [r, ['tda', 'ade', 'mws_reply'] as const])),
  markt_integration: ['oap'],
};

/** The item types of a set of roles. */
export function typesOfRoles(roles: readonly StaffRole[]): WorkItemType[] {
  return [...new Set(roles.flatMap((r) => TYPES_BY_ROLE[r] ?? []))];
}

/** Her jobcenter and item types; 403 for staff without an inbox (support, admins, RD staff without a jobcenter). */
export function inboxScope(staff: StaffInfo): { jobcenterId: string; types: WorkItemType[] } {
  const types = typesOfRoles(staff.roles);
  if (!staff.jobcenterId || types.length === 0) throw problem('forbidden');
  return { jobcenterId: staff.jobcenterId, types };
}
