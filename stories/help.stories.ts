/** Stories of jc-help: the help of a step in Leichte Sprache and in Arabic (A11Y-04). */
import { html } from 'lit';
import '../components/help/help.js';
import type { Meta, Story } from './csf.js';
import { inWidget, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-help', component: 'jc-help' } satisfies Meta;

/** Opens the panel(s) of the story's jc-help as a click would and waits for the loaded text. */
async function open(c: PlayContext, ...ids: Array<'ls' | 'ar'>): Promise<void> {
  const help = c.canvasElement.querySelector('jc-help')!;
  for (const id of ids) {
    const summary = await inWidget<HTMLElement>(help, `details[part~=help-${id}] summary`);
    summary.click();
    await inWidget(help, `details[part~=help-${id}] .title`);
  }
}

/** Both disclosures closed, as every step shows them first (nothing loaded yet). */
export const Closed: Story = { render: () => html`<jc-help topic="tda"></jc-help>` };

/** The TdA step in Leichte Sprache. */
export const LeichteSprache: Story = {
  render: () => html`<jc-help topic="tda"></jc-help>`,
  play: (c) => open(c, 'ls'),
};

/** The bank account page in Arabic: right to left inside the German page. */
export const Arabic: Story = {
  render: () => html`<jc-help topic="A/konto"></jc-help>`,
  play: (c) => open(c, 'ar'),
};

/** Both panels of the receipt open. */
export const BothOpen: Story = {
  render: () => html`<jc-help topic="receipt"></jc-help>`,
  play: (c) => open(c, 'ls', 'ar'),
};

/** A right-to-left portal page: the Leichte Sprache panel stays left to right. */
export const RightToLeftPage: Story = {
  render: () => html`<div lang="ar" dir="rtl"><jc-help topic="EK"></jc-help></div>`,
  play: (c) => open(c, 'ls', 'ar'),
};
