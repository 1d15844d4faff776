/** jc-mws-inbox: the caseworker inbox (Postkörbe, filters, work items, claim and assign). */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { InboxItem, StaffView } from '../../domain/staff.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { safeUrl } from '../base/safe-url.js';
import { ApiError } from '../api/api-error.js';
import * as api from '../api/staff-api.js';
import { FormStateController } from '../controllers/form-state.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { JcOpenWorkItemEvent } from '../events/jc-open-work-item.js';
import { JcStaffSignedOutEvent } from '../events/jc-staff-signed-out.js';
import * as filters from './inbox-filters.js';
import { berlinDay } from './inbox-format.js';
import { InboxListController } from './inbox-list.js';
import { RowActionsController } from './inbox-actions.js';
import { tableView, type TableContext } from './inbox-table.js';
import * as views from './inbox-views.js';
import { mwsInboxStyles } from './mws-inbox.styles.js';

/**
 * @summary The caseworker's inbox: her Postkörbe with open counts, a filter form (type, status,
 * assignee, age, name or application number, sort), and the work items as a table with age and
 * deadline indicators. "Übernehmen" and "Zuweisen an …" send the row's version as `If-Match`; when
 * someone else was faster (412) the row shows the server's current state and says who took it –
 * nothing is overwritten silently. "Weitere laden" appends the next keyset page and moves focus
 * to its first row. Only the changed row renders again after a claim or an assignment.
 *
 * Without a staff session the element shows its `sign-in` slot (e.g. a `jc-staff-sign-in`), else a
 * link to `sign-in-url`; it reloads on `jc-staff-signed-in`. The search text never goes into the
 * page address (SEC-42), the other filters do with `sync-url`.
 *
 * @slot sign-in - shown instead of the inbox while no staff member is signed in.
 * @event jc-open-work-item - a row's title was activated; `detail.id`, `detail.type`; cancelable (keeps an `item-url` link from navigating).
 * @event jc-staff-signed-out - the server no longer knows the session (401); `detail.reason` is `expired`.
 * @csspart base - the root of the widget.
 * @csspart heading - the heading.
 * @csspart postkoerbe - the Postkorb navigation.
 * @csspart filters - the filter form; `error-summary` its error summary.
 * @csspart table-region - the scrolling region around the table; `table` the table.
 * @csspart sort - the sort buttons in the column headers.
 * @csspart item-link - the title link (or button) of a row.
 * @csspart claim - the "Übernehmen" buttons; `assign` the "Zuweisen an …" buttons.
 * @csspart badge - the age and deadline warnings.
 * @csspart row-message - a row's conflict or error message.
 * @csspart load-more - the "Weitere laden" button.
 * @csspart empty - the empty state; `panel` the error and no-access panels.
 * @csspart field-input - the filter inputs (also field-label, field-select, field-control, …).
 * @cssproperty --jc-color-error - the warning badges and conflict marks.
 */
@customElement('jc-mws-inbox')
@localized()
export class JcMwsInbox extends JcWidget {
  static override styles = [JcWidget.styles, mwsInboxStyles];

  /** Keep the filters (not the search text) in the page's query string, so a reload keeps them. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Items open this many days or longer get the "über N Tage offen" badge. */
  @property({ type: Number, attribute: 'warn-after-days' }) warnAfterDays = 7;
  /** Rows per page (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Where staff sign in, linked when no one is signed in and the `sign-in` slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Link of a work item; `{id}`, `{type}` and `{application}` are replaced. Without it the title is a button. */
  @property({ attribute: 'item-url' }) itemUrl?: string;
  /** Link of an Arbeitsmarktprofil (OAP) item; `{profile}` and `{id}` are replaced. Falls back to `item-url`. */
  @property({ attribute: 'oap-url' }) oapUrl?: string;

