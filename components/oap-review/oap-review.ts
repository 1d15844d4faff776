/** jc-oap-review: the Markt & Integration caseworker compares the OAP with VerBIS and takes it over. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ApiError } from '../api/api-error.js';
import { IdempotencyKeys } from '../api/idempotency.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import {
  getOapStaffView,
  takeOverOap,
  type OapStaffView,
  type OapStaffViewWithDocuments,
  type OapTakeoverResult,
} from '../oap-service/oap-api.js';
import { JcOapTakenOverEvent } from '../oap-service/oap-events.js';
import { noticeView, oapDay, oapHeading } from '../oap-service/oap-common-views.js';
import {
  decisionsView,
  documentsView,
  radioId,
  resultView,
  sameView,
  servicesView,
  type Decisions,
} from './oap-review-views.js';
import { oapReviewStyles } from './oap-review.styles.js';
import '../error-summary/error-summary.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-oap.js'));

type LoadState = 'loading' | 'ready' | 'error' | 'signed-out' | 'not-found' | 'forbidden';

/**
 * @summary The caseworker's (Markt & Integration) view of one Online-Arbeitsmarktprofil: the three
 * eServices with their submitted version, every field compared with the profile held in VerBIS
 * (old → new; conflicts are marked with a sign and in words, not only by colour), a radio pair per
 * field ("Übernehmen" / "VerBIS-Wert behalten") with "Alle übernehmen", and "In VerBIS übernehmen",
 * sent once per Idempotency-Key with the review version as If-Match. A 412 reloads and keeps every
 * decision; a 409 says the data were already taken over. Then it shows "übernommen am …".
 * Needs the staff session (jc-staff-sign-in); reloads on `jc-staff-signed-in`.
 *
 * @event jc-oap-taken-over - the takeover succeeded; `detail.result`.
 * @csspart base - the root; `heading`, `error-summary`, `status` (live region), `result`, `button`,
 * `button-secondary`, `panel`.
 */
@customElement('jc-oap-review')
@localized()
export class JcOapReview extends JcWidget {
  static override styles = [JcWidget.styles, oapReviewStyles];

  /** Id of the applicant's OAP profile (from the work item). */
  @property({ attribute: 'profile-id' }) profileId = '';

