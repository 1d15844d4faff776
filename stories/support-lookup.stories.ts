/** Stories of jc-support-lookup: empty form, an account's technical state, confirmation, not found, invalid input. */
import { html } from 'lit';
import '../components/support-lookup/support-lookup.js';
import '../components/provider/provider.js';
import { ApiClient } from '../components/api/api-client.js';
import type { Meta, Story } from './csf.js';
import { MockPersonsApi, type PersonsMockOptions } from './mock-persons-api.js';
import { inWidget, type PlayContext } from './play.js';

export default { title: 'Staff/jc-support-lookup', component: 'jc-support-lookup' } satisfies Meta;

/** A jc-support-lookup in a provider whose client talks to a MockPersonsApi. */
export function supportPage(options: PersonsMockOptions = {}, lang = 'de') {
  const api = new MockPersonsApi(options);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${lang} .client=${client}><jc-support-lookup sign-in-url="/mitarbeiter.html"></jc-support-lookup></jc-provider>`;
}

const el = (c: PlayContext) => c.canvasElement.querySelector('jc-support-lookup')!;

/** Types an address and searches, as a person would. */
export async function search(host: Element, email: string): Promise<void> {
  const input = await inWidget<HTMLInputElement>(host, '#email');
  input.value = email;
  (await inWidget<HTMLButtonElement>(host, 'form button[type=submit]')).click();
}

/** The empty form. */
export const Default: Story = { render: () => supportPage() };

/** A locked, unconfirmed account: its technical state and both actions. */
export const Found: Story = {
  render: () => supportPage(),
  play: async (c) => {
    await search(el(c), 'erika@beispiel.de');
    await inWidget(el(c), 'dl');
  },
};

/** "Anmeldesperre aufheben" asks first. */
export const ConfirmUnlock: Story = {
  render: () => supportPage(),
  play: async (c) => {
    await search(el(c), 'erika@beispiel.de');
    (await inWidget<HTMLButtonElement>(el(c), 'button.unlock')).click();
    await inWidget(el(c), '[part=confirm]');
  },
};

/** No account with this address. */
export const NotFound: Story = {
  render: () => supportPage({ account: null }),
  play: async (c) => {
    await search(el(c), 'niemand@beispiel.de');
    await inWidget(el(c), '.panel--error');
  },
};

/** Not an e-mail address. */
export const InvalidInput: Story = {
  render: () => supportPage(),
  play: async (c) => {
    await search(el(c), 'kein-at');
    await inWidget(el(c), '#email-error');
  },
};

/** English, confirmed account without a block. */
export const English: Story = {
  render: () => supportPage({ account: { confirmed: true, locked: false, lockedUntil: null, failedSignIns: 0, level: 1 } }, 'en'),
  play: async (c) => {
    await search(el(c), 'erika@beispiel.de');
    await inWidget(el(c), 'dl');
  },
};
