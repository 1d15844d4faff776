/** jc-checkbox: one labelled checkbox taking part in forms (e.g. a declaration). */
import { html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcFormControl, controlStyles } from '../base/jc-form-control.js';
import { checkboxStyles } from './checkbox.styles.js';

/**
 * @summary A single native checkbox with label, hint and error message. Space toggles it, Enter
 * submits the owning form.
 *
 * @event input - (native, composed) the checked state changed.
 * @event change - the checked state changed.
 * @csspart form-group - the wrapper (gets the error border).
 * @csspart control - the native checkbox.
 * @csspart label - the label.
 * @csspart hint - the hint.
 * @csspart error-message - the error message.
 * @cssproperty --jc-color-primary - accent colour of the checked box.
 */
@customElement('jc-checkbox')
@localized()
export class JcCheckbox extends JcFormControl {
  static override styles = [JcFormControl.styles, controlStyles, checkboxStyles];

  /** Whether the box is checked. */
  @property({ type: Boolean }) checked = false;
  /** Value submitted when checked. */
  @property() value = 'on';

  private defaultChecked = false;
  @query('input') private input?: HTMLInputElement;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) this.defaultChecked = this.checked;
  }

  protected get formValue(): string | null {
    return this.checked ? this.value : null;
  }
  protected get isEmpty(): boolean {
    return !this.checked;
  }
  protected resetValue(): void {
    this.checked = this.defaultChecked;
  }
  protected get validationAnchor(): HTMLElement | undefined {
    return this.input;
  }

  override render() {
    const describedBy = this.describedBy(true);
    return html`
      <div part="form-group" class="group ${this.error ? 'group--error' : ''}">
        ${this.renderError()}
        <div class="item">
          <input
            part="control"
            class="box"
            type="checkbox"
            id="input"
            .checked=${live(this.checked)}
            aria-describedby=${ifDefined(describedBy)}
            aria-invalid=${this.error ? 'true' : 'false'}
            ?disabled=${this.disabled}
            @input=${this.onInput}
            @change=${this.redispatchChange}
            @keydown=${this.submitOnEnter}
          />
          <label part="label" class="label" for="input">${this.label}</label>
        </div>
        ${this.renderHint()}
      </div>
    `;
  }

  private onInput(event: Event): void {
    this.checked = (event.target as HTMLInputElement).checked;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-checkbox': JcCheckbox;
  }
}
