/** JcFormControl: the form-associated base of jc-text-field, jc-checkbox, jc-select and jc-date-input. */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { JcElement } from './jc-element.js';

/**
 * Base for form controls built on `ElementInternals`: the element itself takes part in the
 * surrounding `<form>` (FormData, reset, disabled fieldsets, validity), the native control lives in
 * its shadow root. Forms using these controls set `novalidate` and validate on submit (GOV.UK):
 * `error` is the message the form decided to show; `required` only feeds `validity.valueMissing`.
 */
export abstract class JcFormControl extends JcElement {
  /** Marks the element as form-associated (ElementInternals). */
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** Form internals: value, validity, form owner. */
  protected readonly internals: ElementInternals;

  /** Name of the value in the form data. */
  @property({ reflect: true }) name = '';
  /** Visible label (for a group: the legend). */
  @property() label = '';
  /** Hint below the label. */
  @property() hint = '';
  /** Error message to show; non-empty makes the control invalid (`aria-invalid`, `customError`). */
  @property() error = '';
  /** A value is required (sets `validity.valueMissing`; the message comes from the form). */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Disables the control; also set by a disabled `<fieldset>`. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** Value submitted with the form (null = not submitted). */
  protected abstract get formValue(): string | null;
  /** True when the control holds no answer (for `valueMissing`). */
  protected abstract get isEmpty(): boolean;
  /** Restores the value the control had when the page loaded (form reset). */
  protected abstract resetValue(): void;
  /** Native element the browser points to when it reports validity. */
  protected abstract get validationAnchor(): HTMLElement | undefined;

  /** The form owner. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** Validity state kept by the internals. */
  get validity(): ValidityState {
    return this.internals.validity;
  }
  /** Current validation message. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  /** Checks validity (fires `invalid` when invalid). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  /** Checks validity and reports it. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Called by the browser when the owning form is reset. */
  formResetCallback(): void {
    this.error = '';
    this.resetValue();
  }
  /** Called by the browser when an ancestor fieldset is (un)disabled. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue);
    const anchor = this.validationAnchor;
    if (this.error) this.internals.setValidity({ customError: true }, this.error, anchor);
    else if (this.required && this.isEmpty)
      this.internals.setValidity(
        { valueMissing: true },
        msg('Dieses Feld ist erforderlich', { id: 'control.required' }),
        anchor,
      );
    else this.internals.setValidity({});
  }

  /** Implicit submission: Enter in a field submits the owning form, as in a light-DOM form. */
  protected submitOnEnter(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented) return;
    const form = this.internals.form;
    if (!form) return;
    event.preventDefault();
    form.requestSubmit();
  }

  /** Ids for `aria-describedby` of the native control: hint and error message, if shown. */
  protected describedBy(errorFirst = false): string | undefined {
    const ids = [this.hint ? 'hint' : '', this.error ? 'error' : ''];
    return (errorFirst ? ids.reverse() : ids).filter(Boolean).join(' ') || undefined;
  }

  /** The hint below the label (id `hint`). */
  protected renderHint() {
    return this.hint ? html`<div part="hint" class="hint" id="hint">${this.hint}</div>` : nothing;
  }

  /** The error message (id `error`), prefixed "Fehler:" for screen readers. */
  protected renderError() {
    return this.error
      ? html`<p part="error-message" class="error" id="error">
          <span class="visually-hidden">${msg('Fehler:', { id: 'control.errorPrefix' })}</span>
          ${this.error}
        </p>`
      : nothing;
  }

  /** `change` is not composed: re-dispatch it from the host so the page can listen. */
  protected redispatchChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** Layout shared by the controls: form group, label, hint, error message, error border. */
export const controlStyles = css`
  .group {
    margin: 0;
  }
  .group--error {
    padding-inline-start: var(--_space-m);
    border-inline-start: 5px solid var(--_error);
  }
  .label {
    display: block;
    margin-bottom: var(--_space-xs);
    font-weight: var(--_bold);
  }
  .hint {
    display: block;
    margin-bottom: var(--_space-s);
    color: var(--_text-secondary);
  }
  .error {
    display: block;
    margin: 0 0 var(--_space-s);
    color: var(--_error);
    font-weight: var(--_bold);
  }
  .field {
    display: block;
    width: 100%;
    max-width: var(--_field-width, 100%);
    min-height: 2.75rem;
    margin: 0;
    padding: var(--_space-xs) var(--_space-s);
    border: var(--_border-width) solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  .field:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .field[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .field:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    .group--error {
      border-inline-start-color: CanvasText;
    }
    .field[aria-invalid='true'] {
      border-style: dashed;
    }
  }
`;
