/** jc-staff-signed-in: a staff member finished the sign-in with the second factor. */
import type { StaffView } from '../../domain/staff.js';

/** Detail of jc-staff-signed-in. */
export interface StaffSignedInDetail {
  /** The signed-in staff member (id, name, e-mail, jobcenter, roles). */
  staff: StaffView;
  /** When the session ends at the latest (ISO date-time). */
  expiresAt: string;
}

/**
 * Fired by jc-staff-signed-in after the second factor was accepted; after a TOTP enrolment only once
 * the recovery codes were confirmed as stored (so the page does not navigate away while they show).
 */
export class JcStaffSignedInEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-staff-signed-in';
  /** The staff member and the session's end. */
  readonly detail: StaffSignedInDetail;
  constructor(detail: StaffSignedInDetail) {
    super(JcStaffSignedInEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-staff-signed-in': JcStaffSignedInEvent;
  }
  interface WindowEventMap {
    'jc-staff-signed-in': JcStaffSignedInEvent;
  }
}
