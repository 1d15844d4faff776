/** jc-open-work-item: a caseworker chose a work item in the inbox. */
import type { WorkItemType } from '../../domain/work-item.js';

/** Detail of jc-open-work-item. */
export interface OpenWorkItemDetail {
  /** Work item id. */
  id: string;
  /** Kind of work item (`tda`, `ade`, `mws_reply`, `oap`): which review view to open. */
  type: WorkItemType;
}

/**
 * Fired by jc-mws-inbox when the title link of a row is activated. Cancelable: with `item-url` set,
 * `preventDefault()` keeps the link from navigating (the page opens the item itself).
 */
export class JcOpenWorkItemEvent extends Event {
  /** Event name. */
  static readonly type = 'jc-open-work-item';
  /** The item. */
  readonly detail: OpenWorkItemDetail;
  constructor(detail: OpenWorkItemDetail) {
    super(JcOpenWorkItemEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'jc-open-work-item': JcOpenWorkItemEvent;
  }
}
