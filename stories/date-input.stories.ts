/** Stories of jc-date-input. */
import { html } from 'lit';
import '../components/date-input/date-input.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-date-input', component: 'jc-date-input' } satisfies Meta;

/** Empty. */
export const Empty: Story = {
  render: () => html`<jc-date-input label="Geburtsdatum" hint="Zum Beispiel 27 3 1985"></jc-date-input>`,
};
/** Filled. */
export const Filled: Story = {
  render: () =>
    html`<jc-date-input
      label="Geburtsdatum"
      hint="Zum Beispiel 27 3 1985"
      value="1985-03-27"
    ></jc-date-input>`,
};
/** With an error. */
export const WithError: Story = {
  render: () =>
    html`<jc-date-input
      label="Geburtsdatum"
      hint="Zum Beispiel 27 3 1985"
      value="1985-13-40"
      error="Das Geburtsdatum muss ein echtes Datum sein, zum Beispiel 27 3 1985"
    ></jc-date-input>`,
};
