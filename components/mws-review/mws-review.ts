/** jc-mws-review: the caseworker's review of one submitted application (MWS). */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ApiError } from '../api/api-error.js';
import { IdempotencyKeys } from '../api/idempotency.js';
import * as api from '../api/review-api.js';
import type { RequestItemInput, ReviewStatus, ReviewView } from '../api/review-api.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { addEnglish } from '../locales/localization.js';
import * as v from './review-views.js';
import { mwsReviewStyles } from './mws-review.styles.js';
import '../error-summary/error-summary.js';

addEnglish(() => import('../locales/en-review.js'));

/** Deadline of a request round in days (domain/mws.ts DEADLINE_DAYS; domain modules carry zod). */
export const DEADLINE = { default: 14, min: 7, max: 60 } as const;

type LoadState = 'loading' | 'ready' | 'error' | 'signed-out' | 'not-found' | 'forbidden';
/** A problem with the last status change. */
export type StatusProblem = { kind: 'stale' } | { kind: 'transition' | 'other'; text: string };

/**
 * @summary The review of one application: header with number, dates, status and timeline; the
 * answers grouped by section and Anlage, each with "Kommentieren"; the evidence items with their
 * documents and "Nachweis anfordern"; a request composer (items, message, deadline 7–60 days)
 * sent once per Idempotency-Key; the sent requests with their stored § 66 SGB I notice; status
 * buttons sending the review version as `If-Match` (409 shows the server's explanation, 412 offers
 * a reload and never overwrites); internal notes, marked as such and kept apart from the messages
 * to the applicant; and the history (status changes, corrected answers old → new).
 *
 * @csspart base - the root of the widget.
 * @csspart heading - the heading.
 * @csspart error-summary - the error summary of the forms.
 * @csspart status - the polite live region.
 * @csspart notes - the internal notes section; `messages` the messages to the applicant.
 * @cssproperty --jc-color-error - errors and the "intern" mark.
 */
@customElement('jc-mws-review')
@localized()
export class JcMwsReview extends JcWidget {
  static override styles = [JcWidget.styles, mwsReviewStyles];

  /** Id of the submitted application (UUID). */
  @property({ attribute: 'application-id' }) applicationId = '';

