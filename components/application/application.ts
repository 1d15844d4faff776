/** jc-application: the online application, step by step: the TdA step, its receipt, then the Hauptantrag. */
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { AccountView } from '../../domain/account.js';
import type { JobcenterView } from '../../domain/jobcenter.js';
import type { TdaReceipt } from '../../domain/tda.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ApiError } from '../api/api-error.js';
import { FormStateController } from '../controllers/form-state.js';
import { SubmitController } from '../controllers/submit.js';
import { PollController } from '../controllers/poll.js';
import { fromProblem, toMessages } from '../controllers/field-errors.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { JcSubmittedEvent } from '../events/jc-submitted.js';
import { activeLocale } from '../locales/localization.js';
import { EMPTY_TDA, TDA_FIELD_NAMES, tdaLabels, type TdaValues } from './tda-fields.js';
import { checkTda, tdaStep } from './tda-step.js';
import { receiptView } from './receipt-view.js';
import { downloadLink } from './download.js';
import { clearDraftCache } from '../controllers/draft-cache.js';
import '../ade-flow/ade-flow.js';
import { listApplications } from '../api/applications-api.js';
import * as views from './application-views.js';
import { applicationStyles } from './application.styles.js';

/** Minimum security level of the TdA (SEC-03; the server decides, this only picks the view). */
const TDA_MIN_LEVEL = 1;

type Phase = 'loading' | 'load-error' | 'unavailable' | 'signed-out' | 'level' | 'step' | 'receipt' | 'ade';
/** Steps of the application; the full application (ADE) adds its steps after `tda`. */
type Step = 'tda';

/**
 * @summary The online application for Bürgergeld (SGB II): the TdA step (Tag der
 * Antragstellung: minimal data on one screen, legally the application), its receipt, and from there
 * "Weiter zum vollständigen Antrag (Hauptantrag)" – the draft is started or resumed and shown by
 * `<jc-ade-flow>` (sections A–I, Anlagen, autosave, submission, evidence uploads).
 *
 * On load it reads the jobcenter and the session. Not live / module `tda` off → how to apply
 * anyway, with contact data. Not signed in → a sign-in prompt (slot `sign-in`, e.g. a
 * `<jc-registration>`, or a link to `sign-in-url`). Level < 1 → confirm the e-mail first. An
 * account that already has a TdA sees its receipt. The form validates on "Antrag absenden" with
 * the form engine (`TDA_PAGE`, no zod in the browser); errors go to a summary that takes focus; nothing typed is lost; a second
 * click while sending does nothing, and a retry reuses the Idempotency-Key. The receipt's heading
 * takes focus; the PDF is polled until ready and announced politely.
 *
 * Attribute `error-title` (boolean, opt-in): while errors are shown the page title starts with "Fehler: ".
 *
 * @slot sign-in - shown when nobody is signed in (e.g. `<jc-registration slot="sign-in">`).
 * @event jc-submitted - the server acknowledged the TdA (`detail.receipt`) or the Hauptantrag (`detail.application`).
 * @csspart base - the root of the widget.
 * @csspart heading - the headings.
 * @csspart form - the form; `fieldset`/`legend` its groups.
 * @csspart button - the primary button; `button-secondary` the others.
 * @csspart error-summary - the error summary.
 * @csspart receipt - the receipt; `panel`, `receipt-details`, `pdf-link`, `hash`, `next-steps`, `contact` inside it.
 * @csspart fallback - the "apply another way" section.
 * @csspart field-input - the inputs (also field-label, field-hint, field-error-message, field-group, field-control, field-select).
 * @cssproperty --jc-color-primary - primary button background (all tokens: themes/default.css).
 */
@customElement('jc-application')
@localized()
export class JcApplication extends JcWidget {
  static override styles = [JcWidget.styles, applicationStyles];

