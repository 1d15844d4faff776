/** Stories of jc-checkbox. */
import { html } from 'lit';
import '../components/checkbox/checkbox.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-checkbox', component: 'jc-checkbox' } satisfies Meta;

const LABEL = 'Ich beantrage Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II.';

/** Not ticked. */
export const Empty: Story = { render: () => html`<jc-checkbox label=${LABEL}></jc-checkbox>` };
/** Ticked. */
export const Checked: Story = { render: () => html`<jc-checkbox label=${LABEL} checked></jc-checkbox>` };
/** With an error. */
export const WithError: Story = {
  render: () =>
    html`<jc-checkbox
      label=${LABEL}
      hint="Mit dem Absenden ist Ihr Antrag gestellt."
      error="Bestätigen Sie, dass Sie Leistungen nach dem SGB II beantragen"
    ></jc-checkbox>`,
};
