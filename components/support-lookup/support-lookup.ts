/** jc-support-lookup: 1st-level support looks up an account's technical state by e-mail, resends and unlocks. */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { SupportAccountView } from '../../domain/person.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { safeUrl } from '../base/safe-url.js';
import { ApiError } from '../api/api-error.js';
import { supportAccount, supportAction } from '../api/persons-api.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { addEnglish, intlLocale, activeLocale } from '../locales/localization.js';
import { supportLookupStyles } from './support-lookup.styles.js';

addEnglish(() => import('../locales/en-support.js'));

type Action = 'resend-confirmation' | 'unlock';

/**
 * @summary The support desk's view of an applicant account: look it up by e-mail address and see only its
 * technical state (confirmed, sign-in throttled, last sign-in, security level, open TdA, created) as a definition
 * list – never names, addresses or application data, which the server does not send. "Bestätigungsmail erneut
 * senden" and "Anmeldesperre aufheben" ask for confirmation first and report the result. Needs a staff session
 * with the role `support`; otherwise it shows the `sign-in` slot, a link to `sign-in-url`, or a no-access notice.
 *
 * @slot sign-in - shown after a 401 (no staff session).
 * @csspart base - the root. @csspart form - the search form. @csspart state - the definition list.
 * @csspart confirm - the confirmation panel. @csspart message - result and error messages.
 */
@customElement('jc-support-lookup')
@localized()
export class JcSupportLookup extends JcWidget {
  static override styles = [JcWidget.styles, supportLookupStyles];

