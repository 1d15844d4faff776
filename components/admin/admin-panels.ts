/** Templates of jc-admin's simulation, origins, theme, configuration exchange and feedback sections. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { DiffLine, SimulationResult } from '../../domain/admin-config.js';
import type { ConfigChange, FeedbackItem, SimSubject } from './admin-api.js';

/** The themes in themes/ with their primary colour (for the swatch). */
export const THEME_SWATCHES: Record<string, [string, string]> = {
  default: ['#00703c', '#ffffff'],
  musterstadt: ['#005a7a', '#ffffff'],
  beispielkreis: ['#2e6b1f', '#ffffff'],
  hafenstadt: ['#0b3d6b', '#ffffff'],
  'bergland-sued': ['#7a1f2b', '#fffdf9'],
  exempelkreis: ['#4b2a8a', '#ffffff'],
  dark: ['#81c995', '#131517'],
  'high-contrast': ['#000000', '#ffffff'],
};

/** What the templates need from the element. */
export interface PanelsHost {
  subject: SimSubject;
  sim?: SimulationResult;
  originsText: string;
  theme: string;
  exportHref: string;
  imported?: ConfigChange;
  submitted: boolean;
  changes: ConfigChange[];
  meId: string;
  feedback?: FeedbackItem[];
  canSendFeedback: boolean;
  runSimulation(form: HTMLFormElement): void;
  saveOrigins(text: string): void;
  saveTheme(theme: string): void;
  previewTheme(theme: string): void;
  importFile(file: File): void;
  submitImport(): void;
  decide(id: string, how: 'approve' | 'reject'): void;
  sendFeedback(form: HTMLFormElement): void;
}

const field = (name: keyof SimSubject, label: string, value: string, type = 'text') =>
  html`<label>${label} <input class="input" name=${name} type=${type} .value=${value} /></label>`;

/** Simulation: a sample person → where she lands, with the trace. */
export function simulationView(h: PanelsHost) {
  const s = h.subject;
  return html`<h3>${msg('Simulation', { id: 'admin.tab.simulation' })}</h3>
    <form class="sim" @submit=${(e: Event) => (e.preventDefault(), h.runSimulation(e.target as HTMLFormElement))}>
      <label>${msg('Vorgangsart', { id: 'admin.f.type' })}
        <select class="input" name="type">${['tda', 'ade', 'mws_reply', 'oap'].map((t) => html`<option ?selected=${t === s.type}>${t}</option>`)}</select></label>
      ${field('surname', msg('Nachname', { id: 'admin.f.surname' }), s.surname)}
      ${field('birthDate', msg('Geburtsdatum', { id: 'admin.f.birthDate' }), s.birthDate, 'date')}
      ${field('postalCode', msg('PLZ', { id: 'admin.f.postalCode' }), s.postalCode)}
      ${field('language', msg('Sprache', { id: 'admin.f.language' }), s.language)}
      ${field('applicationDate', msg('Antragsdatum', { id: 'admin.f.applicationDate' }), s.applicationDate, 'date')}
      ${field('anlagen', msg('Anlagen, z. B. KDU, EKS', { id: 'admin.f.anlagen' }), (s.anlagen ?? []).join(', '))}
      <button class="button">${msg('Simulieren', { id: 'admin.sim.run' })}</button>
    </form>
    <div class="sim-result" role="status">
      ${h.sim
        ? html`<p class="panel"><strong>${msg(str`Diese Beispielperson würde landen in: ${h.sim.postkorbName ?? h.sim.postkorbId ?? '–'}`, { id: 'admin.sim.lands' })}</strong><br />
              ${h.sim.ruleName ? msg(str`Regel: ${h.sim.ruleName}`, { id: 'admin.sim.rule' }) : msg('Keine Regel passt: Standard-Postkorb.', { id: 'admin.sim.default' })}</p>
            <ol class="trace">${h.sim.trace.map((t) => html`<li>${t.ruleId}: ${t.matched ? msg('passt', { id: 'admin.sim.match' }) : msg(str`passt nicht (${t.reasons.join(', ')})`, { id: 'admin.sim.nomatch' })}</li>`)}</ol>`
        : nothing}
    </div>`;
}

/** Allowed origins, one per line. */
export function originsView(h: PanelsHost) {
  return html`<h3>${msg('Herkunft', { id: 'admin.tab.origins' })}</h3>
    <form @submit=${(e: Event) => (e.preventDefault(), h.saveOrigins(String(new FormData(e.target as HTMLFormElement).get('origins') ?? '')))}>
      <label for="origins">${msg('Seiten, die die Widgets einbetten dürfen (eine pro Zeile, nur https)', { id: 'admin.origins.label' })}</label>
      <textarea id="origins" class="input" name="origins" rows="5" .value=${h.originsText}></textarea>
      <button class="button">${msg('Herkunft speichern', { id: 'admin.origins.save' })}</button>
    </form>`;
}

