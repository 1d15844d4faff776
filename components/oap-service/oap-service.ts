/** JcOapService: the shared behaviour of the three OAP eServices; jc-oap-situation/-cv/-conditions are thin. */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { Answers, PageInstance } from '../../domain/forms/engine-core.js';
import type { OapService, OapServiceId } from '../../domain/forms/oap-base.js';
import { oapCompleteness, validateOapService } from '../../domain/forms/oap-engine-core.js';
import { ApiError } from '../api/api-error.js';
import { JcWidget } from '../base/jc-widget.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { AutosaveController, type SaveStatus } from '../controllers/autosave.js';
import { SubmitController } from '../controllers/submit.js';
import type { JcAnswerEvent } from '../events/jc-answer.js';
import type { JcFormPage } from '../form-page/form-page.js';
import { formPageStyles } from '../form-page/form-page.styles.js';
import { activeLocale } from '../locales/localization.js';
import { getOapService, saveOapAnswers, submitOapService, type OapServiceView } from './oap-api.js';
import { JcOapSubmittedEvent } from './oap-events.js';
import { CHECK, OapFlowController, asAnswers, loadPhaseOf, wrapConflict } from './oap-flow.js';
import { oapServiceStyles } from './oap-service.styles.js';
import * as v from './oap-views.js';
import { OapFormPartController, type OapFormPart } from './oap-form-part.js';
import '../error-summary/error-summary.js';
import { berlinDate } from '../../domain/dates.js';

export type { OapFormPart } from './oap-form-part.js';

/** Minimum security level of the OAP (domain/account.ts SERVICE_MIN_LEVEL.oap; that module carries zod). */
const OAP_MIN_LEVEL = 1;

/** What the element shows. */
export type Phase =
  'loading' | 'signed-out' | 'level' | 'no-tda' | 'unavailable' | 'load-error' | 'form' | 'status';

/**
 * Base of the OAP eService elements: loads the service of the signed-in applicant (level ≥ 1), one topic
 * per page (jc-form-page, the engine's pages) with progress and completeness, saves every change
 * (debounced, If-Match; a 412 offers "load newer" or "keep mine"), resumes at the first incomplete page,
 * ends with "Prüfen Sie Ihre Angaben" and submits once per Idempotency-Key. After submission it shows
 * "eingereicht am …" / "übernommen am …" from the server; changing answers then leads to a new version.
 */
export abstract class JcOapService extends JcWidget {
  static override styles = [JcWidget.styles, formPageStyles, oapServiceStyles];

  /** Address of the portal's sign-in page, linked when nobody is signed in and the `sign-in` slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;
  /** Pause in milliseconds after the last change before it is saved. */
  @property({ type: Number, attribute: 'autosave-delay' }) autosaveDelay = 800;

  @state() protected phase: Phase = 'loading';
  @state() protected view?: OapServiceView;
  @state() private message = '';
  @state() private spoken = '';
  protected readonly flow: OapFlowController;
  private readonly autosave = new AutosaveController(this, (_id, version, a) => this.save(version, a));
  private readonly submitter = new SubmitController(this);
  private loadRun = 0;
  private moveFocus = false;
  private readonly formPart = new OapFormPartController(
    this,
    () => this.loadRenderer(),
    (e) => {
      this.message = apiErrorMessage(e);
      this.show('load-error');
    },
  );

  /** The eService's id (API paths, autosave). */
  readonly service: OapServiceId;

  /** `definition`: the element's own eService (each element imports only its own, see domain/forms/oap-*.ts). */
  constructor(readonly definition: OapService) {
    super();
    this.service = definition.id;
    this.flow = new OapFlowController(this, definition);
    this.flow.onNavigate = () => void this.autosave.flush();
    this.autosave.onSaved = (version, clean) => (clean ? this.formPart.drop() : this.formPart.keep(this.flow.answers, version));
  }

  /** Title of the eService in the UI language. */
  get serviceTitle(): string {
    return this.definition.title[activeLocale()];
  }

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

  private readonly reload = () => void this.load();
  /** A shared computer keeps nothing of the last person. */
  private readonly onSignedOut = () => {
    this.formPart.wipe();
    this.autosave.start('', 0, asAnswers({}));
    this.flow.answers = {};
    this.view = undefined;
    void this.load();
  };

