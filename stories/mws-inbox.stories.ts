/** Stories of jc-mws-inbox: every state, against the in-memory staff API. */
import { html } from 'lit';
import '../components/mws-inbox/mws-inbox.js';
import '../components/staff-sign-in/staff-sign-in.js';
import type { JcMwsInbox } from '../components/mws-inbox/mws-inbox.js';
import type { Meta, Story } from './csf.js';
import { withStaffApi } from './decorators.js';
import type { StaffMockOptions } from './mock-staff-api.js';
import { choose, fill, inWidget, submit, waitFor, type PlayContext } from './play.js';
import { buttonWith, row, rows } from './staff-play.js';

export default { title: 'Staff/jc-mws-inbox', component: 'jc-mws-inbox' } satisfies Meta;

const inbox = (c: PlayContext) => c.canvasElement.querySelector<JcMwsInbox>('jc-mws-inbox')!;
const render = (options: StaffMockOptions = {}, attrs = '') =>
  withStaffApi(
    html`<jc-mws-inbox warn-after-days="14" page-size=${attrs === 'many' ? 100 : 50}></jc-mws-inbox>`,
    { session: 'staff', ...options },
  );

/** A Postkorb with a dozen work items. */
export const Default: Story = {
  render: () => render(),
  play: async (c) => void (await row(inbox(c), 'wi_0001')),
};

/** Nothing in the Postkorb. */
export const Empty: Story = {
  render: () => render({ items: [] }),
  play: async (c) => void (await inWidget(inbox(c), '.empty')),
};

/** 300 work items, loaded in pages of 100 with "Weitere laden". */
export const ManyItems: Story = {
  render: () => render({ items: 300 }, 'many'),
  play: async (c) => {
    await row(inbox(c), 'wi_0001');
    for (const count of [200, 300]) {
      (await buttonWith(inbox(c), 'Weitere laden')).click();
      await waitFor(() => rows(inbox(c)).length === count);
    }
  },
};

/** Filtered: Hauptanträge nobody has taken yet. */
export const Filtered: Story = {
  render: () => render({ items: 60 }),
  play: async (c) => {
    await row(inbox(c), 'wi_0001');
    await choose(inbox(c), 'type', 'ade');
    await choose(inbox(c), 'assignee', 'none');
    await submit(inbox(c));
    await waitFor(
      () => rows(inbox(c)).length > 0 && rows(inbox(c)).every((r) => r.textContent!.includes('Hauptantrag')),
    );
  },
};

/** Filters that match nothing. */
export const FilteredEmpty: Story = {
  render: () => render(),
  play: async (c) => {
    await row(inbox(c), 'wi_0001');
    await fill(inbox(c), 'q', 'Niemand');
    await submit(inbox(c));
    await inWidget(inbox(c), '.empty');
  },
};

/** A colleague claimed the item first: the row shows who, and the current state. */
export const Conflict: Story = {
  render: () => render({ raceOn: ['wi_0001'] }),
  play: async (c) => {
    const r = await row(inbox(c), 'wi_0001');
    (await buttonWith(inbox(c), 'Übernehmen', r)).click();
    await inWidget(inbox(c), 'tr[data-id="wi_0001"] + tr.note .row-message');
  },
};

/** "Zuweisen an …" opened on a row. */
export const AssignOpen: Story = {
  render: () => render(),
  play: async (c) => {
    const r = await row(inbox(c), 'wi_0001');
    (await buttonWith(inbox(c), 'Zuweisen an', r)).click();
    await inWidget(inbox(c), 'tr[data-id="wi_0001"] select:not([disabled])');
  },
};

/** While the first page loads. */
export const Loading: Story = { render: () => render({ inboxHangs: true }) };

/** The server failed. */
export const LoadError: Story = {
  render: () => render({ inboxFailure: 500 }),
  play: async (c) => void (await inWidget(inbox(c), '.panel--error')),
};

/** The staff member has no access (403). */
export const Forbidden: Story = {
  render: () => render({ inboxFailure: 403 }),
  play: async (c) => void (await inWidget(inbox(c), '.panel--error')),
};

/** No staff session: a link to the sign-in page. */
export const SignedOutLink: Story = {
  render: () =>
    withStaffApi(html`<jc-mws-inbox sign-in-url="/mitarbeitende/anmelden"></jc-mws-inbox>`, {
      session: 'none',
    }),
  play: async (c) => void (await inWidget(inbox(c), 'slot[name=sign-in]')),
};

/** No staff session: the sign-in widget in the `sign-in` slot. */
export const SignedOutSlot: Story = {
  render: () =>
    withStaffApi(html`<jc-mws-inbox><jc-staff-sign-in slot="sign-in"></jc-staff-sign-in></jc-mws-inbox>`, {
      session: 'none',
    }),
  play: async (c) => void (await inWidget(c.canvasElement.querySelector('jc-staff-sign-in')!, 'form')),
};

/** English. */
export const English: Story = {
  render: () => withStaffApi(html`<jc-mws-inbox lang="en"></jc-mws-inbox>`, { session: 'staff', lang: 'en' }),
  play: async (c) => void (await row(inbox(c), 'wi_0001')),
};