  /** Address of the portal's sign-in page, linked when nobody is signed in and the slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Milliseconds between checks whether the receipt PDF is ready. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;

  @state() private phase: Phase = 'loading';
  @state() private step: Step = 'tda';
  @state() private jc?: JobcenterView;
  @state() private account?: AccountView;
  @state() private receipt?: TdaReceipt;
  @state() private announcement = '';
  @state() private pdfTimedOut = false;
  @state() private notice = '';
  @state() private loadError = '';
  private readonly form = new FormStateController<TdaValues>(this, EMPTY_TDA, TDA_FIELD_NAMES);
  private readonly submitter = new SubmitController(this);
  private poll?: PollController;
  private moveFocus = false;
  private loadRun = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-signed-in', this.onSessionChanged);
    window.addEventListener('jc-signed-out', this.onSignedOut);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-signed-in', this.onSessionChanged);
    window.removeEventListener('jc-signed-out', this.onSignedOut);
  }

  protected override configChanged(): void {
    void this.load();
  }

  private readonly onSessionChanged = () => void this.load(true);
  private readonly onSignedOut = () => {
    this.form.reset({ ...EMPTY_TDA }); // a shared computer must not show the last person's data
    void clearDraftCache();
    this.receipt = undefined;
    this.poll?.stop();
    void this.load();
  };

  /** Reads jobcenter, session and existing receipts, then picks the phase. */
  private async load(focus = false): Promise<void> {
    const run = ++this.loadRun;
    const id = this.jobcenterId;
    if (!id)
      return this.fail(
        msg('Dieses Formular ist nicht vollständig eingebunden: Es fehlt die Angabe des Jobcenters.', {
          id: 'app.noJobcenter',
        }),
      );
    if (this.phase !== 'step') this.phase = 'loading';
    try {
      const [jc, session] = await Promise.all([this.client.jobcenter(id), this.client.session()]);
      if (run !== this.loadRun) return;
      this.jc = jc;
      this.account = session?.account;
      if (!jc.live || !jc.modules.tda) return this.show('unavailable', focus);
      if (!session) return this.show('signed-out', focus);
      if (session.account.level < TDA_MIN_LEVEL) return this.show('level', focus);
      const [[latest], started] = await Promise.all([
        this.client.listTda(),
        jc.modules.ade ? listApplications(this.client).catch(() => []) : Promise.resolve([]),
      ]);
      if (run !== this.loadRun) return;
      // Coming back to a Hauptantrag already begun (or sent): straight to it, not to the TdA receipt.
      if (started.length > 0) return this.show('ade', focus);
      if (latest) return this.showReceipt(latest, focus);
      if (!this.form.values.contactLanguage) this.form.set('contactLanguage', activeLocale());
      this.show('step', focus);
    } catch (e) {
      if (run !== this.loadRun) return;
      this.fail(
        e instanceof ApiError && e.status === 404
          ? msg('Dieses Formular ist nicht richtig eingebunden: Das Jobcenter ist unbekannt.', {
              id: 'app.unknownJobcenter',
            })
          : apiErrorMessage(e),
      );
    }
  }

  private fail(message: string): void {
    this.loadError = message;
    this.phase = 'load-error';
  }

  private show(phase: Phase, focus: boolean): void {
    this.phase = phase;
    this.moveFocus = focus;
  }

  private showReceipt(receipt: TdaReceipt, focus: boolean): void {
    this.receipt = receipt;
    this.announcement = '';
    this.pdfTimedOut = false;
    this.show('receipt', focus);
    if (receipt.pdf.status !== 'pending') return;
    this.poll ??= new PollController(this, this.pollInterval);
    this.poll.start(
      async () => {
        const next = await this.client.tda(receipt.id);
        if (next.pdf.status === 'pending') return false;
        this.receipt = next;
        this.announcement =
          next.pdf.status === 'ready'
            ? msg('Die Eingangsbestätigung als PDF ist fertig. Sie können sie jetzt herunterladen.', {
                id: 'receipt.pdf.ready',
              })
            : msg('Die PDF-Datei konnte noch nicht erstellt werden.', { id: 'receipt.pdf.notReady' });
        return true;
      },
      () => (this.pdfTimedOut = true),
    );
  }

