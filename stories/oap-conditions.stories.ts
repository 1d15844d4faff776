/** Stories of jc-oap-conditions ("Rahmenbedingungen" of the OAP) with the occupation picker, against the in-memory OAP API. */
import type { Meta, Story } from './csf.js';
import { COMPLETE } from './oap-mock-api.js';
import { buttonIn, oapOf, oapPage } from './oap-play.js';
import { inWidget, waitFor, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-oap-conditions', component: 'jc-oap-conditions' } satisfies Meta;

const el = (c: PlayContext) => oapOf(c, 'jc-oap-conditions');

/** Types into the occupation search as a person would. */
export async function search(host: Element, text: string): Promise<HTMLInputElement> {
  const input = await inWidget<HTMLInputElement>(host, '#desiredOccupations');
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return input;
}

/** While the session and the eService load. */
export const Loading: Story = { render: () => oapPage('jc-oap-conditions', { delayMs: 60_000 }) };

/** Nobody signed in. */
export const SignedOut: Story = {
  render: () => oapPage('jc-oap-conditions', { session: 'none' }),
  play: async (c) => void (await inWidget(el(c), 'a[href="/anmelden"]')),
};

/** Nothing saved yet: the occupation picker. */
export const Empty: Story = {
  render: () => oapPage('jc-oap-conditions'),
  play: async (c) => void (await inWidget(el(c), '#desiredOccupations')),
};

/** Searching "backer" (no umlaut) finds "Bäcker/in": the listbox is open. */
export const Searching: Story = {
  render: () => oapPage('jc-oap-conditions'),
  play: async (c) => {
    await search(el(c), 'backer');
    await inWidget(el(c), '[role=option]');
  },
};

/** "Weiter" without an occupation: the error summary links to the search field. */
export const Errors: Story = {
  render: () => oapPage('jc-oap-conditions'),
  play: async (c) => {
    (await buttonIn(el(c), 'Weiter')).click();
    await waitFor(() => el(c).shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
  },
};

/** One occupation chosen, the working-time page. */
export const PartlyFilled: Story = {
  render: () =>
    oapPage('jc-oap-conditions', { answers: { conditions: { desiredOccupations: ['29212', '51312'] } } }),
  play: async (c) => void (await inWidget(el(c), 'jc-form-page')),
};

/** Submitted. */
export const Submitted: Story = {
  render: () =>
    oapPage('jc-oap-conditions', { answers: { conditions: COMPLETE.conditions }, submitted: ['conditions'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};

/** Taken over into VerBIS. */
export const TakenOver: Story = {
  render: () =>
    oapPage('jc-oap-conditions', { answers: { conditions: COMPLETE.conditions }, takenOver: ['conditions'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};
