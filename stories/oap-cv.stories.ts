/** Stories of jc-oap-cv ("Lebenslauf" of the OAP) with its timeline, against the in-memory OAP API. */
import type { Meta, Story } from './csf.js';
import { CERT_ITEM, COMPLETE, CV_WITH_CERTIFICATES } from './oap-mock-api.js';
import { buttonIn, formPageOf, oapOf, oapPage, pressNext } from './oap-play.js';
import { inWidget, waitFor, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-oap-cv', component: 'jc-oap-cv' } satisfies Meta;

const el = (c: PlayContext) => oapOf(c, 'jc-oap-cv');

/** While the session and the eService load. */
export const Loading: Story = { render: () => oapPage('jc-oap-cv', { delayMs: 60_000 }) };

/** Nobody signed in. */
export const SignedOut: Story = {
  render: () => oapPage('jc-oap-cv', { session: 'none' }),
  play: async (c) => void (await inWidget(el(c), 'a[href="/anmelden"]')),
};

/** Nothing saved yet: the school page. */
export const Empty: Story = {
  render: () => oapPage('jc-oap-cv'),
  play: async (c) => void (await formPageOf(el(c))),
};

/** Resumes at the work page (one job lacks its employer) with the timeline below: a gap of 8 months between two jobs. */
export const WorkPageWithTimeline: Story = {
  render: () =>
    oapPage('jc-oap-cv', {
      answers: {
        cv: {
          ...COMPLETE.cv,
          workHistory: [
            (COMPLETE.cv.workHistory as object[])[0],
            { id: 'w2', occupation: 'Kassiererin', from: '2018-03-01', to: '2026-01-31' },
          ],
        },
      },
    }),
  play: async (c) => void (await inWidget(el(c), '[part=timeline]')),
};

/** "Weiter" without an answer: the error summary. */
export const Errors: Story = {
  render: () => oapPage('jc-oap-cv'),
  play: async (c) => {
    await pressNext(el(c));
    const page = await formPageOf(el(c));
    await waitFor(() => page.shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
  },
};

/** Everything answered: the check page with the timeline. */
export const CheckAnswers: Story = {
  render: () => oapPage('jc-oap-cv', { answers: { cv: COMPLETE.cv } }),
  play: async (c) => void (await buttonIn(el(c), 'Angaben einreichen')),
};

/** Submitted. */
export const Submitted: Story = {
  render: () => oapPage('jc-oap-cv', { answers: { cv: COMPLETE.cv }, submitted: ['cv'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};

/** Taken over into VerBIS. */
export const TakenOver: Story = {
  render: () => oapPage('jc-oap-cv', { answers: { cv: COMPLETE.cv }, takenOver: ['cv'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status]')),
};

/** The skills page: an upload for the named certificate (one file uploaded already); the unnamed one gets none yet. */
export const CertificateUploads: Story = {
  render: () =>
    oapPage('jc-oap-cv', {
      answers: { cv: CV_WITH_CERTIFICATES },
      documents: [{ itemId: CERT_ITEM, filename: 'staplerschein.pdf', size: 182_000 }],
    }),
  play: async (c) => void (await inWidget(el(c), 'jc-evidence-upload')),
};
