/** Stories of jc-staff-sign-in: every step, against the in-memory staff API. */
import { html } from 'lit';
import '../components/staff-sign-in/staff-sign-in.js';
import type { Meta, Story } from './csf.js';
import { withStaffApi } from './decorators.js';
import { fill, heading, inWidget, submit } from './play.js';
import { buttonWith, enrolmentCodeStep, passwordStep as step, signInOf as el } from './staff-play.js';
import { STAFF_DEMO } from './staff-fixtures.js';

export default { title: 'Staff/jc-staff-sign-in', component: 'jc-staff-sign-in' } satisfies Meta;

const render = (lang = 'de') => withStaffApi(html`<jc-staff-sign-in></jc-staff-sign-in>`, { lang });

/** E-mail and password. */
export const SignIn: Story = { render: () => render() };

/** Submitted empty: error summary and messages at the fields. */
export const SignInErrors: Story = {
  render: () => render(),
  play: async (c) => {
    await inWidget(el(c), 'form');
    await submit(el(c));
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** Wrong password: one generic message. */
export const WrongPassword: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c), STAFF_DEMO.email, 'falsches-passwort');
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** Too many attempts (429 with Retry-After). */
export const TooManyAttempts: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c), STAFF_DEMO.lockedEmail);
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** The TOTP step. */
export const TotpStep: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c));
    await heading(el(c), 'Sicherheitscode eingeben');
  },
};

/** A wrong TOTP code. */
export const TotpWrongCode: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c));
    await heading(el(c), 'Sicherheitscode eingeben');
    await fill(el(c), 'code', '000000');
    await submit(el(c));
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** The recovery code instead of the app. */
export const RecoveryCode: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c));
    await heading(el(c), 'Sicherheitscode eingeben');
    (await buttonWith(el(c), 'Wiederherstellungscode verwenden')).click();
    await heading(el(c), 'Sicherheitscode eingeben');
  },
};

/** Enrolment, first: the enrolment code (Freischaltcode) from the admin; no secret before it. */
export const EnrolmentCode: Story = {
  render: () => render(),
  play: async (c) => {
    await step(el(c), STAFF_DEMO.newEmail);
    await heading(el(c), 'Zweiten Faktor einrichten');
    await inWidget(el(c), '#enrolmentCode');
  },
};

/** A wrong enrolment code: error summary, the typed code kept. */
export const EnrolmentCodeWrong: Story = {
  render: () => render(),
  play: async (c) => {
    await EnrolmentCode.play!(c);
    await enrolmentCodeStep(el(c), 'ABCD-EFGH-JKMN');
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** Enrolment: QR code, secret for typing, first code. */
export const Enrolment: Story = {
  render: () => render(),
  play: async (c) => {
    await EnrolmentCode.play!(c);
    await enrolmentCodeStep(el(c));
    await inWidget(el(c), '.qr svg');
  },
};

/** The recovery codes after the enrolment, shown once. */
export const RecoveryCodes: Story = {
  render: () => render(),
  play: async (c) => {
    await Enrolment.play!(c);
    await fill(el(c), 'code', STAFF_DEMO.totp);
    await submit(el(c));
    await heading(el(c), 'Ihre Wiederherstellungscodes');
  },
};

/** Continuing without confirming that the codes are stored. */
export const RecoveryCodesNotConfirmed: Story = {
  render: () => render(),
  play: async (c) => {
    await RecoveryCodes.play!(c);
    await submit(el(c));
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};

/** Signed in: name, jobcenter, roles. */
export const SignedIn: Story = {
  render: () => withStaffApi(html`<jc-staff-sign-in></jc-staff-sign-in>`, { session: 'staff' }),
  play: async (c) => void (await heading(el(c), 'Sie sind angemeldet')),
};

/** English, TOTP step with an error. */
export const English: Story = {
  render: () => render('en'),
  play: async (c) => {
    await step(el(c));
    await heading(el(c), 'Enter your security code');
    await submit(el(c));
    await inWidget(el(c), 'jc-error-summary:not([hidden])');
  },
};
