/** jc-staff-sign-in: sign-in for jobcenter staff with a second factor (TOTP), enrolment and recovery codes. */
import { html, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { safeSvg } from '../base/safe-svg.js';
import { ApiError } from '../api/api-error.js';
import * as api from '../api/staff-api.js';
import { FormStateController, type ShownError } from '../controllers/form-state.js';
import { SubmitController } from '../controllers/submit.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { JcStaffSignedInEvent } from '../events/jc-staff-signed-in.js';
import { JcStaffSignedOutEvent } from '../events/jc-staff-signed-out.js';
import * as fields from './staff-sign-in-fields.js';
import type { StaffSignInValues, StaffSignInView } from './staff-sign-in-fields.js';
import * as views from './staff-sign-in-views.js';
import { enrolView } from './staff-sign-in-enrol.js';
import { staffSignInStyles } from './staff-sign-in.styles.js';

/**
 * @summary Sign-in for jobcenter staff: e-mail and password, then a code from an authenticator app
 * (TOTP) or a recovery code. An account without a second factor is enrolled on the way: after the
 * enrolment code (Freischaltcode) an admin handed over, QR code
 * (the server's SVG, rebuilt from `<svg>/<path>/<rect>` only) or the secret in groups of four with
 * a copy button, the first code, then the recovery codes shown once until "Ich habe die Codes
 * sicher aufbewahrt" is confirmed. Signed in: name, jobcenter, roles and sign-out.
 *
 * Forms validate on submit only (GOV.UK): an error summary takes focus and links to the field;
 * every new step moves focus to its heading. The session is the same-origin cookie
 * `__Host-jc_staff`: the element must be served from the API's origin. Attribute `error-title`
 * (boolean, opt-in): while errors are shown the page title starts with "Fehler: ".
 *
 * @event jc-staff-signed-in - the second factor was accepted (after an enrolment: once the recovery codes were confirmed); `detail.staff`, `detail.expiresAt`.
 * @event jc-staff-signed-out - after sign-out; `detail.reason`.
 * @csspart base - the root of the widget.
 * @csspart heading - the headings.
 * @csspart form - the forms.
 * @csspart button - the primary buttons; `button-secondary` the others; `link` the text buttons and links.
 * @csspart qr - the box around the QR code.
 * @csspart secret - the TOTP secret for typing it in.
 * @csspart recovery-codes - the list of recovery codes.
 * @csspart panel - the success panel.
 * @csspart account - the staff details (signed in).
 * @csspart notice - the polite status line (copied, signed out).
 * @csspart error-summary - the error summary.
 * @csspart field-input - the inputs (also field-label, field-hint, field-error-message, field-group, field-control).
 * @cssproperty --jc-color-primary - primary button background (all tokens: themes/default.css).
 */
@customElement('jc-staff-sign-in')
@localized()
export class JcStaffSignIn extends JcWidget {
  static override styles = [JcWidget.styles, staffSignInStyles];

  /** The current step (read-only for the page: `password`, `totp`, `enrol`, `codes`, `signed-in`). */
  @state() view: StaffSignInView = 'loading';

  @state() private session?: api.StaffSession;
  @state() private enrolment?: views.Enrolment;
  @state() private codes: string[] = [];
  @state() private recovery = false;
  @state() private showPassword = false;
  @state() private jobcenterName = '';
  @state() private notice = '';
  private challenge = '';
  private moveFocus: string | undefined;
  private readonly form = new FormStateController<StaffSignInValues>(
    this,
    fields.EMPTY_VALUES,
    fields.STAFF_FIELDS,
  );
  private readonly submitter = new SubmitController(this);

  protected override configChanged(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    this.view = 'loading';
    const session = await api.staffSession(this.client).catch(() => null);
    if (session) this.signedIn(session, false);
    else this.go('password', false);
  }

  /** Shows a step; focus moves to its heading (not on the first render, which the page decides). */
  private go(view: StaffSignInView, focus = true): void {
    this.form.clearErrors();
    this.view = view;
    this.moveFocus = focus ? '[data-autofocus]' : undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.moveFocus) return;
    const target = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
      this.moveFocus,
    );
    this.moveFocus = undefined;
    // a new text field renders after this update: focus it once its input exists (delegatesFocus)
    void Promise.resolve(target?.updateComplete).then(() => target?.focus());
  }

  private signedIn(session: api.StaffSession, announce: boolean): void {
    this.session = session;
    this.challenge = '';
    this.enrolment = undefined;
    this.codes = [];
    this.recovery = false;
    this.showPassword = false;
    this.form.reset({ ...fields.EMPTY_VALUES, email: session.staff.email });
    this.go('signed-in', announce);
    const id = session.staff.jobcenterId;
    this.jobcenterName = id ?? msg('Regionaldirektion', { id: 'staff.noJobcenter' });
    if (id)
      this.client.jobcenter(id).then(
        (j) => void (this.jobcenterName = j.name),
        () => undefined,
      );
    if (announce)
      this.dispatchEvent(new JcStaffSignedInEvent({ staff: session.staff, expiresAt: session.expiresAt }));
  }

  /** Runs a form submission: client check, request, or errors in the summary. */
  private async send<T>(
    event: SubmitEvent,
    errors: ShownError[],
    request: () => Promise<T>,
  ): Promise<T | undefined> {
    event.preventDefault();
    this.notice = '';
    if (errors.length) {
      await this.form.showErrors(errors);
      return undefined;
    }
    try {
      return await this.submitter.submit(this.form.values, request);
    } catch (e) {
      await this.showError(e);
      return undefined;
    }
  }

  private showError(e: unknown): Promise<void> {
    const codeStep = this.view === 'totp' || this.view === 'enrol';
    const error = (field: string | undefined, code: string) =>
      this.form.showErrors([{ field, message: fields.staffMessage(code) }]);
    if (e instanceof ApiError && codeStep && (e.is('staff-challenge-invalid') || e.status === 410)) {
      this.restart();
      return error(undefined, 'expired');
    }
    if (e instanceof ApiError && e.is('enrolment-code-invalid'))
      return error('enrolmentCode', 'enrolment_code_wrong');
    if (e instanceof ApiError && e.status === 401)
      return codeStep
        ? error('code', this.recovery ? 'recovery_wrong' : 'code_wrong')
        : error('email', 'credentials');
    if (e instanceof ApiError && e.status === 400 && e.errors.length)
      return this.form.showErrors(
        e.errors.map((x) => {
          const field = x.path.replace(/^\/?(body\.)?/, '');
          const code =
            field === 'email'
              ? 'email_invalid'
              : field === 'password'
                ? 'password_required'
                : field === 'enrolmentCode'
                  ? 'enrolment_code_format'
                  : this.recovery
                    ? 'recovery_format'
                    : 'code_format';
          return { field, message: fields.staffMessage(code) };
        }),
      );
    return this.form.showErrors([{ message: apiErrorMessage(e) }]);
  }

  private readonly onSignIn = async (e: SubmitEvent) => {
    const v = this.form.values;
    const step = await this.send(e, fields.checkPassword(v), () =>
      api.staffSignIn(this.client, v.email.trim(), v.password),
    );
    if (!step) return;
    this.challenge = step.challenge;
    this.showPassword = false;
    this.form.reset({ ...fields.EMPTY_VALUES, email: v.email });
    this.enrolment = undefined;
    this.recovery = false;
    this.go(step.step === 'enrol' ? 'enrol' : 'totp');
  };

  /** Enrolment code step: only the right code makes the server send the secret. */
  private readonly onEnrolmentCode = async (e: SubmitEvent) => {
    const v = this.form.values;
    const code = fields.normaliseRecovery(v.enrolmentCode);
    const step = await this.send(e, fields.checkEnrolmentCode(v), () =>
      api.unlockEnrolment(this.client, this.challenge, code),
    );
    if (!step) return;
    this.challenge = step.challenge;
    const label = msg('QR-Code zum Einrichten der Authenticator-App', { id: 'staff.enrol.qr' });
    this.enrolment = { secret: step.secret, otpauthUrl: step.otpauthUrl, qr: safeSvg(step.qrSvg, label) };
    this.go('enrol');
  };

  private readonly onCode = async (e: SubmitEvent) => {
    const v = this.form.values;
    const code = this.recovery ? fields.normaliseRecovery(v.code) : fields.normaliseTotp(v.code);
    const checks = fields.checkCode(v, this.recovery);
    if (this.view === 'enrol') {
      const done = await this.send(e, checks, () => api.confirmTotp(this.client, this.challenge, code));
      if (!done) return;
      this.session = { staff: done.staff, expiresAt: done.expiresAt };
      this.codes = done.recoveryCodes;
      this.enrolment = undefined;
      this.challenge = '';
      this.form.reset(fields.EMPTY_VALUES);
      this.go('codes');
      return;
    }
    const session = await this.send(e, checks, () => api.secondFactor(this.client, this.challenge, code));
    if (session) this.signedIn(session, true);
  };

  private readonly onCodesDone = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!this.form.values.saved)
      return this.form.showErrors([{ field: 'saved', message: fields.staffMessage('saved_required') }]);
    this.signedIn(this.session!, true);
  };

  private readonly onToggleRecovery = () => {
    this.recovery = !this.recovery;
    this.form.reset({ ...this.form.values, code: '' });
    this.moveFocus = '#code';
  };

  private readonly restart = () => {
    this.challenge = '';
    this.enrolment = undefined;
    this.recovery = false;
    this.form.reset({ ...fields.EMPTY_VALUES, email: this.form.values.email });
    this.go('password');
  };

  private readonly onSignOut = async () => {
    this.notice = '';
    await api.staffSignOut(this.client).catch(() => undefined);
    this.session = undefined;
    this.go('password');
    this.notice = msg('Sie sind abgemeldet.', { id: 'staff.signedOut' });
    this.dispatchEvent(new JcStaffSignedOutEvent({ reason: 'user' }));
  };

  private async copy(text: string): Promise<void> {
    this.notice = '';
    await this.updateComplete;
    this.notice = (await fields.copyText(text))
      ? msg('In die Zwischenablage kopiert.', { id: 'staff.copied' })
      : msg('Kopieren ist hier nicht möglich. Markieren Sie den Text und kopieren Sie ihn selbst.', {
          id: 'staff.copyFailed',
        });
  }

  private renderView() {
    const m: views.StaffSignInModel = {
      form: this.form,
      sending: this.submitter.sending,
      showPassword: this.showPassword,
      recovery: this.recovery,
      enrolment: this.enrolment,
      codes: this.codes,
      session: this.session,
      jobcenterName: this.jobcenterName,
      on: {
        signIn: this.onSignIn,
        enrolmentCode: this.onEnrolmentCode,
        code: this.onCode,
        codesDone: this.onCodesDone,
        toggleRecovery: this.onToggleRecovery,
        togglePassword: (e: Event) => void (this.showPassword = (e.target as HTMLInputElement).checked),
        copySecret: () => void this.copy(this.enrolment?.secret ?? ''),
        copyCodes: () => void this.copy(this.codes.join('\n')),
        restart: this.restart,
        signOut: this.onSignOut,
      },
    };
    switch (this.view) {
      case 'loading':
        return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
      case 'totp':
        return views.totpView(m);
      case 'enrol':
        return enrolView(m);
      case 'codes':
        return views.codesView(m);
      case 'signed-in':
        return views.signedInView(m);
      default:
        return views.passwordView(m);
    }
  }

  override render() {
    return this.frame(
      html`${this.renderView()}
        <p part="notice" class="status" role="status">${this.notice}</p>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-staff-sign-in': JcStaffSignIn;
  }
}
