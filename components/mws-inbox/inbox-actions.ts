/** RowActionsController: claim and assign in the inbox, with If-Match and the 412 conflict per row. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { InboxItem } from '../../domain/staff.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import * as api from '../api/staff-api.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import type { InboxListController } from './inbox-list.js';
import type { RowState, TableContext } from './inbox-table.js';

/** What the controller needs from the inbox element. */
export interface RowActionsHost extends ReactiveControllerHost {
  /** Id of the signed-in staff member. */
  readonly meId: string;
  announce(text: string): void;
  focusRow(id: string, selector: string): Promise<void>;
  /** The server answered 401. */
  sessionEnded(): void;
}

type Handlers = Pick<TableContext['on'], 'claim' | 'toggleAssign' | 'assign' | 'assignKey'>;

/**
 * Each action sends the version of the row as it was shown (REL-02). Success or a 412 with
 * `current` replaces only that row; a conflict says who was faster and never retries by itself.
 * One "Zuweisen an …" form is open at a time; the colleagues are fetched when it first opens.
 */
export class RowActionsController implements ReactiveController {
  /** Busy flags and messages by row id. */
  rows: ReadonlyMap<string, RowState> = new Map();
  /** Id of the row whose assign form is open. */
  assignOpen?: string;
  /** Colleagues for the assign form (loaded once). */
  colleagues?: api.Colleague[];

  constructor(
    private readonly host: RowActionsHost,
    private readonly list: InboxListController,
    private readonly client: () => ApiClient,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets messages and closes the assign form (new list). */
  reset(): void {
    this.rows = new Map();
    this.assignOpen = undefined;
    this.host.requestUpdate();
  }

  /** Event handlers of the rows (stable: they are part of each row's guard). */
  readonly on: Handlers = {
    claim: (item) =>
      void this.run(
        item,
        () => api.claimItem(this.client(), item.id, item.version),
        (u) => msg(str`Sie haben „${u.title}“ übernommen.`, { id: 'inbox.claimed' }),
      ),
    toggleAssign: (item) => {
      if (this.rows.get(item.id)?.busy) return;
      const open = this.assignOpen === item.id;
      this.assignOpen = open ? undefined : item.id;
      this.host.requestUpdate();
      if (open) return void this.host.focusRow(item.id, '.assign-toggle');
      if (this.colleagues) return void this.host.focusRow(item.id, 'select');
      api.colleagues(this.client()).then(
        (list) => {
          this.colleagues = list;
          this.host.requestUpdate();
          if (this.assignOpen === item.id) void this.host.focusRow(item.id, 'select');
        },
        (e: unknown) => this.set(item.id, { message: apiErrorMessage(e) }),
      );
    },
    assign: (e, item) => {
      e.preventDefault();
      if (!this.colleagues) return;
      const staffId = (e.target as HTMLFormElement).querySelector('select')!.value || null;
      void this.run(
        item,
        () => api.assignItem(this.client(), item.id, item.version, staffId),
        (u) =>
          u.assignee
            ? msg(str`„${u.title}“ ist jetzt ${u.assignee.name} zugewiesen.`, { id: 'inbox.assigned' })
            : msg(str`„${u.title}“ ist jetzt niemandem zugewiesen.`, { id: 'inbox.released' }),
      );
    },
    assignKey: (e, item) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.on.toggleAssign(item);
    },
  };

  private async run(
    item: InboxItem,
    request: () => Promise<InboxItem>,
    done: (updated: InboxItem) => string,
  ): Promise<void> {
    if (this.rows.get(item.id)?.busy) return;
    this.set(item.id, { busy: true });
    try {
      const updated = await request();
      this.list.replace(updated);
      this.set(item.id, undefined);
      if (this.assignOpen === item.id) this.assignOpen = undefined;
      this.host.announce(done(updated));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return this.host.sessionEnded();
      this.set(item.id, this.problem(e));
    }
    await this.keepFocus(item.id);
  }

  /** The message of a failed action; a 412 (or 409) puts the server's current row in place. */
  private problem(e: unknown): RowState {
    if (!(e instanceof ApiError)) return { message: apiErrorMessage(e) };
    if (e.status === 412 || e.status === 409) {
      const current = e.body.current as InboxItem | undefined;
      if (current?.id) this.list.replace(current);
      const by = current?.assignee && current.assignee.id !== this.host.meId ? current.assignee.name : '';
      const message = by
        ? msg(
            str`Dieser Vorgang wurde inzwischen von ${by} übernommen. Die Zeile zeigt jetzt den aktuellen Stand.`,
            {
              id: 'inbox.conflict.by',
            },
          )
        : msg(
            'Dieser Vorgang wurde inzwischen geändert. Die Zeile zeigt jetzt den aktuellen Stand. Prüfen Sie ihn und versuchen Sie es dann noch einmal.',
            { id: 'inbox.conflict' },
          );
      return { message, conflict: true };
    }
    if (e.status === 404)
      return { message: msg('Diesen Vorgang gibt es in Ihren Postkörben nicht mehr.', { id: 'inbox.gone' }) };
    if (e.status === 403)
      return { message: msg('Dafür fehlt Ihnen die Berechtigung.', { id: 'inbox.notAllowed' }) };
    return { message: apiErrorMessage(e) };
  }

  private set(id: string, row: RowState | undefined): void {
    const rows = new Map(this.rows);
    if (row) rows.set(id, row);
    else rows.delete(id);
    this.rows = rows;
    this.host.requestUpdate();
  }

  /** When the focused button went away with the change ("Übernehmen" after a claim), focus the row's title. */
  private async keepFocus(id: string): Promise<void> {
    await this.host.updateComplete;
    const active = document.activeElement;
    const lost =
      !active ||
      active === document.body ||
      (active === (this.host as unknown as Element) && !active.shadowRoot?.activeElement);
    if (lost) await this.host.focusRow(id, '.item-link');
  }
}
