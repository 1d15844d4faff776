/** jc-select: a labelled native select taking part in forms. */
import { css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcFormControl, controlStyles } from '../base/jc-form-control.js';

/** One option of a jc-select. */
export interface SelectOption {
  /** Submitted value. */
  value: string;
  /** Visible text. */
  label: string;
  /** Language of the label when it differs from the page (e.g. "العربية"). */
  lang?: string;
}

/**
 * @summary A native `<select>` with label, hint and error message. Options are given as data
 * (`options` property), because slotted `<option>`s cannot reach a select in a shadow root.
 *
 * @event input - (native, composed) the selection changed.
 * @event change - the selection changed.
 * @csspart form-group - the wrapper.
 * @csspart label - the label.
 * @csspart hint - the hint.
 * @csspart error-message - the error message.
 * @csspart select - the native select.
 */
@customElement('jc-select')
@localized()
export class JcSelect extends JcFormControl {
  static override styles = [
    JcFormControl.styles,
    controlStyles,
    css`
      .field {
        width: auto;
        min-width: min(100%, 12rem);
      }
    `,
  ];

  /** Selected value. */
  @property() value = '';
  /** The options. */
  @property({ attribute: false }) options: SelectOption[] = [];
  /** Autocomplete token, e.g. `language`. */
  @property() autocomplete?: string;

  private defaultValue = '';
  @query('select') private select?: HTMLSelectElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.defaultValue = this.value;
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
    return this.select;
  }

  override render() {
    const describedBy = this.describedBy();
    return html`
      <div part="form-group" class="group ${this.error ? 'group--error' : ''}">
        <label part="label" class="label" for="input">${this.label}</label>
        ${this.renderHint()} ${this.renderError()}
        <select
          part="select"
          class="field"
          id="input"
          autocomplete=${ifDefined(this.autocomplete)}
          aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${this.error ? 'true' : 'false'}
          ?disabled=${this.disabled}
          .value=${live(this.value)}
          @input=${this.onInput}
          @change=${this.redispatchChange}
        >
          ${this.options.map(
            (o) =>
              html`<option value=${o.value} lang=${ifDefined(o.lang)} ?selected=${o.value === this.value}>
                ${o.label}
              </option>`,
          )}
        </select>
      </div>
    `;
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-select': JcSelect;
  }
}
