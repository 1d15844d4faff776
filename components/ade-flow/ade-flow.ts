/** jc-ade-flow: the Hauptantrag (ADE) with its Anlagen, page by page, saved as she types, then sent once. */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import * as engine from '../../domain/forms/engine.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import * as api from '../api/applications-api.js';
import { customElement } from '../base/define.js';
import { JcElement } from '../base/jc-element.js';
import { widgetStyles } from '../base/shared.styles.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { AutosaveController, type SaveStatus } from '../controllers/autosave.js';
import { DraftCache, clearDraftCache, readDraft, type CachedDraft } from '../controllers/draft-cache.js';
import { FINAL_GROUP, type Step } from '../controllers/flow-steps.js';
import { FormFlowController } from '../controllers/form-flow.js';
import { SubmitController } from '../controllers/submit.js';
import type { JcAnswerEvent } from '../events/jc-answer.js';
import { JcSubmittedEvent } from '../events/jc-submitted.js';
import type { JcFormPage } from '../form-page/form-page.js';
import type { JcAdeReceipt } from '../ade-receipt/ade-receipt.js';
import { activeLocale } from '../locales/localization.js';
import { legalPlaceholders } from '../../domain/legal.js';
import { applicationStyles } from '../application/application.styles.js';
import { loadErrorView, loadingView } from '../application/application-views.js';
import { checkAnswersView } from './check-answers.js';
import { anlagenList, clock, conflictView, progressView, saveStatusView } from './flow-views.js';
import { restoreView } from '../form-page/restore-view.js';
import { adeFlowStyles } from './ade-flow.styles.js';
import { helpTopicOf } from '../help/help-topics.js';
import '../form-page/form-page.js';
import '../form-page/list-view.js';
import '../help/help.js';
import '../ade-receipt/ade-receipt.js';
import { berlinDate } from '../../domain/dates.js';

type Phase = 'loading' | 'load-error' | 'restore' | 'form' | 'receipt';

/**
 * @summary The full application (Hauptantrag A–I with the Anlagen its answers call for), one topic per
 * page. Resumes the account's draft (or starts one for the portal's jobcenter and the TdA) at the
 * first incomplete page. Every change is saved to the server (debounced and on page change, with
 * If-Match); a newer version elsewhere is never overwritten silently. Unsent changes are kept on the
 * device, encrypted, and offered back. Each section ends with a check-your-answers page; section I
 * sends the application exactly once; the receipt lists the evidence with an upload per item.
 *
 * @event jc-submitted - the server acknowledged the application; `detail.application`.
 * @csspart progress - the progress overview (nav).
 * @csspart save-status - the save status line.
 * @csspart conflict - the version conflict panel.
 * @csspart restore - the offer to restore unsent changes from this device.
 */
@customElement('jc-ade-flow')
@localized()
export class JcAdeFlow extends JcElement {
  static override styles = [JcElement.styles, widgetStyles, applicationStyles, adeFlowStyles];

  /** The API client (jc-application passes its own). */
  @property({ attribute: false }) client?: ApiClient;
  /** Jobcenter of the portal (a new draft is started there). */
  @property() jobcenter = '';
  /** The TdA whose date is the date of application (§ 37 SGB II). */
  @property({ attribute: 'tda-id' }) tdaId = '';
  /** Milliseconds between checks whether the PDF is ready. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 1000;
  /** Pause after the last change before it is saved. */
  @property({ type: Number, attribute: 'autosave-delay' }) autosaveDelay = 800;

  @state() private phase: Phase = 'loading';
  @state() private app?: api.ApplicationView;
  @state() private restore?: CachedDraft;
  @state() private message = '';
  private spoken = '';
  private lastStatus: SaveStatus = 'idle';
  private wasOffline = false;
  private started = false;
  private readonly flow = new FormFlowController(this);
  private readonly autosave = new AutosaveController(this, (id, v, a) =>
    api.saveAnswers(this.client!, id, v, a),
  );
  private readonly cache = new DraftCache();
  private readonly submitter = new SubmitController(this);

