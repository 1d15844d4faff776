/** Renders field definitions as jc-* controls bound to a FormStateController (the form engine's view). */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FormStateController } from '../controllers/form-state.js';
import { FIELD_EXPORTPARTS } from '../base/shared.styles.js';
import type { FieldDef, FieldGroup } from './tda-fields.js';
import '../text-field/text-field.js';
import '../date-input/date-input.js';
import '../select/select.js';
import '../checkbox/checkbox.js';

type Form = FormStateController<Record<string, string | boolean>>;

/** One field as its control; the control's id is the field name (error summary links). */
export function renderField(f: FieldDef, form: Form) {
  const value = form.values[f.name];
  const error = form.errors[f.name] ?? '';
  const hint = f.hint?.() ?? '';
  switch (f.kind) {
    case 'date':
      return html`<jc-date-input
        id=${f.name}
        name=${f.name}
        exportparts=${FIELD_EXPORTPARTS}
        autocomplete=${f.autocomplete ?? ''}
        .label=${f.label()}
        .hint=${hint}
        .value=${String(value ?? '')}
        .error=${error}
      ></jc-date-input>`;
    case 'select':
      return html`<jc-select
        id=${f.name}
        name=${f.name}
        exportparts=${FIELD_EXPORTPARTS}
        autocomplete=${ifDefined(f.autocomplete)}
        .label=${f.label()}
        .hint=${hint}
        .options=${f.options?.() ?? []}
        .value=${String(value ?? '')}
        .error=${error}
      ></jc-select>`;
    case 'checkbox':
      return html`<jc-checkbox
        id=${f.name}
        name=${f.name}
        exportparts=${FIELD_EXPORTPARTS}
        .label=${f.label()}
        .hint=${hint}
        .checked=${value === true}
        .error=${error}
      ></jc-checkbox>`;
    default:
      return html`<jc-text-field
        id=${f.name}
        name=${f.name}
        exportparts=${FIELD_EXPORTPARTS}
        type=${f.type ?? 'text'}
        autocomplete=${ifDefined(f.autocomplete)}
        inputmode=${ifDefined(f.inputmode)}
        width=${ifDefined(f.width)}
        maxlength=${ifDefined(f.maxlength)}
        .label=${f.label()}
        .hint=${hint}
        .value=${String(value ?? '')}
        .error=${error}
      ></jc-text-field>`;
  }
}

/** A group: a fieldset with legend, or the bare fields. */
export function renderGroup(g: FieldGroup, form: Form) {
  const fields = g.fields.map((f) => renderField(f, form));
  if (!g.legend) return fields;
  return html`<fieldset part="fieldset" class="fieldset">
    <legend part="legend">${g.legend()}</legend>
    ${fields}
  </fieldset>`;
}
