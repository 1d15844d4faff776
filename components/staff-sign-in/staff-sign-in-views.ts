/** Templates of the jc-staff-sign-in views; the element holds state and handlers. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { StaffSession } from '../api/staff-api.js';
import type { FormStateController } from '../controllers/form-state.js';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import { roleName, staffLabels, type StaffSignInValues } from './staff-sign-in-fields.js';
import '../text-field/text-field.js';
import '../checkbox/checkbox.js';
import '../error-summary/error-summary.js';

/** The enrolment data the server sent (the QR code already made safe). */
export interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qr?: SVGSVGElement;
}

/** What the views need from the element. */
export interface StaffSignInModel {
  form: FormStateController<StaffSignInValues>;
  sending: boolean;
  showPassword: boolean;
  /** The code form asks for a recovery code instead of a TOTP code. */
  recovery: boolean;
  enrolment?: Enrolment;
  codes: string[];
  session?: StaffSession;
  jobcenterName: string;
  on: {
    signIn(e: SubmitEvent): void;
    enrolmentCode(e: SubmitEvent): void;
    code(e: SubmitEvent): void;
    codesDone(e: SubmitEvent): void;
    toggleRecovery(): void;
    togglePassword(e: Event): void;
    copySecret(): void;
    copyCodes(): void;
    restart(): void;
    signOut(): void;
  };
}

/** A step heading that takes focus. */
export const heading = (text: string) => html`<h2 part="heading" tabindex="-1" data-autofocus>${text}</h2>`;

/** The primary submit button (aria-disabled while sending). */
export function submitButton(m: StaffSignInModel, label: string) {
  return html`<button
    part="button"
    class="button"
    type="submit"
    aria-disabled=${m.sending ? 'true' : 'false'}
  >
    ${m.sending ? msg('Wird gesendet …', { id: 'common.sending' }) : label}
  </button>`;
}

/** A text button. */
export function linkButton(label: string, onClick: () => void) {
  return html`<button part="link" class="link" type="button" @click=${onClick}>${label}</button>`;
}

/** A secondary button. */
export function secondaryButton(label: string, onClick: () => void) {
  return html`<button
    part="button-secondary"
    class="button button--secondary"
    type="button"
    @click=${onClick}
  >
    ${label}
  </button>`;
}

/** The error summary of the current form. */
export const summary = (m: StaffSignInModel) =>
  html`<jc-error-summary part="error-summary" .errors=${m.form.summary}></jc-error-summary>`;

/** The code field: six digits from the app, or a recovery code. */
export function codeField(m: StaffSignInModel) {
  const labels = staffLabels();
  return m.recovery
    ? html`<jc-text-field
        id="code"
        name="code"
        autocomplete="off"
        width="20"
        maxlength="20"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${labels.recovery}
        .hint=${msg('Format XXXX-XXXX-XXXX. Jeden Code können Sie nur einmal verwenden.', {
          id: 'staff.recovery.hint',
        })}
        .value=${m.form.values.code}
        .error=${m.form.errors.code ?? ''}
      ></jc-text-field>`
    : html`<jc-text-field
        id="code"
        name="code"
        autocomplete="one-time-code"
        inputmode="numeric"
        width="10"
        maxlength="7"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${labels.code}
        .hint=${msg('Der 6-stellige Code aus Ihrer Authenticator-App, zum Beispiel 123456', {
          id: 'staff.code.hint',
        })}
        .value=${m.form.values.code}
        .error=${m.form.errors.code ?? ''}
      ></jc-text-field>`;
}

/** Step one: e-mail and password. */
export function passwordView(m: StaffSignInModel) {
  const labels = staffLabels();
  return html`${heading(msg('Anmeldung für Mitarbeitende', { id: 'staff.signIn.heading' }))}
    <p>
      ${msg('Melden Sie sich mit Ihrem dienstlichen Konto an. Danach brauchen Sie Ihre Authenticator-App.', {
        id: 'staff.signIn.intro',
      })}
    </p>
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.signIn} @input=${m.form.onInput}>
      <jc-text-field
        id="email"
        name="email"
        type="email"
        autocomplete="username"
        inputmode="email"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${labels.email}
        .value=${m.form.values.email}
        .error=${m.form.errors.email ?? ''}
      ></jc-text-field>
      <jc-text-field
        id="password"
        name="password"
        type=${m.showPassword ? 'text' : 'password'}
        autocomplete="current-password"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${labels.password}
        .value=${m.form.values.password}
        .error=${m.form.errors.password ?? ''}
      ></jc-text-field>
      <jc-checkbox
        exportparts=${FIELD_EXPORTPARTS}
        .label=${msg('Passwort anzeigen', { id: 'staff.showPassword' })}
        .checked=${m.showPassword}
        @input=${m.on.togglePassword}
      ></jc-checkbox>
      ${submitButton(m, msg('Weiter', { id: 'staff.signIn.submit' }))}
    </form>`;
}

