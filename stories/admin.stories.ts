/** Stories of jc-admin against the in-memory admin API. */
import { html } from 'lit';
import '../components/admin/admin.js';
import '../components/provider/provider.js';
import { ApiClient } from '../components/api/api-client.js';
import type { Meta, Story } from './csf.js';
import { MockAdminApi, type AdminMockOptions } from './mock-admin-api.js';
import { inWidget, type PlayContext } from './play.js';

export default { title: 'Staff/jc-admin', component: 'jc-admin' } satisfies Meta;

/** A jc-admin inside a provider whose client talks to a fresh mock; `api` is the mock. */
export function adminPage(options: AdminMockOptions = {}, api = new MockAdminApi(options), lang = 'de') {
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${lang} .client=${client}><jc-admin></jc-admin></jc-provider>`;
}

const admin = (c: PlayContext) => c.canvasElement.querySelector('jc-admin')!;
const open = (tab: string) => async (c: PlayContext) => {
  const nav = await inWidget(admin(c), 'nav.tabs');
  [...nav.querySelectorAll('button')].find((b) => b.textContent!.trim() === tab)!.click();
  await inWidget(admin(c), 'section h3');
};

/** The ordered rule set. */
export const Rules: Story = { render: () => adminPage(), play: open('Regeln') };
/** Postkörbe. */
export const Postkoerbe: Story = { render: () => adminPage(), play: open('Postkörbe') };
/** The simulation panel. */
export const Simulation: Story = { render: () => adminPage(), play: open('Simulation') };
/** IBD texts per application type with a new version and its live preview. */
export const Ibd: Story = { render: () => adminPage(), play: open('Bearbeitungsdauer (IBD)') };
/** Allowed origins. */
export const Origins: Story = { render: () => adminPage(), play: open('Herkunft') };
/** Theme with preview swatch. */
export const Theme: Story = { render: () => adminPage(), play: open('Theme') };
/** Export/import with a change of another admin waiting for approval. */
export const Exchange: Story = { render: () => adminPage({ pendingByOther: true }), play: open('Konfiguration') };
/** Feedback form. */
export const Feedback: Story = { render: () => adminPage(), play: open('Feedback') };
/** Modules and roll-out, jobcenter admin: her jobcenter's module switches with history. */
export const Rollout: Story = { render: () => adminPage(), play: async (c) => (await open('Module und Einführung')(c), void (await inWidget(admin(c), '.ro-form'))) };
/** Modules and roll-out, RD admin: every jobcenter with wave, go-live and an edit form. */
export const RolloutRd: Story = {
  render: () => adminPage({ me: 'rd' }),
  play: async (c) => {
    await open('Module und Einführung')(c);
    (await inWidget<HTMLButtonElement>(admin(c), 'tr[data-id=beispielkreis] button')).click();
    await inWidget(admin(c), '.ro-form');
  },
};
/** English. */
export const English: Story = { render: () => adminPage({}, undefined, 'en'), play: async (c) => void (await inWidget(admin(c), 'nav.tabs')) };
/** Not signed in. */
export const SignedOut: Story = { render: () => adminPage({ me: 'none' }), play: async (c) => void (await inWidget(admin(c), 'slot')) };
