/** Stories of jc-oap-review (Markt & Integration compares the OAP with VerBIS), against the in-memory OAP API. */
import type { Meta, Story } from './csf.js';
import { COMPLETE, type OapMockOptions } from './oap-mock-api.js';
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
