/** jc-registration: sign-up, e-mail confirmation, sign-in and sign-out for applicants. */
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { AccountView } from '../../domain/account.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { ApiError } from '../api/api-error.js';
import { FormStateController } from '../controllers/form-state.js';
import { SubmitController } from '../controllers/submit.js';
import { fromProblem, toMessages, type CodedError } from '../controllers/field-errors.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { JcSignedInEvent } from '../events/jc-signed-in.js';
import { JcSignedOutEvent } from '../events/jc-signed-out.js';
import { activeLocale } from '../locales/localization.js';
import * as fields from './registration-fields.js';
import type { RegistrationValues, RegistrationView } from './registration-fields.js';
import * as views from './registration-views.js';
import { registrationStyles } from './registration.styles.js';

const EMPTY: RegistrationValues = { email: '', password: '', passwordConfirm: '' };

/**
 * @summary Registration and sign-in for the online application (Sicherheitsstufe 1 = e-mail confirmed).
 *
 * Views: sign-up → "check your inbox"; the link in the mail leads back to the page with
 * `?token=…` (or set `confirm-token`), which confirms the address; sign-in; signed in (e-mail,
 * level, sign-out); resend the confirmation link. The token is removed from the address bar
 * after use. Forms validate on submit only, show an error summary that takes focus, and keep
 * what was typed. Attribute `error-title` (boolean, opt-in): while errors are shown the page title
 * starts with "Fehler: ".
 *
 * @event jc-signed-in - after sign-in, and after a confirmation raised the level of the signed-in account; `detail.account`.
 * @event jc-signed-out - after sign-out; `detail.reason`.
 * @csspart base - the root of the widget.
 * @csspart heading - the headings.
 * @csspart form - the forms.
 * @csspart button - the primary buttons; `button-secondary` the others; `link` the text buttons.
 * @csspart panel - the success and error panels.
 * @csspart account - the account details (signed in).
 * @csspart notice - the polite status line (resent, signed out).
 * @csspart error-summary - the error summary.
 * @csspart field-input - the inputs (also field-label, field-hint, field-error-message, field-group, field-control).
 * @cssproperty --jc-color-primary - primary button background (all tokens: themes/default.css).
 */
@customElement('jc-registration')
@localized()
export class JcRegistration extends JcWidget {
  static override styles = [JcWidget.styles, registrationStyles];

  /** The current view; set `sign-in` to start with the sign-in form (default `sign-up`). */
  @property() view: RegistrationView = 'sign-up';
  /** Confirmation token; default: the `token` query parameter of the page address. */
  @property({ attribute: 'confirm-token' }) confirmToken?: string;

  @state() private account?: AccountView;
  @state() private loading = true;
  @state() private showPassword = false;
  @state() private confirmed = false;
  @state() private sentTo = '';
  @state() private notice = '';
  private readonly form = new FormStateController<RegistrationValues>(
    this,
    EMPTY,
    fields.REGISTRATION_FIELDS,
  );
  private readonly submitter = new SubmitController(this);
  private moveFocus = false;
  private tokenUsed = false;

  protected override configChanged(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    const token = this.takeToken();
    if (token) return this.confirm(token);
    this.loading = true;
    try {
      const session = await this.client.session();
      if (session) [this.account, this.view] = [session.account, 'signed-in'];
    } catch {
      /* server unreachable: the forms will say so when used */
    } finally {
      this.loading = false;
    }
  }

  /** The confirmation token from the attribute or the page address (removed from the address bar). */
  private takeToken(): string | undefined {
    if (this.tokenUsed) return undefined;
    const url = new URL(location.href);
    const token = this.confirmToken || url.searchParams.get('token') || undefined;
    if (!token) return undefined;
    this.tokenUsed = true;
    if (url.searchParams.has('token')) {
      url.searchParams.delete('token');
      history.replaceState(history.state, '', url.href);
    }
    return token;
  }

  private async confirm(token: string): Promise<void> {
    this.loading = false;
    this.view = 'confirm';
    try {
      const { account } = await this.client.confirm(token);
      this.confirmed = true;
      const session = await this.client.session().catch(() => null);
      if (session) {
        this.account = session.account;
        this.go('signed-in');
        this.dispatchEvent(new JcSignedInEvent({ account: session.account }));
      } else {
        this.form.set('email', account.email);
        this.go('sign-in');
      }
    } catch {
      this.go('confirm-failed');
    }
  }

