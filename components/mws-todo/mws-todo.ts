/** jc-mws-todo: the applicant's "Ihre Aufgaben" page: status, open requests of the jobcenter, answers and replies. */
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { safeUrl } from '../base/safe-url.js';
import { ApiError } from '../api/api-error.js';
import {
  listApplications,
  uploadPolicy,
  type EvidenceDocument,
  type UploadPolicy,
} from '../api/applications-api.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import type { ErrorSummaryItem, JcErrorSummary } from '../error-summary/error-summary.js';
import '../error-summary/error-summary.js';
import '../evidence-upload/evidence-upload.js';
import * as api from './todo-api.js';
import { fromDraft, toDraft, valueKind } from './todo-format.js';
import { heading, todoView } from './todo-views.js';
import { todoStyles } from './mws-todo.styles.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-todo.js'));

type Phase = 'loading' | 'load-error' | 'signed-out' | 'no-application' | 'ready';

/**
 * @summary The applicant's to-do list of the Mitwirkung: the status timeline of her submitted
 * application (the current step has `aria-current="step"`), each open request round of the jobcenter
 * with its deadline in words ("noch 5 Tage"; overdue is said in text, not only by colour), the
 * caseworker's message and the stored § 66 SGB I notice (in a `<details>`), then every item:
 * a field to correct ("Angabe korrigieren": the server checks the value; a 400 is shown at the field
 * and in an error summary, nothing typed is lost) or evidence to upload (`jc-evidence-upload`
 * against `req:<item>`, then "Als erledigt melden"). A reply ("Antwort an das Jobcenter") and
 * "Alles erledigt – an das Jobcenter senden" finish the round. Answered rounds and the messages
 * follow. Results are announced once in a polite live region.
 *
 * Without `application-id` it shows the account's latest submitted application. Signed out: the
 * `sign-in` slot or a link to `sign-in-url`; it reloads on `jc-signed-in` / `jc-signed-out`.
 *
 * @slot sign-in - shown when nobody is signed in.
 * @csspart base - the root; `heading` the h2, `timeline`, `request` (each open round), `deadline`,
 * `notice`, `items`, `answered`, `messages`, `empty`, `error-summary`, `button`, `button-secondary`, `field-input`.
 */
@customElement('jc-mws-todo')
@localized()
export class JcMwsTodo extends JcWidget {
  static override styles = [JcWidget.styles, todoStyles];