/** Theme select with a preview swatch. */
export function themeView(h: PanelsHost) {
  const [fg, bg] = THEME_SWATCHES[h.theme] ?? THEME_SWATCHES.default;
  return html`<h3>${msg('Theme', { id: 'admin.tab.theme' })}</h3>
    <form @submit=${(e: Event) => (e.preventDefault(), h.saveTheme(String(new FormData(e.target as HTMLFormElement).get('theme'))))}>
      <label>${msg('Theme', { id: 'admin.tab.theme' })}
        <select class="input" name="theme" @change=${(e: Event) => h.previewTheme((e.target as HTMLSelectElement).value)}>
          ${Object.keys(THEME_SWATCHES).map((t) => html`<option ?selected=${t === h.theme}>${t}</option>`)}</select></label>
      <p class="swatch" part="swatch" style="background:${bg};color:${fg};border-color:${fg}">${msg('Vorschau', { id: 'admin.theme.preview' })}: ${h.theme}</p>
      <button class="button">${msg('Theme speichern', { id: 'admin.theme.save' })}</button>
    </form>`;
}

const diffList = (diff: DiffLine[]) =>
  diff.length ? html`<ul class="diff">${diff.map((l) => html`<li data-op=${l.op}>${l.text}</li>`)}</ul>` : html`<p>${msg('Keine Unterschiede zur aktuellen Konfiguration.', { id: 'admin.diff.none' })}</p>`;

/** Export link, import with diff, pending changes with approval. */
export function exchangeView(h: PanelsHost) {
  return html`<h3>${msg('Konfiguration', { id: 'admin.tab.config' })}</h3>
    <p><a class="link" href=${h.exportHref} download>${msg('Konfiguration exportieren (JSON)', { id: 'admin.export' })}</a></p>
    <label for="import">${msg('Konfiguration importieren (JSON-Datei)', { id: 'admin.import.label' })}</label>
    <input id="import" class="input" type="file" accept="application/json,.json" @change=${(e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f) h.importFile(f);
    }} />
    ${h.imported && !h.submitted
      ? html`<div class="imported"><h4>${msg('Unterschiede', { id: 'admin.diff' })}</h4>${diffList(h.imported.diff)}
          <div class="actions"><button type="button" class="button" @click=${() => h.submitImport()}>${msg('Zur Freigabe vorlegen', { id: 'admin.import.submit' })}</button>
          <button type="button" class="button button--secondary" @click=${() => h.decide(h.imported!.id, 'reject')}>${msg('Verwerfen', { id: 'admin.import.discard' })}</button></div></div>`
      : nothing}
    <h4>${msg('Offene Änderungen', { id: 'admin.changes' })}</h4>
    ${h.changes.length === 0 ? html`<p>${msg('Keine offenen Änderungen.', { id: 'admin.changes.none' })}</p>` : nothing}
    <ul class="plain changes">
      ${h.changes.map(
        (c) => html`<li class="change" data-id=${c.id}>${diffList(c.diff)}
          ${c.createdBy === h.meId
            ? html`<p class="secondary">${msg('Von Ihnen vorgelegt: eine andere Person muss freigeben.', { id: 'admin.changes.own' })}</p>`
            : html`<button type="button" class="button button--small" @click=${() => h.decide(c.id, 'approve')}>${msg('Freigeben', { id: 'admin.approve' })}</button>`}
          <button type="button" class="button button--secondary button--small" @click=${() => h.decide(c.id, 'reject')}>${msg('Ablehnen', { id: 'admin.reject' })}</button>
        </li>`,
      )}
    </ul>`;
}

/** Feedback to the RD; RD admins see the list. */
export function feedbackView(h: PanelsHost) {
  return html`<h3>${msg('Feedback', { id: 'admin.tab.feedback' })}</h3>
    ${h.canSendFeedback ? html`<form @submit=${(e: Event) => (e.preventDefault(), h.sendFeedback(e.target as HTMLFormElement))}>
      <label for="fb">${msg('Ihre Anregung an die Regionaldirektion', { id: 'admin.fb.label' })}</label>
      <textarea id="fb" class="input" name="text" rows="4" required maxlength="4000"></textarea>
      <button class="button">${msg('Senden', { id: 'admin.fb.send' })}</button>
    </form>` : nothing}
    ${h.feedback ? html`<ul class="plain">${h.feedback.map((f) => html`<li><span class="secondary">${f.createdAt.slice(0, 10)}</span> ${f.text}</li>`)}</ul>` : nothing}`;
}
