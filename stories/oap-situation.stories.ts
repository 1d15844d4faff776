/** Stories of jc-oap-situation ("Aktuelle Situation" of the OAP), against the in-memory OAP API. */
import type { Meta, Story } from './csf.js';
import { COMPLETE } from './oap-mock-api.js';
import { buttonIn, formPageOf, oapOf, oapPage, pickOption, pressNext } from './oap-play.js';
import { inWidget, waitFor, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-oap-situation', component: 'jc-oap-situation' } satisfies Meta;

const el = (c: PlayContext) => oapOf(c, 'jc-oap-situation');

/** While the session and the eService load. */
export const Loading: Story = { render: () => oapPage('jc-oap-situation', { delayMs: 60_000 }) };

/** Nobody signed in: a link to the portal's sign-in. */
export const SignedOut: Story = {
  render: () => oapPage('jc-oap-situation', { session: 'none' }),
  play: async (c) => void (await inWidget(el(c), 'a[href="/anmelden"]')),
};

/** Signed in, e-mail not confirmed yet (level 0). */
export const EmailNotConfirmed: Story = {
  render: () => oapPage('jc-oap-situation', { session: 'level0' }),
  play: async (c) => void (await buttonIn(el(c), 'bestätigt')),
};

/** No application yet: the OAP opens with the TdA. */
export const NoApplication: Story = {
  render: () => oapPage('jc-oap-situation', { noTda: true }),
  play: async (c) => void (await inWidget(el(c), '[part=empty]')),
};

/** Nothing saved yet: the first page. */
export const Empty: Story = {
  render: () => oapPage('jc-oap-situation'),
  play: async (c) => void (await formPageOf(el(c))),
};

/** Partly filled: resumes at the first incomplete page, "2 von 5 Pflichtangaben". */
export const PartlyFilled: Story = {
  render: () =>
    oapPage('jc-oap-situation', {
      answers: { situation: { status: 'unemployed', unemployedSince: '2026-01-31' } },
    }),
  play: async (c) => void (await formPageOf(el(c))),
};

/** "Weiter" without an answer: the error summary takes focus. */
export const Errors: Story = {
  render: () => oapPage('jc-oap-situation'),
  play: async (c) => {
    await pressNext(el(c));
    const page = await formPageOf(el(c));
    await waitFor(() => page.shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
  },
};

/** Everything answered: the check page. */
export const CheckAnswers: Story = {
  render: () => oapPage('jc-oap-situation', { answers: { situation: COMPLETE.situation } }),
  play: async (c) => void (await buttonIn(el(c), 'Angaben einreichen')),
};

/** Submitted: "Eingereicht am …", the answers, "Angaben ändern". */
export const Submitted: Story = {
  render: () =>
    oapPage('jc-oap-situation', { answers: { situation: COMPLETE.situation }, submitted: ['situation'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};

/** Taken over into VerBIS: "Vom Jobcenter übernommen am …". */
export const TakenOver: Story = {
  render: () =>
    oapPage('jc-oap-situation', { answers: { situation: COMPLETE.situation }, takenOver: ['situation'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};

/** Another window saved first: 412, the choice between both versions. */
export const Conflict: Story = {
  render: () =>
    oapPage('jc-oap-situation', {
      answers: { situation: { status: 'unemployed' } },
      conflictOnNextSave: true,
    }),
  play: async (c) => {
    await pickOption(el(c), 'status', 'employed');
    await inWidget(el(c), '[part=conflict]');
  },
};

/** Unsent answers left on this device (e.g. the connection dropped): offered back before the form, never applied silently. */
export const DeviceCopy: Story = {
  render: () =>
    oapPage('jc-oap-situation', {
      answers: { situation: { status: 'unemployed' } },
      deviceCopy: { status: 'training' },
    }),
  play: async (c) => void (await inWidget(el(c), '[part=restore]')),
};
