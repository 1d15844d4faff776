/** Templates of the jc-registration views; the element holds state and handlers. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { AccountView } from '../../domain/account.js';
import type { FormStateController } from '../controllers/form-state.js';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import {
  PASSWORD_MIN,
  levelName,
  registrationLabels,
  type RegistrationValues,
} from './registration-fields.js';
import '../text-field/text-field.js';
import '../checkbox/checkbox.js';
import '../error-summary/error-summary.js';

/** What the views need from the element. */
export interface RegistrationModel {
  form: FormStateController<RegistrationValues>;
  sending: boolean;
  showPassword: boolean;
  account?: AccountView;
  /** Address the last confirmation mail went to. */
  sentTo: string;
  /** Show the "e-mail confirmed" panel above the view. */
  confirmed: boolean;
  on: {
    signUp(e: SubmitEvent): void;
    signIn(e: SubmitEvent): void;
    resend(e: SubmitEvent): void;
    resendAgain(): void;
    signOut(): void;
    togglePassword(e: Event): void;
    go(view: 'sign-up' | 'sign-in' | 'resend'): void;
  };
}

function heading(text: string) {
  return html`<h2 part="heading" tabindex="-1" data-autofocus>${text}</h2>`;
}

function submitButton(m: RegistrationModel, label: string) {
  return html`<button
    part="button"
    class="button"
    type="submit"
    aria-disabled=${m.sending ? 'true' : 'false'}
  >
    ${m.sending ? msg('Wird gesendet …', { id: 'common.sending' }) : label}
  </button>`;
}

function linkButton(label: string, onClick: () => void) {
  return html`<button part="link" class="link" type="button" @click=${onClick}>${label}</button>`;
}

function emailField(m: RegistrationModel, hint = '') {
  return html`<jc-text-field
    id="email"
    name="email"
    type="email"
    autocomplete="email"
    inputmode="email"
    exportparts=${FIELD_EXPORTPARTS}
    .label=${registrationLabels().email}
    .hint=${hint}
    .value=${m.form.values.email}
    .error=${m.form.errors.email ?? ''}
  ></jc-text-field>`;
}

function passwordField(
  m: RegistrationModel,
  name: 'password' | 'passwordConfirm',
  autocomplete: string,
  hint = '',
) {
  return html`<jc-text-field
    id=${name}
    name=${name}
    type=${m.showPassword ? 'text' : 'password'}
    autocomplete=${autocomplete}
    exportparts=${FIELD_EXPORTPARTS}
    .label=${registrationLabels()[name]}
    .hint=${hint}
    .value=${m.form.values[name]}
    .error=${m.form.errors[name] ?? ''}
  ></jc-text-field>`;
}

function showPasswordToggle(m: RegistrationModel, label: string) {
  return html`<jc-checkbox
    exportparts=${FIELD_EXPORTPARTS}
    .label=${label}
    .checked=${m.showPassword}
    @input=${m.on.togglePassword}
  ></jc-checkbox>`;
}

function summary(m: RegistrationModel) {
  return html`<jc-error-summary part="error-summary" .errors=${m.form.summary}></jc-error-summary>`;
}

/** Success panel after the confirmation link worked. */
export function confirmedPanel() {
  return html`<div part="panel" class="panel" role="status">
    <h2 part="heading" tabindex="-1" data-autofocus>
      ${msg('Ihre E-Mail-Adresse ist bestätigt – Sicherheitsstufe 1', { id: 'reg.confirmed' })}
    </h2>
    <p>${msg('Sie können jetzt online einen Antrag stellen.', { id: 'reg.confirmed.next' })}</p>
  </div>`;
}

/** Sign-up: e-mail, password (≥ 12 characters), repetition, show-password toggle. */
export function signUpView(m: RegistrationModel) {
  return html`${heading(msg('Konto erstellen', { id: 'reg.signUp.heading' }))}
    <p>
      ${msg('Mit einem Konto stellen Sie Ihren Antrag online und sehen später, was aus ihm geworden ist.', {
        id: 'reg.signUp.intro',
      })}
    </p>
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.signUp} @input=${m.form.onInput}>
      ${emailField(m, msg('Wir schicken Ihnen einen Link, mit dem Sie die Adresse bestätigen.', { id: 'reg.email.hint' }))}
      ${passwordField(m, 'password', 'new-password', msg(str`mindestens ${PASSWORD_MIN} Zeichen`, { id: 'reg.password.hint' }))}
      ${passwordField(m, 'passwordConfirm', 'new-password')}
      ${showPasswordToggle(m, msg('Passwörter anzeigen', { id: 'reg.showPasswords' }))}
      ${submitButton(m, msg('Konto erstellen', { id: 'reg.signUp.submit' }))}
    </form>
    <p>
      ${msg('Sie haben schon ein Konto?', { id: 'reg.haveAccount' })}
      ${linkButton(msg('Anmelden', { id: 'reg.toSignIn' }), () => m.on.go('sign-in'))}
    </p>`;
}

