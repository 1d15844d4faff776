/** The demo staff (development and demo only): four members per live demo jobcenter, an RD admin and support. */
import type { StaffRole } from '../../domain/staff.js';

/** The one demo password of every seeded staff member (documented in the README; never in production). */
export const DEMO_STAFF_PASSWORD = 'Postkorb-Demo-2026!';

/**
 * The enrolment code (Freischaltcode) of every seeded member who has not enrolled a second factor yet: the seed
 * renews it whenever it is missing or expired (documented in the README; never in production).
 */
export const DEMO_ENROLMENT_CODE = 'JCDE-MQZU-GANG';

/** A seeded staff member. */
export interface DemoStaff {
  id: string;
  email: string;
  name: string;
  jobcenterId: string | null;
  roles: StaffRole[];
}

const PER_JOBCENTER: { key: string; roles: StaffRole[]; names: Record<string, string> }[] = [
  { key: 'leistung', roles: ['leistung'], names: { musterstadt: 'Lea Becker', beispielkreis: 'Jonas Wagner', hafenstadt: 'Aylin Demir' } },
  { key: 'integration', roles: ['markt_integration'], names: { musterstadt: 'Mika Schulz', beispielkreis: 'Hanna Roth', hafenstadt: 'Piotr Nowak' } },
  { key: 'teamleitung', roles: ['teamleitung'], names: { musterstadt: 'Sabine Keller', beispielkreis: 'Thomas Brandt', hafenstadt: 'Fatima Haddad' } },
  { key: 'admin', roles: ['jobcenter_admin'], names: { musterstadt: 'Uwe Lorenz', beispielkreis: 'Petra Vogel', hafenstadt: 'Jan Petersen' } },
];

/** The live demo jobcenters that get staff. */
export const DEMO_STAFF_JOBCENTERS = ['musterstadt', 'beispielkreis', 'hafenstadt'] as const;

/** Every seeded staff member, e.g. `leistung@musterstadt.example`. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  ...DEMO_STAFF_JOBCENTERS.flatMap((jc) =>
    PER_JOBCENTER.map((p) => ({ id: `staff-${jc}-${p.key}`, email: `${p.key}@${jc}.example`, name: p.names[jc], jobcenterId: jc, roles: p.roles })),
  ),
  { id: 'staff-rd-admin', email: 'rd-admin@regionaldirektion.example', name: 'Klaus Richter', jobcenterId: null, roles: ['rd_admin'] },
  { id: 'staff-support', email: 'support@regionaldirektion.example', name: 'Nina Franke', jobcenterId: null, roles: ['support'] },
];
