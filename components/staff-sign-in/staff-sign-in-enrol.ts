/** Templates of the enrolment in jc-staff-sign-in: the enrolment code first, then QR code or secret and the first code. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import { groupSecret, staffLabels } from './staff-sign-in-fields.js';
import {
  codeField,
  heading,
  linkButton,
  secondaryButton,
  submitButton,
  summary,
  type StaffSignInModel,
} from './staff-sign-in-views.js';

const enrolHeading = () => heading(msg('Zweiten Faktor einrichten', { id: 'staff.enrol.heading' }));

const intro = () =>
  html`<p>
    ${msg(
      'Ihr Konto braucht einen zweiten Faktor. Sie richten ihn einmal ein. Danach fragen wir bei jeder Anmeldung nach einem Code aus der App.',
      {
        id: 'staff.enrol.intro',
      },
    )}
  </p>`;

/** Enrolment, first: the enrolment code an admin handed over; only the right one reveals the secret. */
export function enrolCodeView(m: StaffSignInModel) {
  return html`${enrolHeading()} ${intro()}
    <p>
      ${msg(
        'Zum Einrichten brauchen Sie den Freischaltcode, den Sie persönlich oder per Brief bekommen haben.',
        {
          id: 'staff.enrol.codeIntro',
        },
      )}
    </p>
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.enrolmentCode} @input=${m.form.onInput}>
      <jc-text-field
        id="enrolmentCode"
        name="enrolmentCode"
        autocomplete="off"
        width="20"
        maxlength="20"
        exportparts=${FIELD_EXPORTPARTS}
        .label=${staffLabels().enrolmentCode}
        .hint=${msg('Den Code hat Ihnen Ihre Administratorin oder Ihr Administrator gegeben.', {
          id: 'staff.enrolmentCode.hint',
        })}
        .value=${m.form.values.enrolmentCode}
        .error=${m.form.errors.enrolmentCode ?? ''}
      ></jc-text-field>
      ${submitButton(m, msg('Weiter', { id: 'staff.signIn.submit' }))}
    </form>
    <p>${linkButton(msg('Abbrechen und neu anmelden', { id: 'staff.restart' }), m.on.restart)}</p>`;
}

/** Enrolment, then: QR code or secret, then the first code. */
export function enrolView(m: StaffSignInModel) {
  const e = m.enrolment;
  if (!e) return enrolCodeView(m);
  const appLink = /^otpauth:\/\/totp\//i.test(e.otpauthUrl) ? e.otpauthUrl : undefined;
  return html`${enrolHeading()} ${intro()}
    <h3>${msg('1. App installieren', { id: 'staff.enrol.step1' })}</h3>
    <p>
      ${msg('Installieren Sie eine Authenticator-App auf Ihrem Diensthandy, wenn Sie noch keine haben.', {
        id: 'staff.enrol.app',
      })}
    </p>
    <h3>${msg('2. QR-Code scannen', { id: 'staff.enrol.step2' })}</h3>
    ${
      e.qr
        ? html`<p>${msg('Scannen Sie den QR-Code mit der App.', { id: 'staff.enrol.scan' })}</p>
            <div part="qr" class="qr">${e.qr}</div>`
        : nothing
    }
    <p>
      ${msg('Sie können den QR-Code nicht scannen? Geben Sie diesen Schlüssel in der App von Hand ein:', {
        id: 'staff.enrol.manual',
      })}
    </p>
    <p><code part="secret" class="secret">${groupSecret(e.secret)}</code></p>
    <div class="actions">
      ${secondaryButton(msg('Schlüssel kopieren', { id: 'staff.enrol.copy' }), m.on.copySecret)}
      ${
        appLink
          ? html`<a part="link" href=${appLink}
              >${msg('Auf diesem Gerät in der App öffnen', { id: 'staff.enrol.open' })}</a
            >`
          : nothing
      }
    </div>
    <h3>${msg('3. Code eingeben', { id: 'staff.enrol.step3' })}</h3>
    ${summary(m)}
    <form part="form" novalidate @submit=${m.on.code} @input=${m.form.onInput}>
      ${codeField(m)} ${submitButton(m, msg('Einrichtung abschließen', { id: 'staff.enrol.submit' }))}
    </form>
    <p>${linkButton(msg('Abbrechen und neu anmelden', { id: 'staff.restart' }), m.on.restart)}</p>`;
}
