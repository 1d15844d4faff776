/** jc-submitted: an application step was received by the server. */
import type { TdaReceipt } from '../../domain/tda.js';

/** Detail of jc-submitted. */
export interface SubmittedDetail {
  /** Which step: only the TdA for now. */
  step: 'tda';
  /** The receipt (Eingangsbestätigung). */
  receipt: TdaReceipt;
}

/** Fired by jc-application when the server acknowledged a submission (201, or 200 on a replay). */
export class JcSubmittedEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-submitted';
  /** The step and its receipt. */
  readonly detail: SubmittedDetail;
  constructor(detail: SubmittedDetail) {
    super(JcSubmittedEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-submitted': JcSubmittedEvent;
  }
}
