/** jc-date-input: a memorable date (e.g. date of birth) as three fields day / month / year. */
import { html } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcFormControl, controlStyles } from '../base/jc-form-control.js';
import { dateInputStyles } from './date-input.styles.js';

type Part = 'day' | 'month' | 'year';

/** Builds the ISO value: `YYYY-MM-DD` when the parts look complete, else the raw parts (invalid). */
export function joinDate(day: string, month: string, year: string): string {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (!d && !m && !y) return '';
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return `${y}-${m}-${d}`;
}

/**
 * @summary Date input in the GOV.UK pattern: a fieldset with a legend, a hint with an example and
 * three numeric text inputs (Tag, Monat, Jahr) with `bday-*` autocomplete.
 *
 * Chosen over `<input type="date">` for memorable dates: native date pickers are hard to use with
 * screen readers and magnifiers, make people scroll back decades for a birth date, and render and
 * validate differently per browser; three plain fields are typed quickly and autofilled.
 * The value is an ISO date `YYYY-MM-DD` (or the raw parts when incomplete, which fails validation).
 *
 * @event input - (native, composed) one of the parts changed.
 * @event change - one of the parts was committed.
 * @csspart form-group - the wrapper.
 * @csspart legend - the legend.
 * @csspart hint - the hint.
 * @csspart error-message - the error message.
 * @csspart input - each of the three inputs.
 */
@customElement('jc-date-input')
@localized()
export class JcDateInput extends JcFormControl {
  static override styles = [JcFormControl.styles, controlStyles, dateInputStyles];

  /** Autocomplete prefix: `bday` gives `bday-day`, `bday-month`, `bday-year`; empty for none. */
  @property() autocomplete = 'bday';

  private day = '';
  private month = '';
  private year = '';
  private defaultValue = '';
  @queryAll('input') private inputs!: NodeListOf<HTMLInputElement>;

  /** ISO date `YYYY-MM-DD`; setting it fills the three parts. */
  @property()
  get value(): string {
    return joinDate(this.day, this.month, this.year);
  }
  set value(v: string) {
    const old = this.value;
    const [y = '', m = '', d = ''] = (v ?? '').split('-');
    this.year = y;
    this.month = /^\d{4}$/.test(y) ? m.replace(/^0(?=\d)/, '') : m;
    this.day = /^\d{4}$/.test(y) ? d.replace(/^0(?=\d)/, '') : d;
    this.requestUpdate('value', old);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.defaultValue = this.value;
  }

  /** Focuses the first empty part (or the day), as GOV.UK does when an error link is followed. */
  override focus(options?: FocusOptions): void {
    const inputs = [...(this.inputs ?? [])];
    (inputs.find((i) => i.value.trim() === '') ?? inputs[0])?.focus(options);
  }

  protected get formValue(): string | null {
    return this.value;
  }
  protected get isEmpty(): boolean {
    return this.value === '';
  }
  protected resetValue(): void {
    this.value = this.defaultValue;
  }
  protected get validationAnchor(): HTMLElement | undefined {
    return this.inputs?.[0];
  }

  override render() {
    const describedBy = this.describedBy();
    return html`
      <div part="form-group" class="group ${this.error ? 'group--error' : ''}">
        <fieldset aria-describedby=${ifDefined(describedBy)}>
          <legend part="legend" class="label">${this.label}</legend>
          ${this.renderHint()} ${this.renderError()}
          <div class="parts">
            ${this.renderPart('day', msg('Tag', { id: 'date.day' }), this.day)}
            ${this.renderPart('month', msg('Monat', { id: 'date.month' }), this.month)}
            ${this.renderPart('year', msg('Jahr', { id: 'date.year' }), this.year)}
          </div>
        </fieldset>
      </div>
    `;
  }

  private renderPart(part: Part, label: string, value: string) {
    return html`
      <div class="part part--${part}">
        <label class="label" for=${part}>${label}</label>
        <input
          part="input"
          class="field"
          id=${part}
          type="text"
          inputmode="numeric"
          spellcheck="false"
          autocomplete=${ifDefined(this.autocomplete ? `${this.autocomplete}-${part}` : undefined)}
          .value=${live(value)}
          aria-invalid=${this.error ? 'true' : 'false'}
          ?disabled=${this.disabled}
          @input=${(e: Event) => this.onInput(part, e)}
          @change=${this.redispatchChange}
          @keydown=${this.submitOnEnter}
        />
      </div>
    `;
  }

  private onInput(part: Part, event: Event): void {
    const old = this.value;
    this[part] = (event.target as HTMLInputElement).value;
    this.requestUpdate('value', old);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-date-input': JcDateInput;
  }
}
