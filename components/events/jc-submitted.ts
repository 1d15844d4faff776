/** jc-submitted: an application step was received by the server. */
import type { TdaReceipt } from '../../domain/tda.js';
import type { ApplicationView } from '../api/applications-api.js';

/** Detail of jc-submitted: the TdA with its receipt, or the Hauptantrag (ADE) as the server stored it. */
export type SubmittedDetail =
  | {
      /** The TdA step. */
      step: 'tda';
      /** The receipt (Eingangsbestätigung). */
      receipt: TdaReceipt;
    }
  | {
      /** The Hauptantrag with its Anlagen. */
      step: 'ade';
      /** The submitted application: number, date, evidence checklist. */
      application: ApplicationView;
    };

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
