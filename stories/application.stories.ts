/** Stories of jc-application: the TdA step in every state, against the in-memory API. */
import { html } from 'lit';
import '../components/application/application.js';
import '../components/registration/registration.js';
import type { JcApplication } from '../components/application/application.js';
import type { Meta, Story } from './csf.js';
import { withMockApi } from './decorators.js';
import { receipt } from './fixtures.js';
import { fillTda } from './tda-play.js';
import { fill, heading, inWidget, submit, widget, type PlayContext } from './play.js';
import { formPage } from './ade-play.js';

export default { title: 'Widgets/jc-application', component: 'jc-application' } satisfies Meta;

const app = (c: PlayContext) => widget<JcApplication>(c.canvasElement, 'jc-application');

const signedIn = { session: 'level1' } as const;

/** The empty TdA form. */
export const Empty: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, signedIn),
  play: async (c) => void (await inWidget(app(c), 'form')),
};

/** The TdA form, filled in. */
export const Filled: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, signedIn),
  play: (c) => fillTda(c),
};

/** Submitted empty: error summary with a link to each field. */
export const Errors: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, signedIn),
  play: async (c) => {
    await inWidget(app(c), 'form');
    await fill(app(c), 'postalCode', '123');
    await submit(app(c));
    await inWidget(app(c), 'jc-error-summary:not([hidden])');
  },
};

/** The server rejects the postal code (it does not exist). */
export const ServerErrors: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, signedIn),
  play: async (c) => {
    await fillTda(c, { postalCode: '00000' });
    await submit(app(c));
    await inWidget(app(c), 'jc-error-summary:not([hidden])');
  },
};

/** After "Antrag absenden": the receipt, PDF pending then ready. */
export const Receipt: Story = {
  render: () =>
    withMockApi(html`<jc-application poll-interval="100"></jc-application>`, {
      ...signedIn,
      pdfReadyAfterPolls: 2,
    }),
  play: async (c) => {
    await fillTda(c);
    await submit(app(c));
    await heading(app(c), 'Eingangsbestätigung');
    await inWidget(app(c), '[part=pdf-link]');
  },
};

/** The account already has a TdA: its receipt instead of a new form. */
export const ExistingReceipt: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, { ...signedIn, receipts: [receipt()] }),
  play: async (c) => void (await heading(app(c), 'Eingangsbestätigung')),
};

/** Receipt forwarded to a municipal jobcenter (zkT), PDF still pending. */
export const ReceiptForwarded: Story = {
  render: () =>
    withMockApi(html`<jc-application poll-interval="60000"></jc-application>`, {
      ...signedIn,
      receipts: [receipt({ responsibility: 'municipal_forwarded', pdf: { status: 'pending' } })],
    }),
  play: async (c) => void (await heading(app(c), 'Eingangsbestätigung')),
};

/** Nobody signed in: the portal slots a jc-registration in. */
export const SignedOut: Story = {
  render: () =>
    withMockApi(
      html`<jc-application
        ><jc-registration slot="sign-in" view="sign-in"></jc-registration
      ></jc-application>`,
    ),
  play: async (c) => void (await heading(app(c), 'Antrag auf Bürgergeld stellen')),
};

/** Signed in, e-mail not confirmed yet. */
export const LevelTooLow: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, { session: 'level0' }),
  play: async (c) => void (await heading(app(c), 'Bestätigen Sie zuerst')),
};

/** Jobcenter not live yet: how to apply anyway. */
export const NotLive: Story = {
  render: () =>
    withMockApi(html`<jc-application></jc-application>`, { ...signedIn, jobcenter: 'bergland-sued' }),
  play: async (c) => void (await heading(app(c), 'So stellen Sie Ihren Antrag')),
};

/** Municipal jobcenter (zkT): not on the platform. */
export const Municipal: Story = {
  render: () =>
    withMockApi(html`<jc-application></jc-application>`, { ...signedIn, jobcenter: 'exempelkreis' }),
  play: async (c) => void (await heading(app(c), 'So stellen Sie Ihren Antrag')),
};

/** English, with errors. */
export const EnglishErrors: Story = {
  render: () => withMockApi(html`<jc-application lang="en"></jc-application>`, { ...signedIn, lang: 'en' }),
  play: async (c) => {
    await heading(app(c), 'Apply for');
    await submit(app(c));
    await inWidget(app(c), 'jc-error-summary:not([hidden])');
  },
};

/** After the receipt: "Weiter zum vollständigen Antrag (Hauptantrag)" opens the first page of the draft. */
export const HauptantragStart: Story = {
  render: () => withMockApi(html`<jc-application></jc-application>`, { ...signedIn, receipts: [receipt()] }),
  play: async (c) => {
    await heading(app(c), 'Eingangsbestätigung');
    const button = [...app(c).shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Hauptantrag'),
    )!;
    button.click();
    await formPage(await inWidget(app(c), 'jc-ade-flow'), 'Wie heißen Sie?');
  },
};
