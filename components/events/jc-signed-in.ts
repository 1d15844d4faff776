/** jc-signed-in: someone signed in (or the signed-in account's level changed). */
import type { AccountView } from '../../domain/account.js';

/** Detail of jc-signed-in. */
export interface SignedInDetail {
  /** The signed-in account (id, email, level, emailConfirmed). */
  account: AccountView;
}

/** Fired by jc-registration after a sign-in and after an e-mail confirmation raised the level. */
export class JcSignedInEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-signed-in';
  /** The account. */
  readonly detail: SignedInDetail;
  constructor(detail: SignedInDetail) {
    super(JcSignedInEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-signed-in': JcSignedInEvent;
  }
  interface WindowEventMap {
    'jc-signed-in': JcSignedInEvent;
  }
}
