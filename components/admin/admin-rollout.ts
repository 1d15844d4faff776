/** jc-admin's "Module und Einführung" section: module switches (jobcenter admin), waves and go-live dates (RD admin). */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { activeLocale } from '../locales/localization.js';
import { ApiError } from '../api/api-error.js';
import type { IbdHost } from './admin-ibd.js';
import { getRollout, listRollout, MODULE_KEYS, putRollout, WAVE_KEYS, type ModuleKey, type RolloutChange, type RolloutDetail, type RolloutItem, type RolloutState, type WaveKey } from './admin-api.js';

/** What the section needs from jc-admin: the IBD host's client, jobcenter and rendering, plus the role. */
export type RolloutHost = IbdHost & { readonly isRdAdmin: boolean };

/** The edit form as the user set it (kept through a 412). */
interface RolloutForm {
  wave: WaveKey;
  goLive: string;
  modules: Record<ModuleKey, boolean>;
}

const SHORT: Record<ModuleKey, string> = { tda: 'TdA', ade: 'ADE', ibd: 'IBD', mws: 'MWS', oap: 'OAP' };
const formOf = (i: RolloutItem): RolloutForm => ({ wave: i.wave, goLive: i.goLive ?? '', modules: { ...i.switches } });

/** State and template of the roll-out section. */
export class RolloutSection {
  items?: RolloutItem[];
  selected?: RolloutDetail;
  form?: RolloutForm;
  /** The server's values after a 412 (shown next to the kept form values). */
  conflict?: RolloutItem;
  errors: string[] = [];
  busy = false;

  constructor(private readonly host: RolloutHost) {}

  moduleLabel(m: ModuleKey): string {
    return {
      tda: msg('Tag der Antragstellung (TdA)', { id: 'admin.ro.m.tda' }),
      ade: msg('Antragsdatenerfassung (ADE)', { id: 'admin.ro.m.ade' }),
      ibd: msg('Bearbeitungsdauer (IBD)', { id: 'admin.tab.ibd' }),
      mws: msg('Mitwirkung und Nachweise (MWS)', { id: 'admin.ro.m.mws' }),
      oap: msg('Arbeitsmarktprofil (OAP)', { id: 'admin.ro.m.oap' }),
    }[m];
  }

  waveLabel(w: WaveKey): string {
    return {
      pilot: msg('Pilot', { id: 'admin.ro.w.pilot' }),
      wave1: msg('Welle 1', { id: 'admin.ro.w.wave1' }),
      wave2: msg('Welle 2', { id: 'admin.ro.w.wave2' }),
      not_yet: msg('Noch nicht', { id: 'admin.ro.w.not_yet' }),
    }[w];
  }

  private yesNo(b: boolean): string {
    return b ? msg('ja', { id: 'admin.ro.yes' }) : msg('nein', { id: 'admin.ro.no' });
  }

  private onList(s: Partial<Record<ModuleKey, boolean>>): string {
    const on = MODULE_KEYS.filter((m) => s[m]).map((m) => SHORT[m]);
    return on.length ? on.join(', ') : msg('keine', { id: 'admin.ro.none' });
  }

  /** Loads the list; a jobcenter admin's own jobcenter opens at once. */
  async load(): Promise<void> {
    await this.guard(async () => {
      this.items = (await listRollout(this.host.ibdClient)).items;
      if (!this.host.isRdAdmin) {
        const own = this.items.find((i) => i.id === this.host.ibdJobcenter) ?? this.items[0];
        if (own) await this.open(own.id, false);
      }
    });
  }

  /** Opens a jobcenter's form and history; `focus` moves the keyboard to the form heading. */
  async open(id: string, focus = true): Promise<void> {
    this.conflict = undefined;
    this.errors = [];
    await this.guard(async () => {
      this.selected = await getRollout(this.host.ibdClient, id);
      this.form = formOf(this.selected);
    });
    if (focus) {
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('#ro-form-heading')?.focus();
    }
  }

