/** jc-signed-out: the person signed out. */

/** Detail of jc-signed-out. */
export interface SignedOutDetail {
  /** Why: the person chose to, or the server no longer knows the session. */
  reason: 'user' | 'expired';
}

/** Fired by jc-registration after sign-out. */
export class JcSignedOutEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-signed-out';
  /** Why the session ended. */
  readonly detail: SignedOutDetail;
  constructor(detail: SignedOutDetail = { reason: 'user' }) {
    super(JcSignedOutEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-signed-out': JcSignedOutEvent;
  }
  interface WindowEventMap {
    'jc-signed-out': JcSignedOutEvent;
  }
}