  private go(view: RegistrationView): void {
    this.form.clearErrors();
    this.view = view;
    this.moveFocus = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.moveFocus) return;
    this.moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  /** Runs a form submission: client check, request, or errors in the summary. */
  private async send(
    event: SubmitEvent,
    errors: CodedError[],
    request: () => Promise<unknown>,
  ): Promise<boolean> {
    event.preventDefault();
    this.notice = '';
    if (errors.length) {
      await this.form.showErrors(toMessages(errors, fields.registrationLabels()));
      return false;
    }
    try {
      return (await this.submitter.submit(this.form.values, request)) !== undefined;
    } catch (e) {
      await this.showError(e);
      return false;
    }
  }

  private showError(e: unknown): Promise<void> {
    if (e instanceof ApiError && e.errors.length)
      return this.form.showErrors(toMessages(fromProblem(e.errors), fields.registrationLabels()));
    if (e instanceof ApiError && e.status === 401)
      return this.form.showErrors([
        {
          field: 'email',
          message: msg('E-Mail-Adresse oder Passwort ist falsch', { id: 'reg.signIn.wrong' }),
        },
      ]);
    return this.form.showErrors([{ message: apiErrorMessage(e) }]);
  }

  private readonly onSignUp = async (e: SubmitEvent) => {
    const v = this.form.values;
    const body = {
      email: v.email.trim(),
      password: v.password,
      lang: activeLocale(),
      jobcenterId: this.jobcenterId,
    };
    if (!(await this.send(e, fields.checkSignUp(v), () => this.client.signUp(body)))) return;
    this.sentTo = body.email;
    this.form.reset({ ...EMPTY, email: v.email });
    this.go('sent');
  };

  private readonly onSignIn = async (e: SubmitEvent) => {
    const v = this.form.values;
    let account: AccountView | undefined;
    const request = async () => (account = (await this.client.signIn(v.email.trim(), v.password)).account);
    if (!(await this.send(e, fields.checkSignIn(v), request)) || !account) return;
    this.account = account;
    this.showPassword = false;
    this.form.reset({ ...EMPTY, email: v.email });
    this.go('signed-in');
    this.dispatchEvent(new JcSignedInEvent({ account }));
  };

  private readonly onResend = async (e: SubmitEvent) => {
    const email = this.form.values.email.trim();
    const request = () => this.client.resendConfirmation(email, activeLocale());
    if (!(await this.send(e, fields.checkEmail(this.form.values), request))) return;
    this.sentTo = email;
    this.go('sent');
  };

  private readonly onResendAgain = async () => {
    const email = this.account?.email ?? this.sentTo;
    this.notice = '';
    try {
      await this.client.resendConfirmation(email, activeLocale());
      this.notice = msg(str`Wir haben die E-Mail noch einmal an ${email} geschickt.`, { id: 'reg.resent' });
    } catch (e) {
      this.notice = apiErrorMessage(e);
    }
  };

  private readonly onSignOut = async () => {
    this.notice = '';
    await this.client.signOut().catch(() => undefined);
    this.account = undefined;
    this.confirmed = false;
    this.go('sign-in');
    this.notice = msg('Sie sind abgemeldet.', { id: 'reg.signedOut' });
    this.dispatchEvent(new JcSignedOutEvent({ reason: 'user' }));
  };

  private readonly onTogglePassword = (e: Event) => {
    this.showPassword = (e.target as HTMLInputElement).checked;
  };

  private renderView() {
    if (this.loading) return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
    const m: views.RegistrationModel = {
      form: this.form,
      sending: this.submitter.sending,
      showPassword: this.showPassword,
      account: this.account,
      sentTo: this.sentTo,
      confirmed: this.confirmed,
      on: {
        signUp: this.onSignUp,
        signIn: this.onSignIn,
        resend: this.onResend,
        resendAgain: this.onResendAgain,
        signOut: this.onSignOut,
        togglePassword: this.onTogglePassword,
        go: (view) => this.go(view),
      },
    };
    switch (this.view) {
      case 'sent':
        return views.sentView(m);
      case 'confirm':
        return views.confirmPendingView();
      case 'confirm-failed':
        return views.confirmFailedView(m);
      case 'sign-in':
        return views.signInView(m);
      case 'resend':
        return views.resendView(m);
      case 'signed-in':
        return this.account ? views.signedInView(m) : views.signInView(m);
      default:
        return views.signUpView(m);
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
    'jc-registration': JcRegistration;
  }
}