  /** Reads the session and loads the eService. */
  async load(): Promise<void> {
    const run = ++this.loadRun;
    if (this.phase !== 'form') this.phase = 'loading';
    try {
      const session = await this.client.session();
      if (run !== this.loadRun) return;
      if (!session) return this.show('signed-out');
      if (session.account.level < OAP_MIN_LEVEL) return this.show('level');
      this.formPart.id = `oap:${session.account.id}:${this.service}`;
      const view = await getOapService(this.client, this.service);
      if (run === this.loadRun) this.open(view);
    } catch (e) {
      if (run !== this.loadRun) return;
      this.message = apiErrorMessage(e);
      this.show(loadPhaseOf(e));
    }
  }

  private show(phase: Phase): void {
    this.phase = phase;
    if (this.moveFocus) this.flow.focus = 'heading';
    this.moveFocus = false;
  }

  private open(view: OapServiceView): void {
    this.view = view;
    this.flow.date = berlinDate();
    this.flow.answers = view.answers;
    this.autosave.delayMs = this.autosaveDelay;
    this.autosave.start(this.service, view.version, asAnswers(view.answers));
    if (view.status === 'submitted' || view.status === 'taken_over') return this.show('status');
    this.formPart.reset();
    this.phase = 'form';
    const focus = this.moveFocus;
    this.moveFocus = false;
    this.flow.resume();
    if (!focus) this.flow.focus = undefined; // first load: the page does not jump into the widget
  }

  /** The autosave PUT; the server's view (status, completeness) is kept. */
  private async save(version: number, a: Answers): Promise<{ version: number; updatedAt: string }> {
    try {
      const view = await saveOapAnswers(this.client, this.service, version, a.main);
      this.view = view;
      return { version: view.version, updatedAt: new Date().toISOString() };
    } catch (e) {
      throw wrapConflict(e);
    }
  }

  private readonly onAnswer = (e: JcAnswerEvent) => this.setAnswer(e.detail.id, e.detail.value);

  /** Sets one answer and saves it after the pause (also used by custom pages). */
  protected setAnswer(id: string, value: unknown): void {
    this.autosave.change(asAnswers(this.flow.answer(id, value)));
    this.formPart.keep(this.flow.answers, this.autosave.version);
  }

  private readonly onRestore = () => {
    const answers = this.formPart.take();
    this.flow.answers = answers;
    this.autosave.change(asAnswers(answers));
    this.flow.resume();
    this.flow.focus = 'heading';
  };

  private readonly onDiscard = () => {
    this.formPart.drop();
    this.flow.focus = 'heading';
  };

