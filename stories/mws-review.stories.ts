/** Stories of jc-mws-review: the caseworker's review of one application, against the in-memory review API. */
import '../components/mws-review/mws-review.js';
import type { JcMwsReview } from '../components/mws-review/mws-review.js';
import type { Meta, Story } from './csf.js';
import { withReviewApi } from './mock-review-api.js';
import { inWidget, type PlayContext } from './play.js';
import { buttonWith } from './staff-play.js';

export default { title: 'Staff/jc-mws-review', component: 'jc-mws-review' } satisfies Meta;

const review = (c: PlayContext) => c.canvasElement.querySelector<JcMwsReview>('jc-mws-review')!;
const loaded = (c: PlayContext) => inWidget(review(c), '#status-heading');

/** A fresh application in review: answers, evidence, one internal note. */
export const Loaded: Story = {
  render: () => withReviewApi({ scenario: 'loaded' }),
  play: async (c) => void (await loaded(c)),
};

/** A request round is open: the stored § 66 notice and the deadline show. */
export const WithOpenRequest: Story = {
  render: () => withReviewApi({ scenario: 'open-request' }),
  play: async (c) => void (await inWidget(review(c), '.request')),
};

/** The applicant answered: the corrected rent old → new, the uploaded tenancy agreement, her reply. */
export const AfterAnswers: Story = {
  render: () => withReviewApi({ scenario: 'answered' }),
  play: async (c) => void (await inWidget(review(c), '.history ins')),
};

/** A colleague changed the status first: 412, nothing overwritten, reload offered. */
export const StatusConflict: Story = {
  render: () => withReviewApi({ scenario: 'loaded', statusRace: true }),
  play: async (c) => {
    await loaded(c);
    (await buttonWith(review(c), 'Status setzen')).click();
    await inWidget(review(c), '.status-problem');
  },
};

/** The status change is not allowed (409): the server's explanation shows. */
export const StatusNotAllowed: Story = {
  render: () => withReviewApi({ scenario: 'loaded', transitionConflict: true }),
  play: async (c) => {
    await loaded(c);
    (await buttonWith(review(c), 'Status setzen')).click();
    await inWidget(review(c), '.status-problem');
  },
};

/** The server failed. */
export const LoadError: Story = {
  render: () => withReviewApi({ failure: 500 }),
  play: async (c) => void (await inWidget(review(c), '.panel--error')),
};

/** English. */
export const English: Story = {
  render: () => withReviewApi({ scenario: 'answered' }, undefined, 'en'),
  play: async (c) => void (await loaded(c)),
};
