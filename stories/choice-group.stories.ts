/** Stories of jc-choice-group: radios and checkboxes, inline, with an error. */
import { html } from 'lit';
import '../components/choice-group/choice-group.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Controls/jc-choice-group', component: 'jc-choice-group' } satisfies Meta;

const YES_NO = [
  { value: 'true', label: 'Ja' },
  { value: 'false', label: 'Nein' },
];
const INCOME = [
  { value: 'employment', label: 'Lohn oder Gehalt' },
  { value: 'minijob', label: 'Minijob' },
  { value: 'none', label: 'kein Einkommen' },
];

/** Yes/no as inline radios. */
export const YesNo: Story = {
  render: () =>
    html`<jc-choice-group label="Wohnen Sie allein?" inline .options=${YES_NO}></jc-choice-group>`,
};

/** Radios with a hint, one chosen. */
export const Radios: Story = {
  render: () =>
    html`<jc-choice-group
      label="Wie wohnen Sie?"
      hint="Wählen Sie eine Möglichkeit."
      value="rent"
      .options=${[
        { value: 'rent', label: 'zur Miete' },
        { value: 'own', label: 'im Eigentum' },
      ]}
    ></jc-choice-group>`,
};

/** Checkboxes (several answers). */
export const Checkboxes: Story = {
  render: () =>
    html`<jc-choice-group
      label="Welches Einkommen gibt es?"
      multiple
      .values=${['minijob']}
      .options=${INCOME}
    ></jc-choice-group>`,
};

/** After "Weiter" without an answer. */
export const WithError: Story = {
  render: () =>
    html`<jc-choice-group
      label="Wohnen Sie allein?"
      inline
      error="Beantworten Sie diese Frage."
      .options=${YES_NO}
    ></jc-choice-group>`,
};