  private readonly onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.submitter.sending) return;
    const check = checkTda(this.form.values, this.jobcenterId ?? '');
    if (!check.ok) return this.form.showErrors(toMessages(check.errors, tdaLabels()));
    try {
      const receipt = await this.submitter.submit(check.data, (key) =>
        this.client.submitTda(check.data, key),
      );
      if (!receipt) return;
      this.form.reset({ ...EMPTY_TDA });
      this.showReceipt(receipt, true);
      this.dispatchEvent(new JcSubmittedEvent({ step: 'tda', receipt }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return this.show('signed-out', true);
      if (err instanceof ApiError && err.status === 403) return this.show('level', true);
      if (err instanceof ApiError && err.errors.length)
        return this.form.showErrors(toMessages(fromProblem(err.errors), tdaLabels()));
      const kept = msg(
        'Ihr Antrag wurde nicht gesendet. Ihre Angaben sind noch da – senden Sie ihn bitte noch einmal.',
        { id: 'tda.notSent' },
      );
      const why =
        err instanceof ApiError && err.is('idempotency-in-progress')
          ? msg(
              'Ihr Antrag wird gerade noch verarbeitet. Warten Sie einen Moment; er wird nicht doppelt gestellt.',
              { id: 'tda.inProgress' },
            )
          : apiErrorMessage(err);
      return this.form.showErrors([{ message: `${why} ${kept}` }]);
    }
  };

  private readonly onDownload = (e: Event) => void downloadLink(this.client, e);

  /** "Weiter zum vollständigen Antrag": the Hauptantrag (jc-ade-flow) starts or resumes the draft. */
  private readonly onContinue = () => this.show('ade', false);

  private readonly onResend = async () => {
    this.notice = '';
    try {
      await this.client.resendConfirmation(this.account?.email ?? '', activeLocale());
      this.notice = msg('Wir haben Ihnen den Link noch einmal geschickt.', { id: 'app.level.resent' });
    } catch (e) {
      this.notice = apiErrorMessage(e);
    }
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.moveFocus) return;
    this.moveFocus = false;
    const target = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }

  private renderStep() {
    const jobcenterName = this.jc?.name ?? '';
    switch (this.step) {
      default:
        return tdaStep({
          form: this.form,
          sending: this.submitter.sending,
          jobcenterName,
          onSubmit: this.onSubmit,
        });
    }
  }

  private renderPhase() {
    switch (this.phase) {
      case 'load-error':
        return views.loadErrorView(this.loadError, () => void this.load(true));
      case 'unavailable':
        return views.unavailableView(this.jc!);
      case 'signed-out':
        return views.signedOutView(this.signInUrl, this.jc);
      case 'level':
        return views.levelView(this.account?.email, this.notice, this.onResend, () => void this.load(true));
      case 'step':
        return this.renderStep();
      case 'receipt': {
        const r = this.receipt!;
        const pdfHref = r.pdf.href ? this.client.url(r.pdf.href) : undefined;
        const m = {
          receipt: r,
          pdfHref,
          announcement: this.announcement,
          pdfTimedOut: this.pdfTimedOut,
          onDownload: this.onDownload,
          onContinue: this.jc?.modules.ade ? this.onContinue : undefined,
          client: this.client,
        };
        return receiptView(m);
      }
      case 'ade':
        return html`<jc-ade-flow
          .client=${this.client}
          jobcenter=${this.jobcenterId ?? ''}
          tda-id=${this.receipt?.id ?? ''}
          poll-interval=${this.pollInterval}
        ></jc-ade-flow>`;
      default:
        return views.loadingView();
    }
  }

  override render() {
    return this.frame(this.renderPhase());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-application': JcApplication;
  }
}
