/** Stories of jc-error-summary (with the fields it links to). */
import { html } from 'lit';
import '../components/error-summary/error-summary.js';
import '../components/text-field/text-field.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-error-summary', component: 'jc-error-summary' } satisfies Meta;

/** Two field errors and one form-wide problem. */
export const Errors: Story = {
  render: () => html`
    <jc-error-summary
      .errors=${[
        { field: 'firstName', message: 'Geben Sie Ihren Vornamen ein' },
        { field: 'postalCode', message: 'Geben Sie Ihre Postleitzahl mit 5 Ziffern ein' },
        { message: 'Keine Verbindung zum Server.' },
      ]}
    ></jc-error-summary>
    <jc-text-field id="firstName" label="Vorname" error="Geben Sie Ihren Vornamen ein"></jc-text-field>
    <jc-text-field
      id="postalCode"
      label="Postleitzahl"
      width="5"
      error="Geben Sie Ihre Postleitzahl mit 5 Ziffern ein"
    ></jc-text-field>
  `,
};

/** No errors: renders nothing. */
export const Empty: Story = { render: () => html`<jc-error-summary></jc-error-summary>` };
