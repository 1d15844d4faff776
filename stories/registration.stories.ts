/** Stories of jc-registration: every state, against the in-memory API. */
import { html } from 'lit';
import '../components/registration/registration.js';
import type { JcRegistration } from '../components/registration/registration.js';
import type { Meta, Story } from './csf.js';
import { withMockApi } from './decorators.js';
import { DEMO } from './fixtures.js';
import { fill, heading, inWidget, submit, widget, type PlayContext } from './play.js';

export default { title: 'Widgets/jc-registration', component: 'jc-registration' } satisfies Meta;

const reg = (c: PlayContext) => widget<JcRegistration>(c.canvasElement, 'jc-registration');

async function fillSignUp(c: PlayContext, password = 'sonnige-wiese-42') {
  await inWidget(reg(c), 'form');
  await fill(reg(c), 'email', DEMO.email);
  await fill(reg(c), 'password', password);
  await fill(reg(c), 'passwordConfirm', password);
}

/** Sign-up, nothing typed yet. */
export const SignUp: Story = { render: () => withMockApi(html`<jc-registration></jc-registration>`) };

/** Sign-up, filled in. */
export const SignUpFilled: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`),
  play: (c) => fillSignUp(c),
};

/** Sign-up submitted empty: error summary and messages at the fields. */
export const SignUpErrors: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`),
  play: async (c) => {
    await inWidget(reg(c), 'form');
    await fill(reg(c), 'password', 'kurz');
    await submit(reg(c));
    await inWidget(reg(c), 'jc-error-summary:not([hidden])');
  },
};

/** The server rejects a common password. */
export const SignUpServerError: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`),
  play: async (c) => {
    await fillSignUp(c, 'passwort12345');
    await submit(reg(c));
    await inWidget(reg(c), 'jc-error-summary:not([hidden])');
  },
};

/** After sign-up: check your inbox. */
export const Sent: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`),
  play: async (c) => {
    await fillSignUp(c);
    await submit(reg(c));
    await heading(reg(c), 'Prüfen Sie Ihr Postfach');
  },
};

/** The confirmation link worked (nobody signed in yet). */
export const Confirmed: Story = {
  render: () => withMockApi(html`<jc-registration confirm-token=${DEMO.confirmToken}></jc-registration>`),
  play: async (c) => void (await heading(reg(c), 'Sicherheitsstufe 1')),
};

/** The confirmation link did not work. */
export const ConfirmFailed: Story = {
  render: () =>
    withMockApi(html`<jc-registration confirm-token="expired-token-0000000000"></jc-registration>`),
  play: async (c) => void (await heading(reg(c), 'funktioniert nicht')),
};

/** Sign-in form. */
export const SignIn: Story = {
  render: () => withMockApi(html`<jc-registration view="sign-in"></jc-registration>`),
};

/** Sign-in with a wrong password. */
export const SignInWrongPassword: Story = {
  render: () => withMockApi(html`<jc-registration view="sign-in"></jc-registration>`),
  play: async (c) => {
    await inWidget(reg(c), 'form');
    await fill(reg(c), 'email', DEMO.email);
    await fill(reg(c), 'password', 'falsches-passwort');
    await submit(reg(c));
    await inWidget(reg(c), 'jc-error-summary:not([hidden])');
  },
};

/** Signed in, e-mail confirmed (level 1). */
export const SignedIn: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`, { session: 'level1' }),
  play: async (c) => void (await heading(reg(c), 'Sie sind angemeldet')),
};

/** Signed in, e-mail not yet confirmed (level 0). */
export const SignedInUnconfirmed: Story = {
  render: () => withMockApi(html`<jc-registration></jc-registration>`, { session: 'level0' }),
  play: async (c) => void (await heading(reg(c), 'Sie sind angemeldet')),
};

/** English, with errors. */
export const EnglishErrors: Story = {
  render: () => withMockApi(html`<jc-registration lang="en"></jc-registration>`, { lang: 'en' }),
  play: async (c) => {
    await heading(reg(c), 'Create an account');
    await submit(reg(c));
    await inWidget(reg(c), 'jc-error-summary:not([hidden])');
  },
};