  private async submit(): Promise<void> {
    const f = this.flow;
    const errors = validateOapService(this.definition, f.answers, f.date, activeLocale());
    if (errors.length) return f.showErrors(errors);
    if (!(await this.autosave.flush())) {
      if (this.autosave.status !== 'conflict')
        this.flow.fail(
          msg(
            'Ihre Angaben sind noch nicht gespeichert. Prüfen Sie Ihre Verbindung und reichen Sie sie noch einmal ein.',
            { id: 'oap.notSaved' },
          ),
        );
      return;
    }
    const version = this.autosave.version;
    try {
      const send = (key: string) => submitOapService(this.client, this.service, version, key);
      const view = await this.submitter.submit({ service: this.service, version }, send);
      if (!view) return;
      this.autosave.start(this.service, view.version, asAnswers(view.answers));
      this.formPart.drop();
      this.view = view;
      this.spoken = msg('Ihre Angaben sind eingereicht.', { id: 'oap.submitted' });
      this.moveFocus = true;
      this.show('status');
      this.dispatchEvent(new JcOapSubmittedEvent(view));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) return f.showErrors(e.errors);
      const c = wrapConflict(e);
      if (c instanceof ApiError && c.status === 412) return this.autosave.conflicted(c.body.current as never);
      this.flow.fail(
        `${apiErrorMessage(e)} ${msg('Ihre Angaben sind gespeichert. Reichen Sie sie bitte noch einmal ein.', { id: 'oap.sendAgain' })}`,
      );
    }
  }

  private readonly onTheirs = () => {
    const theirs = this.autosave.takeTheirs();
    if (theirs) this.flow.answers = theirs.main;
    this.spoken = msg('Die neuere Fassung ist geladen.', { id: 'conflict.loaded' });
    this.flow.go(this.flow.page ? this.flow.stepKey : CHECK);
  };

  /** "Angaben ändern" after submission: the check page with "Ändern" per topic. */
  private readonly onEdit = () => {
    this.phase = 'form';
    this.flow.go(CHECK);
  };

  /** The form is due but its part has not loaded (or the device copy has not been looked at) yet. */
  private get awaitingRenderer(): boolean {
    return this.phase === 'form' && !this.formPart.ready;
  }

  /**
   * Loads what the form pages need as ONE lazy chunk (a single `import()` per element, so the bundle
   * splits no further): `oap-service/oap-form.js` (jc-form-page and its controls) and the element's own
   * parts. Page views without a form page (signed out, no TdA, submitted, the check page) never load it.
   */
  protected abstract loadRenderer(): Promise<OapFormPart>;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.awaitingRenderer) this.formPart.ensure(() => this.flow.answers);
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    super.updated(changed);
    const focus = this.flow.focus;
    // Focus waits for the page it is meant for.
    if (!focus || this.awaitingRenderer) return;
    this.flow.focus = undefined;
    const page = this.renderRoot.querySelector<JcFormPage>('jc-form-page');
    if (page) return focus === 'summary' ? page.focusSummary() : page.focusHeading();
    if (focus === 'summary') {
      const box = this.renderRoot.querySelector('jc-error-summary');
      await box?.updateComplete;
      if (box && this.flow.summary.length) return box.focus();
    }
    const h = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    h?.scrollIntoView?.({ block: 'start' });
    h?.focus({ preventScroll: true });
  }

  /** Content below the questions of a page (the CV timeline). */
  protected pageExtra(_p: PageInstance): unknown {
    return nothing;
  }

  /** A page; subclasses replace pages that need their own control (the occupation picker). */
  protected renderPage(p: PageInstance): TemplateResult {
    const f = this.flow;
    return html`<jc-form-page
      .page=${p}
      .answers=${asAnswers(f.answers)}
      .date=${f.date}
      .errors=${f.errors}
      .summary=${f.summary}
      ?can-go-back=${!f.first}
      @jc-answer=${this.onAnswer}
      @jc-continue=${() => f.next()}
      @jc-back=${() => f.back()}
      >${this.pageExtra(p)}</jc-form-page
    >`;
  }

  private renderForm() {
    const f = this.flow;
    const p = f.page;
    const { at, of } = f.position;
    const c = oapCompleteness(this.definition, f.answers, f.date);
    const s: SaveStatus = this.autosave.status;
    if (!this.formPart.ready) return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
    if (this.formPart.restore)
      return this.formPart.offer(this.formPart.restore.baseVersion !== this.autosave.version, this.onRestore, this.onDiscard);
    return html`${v.statusLine(this.view)} ${v.progressView(at, of, c)}
    ${v.saveStatusView(s, this.autosave.savedAt, this.spoken)}
    ${this.autosave.conflict ? v.conflictView(this.onTheirs, () => void this.autosave.keepMine()) : nothing}
    ${
      p
        ? this.renderPage(p)
        : v.checkView({
            title: this.serviceTitle,
            pages: f.pages,
            answers: f.answers,
            date: f.date,
            summary: f.summary,
            sending: this.submitter.sending,
            extra: (x) => this.pageExtra(x),
            onChange: (key) => f.change(key),
            onSubmit: () => void this.submit(),
            onBack: () => f.back(),
          })
    }`;
  }

  private renderStatus() {
    const f = this.flow;
    const c = oapCompleteness(this.definition, f.answers, f.date);
    const check = {
      pages: f.pages,
      answers: f.answers,
      date: f.date,
      extra: (x: PageInstance) => this.pageExtra(x),
    };
    return v.submittedView({
      title: this.serviceTitle,
      view: this.view,
      completeness: c,
      check,
      spoken: this.spoken,
      onEdit: this.onEdit,
    });
  }

  private renderPhase() {
    const title = this.serviceTitle;
    switch (this.phase) {
      case 'form':
        return this.renderForm();
      case 'status':
        return this.renderStatus();
      case 'loading':
        return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
      default: {
        const retry = () => ((this.moveFocus = true), void this.load());
        return v.stateView(this.phase, title, { signInUrl: this.signInUrl, message: this.message, retry });
      }
    }
  }
  override render() {
    return this.frame(this.renderPhase());
  }
}
