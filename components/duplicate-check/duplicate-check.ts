/** jc-duplicate-check: Internetpersonen of the caseworker's jobcenter, candidates side by side, convert or merge. */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Candidate, InternetPersonDetail, InternetPersonSummary, PersonDecision } from '../../domain/person.js';
import { customElement } from '../base/define.js';
import { JcWidget } from '../base/jc-widget.js';
import { safeUrl } from '../base/safe-url.js';
import { ApiError } from '../api/api-error.js';
import * as api from '../api/persons-api.js';
import { staffSession } from '../api/staff-api.js';
import { apiErrorMessage } from '../controllers/api-messages.js';
import { candidateView, day, listView } from './duplicate-views.js';
import { duplicateCheckStyles } from './duplicate-check.styles.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-duplicates.js'));

type View = 'loading' | 'signed-out' | 'forbidden' | 'error' | 'list' | 'detail';
type Pending = { kind: 'convert' } | { kind: 'merge'; candidate: Candidate };

/**
 * @summary The Dublettenprüfung (duplicate check): the Internetpersonen whose TdA arrived at the caseworker's
 * jobcenter with their best score; a detail compares the Internetperson with each scored candidate of the person
 * register side by side (differences marked in words and by a sign, not by colour only) and names the reasons.
 * "Als neue Person anlegen" and "Mit dieser Person zusammenführen" ask for confirmation and send the version read
 * as If-Match; when someone else decided first (409/412) the element says so and shows the current state.
 * Without a staff session it shows the `sign-in` slot or a link to `sign-in-url`; it reloads on `jc-staff-signed-in`.
 *
 * @slot sign-in - shown while no staff member is signed in.
 * @csspart base - the root. @csspart list - the table of Internetpersonen. @csspart candidate - one candidate.
 * @csspart convert - the convert button; `merge` the merge buttons; `confirm` the confirmation panel.
 * @csspart message - success and conflict messages.
 * @cssproperty --jc-color-error - the mark of differing fields.
 */
@customElement('jc-duplicate-check')
@localized()
export class JcDuplicateCheck extends JcWidget {
  static override styles = [JcWidget.styles, duplicateCheckStyles];