  @state() private applied: filters.InboxFilters = filters.DEFAULT_FILTERS;
  @state() private me?: StaffView;
  @state() private announcement = '';
  @state() private moreError = '';
  private readonly list = new InboxListController(this, (r) => api.inbox(this.client, r));
  private readonly actions = new RowActionsController(this, this.list, () => this.client);
  private readonly form = new FormStateController<filters.InboxFilters>(
    this,
    filters.DEFAULT_FILTERS,
    filters.FILTER_FIELDS,
  );
  private urlFor: (item: InboxItem) => string | undefined = () => undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-staff-signed-in', this.onSignedIn);
    window.addEventListener('jc-staff-signed-out', this.onSignedOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-staff-signed-in', this.onSignedIn);
    window.removeEventListener('jc-staff-signed-out', this.onSignedOut);
  }

  protected override configChanged(): void {
    if (this.syncUrl) this.applied = filters.fromSearch(location.search);
    this.form.reset(this.applied);
    void this.start();
  }

  private readonly onSignedIn = () => void this.start();
  private readonly onSignedOut = () => {
    this.me = undefined;
    this.actions.reset();
    this.list.clear('signed-out');
  };

  private async start(): Promise<void> {
    // Ask for the session first: an inbox request without one would only produce a 401 on every page view.
    const session = await api.staffSession(this.client).catch(() => undefined);
    this.me = session?.staff;
    if (session === null) return this.list.clear('signed-out');
    await this.load(false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('itemUrl') || changed.has('oapUrl')) {
      const template = this.itemUrl;
      const oap = this.oapUrl;
      // a new function only when an attribute changes: it is an input of every row's guard
      this.urlFor = (i) => {
        if (i.type === 'oap' && oap && i.oapProfileId)
          return safeUrl(oap.replace(/\{profile\}/g, encodeURIComponent(i.oapProfileId)).replace(/\{id\}/g, encodeURIComponent(i.id)));
        // {application} needs an application (ADE, MWS reply); a TdA item then has no link target.
        if (!template || (template.includes('{application}') && !i.applicationId)) return undefined;
        return safeUrl(
          template
            .replace(/\{id\}/g, encodeURIComponent(i.id))
            .replace(/\{type\}/g, i.type)
            .replace(/\{application\}/g, encodeURIComponent(i.applicationId ?? '')),
        );
      };
    }
  }

  private async load(announce: boolean): Promise<void> {
    this.actions.reset();
    this.moreError = '';
    const limit = Math.min(100, Math.max(1, Math.round(this.pageSize) || 50));
    await this.list.load(filters.toRequest(this.applied, limit));
    if (announce && this.list.status === 'ready') this.announce(this.countText());
  }

  private apply(f: filters.InboxFilters): Promise<void> {
    this.applied = f;
    if (this.syncUrl) history.replaceState(history.state, '', filters.withFilters(location.href, f));
    return this.load(true);
  }

  private readonly onApply = async (e: SubmitEvent) => {
    e.preventDefault();
    const errors = filters.checkFilters(this.form.values);
    if (errors.length) return this.form.showErrors(errors);
    this.form.clearErrors();
    await this.apply({ ...this.form.values, postkorb: this.applied.postkorb });
  };

  private readonly onReset = () => {
    this.form.reset({ ...filters.DEFAULT_FILTERS });
    void this.apply({ ...filters.DEFAULT_FILTERS, postkorb: this.applied.postkorb });
  };

  private readonly onPostkorb = (e: MouseEvent, postkorb: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (postkorb !== this.applied.postkorb) void this.apply({ ...this.applied, postkorb });
  };

  private readonly postkorbHref = (postkorb: string) =>
    filters.withFilters(location.href, { ...this.applied, postkorb });

