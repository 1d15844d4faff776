/** jc-choice-group: radios (one answer) or checkboxes (several) under one legend, taking part in forms. */
import { html } from 'lit';
import { property, queryAll } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { localized, msg } from '@lit/localize';
import { customElement } from '../base/define.js';
import { JcFormControl, controlStyles } from '../base/jc-form-control.js';
import { choiceGroupStyles } from './choice-group.styles.js';

/** One choice. */
export interface ChoiceOption {
  /** Submitted value. */
  value: string;
  /** Visible text. */
  label: string;
}

/**
 * @summary GOV.UK radios or checkboxes: a fieldset whose legend is the question, a hint, an error
 * message and native inputs. Radios: arrow keys move the choice, Space picks, Tab leaves the group.
 * Checkboxes: Space ticks. Enter submits the owning form. Focusing the element focuses the chosen
 * (or first) input, so error summary links land in the group.
 *
 * @event input - (native, composed) the choice changed; read `value` (radios) or `values` (checkboxes).
 * @event change - the choice changed.
 * @csspart form-group - the wrapper (gets the error border).
 * @csspart legend - the legend.
 * @csspart hint - the hint.
 * @csspart error-message - the error message.
 * @csspart control - each native input.
 * @csspart label - each option label.
 * @cssproperty --jc-color-primary - accent colour of the chosen input.
 */
@customElement('jc-choice-group')
@localized()
export class JcChoiceGroup extends JcFormControl {
  static override styles = [JcFormControl.styles, controlStyles, choiceGroupStyles];

  /** The choices. */
  @property({ attribute: false }) options: ChoiceOption[] = [];
  /** Checkboxes (several answers) instead of radios. */
  @property({ type: Boolean }) multiple = false;
  /** Options side by side (for two short ones, e.g. Ja/Nein). */
  @property({ type: Boolean, reflect: true }) inline = false;
  /** The chosen value (radios); empty for none. */
  @property() value = '';
  /** The ticked values (checkboxes). */
  @property({ attribute: false }) values: string[] = [];

  @queryAll('input') private inputs!: NodeListOf<HTMLInputElement>;

  /** Focuses the chosen input, else the first. */
  override focus(options?: FocusOptions): void {
    const all = [...(this.inputs ?? [])];
    (all.find((i) => i.checked) ?? all[0])?.focus(options);
  }

  protected get formValue(): string | null {
    if (!this.multiple) return this.value || null;
    return this.values.join(',') || null;
  }
  protected get isEmpty(): boolean {
    return this.multiple ? this.values.length === 0 : this.value === '';
  }
  protected resetValue(): void {
    this.value = '';
    this.values = [];
  }
  protected get validationAnchor(): HTMLElement | undefined {
    return this.inputs?.[0];
  }

  override render() {
    const describedBy = this.describedBy();
    const type = this.multiple ? 'checkbox' : 'radio';
    return html`
      <div part="form-group" class="group ${this.error ? 'group--error' : ''}">
        <fieldset aria-describedby=${ifDefined(describedBy)}>
          <legend part="legend" class="label">${this.label}</legend>
          ${this.renderHint()} ${this.renderError()}
          <div class="items">
            ${this.options.map(
              (o, i) =>
                html`<div class="item">
                  <input
                    part="control"
                    class="box"
                    type=${type}
                    id="o${i}"
                    name="choice"
                    .value=${o.value}
                    .checked=${live(this.multiple ? this.values.includes(o.value) : this.value === o.value)}
                    aria-invalid=${this.error ? 'true' : 'false'}
                    ?disabled=${this.disabled}
                    @input=${this.onInput}
                    @change=${this.redispatchChange}
                    @keydown=${this.submitOnEnter}
                  />
                  <label part="label" class="label" for="o${i}">${o.label}</label>
                </div>`,
            )}
          </div>
        </fieldset>
      </div>
    `;
  }

  private onInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (!this.multiple) this.value = input.value;
    else
      this.values = this.options
        .map((o) => o.value)
        .filter((v) => (v === input.value ? input.checked : this.values.includes(v)));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jc-choice-group': JcChoiceGroup;
  }
}
