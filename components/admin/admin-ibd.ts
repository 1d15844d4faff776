/** jc-admin's "Bearbeitungsdauer (IBD)" section: versions per application type, a new version with live preview. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { IbdType, IbdVersionView } from '../../domain/ibd.js';
import type { ApiClient } from '../api/api-client.js';
import { ApiError } from '../api/api-error.js';
import { getIbd, getJobcenter, postIbd, type IbdCreated } from './admin-api.js';
import { berlinDate } from '../../domain/dates.js';

// Listed here, not imported from domain/ibd.ts: that module carries zod, which the admin bundle must not.
const TYPES: readonly IbdType[] = ['erstantrag', 'weiterbewilligung', 'veraenderung'];
const FIELDS = ['type', 'text', 'textEn', 'weeks', 'effectiveFrom'] as const;
type Field = (typeof FIELDS)[number];

/** Fills `{name}` like the server (domain/ibd.ts fillPlaceholders): unknown or empty placeholders stay. */
export function fillPreview(text: string, values: Partial<Record<string, string>>): string {
  return text.replace(/\{([^{}\s]{1,40})\}/g, (all, name: string) => values[name] || all);
}

/** What the section needs from jc-admin. */
export interface IbdHost {
  readonly ibdClient: ApiClient;
  readonly ibdJobcenter: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  /** Says a text in the status line. */
  announce(text: string): void;
}

/** The draft of a new version as typed. */
interface Draft {
  type: IbdType;
  text: string;
  textEn: string;
  weeks: string;
  effectiveFrom: string;
}

/** State and template of the IBD section. */
export class IbdSection {
  versions?: IbdVersionView[];
  jobcenterName = '';
  phone = '';
  draft: Draft = { type: 'erstantrag', text: '', textEn: '', weeks: '', effectiveFrom: berlinDate() };
  errors: { field: Field | ''; text: string }[] = [];
  saved?: IbdCreated;
  busy = false;

  constructor(private readonly host: IbdHost) {}

  typeLabel(t: IbdType): string {
    return {
      erstantrag: msg('Erstantrag', { id: 'admin.ibd.t.erstantrag' }),
      weiterbewilligung: msg('Weiterbewilligung', { id: 'admin.ibd.t.weiterbewilligung' }),
      veraenderung: msg('Veränderungsmitteilung', { id: 'admin.ibd.t.veraenderung' }),
    }[t];
  }

  private label(f: Field): string {
    return {
      type: msg('Antragsart', { id: 'admin.ibd.f.type' }),
      text: msg('Text (Deutsch)', { id: 'admin.ibd.f.text' }),
      textEn: msg('Text (Englisch, optional)', { id: 'admin.ibd.f.textEn' }),
      weeks: msg('Wochen (für {weeks})', { id: 'admin.ibd.f.weeks' }),
      effectiveFrom: msg('Gültig ab', { id: 'admin.ibd.f.effectiveFrom' }),
    }[f];
  }

  /** The message of a server field error: specific for the IBD codes, else the server's own text. */
  private message(field: string, code: string, server: string): string {
    switch (`${field}:${code}`) {
      case 'text:too_small':
      case 'textEn:too_small': return msg('Der Text muss mindestens 20 Zeichen haben.', { id: 'admin.ibd.e.short' });
      case 'text:too_long':
      case 'textEn:too_long': return msg('Der Text darf höchstens 600 Zeichen haben.', { id: 'admin.ibd.e.long' });
      case 'text:unknown_placeholder':
      case 'textEn:unknown_placeholder': return msg('Erlaubt sind nur die Platzhalter {weeks}, {jobcenter} und {phone}.', { id: 'admin.ibd.e.placeholder' });
      case 'weeks:required': return msg('Geben Sie die Wochen an: der Text enthält {weeks}.', { id: 'admin.ibd.e.weeksRequired' });
      case 'effectiveFrom:date_in_past': return msg('Das Datum darf nicht in der Vergangenheit liegen.', { id: 'admin.ibd.e.past' });
    }
    if (field === 'weeks') return msg('Geben Sie eine ganze Zahl von 1 bis 52 ein.', { id: 'admin.ibd.e.weeks' });
    return server;
  }

