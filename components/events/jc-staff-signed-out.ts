/** jc-staff-signed-out: the staff session ended. */

/** Detail of jc-staff-signed-out. */
export interface StaffSignedOutDetail {
  /** Why: the staff member chose to, or the server no longer knows the session. */
  reason: 'user' | 'expired';
}

/** Fired by jc-staff-sign-in after sign-out, and by jc-mws-inbox when the server answers 401. */
export class JcStaffSignedOutEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-staff-signed-out';
  /** Why the session ended. */
  readonly detail: StaffSignedOutDetail;
  constructor(detail: StaffSignedOutDetail = { reason: 'user' }) {
    super(JcStaffSignedOutEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-staff-signed-out': JcStaffSignedOutEvent;
  }
  interface WindowEventMap {
    'jc-staff-signed-out': JcStaffSignedOutEvent;
  }
}