  /** The submitted application; default: the account's latest submitted one. */
  @property({ attribute: 'application-id' }) applicationId?: string;
  /** Address of the portal's sign-in page, linked when nobody is signed in and the slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  @state() private phase: Phase = 'loading';
  @state() private data?: api.RequestsView;
  @state() private appId = '';
  @state() private loadError = '';
  @state() private policy?: UploadPolicy;
  @state() private drafts: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private replies: Record<string, string> = {};
  @state() private busy: Record<string, boolean> = {};
  @state() private summary: ErrorSummaryItem[] = [];
  @state() private announcement = '';
  private loadRun = 0;
  private focusAfter?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-signed-in', this.reload);
    window.addEventListener('jc-signed-out', this.onSignedOut);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-signed-in', this.reload);
    window.removeEventListener('jc-signed-out', this.onSignedOut);
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('applicationId') && changed.get('applicationId') !== undefined) void this.load();
  }

  private readonly reload = () => void this.load();
  private readonly onSignedOut = () => {
    // a shared computer must not keep the last person's data
    this.data = undefined;
    this.drafts = {};
    this.replies = {};
    void this.load();
  };

  /** Reads the session, picks the application and loads its requests. */
  private async load(): Promise<void> {
    const run = ++this.loadRun;
    if (!this.data) this.phase = 'loading';
    try {
      let id = this.applicationId ?? '';
      if (!id) {
        const session = await this.client.session();
        if (run !== this.loadRun) return;
        if (!session) return void (this.phase = 'signed-out');
        const submitted = (await listApplications(this.client))
          .filter((a) => a.status === 'submitted')
          .sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''));
        if (run !== this.loadRun) return;
        if (!submitted.length) return void (this.phase = 'no-application');
        id = submitted[0].id;
      }
      const data = await api.getRequests(this.client, id);
      if (run !== this.loadRun) return;
      this.appId = id;
      this.setData(data);
      this.phase = 'ready';
      if (!this.policy) void this.loadPolicy();
    } catch (e) {
      if (run !== this.loadRun) return;
      if (e instanceof ApiError && e.status === 401) return void (this.phase = 'signed-out');
      if (e instanceof ApiError && e.status === 404) return void (this.phase = 'no-application');
      this.loadError = apiErrorMessage(e);
      this.phase = 'load-error';
    }
  }

  private async loadPolicy(): Promise<void> {
    try {
      this.policy = await uploadPolicy(this.client);
    } catch {
      /* the uploads work without the policy text */
    }
  }

  /** New data from the server; drafts of open field items start with the current value. */
  private setData(data: api.RequestsView): void {
    this.data = data;
    const drafts = { ...this.drafts };
    for (const r of data.open)
      for (const i of r.items)
        if (i.kind === 'field' && i.state === 'open' && drafts[i.id] === undefined)
          drafts[i.id] = toDraft(i.currentValue);
    this.drafts = drafts;
  }

  private setError(key: string, message: string | undefined, label?: string): void {
    const errors = { ...this.errors };
    if (message) errors[key] = message;
    else delete errors[key];
    this.errors = errors;
    const rest = this.summary.filter((s) => s.field !== `f-${key}` && s.field !== key);
    this.summary = message && label !== undefined ? [...rest, { field: label, message }] : rest;
  }

  private setBusy(key: string, on: boolean): void {
    this.busy = { ...this.busy, [key]: on };
  }

  /** A failed call: 401 → signed out; 400 with field errors → the message at the field and in the summary. */
  private async failed(e: unknown, key: string, fieldId: string): Promise<void> {
    if (e instanceof ApiError && e.status === 401) return void (this.phase = 'signed-out');
    const fieldError = e instanceof ApiError ? e.errors[0] : undefined;
    const message =
      fieldError?.message ||
      (e instanceof ApiError && e.is('request-closed')
        ? msg('Diese Anforderung ist schon abgeschlossen.', { id: 'todo.closed' })
        : apiErrorMessage(e));
    this.setError(key, message, fieldId);
    this.announcement = message;
    await this.updateComplete;
    this.renderRoot.querySelector<JcErrorSummary>('jc-error-summary')?.focus();
  }

  /** After a success: announce once and keep focus in a sensible place. */
  private succeeded(data: api.RequestsView | undefined, text: string, focusId: string): void {
    if (data) this.setData(data);
    this.announcement = text;
    this.focusAfter = focusId;
  }

  private readonly onCorrect = async (r: api.TodoRequest, item: api.TodoItem) => {
    if (this.busy[item.id]) return;
    const value = fromDraft(valueKind(item.currentValue, item.question?.kind), this.drafts[item.id] ?? '');
    this.setBusy(item.id, true);
    try {
      const data = await api.answerItem(this.client, { id: this.appId, rid: r.id, iid: item.id }, { value });
      this.setError(item.id, undefined);
      const { [item.id]: _sent, ...drafts } = this.drafts;
      this.drafts = drafts;
      this.succeeded(
        data,
        msg('Ihre Angabe ist korrigiert und gespeichert.', { id: 'todo.corrected' }),
        `d-${item.id}`,
      );
    } catch (e) {
      await this.failed(e, item.id, `f-${item.id}`);
    } finally {
      this.setBusy(item.id, false);
    }
  };

  private readonly onDone = async (r: api.TodoRequest, item: api.TodoItem) => {
    if (this.busy[item.id]) return;
    if (!item.documents.length) {
      const message = msg('Laden Sie zuerst mindestens eine Datei hoch.', { id: 'todo.uploadFirst' });
      return this.failed(
        new ApiError(400, { errors: [{ path: 'documents', code: 'required', message }] }),
        item.id,
        `f-${item.id}`,
      );
    }
    this.setBusy(item.id, true);
    try {
      const data = await api.answerItem(this.client, { id: this.appId, rid: r.id, iid: item.id }, {});
      this.setError(item.id, undefined);
      this.succeeded(
        data,
        msg('Der Nachweis ist als erledigt gemeldet.', { id: 'todo.markedDone' }),
        `d-${item.id}`,
      );
    } catch (e) {
      await this.failed(e, item.id, `f-${item.id}`);
    } finally {
      this.setBusy(item.id, false);
    }
  };

  private readonly onDocuments = (item: api.TodoItem, documents: EvidenceDocument[]) => {
    const d = this.data!;
    const docs = documents.map(({ id, filename, mediaType, size, sha256, href }) => ({
      id,
      filename,
      mediaType,
      size,
      sha256,
      href,
    }));
    this.data = {
      ...d,
      open: d.open.map((r) => ({
        ...r,
        items: r.items.map((i) => (i.id === item.id ? { ...i, documents: docs } : i)),
      })),
    };
    if (docs.length) this.setError(item.id, undefined);
    void this.loadPolicy();
  };

  /** Sends the typed reply; true when there was none or it was sent. */
  private async sendReply(r: api.TodoRequest, required: boolean): Promise<boolean> {
    const key = `reply-${r.id}`;
    const text = (this.replies[r.id] ?? '').trim();
    if (!text) {
      if (required)
        await this.failed(
          new ApiError(400, {
            errors: [
              {
                path: 'text',
                code: 'required',
                message: msg('Schreiben Sie Ihre Antwort in das Feld.', { id: 'todo.reply.required' }),
              },
            ],
          }),
          key,
          key,
        );
      return !required;
    }
    this.setBusy(key, true);
    try {
      const message = await api.replyToRound(this.client, this.appId, r.id, text);
      this.data = { ...this.data!, messages: [...this.data!.messages, message] };
      this.replies = { ...this.replies, [r.id]: '' };
      this.setError(key, undefined);
      return true;
    } catch (e) {
      await this.failed(e, key, key);
      return false;
    } finally {
      this.setBusy(key, false);
    }
  }

  private readonly onReply = async (r: api.TodoRequest) => {
    if (this.busy[`reply-${r.id}`]) return;
    if (await this.sendReply(r, true))
      this.succeeded(
        undefined,
        msg('Ihre Antwort ist beim Jobcenter angekommen.', { id: 'todo.replied' }),
        `reply-${r.id}`,
      );
  };

  private readonly onSubmit = async (r: api.TodoRequest) => {
    const key = `submit-${r.id}`;
    if (this.busy[key]) return;
    this.setBusy(key, true);
    try {
      if (!(await this.sendReply(r, false))) return;
      const data = await api.submitRound(this.client, this.appId, r.id);
      this.setError(key, undefined);
      this.summary = this.summary.filter((s) => !r.items.some((i) => s.field === `f-${i.id}`));
      this.succeeded(
        data,
        msg('Ihre Antworten sind an das Jobcenter gesendet. Vielen Dank.', { id: 'todo.sent' }),
        'todo-heading',
      );
    } catch (e) {
      await this.failed(e, key, '');
    } finally {
      this.setBusy(key, false);
    }
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusAfter) return;
    const target =
      this.renderRoot.querySelector<HTMLElement>(`[id="${this.focusAfter}"]`) ??
      this.renderRoot.querySelector<HTMLElement>('#todo-heading');
    this.focusAfter = undefined;
    target?.focus();
  }

  private renderPhase() {
    switch (this.phase) {
      case 'ready':
        return todoView({
          data: this.data!,
          applicationId: this.appId,
          client: this.client,
          policy: this.policy,
          drafts: this.drafts,
          errors: this.errors,
          replies: this.replies,
          busy: this.busy,
          summary: this.summary,
          announcement: this.announcement,
          now: new Date(),
          onDraft: (id, v) => (this.drafts = { ...this.drafts, [id]: v }),
          onCorrect: this.onCorrect,
          onDone: this.onDone,
          onDocuments: this.onDocuments,
          onReplyInput: (id, v) => (this.replies = { ...this.replies, [id]: v }),
          onReply: this.onReply,
          onSubmit: this.onSubmit,
        });
      case 'signed-out': {
        const href = safeUrl(this.signInUrl);
        return html`${heading(msg('Ihre Aufgaben', { id: 'todo.heading' }))}
          <p>
            ${msg('Melden Sie sich an, um zu sehen, was das Jobcenter von Ihnen braucht.', { id: 'todo.signedOut' })}
          </p>
          <slot name="sign-in"
            >${href ? html`<p><a part="button" class="button" href=${href}>${msg('Anmelden', { id: 'todo.signIn' })}</a></p>` : ''}</slot
          >`;
      }
      case 'no-application':
        return html`${heading(msg('Ihre Aufgaben', { id: 'todo.heading' }))}
          <p part="empty" class="empty">
            ${msg('Sie haben noch keinen Antrag abgeschickt. Aufgaben des Jobcenters erscheinen hier, sobald Ihr Antrag eingegangen ist.', { id: 'todo.noApplication' })}
          </p>`;
      case 'load-error':
        return html`<div part="panel" class="panel panel--error">
          ${heading(msg('Ihre Aufgaben können gerade nicht geladen werden', { id: 'todo.loadError' }))}
          <p>${this.loadError}</p>
          <button
            part="button-secondary"
            class="button button--secondary"
            type="button"
            @click=${this.reload}
          >
            ${msg('Erneut versuchen', { id: 'app.retry' })}
          </button>
        </div>`;
      default:
        return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
    }
  }

  override render() {
    return this.frame(this.renderPhase());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-mws-todo': JcMwsTodo;
  }
}
