/** Stories of jc-oap-review (Markt & Integration compares the OAP with VerBIS), against the in-memory OAP API. */
import type { Meta, Story } from './csf.js';
import { CERT_ITEM, COMPLETE, CV_WITH_CERTIFICATES, type OapMockOptions } from './oap-mock-api.js';
import { buttonIn, oapOf, oapPage } from './oap-play.js';
import { inWidget, waitFor, type PlayContext } from './play.js';

export default { title: 'Staff/jc-oap-review', component: 'jc-oap-review' } satisfies Meta;

const el = (c: PlayContext) => oapOf(c, 'jc-oap-review');

/** All three eServices submitted; VerBIS holds an older profile, one field changed there too (conflict). */
export const WITH_CONFLICTS: OapMockOptions = {
  answers: { ...COMPLETE },
  submitted: ['situation', 'cv', 'conditions'],
  verbis: {
    'situation.status': 'employed',
    'cv.schoolLevel': 'hauptschule',
    'conditions.commuteMaxMinutes': 30,
  },
  conflicts: ['conditions.commuteMaxMinutes'],
};

/** While the comparison loads. */
export const Loading: Story = {
  render: () => oapPage('jc-oap-review', { ...WITH_CONFLICTS, delayMs: 60_000 }),
};

/** No staff session. */
export const SignedOut: Story = {
  render: () => oapPage('jc-oap-review', { ...WITH_CONFLICTS, staffSignedOut: true }),
  play: async (c) => void (await inWidget(el(c), '[part=empty]')),
};

/** Nothing submitted yet (404). */
export const NotFound: Story = {
  render: () => oapPage('jc-oap-review', {}),
  play: async (c) => void (await inWidget(el(c), '[part=empty]')),
};

/** The comparison: new, changed and conflicting fields with a radio pair each. */
export const WithConflicts: Story = {
  render: () => oapPage('jc-oap-review', WITH_CONFLICTS),
  play: async (c) => void (await inWidget(el(c), '.row--conflict')),
};

/** "In VerBIS übernehmen" without decisions: the error summary. */
export const Errors: Story = {
  render: () => oapPage('jc-oap-review', WITH_CONFLICTS),
  play: async (c) => {
    (await buttonIn(el(c), 'In VerBIS übernehmen')).click();
    await waitFor(() => el(c).shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
  },
};

/** A new submission arrived meanwhile: 412, reloaded, decisions kept. */
export const Stale: Story = {
  render: () => oapPage('jc-oap-review', { ...WITH_CONFLICTS, takeoverRace: true }),
  play: async (c) => {
    (await buttonIn(el(c), 'Alle übernehmen')).click();
    (await buttonIn(el(c), 'In VerBIS übernehmen')).click();
    await inWidget(el(c), '[role=alert]');
  },
};

/** Taken over: "Übernommen am …". */
export const TakenOver: Story = {
  render: () =>
    oapPage('jc-oap-review', { answers: { ...COMPLETE }, takenOver: ['situation', 'cv', 'conditions'] }),
  play: async (c) => void (await inWidget(el(c), '[part=status-line]')),
};

/** The CV names a certificate with two uploaded files: listed per certificate with staff download links. */
export const WITH_DOCUMENTS: OapMockOptions = {
  ...WITH_CONFLICTS,
  answers: { ...COMPLETE, cv: { ...CV_WITH_CERTIFICATES, certificates: [{ id: 'c1', title: 'Staplerschein', year: 2019 }] } },
  documents: [
    { itemId: CERT_ITEM, filename: 'staplerschein.pdf', size: 182_000, eakteReference: 'EAKTE-00000000-0000-4000-b000-000000000001' },
    { itemId: CERT_ITEM, filename: 'staplerschein-rueckseite.jpg', size: 96_000 },
  ],
};

/** Certificates' evidence: download links per certificate, the first file already in the E-AKTE. */
export const WithCertificateDocuments: Story = {
  render: () => oapPage('jc-oap-review', WITH_DOCUMENTS),
  play: async (c) => void (await inWidget(el(c), '[part=documents]')),
};