  /** Loads the versions and the jobcenter's name and phone (for the live preview). */
  async load(): Promise<void> {
    const { ibdClient: c, ibdJobcenter: jc } = this.host;
    try {
      const [list, view] = await Promise.all([getIbd(c, jc), getJobcenter(c, jc)]);
      this.versions = list.items;
      this.jobcenterName = view.name;
      this.phone = view.contact?.phone ?? '';
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.errors = [{ field: '', text: e.title || e.message }];
    }
    this.host.requestUpdate();
  }

  private input(f: Field, value: string): void {
    this.draft = { ...this.draft, [f]: value };
    this.host.requestUpdate();
  }

  private async save(): Promise<void> {
    const d = this.draft;
    const body = {
      type: d.type,
      text: d.text,
      ...(d.textEn.trim() ? { textEn: d.textEn } : {}),
      ...(d.weeks.trim() ? { weeks: Number(d.weeks) } : {}),
      effectiveFrom: d.effectiveFrom,
    };
    this.busy = true;
    this.errors = [];
    this.saved = undefined;
    this.host.announce('');
    this.host.requestUpdate();
    try {
      this.saved = await postIbd(this.host.ibdClient, this.host.ibdJobcenter, body);
      this.host.announce(msg(str`Der Text für ${this.typeLabel(d.type)} ist gespeichert und gilt ab ${d.effectiveFrom}.`, { id: 'admin.ibd.saved' }));
      this.draft = { ...d, text: '', textEn: '' };
      await this.load();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.errors = e.errors.length
        ? e.errors.map((x) => {
            const field = (FIELDS as readonly string[]).includes(x.path) ? (x.path as Field) : '';
            return { field, text: this.message(x.path, x.code, x.message) };
          })
        : [{ field: '', text: e.title || e.message }];
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('.ibd-errors')?.focus();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private focusField(e: Event, f: Field | ''): void {
    e.preventDefault();
    if (f) this.host.renderRoot.querySelector<HTMLElement>(`#ibd-${f}`)?.focus();
  }

  private errorOf(f: Field) {
    const e = this.errors.find((x) => x.field === f);
    return e ? html`<p class="field-error" id=${`ibd-${f}-error`}><span class="vh">${msg('Fehler:', { id: 'admin.ibd.errorPrefix' })} </span>${e.text}</p>` : nothing;
  }

  private control(f: Field, kind: 'textarea' | 'number' | 'date') {
    const err = this.errors.some((x) => x.field === f);
    const on = (e: Event) => this.input(f, (e.target as HTMLInputElement).value);
    const common = { id: `ibd-${f}`, described: err ? `ibd-${f}-error` : undefined };
    return html`<div class="field ${err ? 'field--error' : ''}">
      <label for=${common.id}>${this.label(f)}</label>
      ${this.errorOf(f)}
      ${kind === 'textarea'
        ? html`<textarea id=${common.id} class="input" name=${f} rows="4" maxlength="600" aria-invalid=${err ? 'true' : 'false'} aria-describedby=${common.described ?? nothing} .value=${this.draft[f]} @input=${on}></textarea>`
        : html`<input id=${common.id} class="input ${kind === 'number' ? 'short' : ''}" name=${f} type=${kind} min=${kind === 'number' ? '1' : nothing} max=${kind === 'number' ? '52' : nothing}
            aria-invalid=${err ? 'true' : 'false'} aria-describedby=${common.described ?? nothing} .value=${this.draft[f]} @input=${on} />`}
    </div>`;
  }

  private versionsOf(t: IbdType) {
    const all = (this.versions ?? []).filter((v) => v.type === t);
    const current = all.find((v) => v.current);
    const today = berlinDate();
    const upcoming = all.filter((v) => v.effectiveFrom > today).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    const weeks = (v: IbdVersionView) => (v.weeks === null ? '' : msg(str`, ${v.weeks} Wochen`, { id: 'admin.ibd.weeks' }));
    return html`<li class="ibd-type" data-type=${t}>
      <h4>${this.typeLabel(t)}</h4>
      ${current
        ? html`<p><strong>${msg(str`Aktuell (Version ${current.version}, seit ${current.effectiveFrom}${weeks(current)}):`, { id: 'admin.ibd.current' })}</strong> <span class="ibd-current">${current.text}</span></p>`
        : html`<p class="secondary">${msg('Kein eigener Text: es gilt der Standardtext.', { id: 'admin.ibd.fallback' })}</p>`}
      ${upcoming.length
        ? html`<p>${msg('Geplant:', { id: 'admin.ibd.upcoming' })}</p>
            <ul class="ibd-upcoming">${upcoming.map((v) => html`<li>${msg(str`ab ${v.effectiveFrom}${weeks(v)}`, { id: 'admin.ibd.from' })}: ${v.text}</li>`)}</ul>`
        : nothing}
    </li>`;
  }

  render() {
    const d = this.draft;
    const values = { weeks: d.weeks.trim(), jobcenter: this.jobcenterName, phone: this.phone };
    return html`<h3>${msg('Bearbeitungsdauer (IBD)', { id: 'admin.tab.ibd' })}</h3>
      ${this.versions ? html`<ul class="plain">${TYPES.map((t) => this.versionsOf(t))}</ul>` : html`<p aria-busy="true">${msg('Wird geladen …', { id: 'admin.ibd.loading' })}</p>`}
      ${this.errors.length
        ? html`<div class="errors ibd-errors" role="alert" tabindex="-1"><h4>${msg('Es gibt Probleme', { id: 'admin.errors' })}</h4>
            <ul>${this.errors.map((e) => html`<li>${e.field ? html`<a class="link" href=${`#ibd-${e.field}`} @click=${(ev: Event) => this.focusField(ev, e.field)}>${e.text}</a>` : e.text}</li>`)}</ul></div>`
        : nothing}
      <form class="ibd-form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
        <fieldset>
          <legend>${msg('Neue Version', { id: 'admin.ibd.new' })}</legend>
          <p class="secondary">${msg('Platzhalter: {weeks}, {jobcenter}, {phone}. Eine neue Version ersetzt die alte ab ihrem Datum.', { id: 'admin.ibd.hint' })}</p>
          <div class="field"><label for="ibd-type">${this.label('type')}</label>
            <select id="ibd-type" class="input" name="type" @change=${(e: Event) => this.input('type', (e.target as HTMLSelectElement).value)}>
              ${TYPES.map((t) => html`<option value=${t} ?selected=${t === d.type}>${this.typeLabel(t)}</option>`)}</select></div>
          ${this.control('text', 'textarea')} ${this.control('textEn', 'textarea')} ${this.control('weeks', 'number')} ${this.control('effectiveFrom', 'date')}
          <div class="ibd-preview panel">
            <h4>${msg('Vorschau', { id: 'admin.theme.preview' })}</h4>
            <p lang="de" class="preview-de">${d.text.trim() ? fillPreview(d.text, values) : msg('(noch kein Text)', { id: 'admin.ibd.empty' })}</p>
            ${d.textEn.trim() ? html`<p lang="en" class="preview-en">${fillPreview(d.textEn, values)}</p>` : nothing}
          </div>
          <button class="button" ?disabled=${this.busy}>${msg('Version speichern', { id: 'admin.ibd.save' })}</button>
        </fieldset>
      </form>
      ${this.saved
        ? html`<div class="panel ibd-saved"><h4>${msg('Gespeichert – so sieht es die antragstellende Person:', { id: 'admin.ibd.savedPreview' })}</h4>
            <p lang="de">${this.saved.preview.de}</p>${this.saved.preview.en ? html`<p lang="en">${this.saved.preview.en}</p>` : nothing}</div>`
        : nothing}`;
  }
}