  @state() view?: OapStaffView;
  @state() private loadState: LoadState = 'loading';
  @state() private loadError = '';
  /** The caseworker's decisions by field path (kept across reloads). */
  @state() decisions: Decisions = {};
  @state() private errors: Record<string, string> = {};
  @state() private summary: ErrorSummaryItem[] = [];
  @state() private busy = false;
  @state() private result?: OapTakeoverResult;
  @state() private notice = '';
  @state() private announcement = '';
  private readonly keys = new IdempotencyKeys();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-staff-signed-in', this.reload);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-staff-signed-in', this.reload);
  }

  protected override configChanged(): void {
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('profileId') && changed.get('profileId') !== undefined) {
      this.decisions = {};
      this.result = undefined;
      void this.load();
    }
  }

  private readonly reload = () => void this.load();

  /** (Re)loads the comparison; decisions for fields still open are kept. */
  async load(): Promise<void> {
    if (!this.profileId) return;
    if (!this.view) this.loadState = 'loading';
    try {
      const view = await getOapStaffView(this.client, this.profileId);
      const open = new Set(view.fields.filter((f) => f.state !== 'same').map((f) => f.path));
      this.decisions = Object.fromEntries(Object.entries(this.decisions).filter(([p]) => open.has(p)));
      this.view = view;
      this.loadState = 'ready';
    } catch (e) {
      const s = e instanceof ApiError ? e.status : 0;
      this.view = undefined;
      this.loadState = s === 401 ? 'signed-out' : s === 404 ? 'not-found' : s === 403 ? 'forbidden' : 'error';
      this.loadError = apiErrorMessage(e);
    }
  }

  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private get open() {
    return this.view?.fields.filter((f) => f.state !== 'same') ?? [];
  }

  private readonly decide = (path: string, accept: boolean) => {
    this.decisions = { ...this.decisions, [path]: accept };
    if (this.errors[path]) {
      const { [path]: _gone, ...rest } = this.errors;
      this.errors = rest;
      this.summary = this.summary.filter((s) => s.field !== radioId(path));
    }
  };

  private readonly acceptAll = () => {
    this.decisions = Object.fromEntries(this.open.map((f) => [f.path, true]));
    this.errors = {};
    this.summary = [];
    void this.announce(
      msg(str`Alle ${this.open.length} Felder sind zum Übernehmen markiert.`, { id: 'oapr.allMarked' }),
    );
  };

  private async showErrors(items: ErrorSummaryItem[]): Promise<void> {
    this.summary = items;
    await this.updateComplete;
    const box = this.renderRoot.querySelector('jc-error-summary');
    await box?.updateComplete;
    box?.focus();
  }

  private readonly takeOver = async () => {
    const view = this.view;
    if (!view || this.busy) return;
    const missing = this.open.filter((f) => this.decisions[f.path] === undefined);
    if (missing.length) {
      const text = msg('Wählen Sie „Übernehmen“ oder „VerBIS-Wert behalten“.', { id: 'oapr.choose' });
      this.errors = Object.fromEntries(missing.map((f) => [f.path, text]));
      return this.showErrors(
        missing.map((f) => ({ field: radioId(f.path), message: `${f.label}: ${text}` })),
      );
    }
    const decisions = this.open.map((f) => ({ path: f.path, accept: this.decisions[f.path] }));
    const payload = { profileId: view.profileId, version: view.version, decisions };
    this.busy = true;
    this.summary = [];
    try {
      const result = await takeOverOap(
        this.client,
        view.profileId,
        view.version,
        { decisions },
        this.keys.keyFor(payload),
      );
      this.keys.settle();
      this.result = result;
      this.decisions = {};
      this.notice = '';
      await this.load();
      void this.announce(
        msg(str`In VerBIS übernommen am ${oapDay(result.takenOverAt)}.`, { id: 'oapr.done' }),
      );
      this.dispatchEvent(new JcOapTakenOverEvent(result));
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await this.load();
        this.notice = msg(
          'Das Profil wurde inzwischen geändert. Die neue Fassung ist geladen; Ihre Entscheidungen sind erhalten. Prüfen Sie die Felder und übernehmen Sie dann.',
          { id: 'oapr.stale' },
        );
      } else if (e instanceof ApiError && e.is('oap-taken-over')) {
        this.keys.settle();
        await this.load();
        this.notice = msg('Diese Angaben wurden schon in VerBIS übernommen.', { id: 'oapr.already' });
      } else {
        const fieldErrors = e instanceof ApiError ? e.errors : [];
        this.notice = fieldErrors.length ? fieldErrors.map((x) => x.message).join(' ') : apiErrorMessage(e);
      }
      void this.announce(this.notice);
    } finally {
      this.busy = false;
    }
  };

  private renderReady(v: OapStaffView) {
    const open = this.open;
    const same = v.fields.filter((f) => f.state === 'same');
    const takenAt = v.services
      .map((s) => s.takenOverAt)
      .filter((x): x is string => !!x)
      .sort()
      .at(-1);
    return html`${oapHeading(msg(str`Arbeitsmarktprofil: ${v.applicantName}`, { id: 'oapr.heading' }))}
      ${
        v.takenOver && takenAt
          ? html`<p part="status-line" class="panel">
              <strong>${msg(str`Übernommen am ${oapDay(takenAt)}.`, { id: 'oapr.takenOver' })}</strong>
            </p>`
          : nothing
      }
      ${this.result ? resultView(this.result) : nothing}
      ${this.notice ? html`<div part="panel" class="panel panel--error" role="alert"><p>${this.notice}</p></div>` : nothing}
      ${servicesView(v)} ${documentsView(this.client, (v as OapStaffViewWithDocuments).documents)}
      <jc-error-summary part="error-summary" .errors=${this.summary}></jc-error-summary>
      <section aria-labelledby="oapr-compare">
        <h3 id="oapr-compare">
          ${msg(str`Vergleich mit VerBIS (Version ${v.verbisVersion})`, { id: 'oapr.compare' })}
        </h3>
        ${decisionsView(v, open, {
          decisions: this.decisions,
          errors: this.errors,
          disabled: this.busy,
          onDecide: this.decide,
          onAcceptAll: this.acceptAll,
          onTakeOver: this.takeOver,
        })}
        ${sameView(same)}
      </section>`;
  }

  private renderState() {
    const title = msg('Arbeitsmarktprofil', { id: 'oapr.title' });
    switch (this.loadState) {
      case 'ready':
        return this.renderReady(this.view!);
      case 'signed-out':
        return noticeView(
          title,
          msg('Melden Sie sich als Mitarbeiterin oder Mitarbeiter an, um das Profil zu sehen.', {
            id: 'oapr.signedOut',
          }),
        );
      case 'forbidden':
        return noticeView(
          title,
          msg(
            'Das Arbeitsmarktprofil sehen nur Mitarbeitende aus Markt & Integration des zuständigen Jobcenters.',
            { id: 'oapr.forbidden' },
          ),
        );
      case 'not-found':
        return noticeView(
          title,
          msg('Dieses Profil gibt es nicht, oder es wurde noch nichts eingereicht.', { id: 'oapr.notFound' }),
        );
      case 'error':
        return noticeView(title, this.loadError, this.reload);
      default:
        return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
    }
  }

  override render() {
    return this.frame(
      html`${this.renderState()}
        <p part="status" class="visually-hidden" role="status">${this.announcement}</p>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-oap-review': JcOapReview;
  }
}
