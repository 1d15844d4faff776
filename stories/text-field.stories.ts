/** Stories of jc-text-field. */
import { html } from 'lit';
import '../components/text-field/text-field.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-text-field', component: 'jc-text-field' } satisfies Meta;

/** Empty, with a hint. */
export const Empty: Story = {
  render: () =>
    html`<jc-text-field
      label="Postleitzahl"
      hint="5 Ziffern"
      autocomplete="postal-code"
      inputmode="numeric"
      width="5"
    ></jc-text-field>`,
};

/** Filled. */
export const Filled: Story = {
  render: () => html`<jc-text-field label="Vorname" autocomplete="given-name" value="Erika"></jc-text-field>`,
};

/** With an error message. */
export const WithError: Story = {
  render: () =>
    html`<jc-text-field
      label="Postleitzahl"
      hint="5 Ziffern"
      value="123"
      width="5"
      error="Geben Sie Ihre Postleitzahl mit 5 Ziffern ein"
    ></jc-text-field>`,
};

/** Password. */
export const Password: Story = {
  render: () =>
    html`<jc-text-field
      label="Passwort"
      type="password"
      autocomplete="new-password"
      hint="mindestens 12 Zeichen"
    ></jc-text-field>`,
};