  /** Where staff sign in, linked when no one is signed in and the `sign-in` slot is empty. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  @state() private view: View = 'loading';
  @state() private items: InternetPersonSummary[] = [];
  @state() private detail?: InternetPersonDetail;
  @state() private pending?: Pending;
  @state() private busy = false;
  @state() private message = '';
  @state() private problem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('jc-staff-signed-in', this.onSignedIn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('jc-staff-signed-in', this.onSignedIn);
  }

  private readonly onSignedIn = () => void this.loadList();

  protected override configChanged(): void {
    void this.loadList();
  }

  private fail(e: unknown): void {
    if (e instanceof ApiError && e.status === 401) this.view = 'signed-out';
    else if (e instanceof ApiError && e.status === 403) this.view = 'forbidden';
    else {
      this.problem = apiErrorMessage(e);
      this.view = 'error';
    }
  }

  private async loadList(): Promise<void> {
    this.view = 'loading';
    try {
      if (!(await staffSession(this.client))) return void (this.view = 'signed-out');
      this.items = await api.internetPersons(this.client);
      this.detail = undefined;
      this.view = 'list';
    } catch (e) {
      this.fail(e);
    }
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private readonly open = async (id: string) => {
    this.message = '';
    this.problem = '';
    try {
      this.detail = await api.internetPerson(this.client, id);
      this.pending = undefined;
      this.view = 'detail';
      await this.focusOn('#detail-heading');
    } catch (e) {
      this.fail(e);
    }
  };

  private readonly back = async () => {
    const id = this.detail?.id;
    await this.loadList();
    if (id) await this.focusOn(`tr[data-id="${CSS.escape(id)}"] .open`);
  };

  private readonly ask = async (p: Pending) => {
    if (this.busy) return;
    this.pending = p;
    this.problem = '';
    await this.focusOn('#confirm-heading');
  };

  private readonly cancel = async () => {
    this.pending = undefined;
    await this.focusOn('#detail-heading');
  };

  private readonly confirm = async () => {
    const d = this.detail;
    const p = this.pending;
    if (!d || !p || this.busy) return;
    this.busy = true;
    try {
      const r = p.kind === 'convert' ? await api.convertPerson(this.client, d.id, d.version) : await api.mergePerson(this.client, d.id, p.candidate.person.id, d.version);
      this.pending = undefined;
      await this.loadList();
      this.message = this.doneText(r);
      await this.focusOn('[part=message]');
    } catch (e) {
      if (e instanceof ApiError && (e.status === 409 || e.status === 412)) {
        this.pending = undefined;
        this.detail = await api.internetPerson(this.client, d.id).catch(() => d);
        this.problem = msg('Jemand anderes hat diese Internetperson inzwischen bearbeitet. Der aktuelle Stand wird angezeigt; es wurde nichts doppelt angelegt.', { id: 'dup.conflict' });
        await this.focusOn('[part=message]');
      } else this.fail(e);
    } finally {
      this.busy = false;
    }
  };

  private doneText(r: PersonDecision): string {
    return r.state === 'converted'
      ? msg(str`Als neue Person angelegt: Kundennummer ${r.person.kundennummer}.`, { id: 'dup.converted' })
      : msg(str`Mit Person ${r.person.kundennummer} zusammengeführt.`, { id: 'dup.merged' });
  }

  private renderConfirm(p: Pending) {
    const text =
      p.kind === 'convert'
        ? msg('Soll die Internetperson als neue Person mit neuer Kundennummer angelegt werden? Das lässt sich nicht rückgängig machen.', { id: 'dup.confirmConvert' })
        : msg(str`Soll die Internetperson mit ${p.candidate.person.lastName}, ${p.candidate.person.firstName} (${p.candidate.person.kundennummer}) zusammengeführt werden? Das lässt sich nicht rückgängig machen.`, { id: 'dup.confirmMerge' });
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-heading">
      <h3 id="confirm-heading" tabindex="-1">${msg('Bitte bestätigen', { id: 'dup.confirm' })}</h3>
      <p>${text}</p>
      <div class="actions">
        <button class="button confirm-yes" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.confirm}>
          ${p.kind === 'convert' ? msg('Ja, neu anlegen', { id: 'dup.yesConvert' }) : msg('Ja, zusammenführen', { id: 'dup.yesMerge' })}
        </button>
        <button class="button button--secondary" type="button" @click=${this.cancel}>${msg('Abbrechen', { id: 'dup.cancel' })}</button>
      </div>
    </div>`;
  }

  private renderDetail(d: InternetPersonDetail) {
    const decided = d.state !== 'open';
    return html`<h3 id="detail-heading" tabindex="-1">${d.data.lastName}, ${d.data.firstName} <span class="secondary">(${d.tdaNumber}, ${day(d.receivedAt)})</span></h3>
      <p><button class="link back" type="button" @click=${this.back}>${msg('Zurück zur Liste', { id: 'dup.back' })}</button></p>
      ${decided
        ? html`<p class="panel">${d.state === 'converted' ? msg('Diese Internetperson wurde schon als neue Person angelegt.', { id: 'dup.isConverted' }) : msg('Diese Internetperson wurde schon zusammengeführt.', { id: 'dup.isMerged' })}</p>`
        : html`<p>${msg('Bis zur Entscheidung werden die Antragsdaten nicht an das Leistungsverfahren übergeben.', { id: 'dup.gate' })}</p>`}
      ${this.pending ? this.renderConfirm(this.pending) : nothing}
      ${!decided && !this.pending
        ? html`<button part="convert" class="button convert" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.ask({ kind: 'convert' })}>
            ${msg('Als neue Person anlegen', { id: 'dup.convert' })}
          </button>`
        : nothing}
      ${d.matches.length
        ? d.matches.map((c, i) => candidateView(d, c, i + 1, (x) => this.ask({ kind: 'merge', candidate: x }), this.busy || !!this.pending))
        : html`<p>${msg('Im Personenbestand gibt es keine ähnliche Person.', { id: 'dup.noCandidates' })}</p>`}`;
  }

  private renderBody() {
    switch (this.view) {
      case 'loading':
        return html`<p>${msg('Wird geladen …', { id: 'common.loading' })}</p>`;
      case 'signed-out': {
        const url = safeUrl(this.signInUrl);
        return html`<p>${msg('Melden Sie sich als Mitarbeiterin oder Mitarbeiter an, um die Dublettenprüfung zu sehen.', { id: 'dup.signedOut' })}</p>
          <slot name="sign-in">${url ? html`<p><a href=${url}>${msg('Zur Anmeldung', { id: 'dup.toSignIn' })}</a></p>` : nothing}</slot>`;
      }
      case 'forbidden':
        return html`<div class="panel panel--error" role="alert"><p>${msg('Sie haben keinen Zugriff auf die Dublettenprüfung.', { id: 'dup.forbidden' })}</p></div>`;
      case 'error':
        return html`<div class="panel panel--error" role="alert"><p>${this.problem}</p>
          <button class="button button--secondary" type="button" @click=${() => this.loadList()}>${msg('Erneut versuchen', { id: 'dup.retry' })}</button></div>`;
      case 'list':
        return listView(this.items, this.open);
      case 'detail':
        return this.detail ? this.renderDetail(this.detail) : nothing;
    }
  }

  override render() {
    const note = this.problem && this.view === 'detail' ? this.problem : this.message;
    return this.frame(html`<h2 part="heading">${msg('Dublettenprüfung', { id: 'dup.heading' })}</h2>
      <div part="message" tabindex="-1" class=${note ? `panel ${this.problem ? 'panel--error' : ''}` : 'status'} role=${this.problem ? 'alert' : 'status'}>${note}</div>
      ${this.renderBody()}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-duplicate-check': JcDuplicateCheck;
  }
}
