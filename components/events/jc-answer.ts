/** jc-answer: one answer of a form page changed. */

/** Detail of jc-answer. */
export interface AnswerDetail {
  /** Question id on the page (a list question sends its whole new list). */
  id: string;
  /** The new value: string, number, boolean, string[], `{later: true}`, or the list items. */
  value: unknown;
}

/** Fired by jc-form-page on every change of an answer (typing included), for autosave and conditions. */
export class JcAnswerEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-answer';
  /** Which question and its new value. */
  readonly detail: AnswerDetail;
  constructor(detail: AnswerDetail) {
    super(JcAnswerEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-answer': JcAnswerEvent;
  }
}
