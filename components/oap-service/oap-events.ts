/** Events of the OAP elements (they belong in components/events/ once the shared jc-submitted knows OAP). */
import type { OapServiceView, OapTakeoverResult } from './oap-api.js';

/** Fired by jc-oap-situation/-cv/-conditions when the server acknowledged a submission. */
export class JcOapSubmittedEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-oap-submitted';
  /** The eService as the server stored it (status, version, `submittedAt`). */
  readonly detail: { view: OapServiceView };
  constructor(view: OapServiceView) {
    super(JcOapSubmittedEvent.type, { bubbles: true, composed: true });
    this.detail = { view };
  }
}

/** Fired by jc-oap-review after the takeover into VerBIS. */
export class JcOapTakenOverEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-oap-taken-over';
  /** The server's answer: new VerBIS version, accepted and rejected paths. */
  readonly detail: { result: OapTakeoverResult };
  constructor(result: OapTakeoverResult) {
    super(JcOapTakenOverEvent.type, { bubbles: true, composed: true });
    this.detail = { result };
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-oap-submitted': JcOapSubmittedEvent;
    'jc-oap-taken-over': JcOapTakenOverEvent;
  }
}
