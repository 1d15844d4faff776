/** Stories of jc-mws-todo (the applicant's "Ihre Aufgaben"), against the in-memory API with the server's shapes. */
import { html } from 'lit';
import '../components/mws-todo/mws-todo.js';
import '../components/provider/provider.js';
import type { JcMwsTodo } from '../components/mws-todo/mws-todo.js';
import { ApiClient } from '../components/api/api-client.js';
import type { Meta, Story } from './csf.js';
import { MockTodoApi, type TodoMockOptions } from './mock-mws-applicant.js';
import { inWidget, waitFor, type PlayContext } from './play.js';

export default { title: 'Applicant/jc-mws-todo', component: 'jc-mws-todo' } satisfies Meta;

/** A jc-mws-todo in a provider whose client talks to a MockTodoApi; `onApi` gets the mock. */
export function todoPage(
  options: TodoMockOptions = {},
  attrs: { lang?: string; signInUrl?: string } = {},
  onApi?: (api: MockTodoApi) => void,
) {
  const api = new MockTodoApi(options);
  onApi?.(api);
  const client = new ApiClient({ baseUrl: location.origin, fetch: api.fetch, xhr: api.xhr, storage: null });
  return html`<jc-provider jobcenter="musterstadt" lang=${attrs.lang ?? 'de'} .client=${client}
    ><jc-mws-todo sign-in-url=${attrs.signInUrl ?? '/anmelden'}></jc-mws-todo
  ></jc-provider>`;
}

/** Item ids of the fixture's open round. */
export const ITEMS = {
  phone: '00000000-0000-4000-9000-000000000101',
  rent: '00000000-0000-4000-9000-000000000102',
  lease: '00000000-0000-4000-9000-000000000103',
};

const todo = (c: PlayContext) => c.canvasElement.querySelector<JcMwsTodo>('jc-mws-todo')!;
const loaded = (c: PlayContext) => inWidget(todo(c), '#todo-heading');

/** Types into a plain input or textarea of the widget as a person would. */
export async function typeInto(host: Element, id: string, value: string): Promise<HTMLInputElement> {
  const input = await inWidget<HTMLInputElement>(host, `[id="${id}"]`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return input;
}

/** The submit button of a field item's form. */
export const correctButton = (host: Element, iid: string) =>
  inWidget<HTMLButtonElement>(host, `form:has([id="f-${iid}"]) button[type=submit]`);

/** Submitted, in review, nothing requested. */
export const NoRequests: Story = {
  render: () => todoPage({ rounds: 'none' }),
  play: async (c) => void (await inWidget(todo(c), '.empty')),
};

/** An open request: two answers to correct, the tenancy agreement to upload; an earlier round answered. */
export const OpenRequest: Story = {
  render: () => todoPage({ rounds: 'open', answeredRound: true }),
  play: async (c) => void (await inWidget(todo(c), '[part=request]')),
};

/** A choice to correct with radio buttons, and a document the caseworker wants again (her comment names it). */
export const ChoiceAndDocumentComment: Story = {
  render: () => todoPage({ rounds: 'open', moreItems: true }),
  play: async (c) => void (await inWidget(todo(c), '[part=request]')),
};

/** The deadline has passed. */
export const Overdue: Story = {
  render: () => todoPage({ rounds: 'overdue' }),
  play: async (c) => void (await inWidget(todo(c), '.overdue')),
};

/** After correcting the phone number: the item is done, the rest still open. */
export const AfterAnswering: Story = {
  render: () => todoPage({ rounds: 'open' }),
  play: async (c) => {
    await loaded(c);
    await typeInto(todo(c), `f-${ITEMS.phone}`, '030 1234567');
    (await correctButton(todo(c), ITEMS.phone)).click();
    await inWidget(todo(c), `[id="d-${ITEMS.phone}"]`);
  },
};

/** Errors: the server refuses the amount (400 at the field, error summary), and a reply fails (no connection). */
export const Errors: Story = {
  render: () => todoPage({ rounds: 'open', writeFailures: [] }),
  play: async (c) => {
    await loaded(c);
    await typeInto(todo(c), `f-${ITEMS.rent}`, 'fünfhundert');
    (await correctButton(todo(c), ITEMS.rent)).click();
    await waitFor(() => todo(c).shadowRoot!.querySelector(`[id="e-${ITEMS.rent}"]`));
  },
};

/** Nobody signed in. */
export const SignedOut: Story = {
  render: () => todoPage({ session: 'none' }),
  play: async (c) => void (await loaded(c)),
};

/** Signed in, but no application sent yet. */
export const NoApplication: Story = {
  render: () => todoPage({ applications: [] }),
  play: async (c) => void (await inWidget(todo(c), '.empty')),
};

/** In English. */
export const English: Story = {
  render: () => todoPage({ rounds: 'open' }, { lang: 'en' }),
  play: async (c) => void (await inWidget(todo(c), '[part=request]')),
};
