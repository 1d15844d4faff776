/** InboxListController: the loaded rows of the inbox, keyset pages appended, single rows replaced. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InboxItem, InboxPage } from '../../domain/staff.js';
import { ApiError } from '../api/api-error.js';
import type { InboxRequest } from '../api/staff-api.js';

/** Where the list is: not asked yet, loading, shown, failed, no staff session, no access. */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error' | 'signed-out' | 'forbidden';

/**
 * Holds the rows of the current filters. `load` starts over (an older answer that arrives late is
 * dropped), `more` appends the next page from the `next` cursor, `replace` swaps one row for the
 * server's current version (claim, assign, a 412's `current`): the other rows keep their objects,
 * so their templates are not rendered again.
 */
export class InboxListController implements ReactiveController {
  /** Rows, in server order. */
  items: InboxItem[] = [];
  /** Cursor of the next page; null at the end. */
  next: string | null = null;
  /** Postkörbe with their open counts. */
  postkoerbe: InboxPage['postkoerbe'] = [];
  /** Load state. */
  status: ListStatus = 'idle';
  /** The error of the last failed load. */
  error?: unknown;
  /** True while the next page is on its way. */
  loadingMore = false;
  private request: InboxRequest = {};
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (r: InboxRequest) => Promise<InboxPage>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the first page of `request`. */
  async load(request: InboxRequest): Promise<void> {
    const generation = ++this.generation;
    this.request = request;
    this.status = 'loading';
    this.loadingMore = false;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(request);
      if (generation !== this.generation) return;
      this.items = page.items;
      this.next = page.next;
      this.postkoerbe = page.postkoerbe;
      this.status = 'ready';
    } catch (e) {
      if (generation !== this.generation) return;
      this.fail(e);
    }
    this.host.requestUpdate();
  }

  /** Appends the next page; resolves with the new rows (none when there is no next page). Throws on failure. */
  async more(): Promise<InboxItem[]> {
    if (!this.next || this.loadingMore || this.status !== 'ready') return [];
    const generation = this.generation;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage({ ...this.request, after: this.next });
      if (generation !== this.generation) return [];
      const known = new Set(this.items.map((i) => i.id));
      const added = page.items.filter((i) => !known.has(i.id));
      this.items = [...this.items, ...added];
      this.next = page.next;
      this.postkoerbe = page.postkoerbe;
      return added;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) this.fail(e);
      throw e;
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Replaces the row with the same id. */
  replace(item: InboxItem): void {
    this.items = this.items.map((i) => (i.id === item.id ? item : i));
    this.host.requestUpdate();
  }

  /** Forgets every row (sign-out). */
  clear(status: ListStatus): void {
    this.generation++;
    this.items = [];
    this.next = null;
    this.postkoerbe = [];
    this.status = status;
    this.host.requestUpdate();
  }

  private fail(e: unknown): void {
    this.error = e;
    const status = e instanceof ApiError ? e.status : 0;
    this.status = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
    if (this.status !== 'error') this.items = [];
  }
}