  private readonly onMore = async () => {
    this.moreError = '';
    try {
      const added = await this.list.more();
      if (!added.length) return;
      this.announce(
        added.length === 1
          ? msg('1 weiterer Vorgang geladen', { id: 'inbox.more.one' })
          : msg(str`${added.length} weitere Vorgänge geladen`, { id: 'inbox.more.many' }),
      );
      await this.focusRow(added[0].id, '.item-link');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) this.sessionEnded();
      else this.moreError = apiErrorMessage(e);
    }
  };

  private readonly table: TableContext['on'] = {
    ...this.actions.on,
    open: (e, item) => {
      const event = new JcOpenWorkItemEvent({ id: item.id, type: item.type });
      this.dispatchEvent(event);
      if (event.defaultPrevented) e.preventDefault();
    },
    sortBy: (column) => {
      const sort = column === 'deadline' ? 'deadline' : this.applied.sort === 'oldest' ? 'newest' : 'oldest';
      this.form.set('sort', sort);
      void this.apply({ ...this.applied, sort });
    },
  };

  /** Id of the signed-in staff member (row actions). */
  get meId(): string {
    return this.me?.id ?? '';
  }

  /** The server answered 401: the inbox empties and says so. */
  sessionEnded(): void {
    this.onSignedOut();
    this.dispatchEvent(new JcStaffSignedOutEvent({ reason: 'expired' }));
  }

  /** Focuses an element of a row once rendered. */
  async focusRow(id: string, selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] ${selector}`)?.focus();
  }

  /** Says `text` in the polite live region (cleared first, so the same text is said again). */
  async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private countText(): string {
    return views.countText(this.list.items.length, !!this.list.next);
  }

  private renderResults() {
    const l = this.list;
    if (l.status === 'error') return views.errorView(apiErrorMessage(l.error), () => void this.load(true));
    if (l.status === 'ready' && l.items.length === 0)
      return views.emptyView(filters.isFiltered(this.applied), this.onReset);
    if (l.items.length === 0)
      return html`<p>${msg('Vorgänge werden geladen …', { id: 'inbox.loading' })}</p>`;
    const context: TableContext = {
      meId: this.me?.id ?? '',
      today: berlinDay(),
      warnAfterDays: this.warnAfterDays,
      sort: this.applied.sort,
      caption: views.captionText(this.list.postkoerbe, this.applied, this.countText()),
      busy: l.status === 'loading',
      itemUrl: this.urlFor,
      rows: this.actions.rows,
      assignOpen: this.actions.assignOpen,
      colleagues: this.actions.colleagues,
      on: this.table,
    };
    return html`${tableView(l.items, context)}
      <div class="more">
        ${
          l.next
            ? html`<button
                part="load-more"
                class="button button--secondary"
                type="button"
                aria-disabled=${l.loadingMore ? 'true' : 'false'}
                @click=${this.onMore}
              >
                ${l.loadingMore ? msg('Wird geladen …', { id: 'common.loading' }) : msg('Weitere laden', { id: 'inbox.more' })}
              </button>`
            : html`<p class="secondary">
                ${msg('Alle passenden Vorgänge werden angezeigt.', { id: 'inbox.all' })}
              </p>`
        }
        ${this.moreError ? html`<p class="row-message" role="alert">${this.moreError}</p>` : nothing}
      </div>`;
  }

  private renderBody() {
    if (this.list.status === 'signed-out') return views.signedOutView(safeUrl(this.signInUrl));
    if (this.list.status === 'forbidden') return views.forbiddenView();
    const busy = this.list.status === 'loading' || this.list.status === 'idle' || this.list.loadingMore;
    return html`${this.list.postkoerbe.length ? views.postkorbNav(this.list.postkoerbe, this.applied.postkorb, this.postkorbHref, this.onPostkorb) : nothing}
      ${views.filterForm(this.form, { apply: this.onApply, reset: this.onReset })}
      <div class="results" aria-busy=${busy ? 'true' : 'false'}>${this.renderResults()}</div>`;
  }

  override render() {
    return this.frame(
      html`<h2 part="heading">${msg('Posteingang', { id: 'inbox.heading' })}</h2>
        ${this.renderBody()}
        <div part="status" class="visually-hidden" role="status">${this.announcement}</div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-mws-inbox': JcMwsInbox;
  }
}
