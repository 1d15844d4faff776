/** jc-text-field: a labelled single-line text input taking part in forms. */
import { html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcFormControl, controlStyles } from '../base/jc-form-control.js';
import { textFieldStyles } from './text-field.styles.js';

/** Input types the field supports. */
export type TextFieldType = 'text' | 'email' | 'tel' | 'password' | 'url' | 'search';

/**
 * @summary Text input with label, hint and error message (GOV.UK text input pattern).
 *
 * The hint and the error message are linked to the input with `aria-describedby`; an error sets
 * `aria-invalid`. Enter submits the owning form. Focusing the element focuses the input.
 *
 * @event input - (native, composed) the value changed.
 * @event change - the value was committed.
 * @csspart form-group - the wrapper (gets the error border).
 * @csspart label - the label.
 * @csspart hint - the hint.
 * @csspart error-message - the error message.
 * @csspart input - the native input.
 * @cssproperty --jc-color-border - input border.
 * @cssproperty --jc-color-error - error text and border.
 */
@customElement('jc-text-field')
@localized()
export class JcTextField extends JcFormControl {
  static override styles = [JcFormControl.styles, controlStyles, textFieldStyles];

  /** Current value. */
  @property() value = '';
  /** Input type. */
  @property() type: TextFieldType = 'text';
  /** Autocomplete token (WCAG 1.3.5), e.g. `given-name`, `postal-code`, `new-password`. */
  @property() autocomplete?: string;
  /** Virtual keyboard hint, e.g. `numeric`, `email`, `tel`. */
  @property() inputmode?: string;
  /** Maximum number of characters. */
  @property({ type: Number }) maxlength?: number;
  /** Several lines (a `<textarea>`, GOV.UK textarea); Enter then starts a new line. */
  @property({ type: Boolean }) multiline = false;
  /** Width preset in characters: `2`, `4`, `5`, `10`, `20`; full width when unset. */
  @property({ reflect: true }) width?: '2' | '4' | '5' | '10' | '20';

  /** Value at first connection, restored on form reset. */
  private defaultValue = '';
  @query('.field') private input?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.defaultValue = this.value;
  }

  /** Selects the text of the input. */
  select(): void {
    this.input?.select();
  }

  protected get formValue(): string | null {
    return this.value;
  }
  protected get isEmpty(): boolean {
    return this.value.trim() === '';
  }
  protected resetValue(): void {
    this.value = this.defaultValue;
  }
  protected get validationAnchor(): HTMLElement | undefined {
    return this.input;
  }

  override render() {
    const describedBy = this.describedBy();
    return html`
      <div part="form-group" class="group ${this.error ? 'group--error' : ''}">
        <label part="label" class="label" for="input">${this.label}</label>
        ${this.renderHint()} ${this.renderError()}
        ${
          this.multiline
            ? html`<textarea
                part="input"
                class="field"
                id="input"
                rows="5"
                .value=${live(this.value)}
                autocomplete=${ifDefined(this.autocomplete)}
                maxlength=${ifDefined(this.maxlength)}
                aria-describedby=${ifDefined(describedBy)}
                aria-invalid=${this.error ? 'true' : 'false'}
                ?disabled=${this.disabled}
                @input=${this.onInput}
                @change=${this.redispatchChange}
              ></textarea>`
            : html`<input
                part="input"
                class="field"
                id="input"
                .type=${this.type}
                .value=${live(this.value)}
                autocomplete=${ifDefined(this.autocomplete)}
                inputmode=${ifDefined(this.inputmode)}
                maxlength=${ifDefined(this.maxlength)}
                autocapitalize=${ifDefined(this.type === 'email' || this.type === 'password' ? 'none' : undefined)}
                spellcheck="false"
                aria-describedby=${ifDefined(describedBy)}
                aria-invalid=${this.error ? 'true' : 'false'}
                ?disabled=${this.disabled}
                @input=${this.onInput}
                @change=${this.redispatchChange}
                @keydown=${this.submitOnEnter}
              />`
        }
      </div>
    `;
  }

  private onInput(event: Event): void {
    this.value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-text-field': JcTextField;
  }
}