  constructor() {
    super();
    this.flow.onNavigate = () => void this.autosave.flush();
    this.autosave.onSaved = (version, clean) => (clean ? this.uncache() : this.cacheAnswers(version));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-signed-out', this.onSignedOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-signed-out', this.onSignedOut);
  }

  /** Sign-out: the device keeps nothing (cache and key wiped) and the answers leave the page. */
  private readonly onSignedOut = () => {
    void clearDraftCache();
    this.autosave.start('', 0, engine.emptyAnswers());
    this.flow.answers = engine.emptyAnswers();
    this.app = undefined;
    this.phase = 'loading';
  };

  /** Loads the draft (or the submitted application) of the signed-in account. */
  async load(): Promise<void> {
    this.phase = 'loading';
    try {
      const c = this.client!;
      const list = await api.listApplications(c);
      const draft = list.find((a) => a.status === 'draft');
      const sent = list
        .filter((a) => a.status === 'submitted')
        .sort((a, b) => ((a.submittedAt ?? '') < (b.submittedAt ?? '') ? 1 : -1))[0];
      const view =
        !draft && sent
          ? await api.getApplication(c, sent.id)
          : await api.startApplication(c, this.jobcenter, draft ? undefined : this.tdaId || undefined);
      await this.open(view);
    } catch (e) {
      this.message = apiErrorMessage(e);
      this.phase = 'load-error';
    }
  }

  private async open(view: api.ApplicationView): Promise<void> {
    this.app = view;
    if (view.status === 'submitted') return this.showReceipt(view);
    this.autosave.delayMs = this.autosaveDelay;
    this.autosave.start(view.id, view.version, view.answers);
    this.flow.date = view.applicationDate || berlinDate();
    this.flow.answers = view.answers;
    const cached = await readDraft(view.id);
    if (cached && JSON.stringify(cached.answers) !== JSON.stringify(view.answers)) {
      this.restore = cached;
      this.phase = 'restore';
      this.flow.focus = 'heading';
      return;
    }
    if (cached) this.uncache();
    this.phase = 'form';
    this.flow.resume();
  }

  private cacheAnswers(baseVersion = this.autosave.version): void {
    if (!this.app) return;
    const a = this.flow.answers;
    const changedAt = new Date().toISOString();
    void this.cache.write({ applicationId: this.app!.id, baseVersion, answers: a, changedAt });
  }

  private uncache(): void {
    if (this.app) void this.cache.remove(this.app.id);
  }

  private readonly onAnswer = (e: JcAnswerEvent) => {
    const answers = this.flow.answer(e.detail.id, e.detail.value);
    if (!answers) return;
    this.autosave.change(answers);
    this.cacheAnswers();
  };

  private readonly onContinue = () => {
    if (this.flow.next() === 'submit') void this.submit();
  };

  private async submit(): Promise<void> {
    const app = this.app!;
    const fail = (message: string) => this.flow.showErrors([{ path: '', code: '', message }]);
    const check = engine.validateApplication(this.flow.answers, this.flow.date, activeLocale());
    if (check.errors.length) return this.flow.showErrors(check.errors);
    try {
      if (!(await this.autosave.flush())) {
        if (this.autosave.status !== 'conflict')
          fail(
            msg(
              'Ihr Antrag ist noch nicht gespeichert. Prüfen Sie Ihre Verbindung und senden Sie ihn noch einmal.',
              {
                id: 'ade.notSaved',
              },
            ),
          );
        return;
      }
      const version = this.autosave.version;
      const send = (key: string) => api.submitApplication(this.client!, app.id, version, key);
      const view = await this.submitter.submit({ id: app.id, version }, send);
      if (!view) return;
      this.autosave.submitted();
      this.uncache();
      this.showReceipt(view);
      this.dispatchEvent(new JcSubmittedEvent({ step: 'ade', application: view }));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) return this.flow.showErrors(e.errors);
      if (e instanceof ApiError && e.status === 412 && e.body.current)
        return this.autosave.conflicted(e.body.current as api.CurrentDraft);
      if (e instanceof ApiError && e.is('application-submitted'))
        return void this.open(await api.getApplication(this.client!, app.id));
      const again = msg('Ihre Angaben sind gespeichert. Senden Sie den Antrag bitte noch einmal.', {
        id: 'ade.sendAgain',
      });
      fail(`${apiErrorMessage(e)} ${again}`);
    }
  }

  private showReceipt(view: api.ApplicationView): void {
    this.app = view;
    this.phase = 'receipt';
    this.flow.focus = 'heading';
  }

  private readonly onRestore = () => {
    this.flow.answers = this.restore!.answers;
    this.restore = undefined;
    this.autosave.change(this.flow.answers);
    this.phase = 'form';
    this.flow.resume();
  };

  private readonly onDiscard = () => {
    this.uncache();
    this.restore = undefined;
    this.phase = 'form';
    this.flow.resume();
  };

  private readonly onTheirs = () => {
    this.flow.answers = this.autosave.takeTheirs() ?? this.flow.answers;
    this.uncache();
    this.spoken = msg('Die neuere Fassung ist geladen.', { id: 'conflict.loaded' });
    if (this.flow.step) this.flow.go(this.flow.stepKey);
    else this.flow.resume();
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.started && this.client && this.jobcenter) {
      this.started = true;
      void this.load();
    }
    if (this.phase === 'form' && !this.flow.step) this.flow.resume();
    const s = this.autosave.status;
    if (s !== this.lastStatus) {
      // Only trouble and its end are announced; routine saves stay quiet.
      if (s === 'offline' && !this.wasOffline)
        this.spoken = msg('Nicht gespeichert – keine Verbindung. Wir versuchen es weiter.', {
          id: 'save.offline',
        });
      else if (s === 'saved' && this.wasOffline)
        this.spoken = `${msg('Verbindung wieder da: alles gespeichert.', { id: 'save.back' })} ${clock(new Date())}`;
      if (s === 'offline' || s === 'error') this.wasOffline = true;
      else if (s === 'saved') this.wasOffline = false;
      this.lastStatus = s;
    }
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    super.updated(changed);
    const focus = this.flow.focus;
    if (!focus) return;
    this.flow.focus = undefined;
    const target = this.renderRoot.querySelector<JcFormPage | JcAdeReceipt>('jc-form-page, jc-ade-receipt');
    if (target && focus === 'summary') return (target as JcFormPage).focusSummary();
    if (target) return target.focusHeading();
    const h = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    h?.scrollIntoView?.({ block: 'start' });
    h?.focus({ preventScroll: true });
  }

  private renderStep(s: Step) {
    const f = this.flow;
    if (s.kind === 'check')
      return checkAnswersView({
        group: s.group,
        answers: f.answers,
        date: f.date,
        onChange: (pageKey) => f.change(pageKey, s.key),
        onContinue: this.onContinue,
        onBack: () => f.back(),
      });
    const sending = this.submitter.sending;
    const topic = helpTopicOf(s.page);
    const help = topic ? html`<jc-help slot="help" topic=${topic} date=${f.date}></jc-help>` : nothing;
    const label = sending
      ? msg('Wird gesendet …', { id: 'common.sending' })
      : msg('Antrag absenden', { id: 'tda.submit' });
    return html`<jc-form-page
      .page=${s.page}
      .answers=${f.answers}
      .date=${f.date}
      .placeholders=${legalPlaceholders}
      .errors=${f.errors}
      .summary=${f.summary}
      ?can-go-back=${!f.first}
      ?busy=${sending}
      submit-label=${s.group.id === FINAL_GROUP ? label : ''}
      @jc-answer=${this.onAnswer}
      @jc-continue=${this.onContinue}
      @jc-back=${() => f.back()}
      >${help}${s.group.id === 'H' ? anlagenList(engine.anlagenFor(f.answers, f.date, activeLocale())) : nothing}</jc-form-page
    >`;
  }

  override render() {
    switch (this.phase) {
      case 'load-error':
        return loadErrorView(this.message, () => void this.load());
      case 'restore': {
        const newer = this.restore!.baseVersion !== this.autosave.version;
        return restoreView(this.restore!, newer, this.onRestore, this.onDiscard);
      }
      case 'receipt':
        return html`<jc-ade-receipt
          .client=${this.client}
          .application=${this.app}
          poll-interval=${this.pollInterval}
        ></jc-ade-receipt>`;
      case 'form': {
        const s = this.flow.step;
        const conflict = this.autosave.conflict;
        return html`${progressView({ groups: this.flow.groups(), current: s?.group.id ?? '', onJump: (id) => this.flow.jump(id) })}
        ${saveStatusView(this.autosave.status, this.autosave.savedAt, this.spoken)}
        ${conflict ? conflictView(conflict.updatedAt, this.onTheirs, () => void this.autosave.keepMine()) : nothing}
        ${s ? this.renderStep(s) : nothing}`;
      }
      default:
        return loadingView();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-ade-flow': JcAdeFlow;
  }
}