  /** Runs a call: problems go to the section's error summary (focused). */
  private async guard(f: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.host.requestUpdate();
    try {
      await f();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.errors = e.errors.length ? e.errors.map((x) => `${x.path}: ${x.message}`) : [e.detail || e.title || e.message];
      if (e.status === 412) await this.conflicted(e.body.current as RolloutItem | undefined);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.ro-errors')?.focus();
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** A colleague changed it: keep the form, show the server's values, read the new version and history. */
  private async conflicted(current?: RolloutItem): Promise<void> {
    this.errors = [msg('Eine Kollegin oder ein Kollege hat diese Einstellungen inzwischen geändert. Ihre Eingaben sind erhalten; prüfen Sie die aktuellen Werte und speichern Sie erneut.', { id: 'admin.ro.conflict' })];
    const id = this.selected!.id;
    const fresh = await getRollout(this.host.ibdClient, id).catch(() => undefined);
    if (fresh) this.selected = fresh;
    else if (current) this.selected = { ...this.selected!, ...current };
    this.conflict = fresh ?? current;
    if (this.conflict) this.items = this.items?.map((i) => (i.id === id ? this.conflict! : i));
  }

  private set(f: Partial<RolloutForm>): void {
    this.form = { ...this.form!, ...f };
    this.host.requestUpdate();
  }

  private async save(): Promise<void> {
    const sel = this.selected!;
    const f = this.form!;
    const change: RolloutChange = this.host.isRdAdmin ? { wave: f.wave, goLive: f.goLive || null, modules: f.modules } : { modules: f.modules };
    this.host.announce('');
    const ok = await this.guard(async () => {
      const saved = await putRollout(this.host.ibdClient, sel.id, sel.version, change);
      this.conflict = undefined;
      this.errors = [];
      this.items = this.items?.map((i) => (i.id === saved.id ? saved : i));
      this.selected = await getRollout(this.host.ibdClient, sel.id);
      this.form = formOf(this.selected);
    });
    if (ok) this.host.announce(msg(str`Die Einstellungen für ${sel.name} sind gespeichert.`, { id: 'admin.ro.saved' }));
  }

  private stateText(s: RolloutState): string {
    const goLive = s.goLive ?? msg('kein Termin', { id: 'admin.ro.noDate' });
    return msg(str`${this.waveLabel(s.wave)}, Start ${goLive}, Module an: ${this.onList(s.modules)}`, { id: 'admin.ro.state' });
  }

  private table(items: RolloutItem[]) {
    return html`<div class="table-wrap"><table class="ro-table">
      <caption>${msg('Jobcenter, Wellen und Starttermine', { id: 'admin.ro.caption' })}</caption>
      <thead><tr>
        <th scope="col">${msg('Jobcenter', { id: 'admin.ro.name' })}</th><th scope="col">${msg('Welle', { id: 'admin.ro.wave' })}</th>
        <th scope="col">${msg('Start', { id: 'admin.ro.goLive' })}</th><th scope="col">${msg('Live', { id: 'admin.ro.live' })}</th>
        <th scope="col">${msg('Module an', { id: 'admin.ro.modulesOn' })}</th><th scope="col"><span class="vh">${msg('Aktion', { id: 'admin.ro.action' })}</span></th>
      </tr></thead>
      <tbody>${items.map(
        (i) => html`<tr data-id=${i.id} aria-current=${this.selected?.id === i.id ? 'true' : nothing}>
          <th scope="row">${i.name}</th><td>${this.waveLabel(i.wave)}</td><td>${i.goLive ?? '–'}</td><td>${this.yesNo(i.live)}</td><td>${this.onList(i.switches)}</td>
          <td><button type="button" class="button button--secondary button--small" aria-label=${msg(str`${i.name} bearbeiten`, { id: 'admin.ro.editOf' })}
            @click=${() => void this.open(i.id)}>${msg('Bearbeiten', { id: 'admin.edit' })}</button></td>
        </tr>`,
      )}</tbody>
    </table></div>`;
  }

  private modulesField(f: RolloutForm) {
    return html`<fieldset class="ro-modules">
      <legend>${msg('Module', { id: 'admin.ro.modules' })}</legend>
      <p class="secondary" id="ro-modules-hint">${msg('Ein abgeschaltetes Modul zeigt Antragstellenden stattdessen einen Hinweis mit Papierformular, Kontaktdaten und Öffnungszeiten des Jobcenters.', { id: 'admin.ro.hint' })}</p>
      ${MODULE_KEYS.map(
        (m) => html`<div class="check"><input type="checkbox" id=${`ro-m-${m}`} name=${m} aria-describedby="ro-modules-hint" .checked=${f.modules[m]}
            @change=${(e: Event) => this.set({ modules: { ...f.modules, [m]: (e.target as HTMLInputElement).checked } })} />
          <label for=${`ro-m-${m}`}>${this.moduleLabel(m)}</label></div>`,
      )}
    </fieldset>`;
  }

  private editForm(sel: RolloutDetail, f: RolloutForm) {
    const rd = this.host.isRdAdmin;
    return html`<form class="ro-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
      <h4 id="ro-form-heading" tabindex="-1">${rd ? msg(str`${sel.name} bearbeiten`, { id: 'admin.ro.editOf' }) : sel.name}</h4>
      ${rd
        ? html`<div class="field"><label for="ro-wave">${msg('Welle', { id: 'admin.ro.wave' })}</label>
              <select id="ro-wave" class="input" name="wave" @change=${(e: Event) => this.set({ wave: (e.target as HTMLSelectElement).value as WaveKey })}>
                ${WAVE_KEYS.map((w) => html`<option value=${w} ?selected=${w === f.wave}>${this.waveLabel(w)}</option>`)}</select></div>
            <div class="field"><label for="ro-goLive">${msg('Starttermin (leer: noch keiner)', { id: 'admin.ro.goLiveLabel' })}</label>
              <input id="ro-goLive" class="input" type="date" name="goLive" .value=${f.goLive} @input=${(e: Event) => this.set({ goLive: (e.target as HTMLInputElement).value })} /></div>`
        : html`<p>${msg(str`Einführung (legt die Regionaldirektion fest): ${this.waveLabel(sel.wave)}, Start ${sel.goLive ?? '–'}, live: ${this.yesNo(sel.live)}.`, { id: 'admin.ro.own' })}</p>
            ${sel.live ? nothing : html`<p class="secondary">${msg('Vor dem Start zeigen alle Module den Hinweis, auch eingeschaltete.', { id: 'admin.ro.notLive' })}</p>`}`}
      ${this.modulesField(f)}
      <button class="button" ?disabled=${this.busy}>${msg('Einstellungen speichern', { id: 'admin.ro.save' })}</button>
      ${rd ? html`<button type="button" class="button button--secondary" @click=${() => this.close()}>${msg('Abbrechen', { id: 'admin.cancel' })}</button>` : nothing}
    </form>`;
  }

  private close(): void {
    const id = this.selected?.id;
    this.selected = this.form = this.conflict = undefined;
    this.errors = [];
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(`tr[data-id="${id}"] button`)?.focus());
  }

  private history(sel: RolloutDetail) {
    return html`<h4>${msg('Änderungen', { id: 'admin.ro.history' })}</h4>
      ${sel.history.length
        ? html`<ol class="plain ro-history">${sel.history.map(
            (h) => html`<li data-version=${h.version}>${msg(str`Version ${h.version}: ${h.changedBy} am ${new Date(h.changedAt).toLocaleString(activeLocale() === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' })}`, { id: 'admin.ro.by' })}
              <br />${this.stateText(h.old)} → ${this.stateText(h.new)}</li>`,
          )}</ol>`
        : html`<p class="secondary">${msg('Noch keine Änderungen.', { id: 'admin.ro.noHistory' })}</p>`}`;
  }

  render() {
    const { items, selected: sel, form: f, conflict } = this;
    return html`<h3>${msg('Module und Einführung', { id: 'admin.tab.rollout' })}</h3>
      ${this.errors.length
        ? html`<div class="errors ro-errors" role="alert" tabindex="-1"><h4>${msg('Es gibt Probleme', { id: 'admin.errors' })}</h4>
            <ul>${this.errors.map((e) => html`<li>${e}</li>`)}</ul>
            ${conflict ? html`<p class="ro-current">${msg(str`Jetzt gespeichert: ${this.stateText({ ...conflict, modules: conflict.switches })}.`, { id: 'admin.ro.current' })}</p>` : nothing}</div>`
        : nothing}
      ${!items ? html`<p aria-busy="true">${msg('Wird geladen …', { id: 'admin.ibd.loading' })}</p>` : this.host.isRdAdmin ? this.table(items) : nothing}
      ${sel && f ? html`${this.editForm(sel, f)}${this.history(sel)}` : nothing}`;
  }
}