/** Step two: the TOTP code, or a recovery code. */
export function totpView(m: StaffSignInModel) {
  return html`${heading(msg('Sicherheitscode eingeben', { id: 'staff.totp.heading' }))}
    <p>
      ${
        m.recovery
          ? msg(
              'Geben Sie einen der Wiederherstellungscodes ein, die Sie bei der Einrichtung bekommen haben.',
              {
                id: 'staff.totp.recoveryIntro',
              },
            )
          : msg(
              'Öffnen Sie die Authenticator-App auf Ihrem Diensthandy und geben Sie den Code für Ihr Jobcenter-Konto ein.',
              {
                id: 'staff.totp.intro',
              },
            )
      }
    </p>
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.code} @input=${m.form.onInput}>
      ${codeField(m)} ${submitButton(m, msg('Anmelden', { id: 'staff.totp.submit' }))}
    </form>
    <ul class="links">
      <li>
        ${linkButton(
          m.recovery
            ? msg('Code aus der App verwenden', { id: 'staff.totp.useApp' })
            : msg('Wiederherstellungscode verwenden', { id: 'staff.totp.useRecovery' }),
          m.on.toggleRecovery,
        )}
      </li>
      <li>${linkButton(msg('Abbrechen und neu anmelden', { id: 'staff.restart' }), m.on.restart)}</li>
    </ul>`;
}

/** The recovery codes, shown once, with the confirmation that they are stored. */
export function codesView(m: StaffSignInModel) {
  return html`${heading(msg('Ihre Wiederherstellungscodes', { id: 'staff.codes.heading' }))}
    <div part="panel" class="panel">
      <p>${msg('Der zweite Faktor ist eingerichtet.', { id: 'staff.codes.done' })}</p>
    </div>
    <p>
      ${msg(
        'Mit einem Wiederherstellungscode melden Sie sich an, wenn Sie Ihr Handy nicht zur Hand haben. Jeder Code gilt nur einmal.',
        {
          id: 'staff.codes.intro',
        },
      )}
    </p>
    <p>
      <strong
        >${msg('Die Codes werden nur jetzt angezeigt. Bewahren Sie sie sicher und getrennt vom Handy auf.', {
          id: 'staff.codes.once',
        })}</strong
      >
    </p>
    <ul part="recovery-codes" class="codes">
      ${m.codes.map((c) => html`<li><code>${c}</code></li>`)}
    </ul>
    ${secondaryButton(msg('Codes kopieren', { id: 'staff.codes.copy' }), m.on.copyCodes)} ${summary(m)}
    <form part="form" novalidate @submit=${m.on.codesDone} @input=${m.form.onInput}>
      <jc-checkbox
        id="saved"
        name="saved"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${staffLabels().saved}
        .checked=${!!m.form.values.saved}
        .error=${m.form.errors.saved ?? ''}
      ></jc-checkbox>
      ${submitButton(m, msg('Weiter', { id: 'staff.signIn.submit' }))}
    </form>`;
}

/** Signed in: name, e-mail, jobcenter, roles, sign-out. */
export function signedInView(m: StaffSignInModel) {
  const s = m.session!.staff;
  return html`${heading(msg('Sie sind angemeldet', { id: 'staff.signedIn.heading' }))}
    <dl part="account" class="account">
      <dt>${msg('Name', { id: 'staff.name' })}</dt>
      <dd>${s.name}</dd>
      <dt>${msg('E-Mail-Adresse', { id: 'staff.signedIn.email' })}</dt>
      <dd>${s.email}</dd>
      <dt>${msg('Jobcenter', { id: 'staff.jobcenter' })}</dt>
      <dd>${m.jobcenterName}</dd>
      <dt>${msg('Rollen', { id: 'staff.roles' })}</dt>
      <dd>${s.roles.map(roleName).join(', ')}</dd>
    </dl>
    ${secondaryButton(msg('Abmelden', { id: 'staff.signOut' }), m.on.signOut)}`;
}