  /** Where staff sign in, linked after a 401 when the `sign-in` slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  @state() private account?: SupportAccountView;
  @state() private fieldError = '';
  @state() private message = '';
  @state() private failure = '';
  @state() private signedOut = false;
  @state() private pending?: Action;
  @state() private busy = false;
  private email = '';

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private failWith(e: unknown): void {
    if (e instanceof ApiError && e.status === 401) this.signedOut = true;
    else if (e instanceof ApiError && e.status === 403) this.failure = msg('Sie haben keinen Zugriff auf die Support-Ansicht.', { id: 'sup.forbidden' });
    else if (e instanceof ApiError && e.status === 404) this.failure = msg('Zu dieser E-Mail-Adresse gibt es kein Konto.', { id: 'sup.notFound' });
    else if (e instanceof ApiError && e.status === 409) this.failure = msg('Die E-Mail-Adresse ist schon bestätigt; eine Bestätigungsmail ist nicht nötig.', { id: 'sup.confirmedAlready' });
    else this.failure = apiErrorMessage(e);
  }

  private readonly onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#email')!;
    this.email = input.value.trim();
    this.message = this.failure = '';
    this.pending = undefined;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email)) {
      this.fieldError = msg('Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.', { id: 'sup.invalidEmail' });
      this.account = undefined;
      return this.focusOn('#email');
    }
    this.fieldError = '';
    await this.lookUp();
    await this.focusOn(this.account ? '#state-heading' : '[part=message]');
  };

  private async lookUp(): Promise<void> {
    this.busy = true;
    try {
      this.account = await supportAccount(this.client, this.email);
      this.signedOut = false;
    } catch (e) {
      this.account = undefined;
      this.failWith(e);
    } finally {
      this.busy = false;
    }
  }

  private readonly ask = async (a: Action) => {
    this.pending = a;
    this.message = this.failure = '';
    await this.focusOn('#confirm-heading');
  };

  private readonly cancel = async () => {
    this.pending = undefined;
    await this.focusOn('#state-heading');
  };

  private readonly run = async () => {
    const a = this.pending;
    if (!a || !this.account || this.busy) return;
    this.busy = true;
    try {
      await supportAction(this.client, this.account.id, a);
      this.pending = undefined;
      this.busy = false;
      await this.lookUp();
      this.message =
        a === 'unlock'
          ? msg('Die Anmeldesperre ist aufgehoben. Die Person kann sich sofort wieder anmelden.', { id: 'sup.unlocked' })
          : msg('Eine neue Bestätigungsmail ist unterwegs. Sie enthält nur einen Link, keine Daten.', { id: 'sup.resent' });
    } catch (e) {
      this.pending = undefined;
      this.failWith(e);
    } finally {
      this.busy = false;
    }
    await this.focusOn('[part=message]');
  };

  private when(iso: string | null): string {
    if (!iso) return msg('noch nie', { id: 'sup.never' });
    return new Intl.DateTimeFormat(intlLocale(activeLocale()), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));
  }

  private renderState(a: SupportAccountView) {
    const yes = msg('ja', { id: 'sup.yes' });
    const no = msg('nein', { id: 'sup.no' });
    return html`<h3 id="state-heading" tabindex="-1">${msg('Technischer Stand des Kontos', { id: 'sup.state' })}</h3>
      <dl part="state">
        <dt>${msg('E-Mail-Adresse bestätigt', { id: 'sup.confirmed' })}</dt><dd>${a.confirmed ? yes : no}</dd>
        <dt>${msg('Anmeldung gesperrt', { id: 'sup.locked' })}</dt>
        <dd>${a.locked ? msg(str`ja, bis ${this.when(a.lockedUntil)}`, { id: 'sup.lockedUntil' }) : no} (${msg(str`${a.failedSignIns} Fehlversuche`, { id: 'sup.failures' })})</dd>
        <dt>${msg('Letzte Anmeldung', { id: 'sup.lastSignIn' })}</dt><dd>${this.when(a.lastSignInAt)}</dd>
        <dt>${msg('Sicherheitsstufe', { id: 'sup.level' })}</dt><dd>${a.level}</dd>
        <dt>${msg('Offene Erklärung zum Tag der Antragstellung', { id: 'sup.openTda' })}</dt><dd>${a.openTda ? yes : no}</dd>
        <dt>${msg('Konto angelegt', { id: 'sup.created' })}</dt><dd>${this.when(a.createdAt)}</dd>
      </dl>
      ${this.pending ? this.renderConfirm(this.pending) : html`<div class="actions">
            ${!a.confirmed ? html`<button class="button button--secondary resend" type="button" @click=${() => this.ask('resend-confirmation')}>${msg('Bestätigungsmail erneut senden', { id: 'sup.resend' })}</button>` : nothing}
            ${a.locked || a.failedSignIns > 0 ? html`<button class="button button--secondary unlock" type="button" @click=${() => this.ask('unlock')}>${msg('Anmeldesperre aufheben', { id: 'sup.unlock' })}</button>` : nothing}
          </div>`}`;
  }

  private renderConfirm(a: Action) {
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" tabindex="-1">${msg('Bitte bestätigen', { id: 'sup.confirm' })}</h3>
      <p>${a === 'unlock' ? msg('Die Fehlversuche dieses Kontos werden gelöscht und die Anmeldung wieder freigegeben.', { id: 'sup.confirmUnlock' }) : msg('An die Adresse des Kontos geht eine neue Bestätigungsmail.', { id: 'sup.confirmResend' })}</p>
      <div class="actions">
        <button class="button confirm-yes" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.run}>
          ${a === 'unlock' ? msg('Ja, Sperre aufheben', { id: 'sup.yesUnlock' }) : msg('Ja, senden', { id: 'sup.yesResend' })}
        </button>
        <button class="button button--secondary" type="button" @click=${this.cancel}>${msg('Abbrechen', { id: 'sup.cancel' })}</button>
      </div>
    </div>`;
  }

  override render() {
    const note = this.failure || this.message;
    const url = safeUrl(this.signInUrl);
    return this.frame(html`<h2 part="heading">${msg('Support: Konto nachschlagen', { id: 'sup.heading' })}</h2>
      <p class="secondary">${msg('Sie sehen nur den technischen Stand, keine Sozialdaten.', { id: 'sup.intro' })}</p>
      <form part="form" novalidate @submit=${this.onSubmit}>
        <div>
          <label for="email">${msg('E-Mail-Adresse des Kontos', { id: 'sup.email' })}</label>
          ${this.fieldError ? html`<p id="email-error" class="error"><span class="visually-hidden">${msg('Fehler:', { id: 'sup.error' })}</span> ${this.fieldError}</p>` : nothing}
          <input id="email" name="email" type="email" autocomplete="off" spellcheck="false" aria-invalid=${this.fieldError ? 'true' : 'false'} aria-describedby=${this.fieldError ? 'email-error' : nothing} />
        </div>
        <button class="button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${msg('Konto suchen', { id: 'sup.search' })}</button>
      </form>
      <div part="message" tabindex="-1" class=${note ? `panel ${this.failure ? 'panel--error' : ''}` : 'status'} role=${this.failure ? 'alert' : 'status'}>${note}</div>
      ${this.signedOut
        ? html`<p>${msg('Melden Sie sich als Support-Mitarbeiterin oder -Mitarbeiter an.', { id: 'sup.signedOut' })}</p>
            <slot name="sign-in">${url ? html`<p><a href=${url}>${msg('Zur Anmeldung', { id: 'sup.toSignIn' })}</a></p>` : nothing}</slot>`
        : nothing}
      ${this.account ? this.renderState(this.account) : nothing}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-support-lookup': JcSupportLookup;
  }
}
