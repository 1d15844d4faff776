/**
 * One question of the form definition as its control: text kinds as jc-text-field, dates as
 * jc-date-input, yes/no and short choices as radios (jc-choice-group), long choices as jc-select,
 * multi as checkboxes, confirmations as jc-checkbox. `allowLater` adds "Weiß ich nicht / reiche ich nach".
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';
import { fill, isLater } from '../../domain/forms/engine-core.js';
import type { Question } from '../../domain/forms/types.js';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import type { TextFieldType } from '../text-field/text-field.js';
import { formatIban, formatMoney, normaliseIban, parseInteger, parseMoney } from './input-format.js';
import '../text-field/text-field.js';
import '../date-input/date-input.js';
import '../select/select.js';
import '../checkbox/checkbox.js';
import '../choice-group/choice-group.js';
import { addEnglish } from '../locales/localization.js';

addEnglish(() => import('../locales/en-ade.js'));

/** What a question needs from the page that shows it. */
export interface QuestionHost {
  lang: 'de' | 'en';
  /** Placeholder values (`{benefitName}`, …). */
  vars: Record<string, string>;
  /** The error message of a field id, if any. */
  error(id: string): string | undefined;
  /** Text typed into a formatted field (money, IBAN, …) while it is being edited. */
  raw: Map<string, string>;
  /** Renders again (after leaving a formatted field). */
  refresh(): void;
}

/** Radios up to this many options; more become a select (GOV.UK). */
export const MAX_RADIOS = 6;

type Setter = (value: unknown) => void;
type Formatted = {
  parse: (t: string, lang: 'de' | 'en') => unknown;
  show: (v: unknown, lang: 'de' | 'en') => string;
};

const FORMATS: Partial<Record<Question['kind'], Formatted>> = {
  money: { parse: parseMoney, show: formatMoney },
  number: { parse: parseInteger, show: (v) => (v === undefined || v === null ? '' : String(v)) },
  iban: { parse: normaliseIban, show: formatIban },
  taxId: { parse: (t) => t.replace(/\s+/g, ''), show: (v) => String(v ?? '') },
  rvnr: { parse: (t) => t.replace(/\s+/g, '').toUpperCase(), show: (v) => String(v ?? '') },
};

/** Input settings of the single-line kinds. */
function inputOf(q: Question): { type?: TextFieldType; inputmode?: string; width?: '5' | '10' | '20' } {
  switch (q.kind) {
    case 'money':
      return { inputmode: 'decimal', width: '10' };
    case 'number':
    case 'plz':
      return { inputmode: 'numeric', width: '5' };
    case 'taxId':
      return { inputmode: 'numeric', width: '20' };
    case 'rvnr':
      return { width: '20' };
    case 'email':
      return { type: 'email', inputmode: 'email' };
    case 'phone':
      return { type: 'tel', width: '20' };
    default:
      return {};
  }
}

function defaultHint(q: Question): string {
  if (q.kind === 'money') return msg('Betrag in Euro, zum Beispiel 1.234,56', { id: 'q.money.hint' });
  if (q.kind === 'date')
    return q.date === 'future'
      ? msg('Zum Beispiel 1 4 2026', { id: 'q.date.hint' })
      : msg('Zum Beispiel 27 3 1985', { id: 'tda.birthDate.hint' });
  return '';
}

