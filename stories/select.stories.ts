/** Stories of jc-select. */
import { html } from 'lit';
import '../components/select/select.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-select', component: 'jc-select' } satisfies Meta;

const OPTIONS = [
  { value: 'de', label: 'Deutsch' },
  { value: 'en', label: 'Englisch – English' },
  { value: 'ar', label: 'Arabisch – العربية' },
];

/** Default selection. */
export const Empty: Story = {
  render: () => html`<jc-select label="Sprache" autocomplete="language" .options=${OPTIONS}></jc-select>`,
};
/** A value chosen. */
export const Filled: Story = {
  render: () => html`<jc-select label="Sprache" value="ar" .options=${OPTIONS}></jc-select>`,
};
/** With an error. */
export const WithError: Story = {
  render: () =>
    html`<jc-select label="Sprache" .options=${OPTIONS} error="Wählen Sie eine Sprache aus"></jc-select>`,
};