/** "Check your inbox" after sign-up or resend. */
export function sentView(m: RegistrationModel) {
  return html`${heading(msg('Prüfen Sie Ihr Postfach', { id: 'reg.sent.heading' }))}
    <p>
      ${msg(str`Wir haben eine E-Mail an ${m.sentTo} geschickt.`, { id: 'reg.sent.to' })}
      ${msg('Öffnen Sie den Link in der E-Mail, um Ihre Adresse zu bestätigen.', { id: 'reg.sent.open' })}
    </p>
    <p class="secondary">
      ${msg('Wenn es die Adresse schon als Konto gibt, bekommen Sie stattdessen einen Hinweis per E-Mail.', {
        id: 'reg.sent.exists',
      })}
    </p>
    <h3>${msg('Keine E-Mail bekommen?', { id: 'reg.sent.none' })}</h3>
    <p>
      ${msg('Sehen Sie auch im Spam-Ordner nach. Die E-Mail kann einige Minuten brauchen.', { id: 'reg.sent.spam' })}
    </p>
    <div class="actions">
      <button
        part="button-secondary"
        class="button button--secondary"
        type="button"
        @click=${m.on.resendAgain}
      >
        ${msg('E-Mail erneut senden', { id: 'reg.sent.again' })}
      </button>
      ${linkButton(msg('Zur Anmeldung', { id: 'reg.toSignInPage' }), () => m.on.go('sign-in'))}
    </div>`;
}

/** While the confirmation link is checked. */
export function confirmPendingView() {
  return html`${heading(msg('E-Mail-Adresse wird bestätigt', { id: 'reg.confirm.heading' }))}
    <p>${msg('Bitte warten Sie einen Moment …', { id: 'reg.confirm.wait' })}</p>`;
}

/** The confirmation link did not work: explain and offer a new one. */
export function confirmFailedView(m: RegistrationModel) {
  return html`<div part="panel" class="panel panel--error">
      ${heading(msg('Der Bestätigungslink funktioniert nicht', { id: 'reg.confirmFailed.heading' }))}
      <p>
        ${msg(
          'Der Link ist abgelaufen, wurde schon benutzt oder ist unvollständig. Lassen Sie sich einen neuen Link schicken.',
          {
            id: 'reg.confirmFailed.text',
          },
        )}
      </p>
    </div>
    ${resendForm(m)}`;
}

function resendForm(m: RegistrationModel) {
  return html`${summary(m)}
    <form part="form" novalidate @submit=${m.on.resend} @input=${m.form.onInput}>
      ${emailField(m)} ${submitButton(m, msg('Neuen Bestätigungslink senden', { id: 'reg.resend.submit' }))}
    </form>`;
}

/** Ask for a new confirmation link. */
export function resendView(m: RegistrationModel) {
  return html`${heading(msg('Bestätigungslink erneut senden', { id: 'reg.resend.heading' }))}
    <p>${msg('Geben Sie die E-Mail-Adresse Ihres Kontos ein.', { id: 'reg.resend.intro' })}</p>
    ${resendForm(m)}
    <p>${linkButton(msg('Zur Anmeldung', { id: 'reg.toSignInPage' }), () => m.on.go('sign-in'))}</p>`;
}

/** Sign-in with e-mail and password. */
export function signInView(m: RegistrationModel) {
  return html`${m.confirmed ? confirmedPanel() : nothing}
    ${
      m.confirmed
        ? html`<h2 part="heading">${msg('Anmelden', { id: 'reg.signIn.heading' })}</h2>`
        : heading(msg('Anmelden', { id: 'reg.signIn.heading' }))
    }
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.signIn} @input=${m.form.onInput}>
      ${emailField(m)} ${passwordField(m, 'password', 'current-password')}
      ${showPasswordToggle(m, msg('Passwort anzeigen', { id: 'reg.showPassword' }))}
      ${submitButton(m, msg('Anmelden', { id: 'reg.signIn.submit' }))}
    </form>
    <ul class="links">
      <li>
        ${msg('Noch kein Konto?', { id: 'reg.noAccount' })}
        ${linkButton(msg('Konto erstellen', { id: 'reg.toSignUp' }), () => m.on.go('sign-up'))}
      </li>
      <li>
        ${linkButton(msg('Bestätigungslink nicht bekommen?', { id: 'reg.toResend' }), () => m.on.go('resend'))}
      </li>
    </ul>`;
}

/** Signed in: e-mail, level, sign-out; at level 0 a way to get the confirmation mail again. */
export function signedInView(m: RegistrationModel) {
  const a = m.account!;
  return html`${m.confirmed ? confirmedPanel() : nothing}
    ${
      m.confirmed
        ? html`<h2 part="heading">${msg('Sie sind angemeldet', { id: 'reg.signedIn.heading' })}</h2>`
        : heading(msg('Sie sind angemeldet', { id: 'reg.signedIn.heading' }))
    }
    <dl part="account" class="account">
      <dt>${registrationLabels().email}</dt>
      <dd>${a.email}</dd>
      <dt>${msg('Sicherheitsstufe', { id: 'reg.level' })}</dt>
      <dd>${a.level} – ${levelName(a.level)}</dd>
    </dl>
    ${
      a.level < 1
        ? html`<p>
              ${msg(
                'Bestätigen Sie Ihre E-Mail-Adresse mit dem Link aus unserer E-Mail. Erst dann können Sie einen Antrag stellen.',
                {
                  id: 'reg.signedIn.confirmFirst',
                },
              )}
            </p>
            <p>
              <button
                part="button-secondary"
                class="button button--secondary"
                type="button"
                @click=${m.on.resendAgain}
              >
                ${msg('Bestätigungslink erneut senden', { id: 'reg.resend.heading' })}
              </button>
            </p>`
        : nothing
    }
    <button part="button-secondary" class="button button--secondary" type="button" @click=${m.on.signOut}>
      ${msg('Abmelden', { id: 'reg.signOut' })}
    </button>`;
}