  @state() review?: ReviewView;
  @state() private loadState: LoadState = 'loading';
  @state() private loadError = '';
  /** Items of the request being composed. */
  @state() draft: RequestItemInput[] = [];
  @state() private commentPath = '';
  @state() private values: Record<string, string> = { deadline: String(DEADLINE.default) };
  @state() private errors: Record<string, string> = {};
  @state() private summary: ErrorSummaryItem[] = [];
  @state() private statusProblem?: StatusProblem;
  @state() private busy = '';
  @state() private announcement = '';
  private readonly keys = new IdempotencyKeys();

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('applicationId') && changed.get('applicationId') !== undefined) {
      this.draft = [];
      void this.load();
    }
  }

  /** (Re)loads the review; the draft request and typed texts are kept. */
  async load(): Promise<void> {
    if (!this.applicationId) return;
    if (!this.review) this.loadState = 'loading';
    try {
      const review = await api.loadReview(this.client, this.applicationId);
      this.review = review;
      this.loadState = 'ready';
    } catch (e) {
      const s = e instanceof ApiError ? e.status : 0;
      this.review = undefined;
      this.loadState = s === 401 ? 'signed-out' : s === 404 ? 'not-found' : s === 403 ? 'forbidden' : 'error';
      this.loadError = apiErrorMessage(e);
    }
  }

  /** Says `text` once in the polite live region. */
  async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private async showErrors(items: ErrorSummaryItem[]): Promise<void> {
    this.summary = items;
    this.errors = Object.fromEntries(items.filter((i) => i.field).map((i) => [i.field!, i.message]));
    await this.updateComplete;
    const box = this.renderRoot.querySelector('jc-error-summary');
    await box?.updateComplete;
    box?.focus();
  }

  private clearErrors(...fields: string[]): void {
    const keep = this.summary.filter((i) => !fields.includes(i.field ?? ''));
    this.summary = keep;
    this.errors = Object.fromEntries(keep.filter((i) => i.field).map((i) => [i.field!, i.message]));
  }

  private readonly onInput = (e: Event) => {
    const t = e.target as HTMLInputElement | HTMLTextAreaElement;
    if (t.name) this.values = { ...this.values, [t.name]: t.value };
  };

  private set(name: string, value: string): void {
    this.values = { ...this.values, [name]: value };
  }

  // Draft request

  private readonly openComment = (path: string) => {
    const existing = this.draft.find((i) => (i.kind === 'field' ? i.path === path : `doc:${i.documentId}` === path));
    this.set('comment', existing?.comment ?? '');
    this.commentPath = path;
    void this.focusOn('#comment-text');
  };

  private readonly cancelComment = () => {
    const path = this.commentPath;
    this.commentPath = '';
    this.clearErrors('comment-text');
    void this.focusOn(`[data-comment="${CSS.escape(path)}"]`);
  };

  private readonly addComment = (e: Event) => {
    e.preventDefault();
    const comment = (this.values.comment ?? '').trim();
    if (!comment)
      return void this.showErrors([
        {
          field: 'comment-text',
          message: msg('Geben Sie einen Kommentar ein', { id: 'review.err.comment' }),
        },
      ]);
    const path = this.commentPath;
    this.clearErrors('comment-text');
    const doc = path.startsWith('doc:') ? this.review?.documents.find((d) => `doc:${d.id}` === path) : undefined;
    if (doc) {
      const code = this.review?.evidence.find((e) => e.id === doc.itemId)?.code;
      const item: RequestItemInput = { kind: 'evidence', title: `Bitte neu einreichen: ${doc.name}`.slice(0, 200), documentId: doc.id, comment, ...(code ? { code } : {}) };
      this.draft = [...this.draft.filter((i) => !(i.kind === 'evidence' && i.documentId === doc.id)), item];
    } else {
      this.draft = [...this.draft.filter((i) => !(i.kind === 'field' && i.path === path)), { kind: 'field', path, comment }];
    }
    this.commentPath = '';
    this.set('comment', '');
    void this.announce(
      msg(str`Kommentar zu „${doc ? doc.name : this.labelOf(path)}“ zur Anforderung hinzugefügt`, {
        id: 'review.commentAdded',
      }),
    );
    void this.focusOn(`[data-comment="${CSS.escape(path)}"]`);
  };

  private readonly addEvidence = (code: string, title: string) => {
    if (this.draft.some((i) => i.kind === 'evidence' && i.code === code && i.title === title)) return;
    this.draft = [...this.draft, { kind: 'evidence', code, title }];
    void this.announce(msg(str`„${title}“ zur Anforderung hinzugefügt`, { id: 'review.evidenceAdded' }));
  };

  private readonly addCatalogueEvidence = (e: Event) => {
    e.preventDefault();
    const entry = this.review?.catalogue.find((x) => x.code === this.values.catalogueCode);
    if (!entry)
      return void this.showErrors([
        { field: 'catalogue-evidence', message: msg('Wählen Sie einen Nachweis aus dem Katalog', { id: 'review.err.catalogue' }) },
      ]);
    this.clearErrors('catalogue-evidence');
    this.addEvidence(entry.code, entry.title);
    this.set('catalogueCode', '');
  };

  private readonly addFreeEvidence = (e: Event) => {
    e.preventDefault();
    const title = (this.values.free ?? '').trim();
    if (!title)
      return void this.showErrors([
        {
          field: 'free-evidence',
          message: msg('Geben Sie an, welchen Nachweis Sie anfordern', { id: 'review.err.free' }),
        },
      ]);
    if (title.length > 200)
      return void this.showErrors([
        { field: 'free-evidence', message: msg('Höchstens 200 Zeichen', { id: 'review.err.free.long' }) },
      ]);
    this.clearErrors('free-evidence');
    this.draft = [...this.draft, { kind: 'evidence', title }];
    this.set('free', '');
    void this.announce(msg(str`„${title}“ zur Anforderung hinzugefügt`, { id: 'review.evidenceAdded' }));
  };

  private readonly removeItem = (index: number) => {
    this.draft = this.draft.filter((_, i) => i !== index);
    void this.announce(msg('Punkt entfernt', { id: 'review.removed' }));
    void this.focusOn(this.draft.length ? '.draft li button' : '#composer-heading');
  };

  /** Label of an answer by its path. */
  labelOf(path: string | null): string {
    for (const g of this.review?.answers ?? [])
      for (const q of g.questions) if (q.path === path) return q.label;
    return path ?? '';
  }

  private readonly sendRequest = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    const problems: ErrorSummaryItem[] = [];
    if (!this.draft.length)
      problems.push({
        field: 'draft-items',
        message: msg('Fügen Sie mindestens einen Kommentar oder Nachweis hinzu', { id: 'review.err.items' }),
      });
    const raw = (this.values.deadline ?? '').trim();
    const days = Number(raw);
    if (!/^\d+$/.test(raw) || days < DEADLINE.min || days > DEADLINE.max)
      problems.push({
        field: 'deadline',
        message: msg(str`Die Frist muss zwischen ${DEADLINE.min} und ${DEADLINE.max} Tagen liegen`, {
          id: 'review.err.deadline',
        }),
      });
    const message = (this.values.message ?? '').trim();
    if (message.length > 4000)
      problems.push({
        field: 'request-message',
        message: msg('Die Nachricht darf höchstens 4000 Zeichen haben', { id: 'review.err.long' }),
      });
    if (problems.length) return void this.showErrors(problems);
    const body: api.RequestBody = { items: this.draft, deadlineDays: days, ...(message ? { message } : {}) };
    const key = this.keys.keyFor(body);
    this.busy = 'request';
    try {
      const sent = await api.sendRequest(this.client, this.applicationId, body, key);
      this.keys.settle();
      this.draft = [];
      this.values = { ...this.values, message: '', deadline: String(DEADLINE.default) };
      this.summary = [];
      this.errors = {};
      await this.load();
      void this.announce(
        msg(str`Anforderung gesendet. Frist: ${v.day(sent.deadline)}`, { id: 'review.sent' }),
      );
      void this.focusOn(`[data-request="${CSS.escape(sent.id)}"]`);
    } catch (err) {
      if (err instanceof ApiError && err.is('idempotency-key-reused')) this.keys.settle();
      void this.showErrors(this.requestProblems(err));
    } finally {
      this.busy = '';
    }
  };

  private requestProblems(err: unknown): ErrorSummaryItem[] {
    if (err instanceof ApiError && err.status === 400 && err.errors.length)
      return err.errors.map((f) =>
        f.path.startsWith('deadline')
          ? {
              field: 'deadline',
              message: msg(str`Die Frist muss zwischen ${DEADLINE.min} und ${DEADLINE.max} Tagen liegen`, {
                id: 'review.err.deadline',
              }),
            }
          : f.path.startsWith('message')
            ? {
                field: 'request-message',
                message: msg('Die Nachricht darf höchstens 4000 Zeichen haben', { id: 'review.err.long' }),
              }
            : {
                field: 'draft-items',
                message: msg(
                  'Ein Punkt der Anforderung ist nicht gültig. Prüfen Sie die Kommentare und Nachweise',
                  { id: 'review.err.item' },
                ),
              },
      );
    if (err instanceof ApiError && err.status === 409)
      return [{ message: err.detail || msg('Der Antrag ist abgeschlossen.', { id: 'review.err.closed' }) }];
    if (err instanceof ApiError && err.is('idempotency-key-reused'))
      return [
        {
          message: msg('Die Anforderung wurde geändert. Senden Sie sie noch einmal.', {
            id: 'review.err.reused',
          }),
        },
      ];
    return [{ message: apiErrorMessage(err) }];
  }

  // Status

  private readonly changeStatus = async (status: ReviewStatus) => {
    const review = this.review;
    if (!review || this.busy) return;
    this.busy = 'status';
    this.statusProblem = undefined;
    try {
      await api.setStatus(this.client, review.id, review.version, status);
      await this.load();
      void this.announce(msg(str`Status geändert: ${v.statusLabel(status)}`, { id: 'review.statusChanged' }));
      void this.focusOn('#status-heading');
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) this.statusProblem = { kind: 'stale' };
      else if (e instanceof ApiError && e.status === 409)
        this.statusProblem = { kind: 'transition', text: e.detail || e.title };
      else this.statusProblem = { kind: 'other', text: apiErrorMessage(e) };
      void this.focusOn('.status-problem');
    } finally {
      this.busy = '';
    }
  };

  private readonly reloadAfterConflict = async () => {
    this.statusProblem = undefined;
    await this.load();
    void this.announce(msg('Der aktuelle Stand wurde geladen.', { id: 'review.reloaded' }));
    void this.focusOn('#status-heading');
  };

  // Notes and messages

  private readonly addText = async (e: Event, kind: 'notes' | 'messages') => {
    e.preventDefault();
    const field = kind === 'notes' ? 'note-text' : 'message-text';
    const name = kind === 'notes' ? 'note' : 'reply';
    const text = (this.values[name] ?? '').trim();
    if (!text || text.length > 4000)
      return void this.showErrors([
        {
          field,
          message: !text
            ? kind === 'notes'
              ? msg('Geben Sie eine Notiz ein', { id: 'review.err.note' })
              : msg('Geben Sie eine Nachricht ein', { id: 'review.err.message' })
            : msg('Die Nachricht darf höchstens 4000 Zeichen haben', { id: 'review.err.long' }),
        },
      ]);
    if (this.busy || !this.review) return;
    this.busy = kind;
    try {
      const added = await api.addText(this.client, this.review.id, kind, text);
      this.review = { ...this.review, [kind]: [...this.review[kind], added] };
      this.set(name, '');
      this.clearErrors(field);
      void this.announce(
        kind === 'notes'
          ? msg('Interne Notiz gespeichert', { id: 'review.noteSaved' })
          : msg('Nachricht an die antragstellende Person gesendet', { id: 'review.messageSent' }),
      );
    } catch (err) {
      void this.showErrors([{ field, message: apiErrorMessage(err) }]);
    } finally {
      this.busy = '';
    }
  };

  private renderBody() {
    const r = this.review;
    if (this.loadState === 'loading' || (!r && this.loadState === 'ready'))
      return html`<p aria-busy="true">${msg('Antrag wird geladen …', { id: 'review.loading' })}</p>`;
    if (!r) return v.failureView(this.loadState, this.loadError, () => void this.load());
    const ctx: v.ViewContext = {
      review: r,
      draft: this.draft,
      commentPath: this.commentPath,
      values: this.values,
      errors: this.errors,
      busy: this.busy,
      statusProblem: this.statusProblem,
      url: (href) => this.client.url(href),
      labelOf: (p) => this.labelOf(p),
      on: {
        input: this.onInput,
        openComment: this.openComment,
        cancelComment: this.cancelComment,
        addComment: this.addComment,
        addEvidence: this.addEvidence,
        addFreeEvidence: this.addFreeEvidence,
        addCatalogueEvidence: this.addCatalogueEvidence,
        removeItem: this.removeItem,
        sendRequest: this.sendRequest,
        changeStatus: this.changeStatus,
        reload: this.reloadAfterConflict,
        addNote: (e) => this.addText(e, 'notes'),
        addMessage: (e) => this.addText(e, 'messages'),
      },
    };
    return html`${v.headerView(ctx)}
      <jc-error-summary part="error-summary" .errors=${this.summary}></jc-error-summary>
      ${v.statusView(ctx)} ${v.answersView(ctx)} ${v.evidenceView(ctx)} ${v.composerView(ctx)}
      ${v.requestsView(ctx)} ${v.messagesView(ctx)} ${v.notesView(ctx)} ${v.historyView(ctx)}`;
  }

  override render() {
    return this.frame(
      html`<h2 part="heading">
          ${msg('Antrag prüfen', { id: 'review.heading' })}${
            this.review ? html` <span class="number">${this.review.number}</span>` : nothing
          }
        </h2>
        ${this.renderBody()}
        <div part="status" class="visually-hidden" role="status">${this.announcement}</div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-mws-review': JcMwsReview;
  }
}
