/** Stories of jc-duplicate-check: list, candidates side by side, confirmation, conflict, empty, signed out. */
import { html } from 'lit';
import '../components/duplicate-check/duplicate-check.js';
import '../components/provider/provider.js';
import { ApiClient } from '../components/api/api-client.js';
import type { Meta, Story } from './csf.js';
import { MockPersonsApi, type PersonsMockOptions } from './mock-persons-api.js';
import { inWidget, type PlayContext } from './play.js';

export default { title: 'Staff/jc-duplicate-check', component: 'jc-duplicate-check' } satisfies Meta;

/** A jc-duplicate-check in a provider whose client talks to a MockPersonsApi. */
export function duplicatePage(options: PersonsMockOptions = {}, lang = 'de') {
  const api = new MockPersonsApi(options);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${lang} .client=${client}><jc-duplicate-check sign-in-url="/mitarbeiter.html"></jc-duplicate-check></jc-provider>`;
}

const el = (c: PlayContext) => c.canvasElement.querySelector('jc-duplicate-check')!;
const openFirst = async (c: PlayContext) => (await inWidget<HTMLButtonElement>(el(c), 'button.open')).click();

/** The Internetpersonen of the jobcenter with their best score. */
export const List: Story = { render: () => duplicatePage(), play: async (c) => void (await inWidget(el(c), 'button.open')) };

/** One Internetperson next to its candidates, differences marked. */
export const Detail: Story = {
  render: () => duplicatePage(),
  play: async (c) => {
    await openFirst(c);
    await inWidget(el(c), '[part=candidate]');
  },
};

/** "Mit dieser Person zusammenführen" asks first. */
export const Confirm: Story = {
  render: () => duplicatePage(),
  play: async (c) => {
    await openFirst(c);
    (await inWidget<HTMLButtonElement>(el(c), '[part=merge]')).click();
    await inWidget(el(c), '[part=confirm]');
  },
};

/** Another caseworker was faster: 409, the current state is shown. */
export const Conflict: Story = {
  render: () => duplicatePage({ raceOnDecide: true }),
  play: async (c) => {
    await openFirst(c);
    (await inWidget<HTMLButtonElement>(el(c), 'button.convert')).click();
    (await inWidget<HTMLButtonElement>(el(c), 'button.confirm-yes')).click();
    await inWidget(el(c), '.panel--error[part=message]');
  },
};

/** Nobody waiting. */
export const Empty: Story = { render: () => duplicatePage({ empty: true }), play: async (c) => void (await inWidget(el(c), '.empty')) };

/** English. */
export const English: Story = { render: () => duplicatePage({}, 'en'), play: async (c) => void (await inWidget(el(c), 'button.open')) };

/** No staff session. */
export const SignedOut: Story = { render: () => duplicatePage({ session: 'none' }), play: async (c) => void (await inWidget(el(c), 'a[href]')) };