function control(h: QuestionHost, q: Question, id: string, value: unknown, set: Setter): TemplateResult {
  const label = fill(q.label, h.lang, h.vars);
  const hint = [q.hint ? fill(q.hint, h.lang, h.vars) : '', defaultHint(q)].filter(Boolean).join(' ');
  const error = h.error(id) ?? '';
  const v = isLater(value) ? undefined : value;
  const options = (q.options ?? []).map((o) => ({ value: o.value, label: fill(o.label, h.lang, h.vars) }));
  const pick = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  switch (q.kind) {
    case 'yesno':
      if (q.accept)
        return html`<jc-checkbox
          id=${id}
          exportparts=${FIELD_EXPORTPARTS}
          .label=${label}
          .hint=${hint}
          .checked=${v === true}
          .error=${error}
          @input=${(e: Event) => set((e.currentTarget as HTMLInputElement).checked)}
        ></jc-checkbox>`;
      return html`<jc-choice-group
        id=${id}
        exportparts=${FIELD_EXPORTPARTS}
        inline
        .label=${label}
        .hint=${hint}
        .options=${[
          { value: 'true', label: msg('Ja', { id: 'q.yes' }) },
          { value: 'false', label: msg('Nein', { id: 'q.no' }) },
        ]}
        .value=${v === true ? 'true' : v === false ? 'false' : ''}
        .error=${error}
        @input=${(e: Event) => set(pick(e) === 'true')}
      ></jc-choice-group>`;
    case 'choice':
      if (options.length > MAX_RADIOS)
        return html`<jc-select
          id=${id}
          exportparts=${FIELD_EXPORTPARTS}
          .label=${label}
          .hint=${hint}
          .options=${[{ value: '', label: msg('Bitte auswählen', { id: 'q.choose' }) }, ...options]}
          .value=${String(v ?? '')}
          .error=${error}
          @input=${(e: Event) => set(pick(e))}
        ></jc-select>`;
      return html`<jc-choice-group
        id=${id}
        exportparts=${FIELD_EXPORTPARTS}
        .label=${label}
        .hint=${hint}
        .options=${options}
        .value=${String(v ?? '')}
        .error=${error}
        @input=${(e: Event) => set(pick(e))}
      ></jc-choice-group>`;
    case 'multi':
      return html`<jc-choice-group
        id=${id}
        exportparts=${FIELD_EXPORTPARTS}
        multiple
        .label=${label}
        .hint=${hint || msg('Wählen Sie alles aus, was zutrifft.', { id: 'q.multi.hint' })}
        .options=${options}
        .values=${Array.isArray(v) ? (v as string[]) : []}
        .error=${error}
        @input=${(e: Event) => set([...(e.currentTarget as unknown as { values: string[] }).values])}
      ></jc-choice-group>`;
    case 'date':
      return html`<jc-date-input
        id=${id}
        exportparts=${FIELD_EXPORTPARTS}
        autocomplete=${q.autocomplete === 'bday' ? 'bday' : ''}
        .label=${label}
        .hint=${hint}
        .value=${String(v ?? '')}
        .error=${error}
        @input=${(e: Event) => set(pick(e))}
      ></jc-date-input>`;
    default: {
      const f = FORMATS[q.kind];
      const shown = h.raw.get(id) ?? (f ? f.show(v, h.lang) : String(v ?? ''));
      const input = inputOf(q);
      const onInput = (e: Event) => {
        const text = pick(e);
        if (f) h.raw.set(id, text);
        set(f ? f.parse(text, h.lang) : text);
      };
      // Leaving the field shows the value as read ("1.234,56"), or the text as typed when unreadable.
      const onChange = () => {
        h.raw.delete(id);
        h.refresh();
      };
      return html`<jc-text-field
        id=${id}
        exportparts=${FIELD_EXPORTPARTS}
        ?multiline=${q.kind === 'textarea'}
        type=${input.type ?? 'text'}
        inputmode=${ifDefined(input.inputmode)}
        width=${ifDefined(input.width)}
        autocomplete=${ifDefined(q.autocomplete ?? (f ? 'off' : undefined))}
        .label=${label}
        .hint=${hint}
        .value=${shown}
        .error=${error}
        @input=${onInput}
        @change=${onChange}
      ></jc-text-field>`;
    }
  }
}

/** A question with its control and, when allowed, the "reiche ich nach" box. */
export function renderQuestion(
  h: QuestionHost,
  q: Question,
  id: string,
  value: unknown,
  set: Setter,
): TemplateResult {
  const main = control(h, q, id, value, set);
  if (!q.allowLater) return html`<div class="question">${main}</div>`;
  return html`<div class="question" role="group" aria-label=${fill(q.label, h.lang, h.vars)}>
    ${main}
    <jc-checkbox
      class="later"
      id="${id}.later"
      exportparts=${FIELD_EXPORTPARTS}
      .label=${msg('Weiß ich nicht / reiche ich nach', { id: 'q.later' })}
      .hint=${msg('Sie können den Antrag trotzdem absenden. Wir erinnern Sie daran.', { id: 'q.later.hint' })}
      .checked=${isLater(value)}
      @input=${(e: Event) => {
        h.raw.delete(id);
        set((e.currentTarget as HTMLInputElement).checked ? { later: true } : '');
      }}
    ></jc-checkbox>
  </div>`;
}
