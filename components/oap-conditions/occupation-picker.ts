/**
 * The desired-occupation picker: an ARIA 1.2 combobox (input + listbox) over the seeded catalogue with
 * umlaut folding (domain/forms/occupations.ts), and the chosen occupations as a list with "Entfernen".
 * Keyboard: ↓/↑ move through the suggestions, Enter picks, Escape closes; the count is announced.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { occupationByCode, searchOccupations, type Occupation } from '../../domain/forms/occupations.js';
import { activeLocale } from '../locales/localization.js';

/** What the picker shows and reports. */
export interface PickerModel {
  /** Field id (the error summary links here). */
  id: string;
  label: string;
  hint: string;
  error?: string;
  query: string;
  /** Index of the active suggestion, -1 for none. */
  active: number;
  open: boolean;
  chosen: string[];
  announcement: string;
  onQuery(q: string): void;
  onActive(i: number, open: boolean): void;
  onPick(o: Occupation): void;
  onRemove(code: string): void;
}

/** The suggestions for a query, without the ones already chosen. */
export const suggestions = (query: string, chosen: readonly string[]) =>
  searchOccupations(query, 10).filter((o) => !chosen.includes(o.code));

/** The label of an occupation in the UI language. */
export const occupationLabel = (o: Occupation) => o.label[activeLocale()];

/** The picker. */
export function occupationPicker(m: PickerModel) {
  const list = m.query.trim() ? suggestions(m.query, m.chosen) : [];
  const expanded = m.open && list.length > 0;
  const optionId = (i: number) => `${m.id}-option-${i}`;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!list.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      m.onActive(m.open ? (m.active + step + list.length) % list.length : 0, true);
    } else if (e.key === 'Enter' && expanded && m.active >= 0) {
      e.preventDefault();
      m.onPick(list[m.active]);
    } else if (e.key === 'Escape' && m.open) {
      e.preventDefault();
      m.onActive(-1, false);
    }
  };
  const described = [`${m.id}-hint`, m.error ? `${m.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="picker-field">
      <label for=${m.id}>${m.label}</label>
      <p class="hint" id="${m.id}-hint">${m.hint}</p>
      ${m.error ? html`<p class="error-message" id="${m.id}-error"><span class="visually-hidden">${msg('Fehler:', { id: 'control.errorPrefix' })} </span>${m.error}</p>` : nothing}
      <input
        id=${m.id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="${m.id}-listbox"
        aria-activedescendant=${expanded && m.active >= 0 ? optionId(m.active) : nothing}
        aria-describedby=${described}
        aria-invalid=${m.error ? 'true' : 'false'}
        .value=${m.query}
        @input=${(e: Event) => m.onQuery((e.target as HTMLInputElement).value)}
        @keydown=${onKey}
      />
      <ul
        role="listbox"
        id="${m.id}-listbox"
        aria-label=${msg('Vorschläge', { id: 'oap.occ.suggestions' })}
        ?hidden=${!expanded}
      >
        ${
          expanded
            ? list.map(
                (o, i) =>
                  html`<li
                    role="option"
                    id=${optionId(i)}
                    aria-selected=${i === m.active ? 'true' : 'false'}
                    @mousedown=${(e: Event) => e.preventDefault()}
                    @click=${() => m.onPick(o)}
                  >
                    ${occupationLabel(o)}
                  </li>`,
              )
            : nothing
        }
      </ul>
    </div>
    <h3>${msg(str`Gewählte Berufe (${m.chosen.length})`, { id: 'oap.occ.chosen' })}</h3>
    ${
      m.chosen.length
        ? html`<ul class="chosen">
            ${m.chosen.map((code) => {
              const o = occupationByCode(code);
              const name = o ? occupationLabel(o) : code;
              return html`<li>
                <span>${name}</span>
                <button type="button" class="link" @click=${() => m.onRemove(code)}>
                  ${msg('Entfernen', { id: 'oap.occ.remove' })}<span class="visually-hidden">: ${name}</span>
                </button>
              </li>`;
            })}
          </ul>`
        : html`<p>${msg('Noch kein Beruf gewählt.', { id: 'oap.occ.none' })}</p>`
    }
    <p class="visually-hidden" role="status">${m.announcement}</p>`;
}
