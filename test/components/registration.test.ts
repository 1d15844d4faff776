/** jc-registration: every view, validation timing, confirmation, sign-in/-out events, keyboard. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/registration/registration.js';
import type { JcRegistration } from '../../components/registration/registration.js';
import type { JcSignedInEvent } from '../../components/events/jc-signed-in.js';
import type { JcSignedOutEvent } from '../../components/events/jc-signed-out.js';
import type { MockOptions } from '../../stories/mock-api.js';
import { DEMO } from '../../stories/fixtures.js';
import { fill, heading, inWidget, submit } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle, stubFetch } from './helpers.js';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => stub?.restore());

async function mount(
  options: MockOptions = {},
  attrs: { view?: string; token?: string; lang?: string } = {},
) {
  stub = stubFetch(options);
  const el = await fixture<JcRegistration>(
    html`<jc-registration
      jobcenter="musterstadt"
      view=${attrs.view ?? 'sign-up'}
      lang=${attrs.lang ?? 'de'}
      confirm-token=${attrs.token ?? ''}
    ></jc-registration>`,
  );
  await inWidget(el, 'h2');
  return { el, api: stub.api };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const fieldError = (el: Element, id: string) =>
  el.shadowRoot!.getElementById(id)!.shadowRoot!.querySelector('[part=error-message]')?.textContent?.trim() ??
  '';
const inputOf = (el: Element, id: string) =>
  el.shadowRoot!.getElementById(id)!.shadowRoot!.querySelector('input')!;

describe('jc-registration', () => {
  it('axe: sign-up, errors, sent, sign-in, signed in (level 0 and 1), confirm failed', async () => {
    let { el } = await mount();
    await expectAccessible(el);
    await submit(el);
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await expectAccessible(el);
    await fill(el, 'email', DEMO.email);
    await fill(el, 'password', 'sonnige-wiese-42');
    await fill(el, 'passwordConfirm', 'sonnige-wiese-42');
    await submit(el);
    await heading(el, 'Prüfen Sie Ihr Postfach');
    await expectAccessible(el);
    ({ el } = await mount({}, { view: 'sign-in' }));
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level0' }));
    await heading(el, 'Sie sind angemeldet');
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level1' }));
    await heading(el, 'Sie sind angemeldet');
    await expectAccessible(el);
    ({ el } = await mount({}, { token: 'expired-token-000000000000' }));
    await heading(el, 'funktioniert nicht');
    await expectAccessible(el);
  });

  it('validates only on submit: summary takes focus, messages at the fields, typed values stay, nothing sent', async () => {
    const { el, api } = await mount();
    await fill(el, 'email', 'erika@');
    await fill(el, 'password', 'kurz');
    expect(el.shadowRoot!.querySelector('jc-error-summary')!.hidden).to.equal(true);
    await submit(el);
    const summary = await inWidget(el, 'jc-error-summary:not([hidden])');
    await settle();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
    expect(summary.shadowRoot!.textContent).to.contain('Es gibt ein Problem');
    expect(fieldError(el, 'email')).to.contain('z. B. name@beispiel.de'); // FIELD_MESSAGES (domain), one source
    expect(fieldError(el, 'password')).to.contain('mindestens 12 Zeichen');
    expect(fieldError(el, 'passwordConfirm')).to.contain('noch einmal');
    expect(inputOf(el, 'email').value).to.equal('erika@');
    expect(inputOf(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('shows the password rule as a hint and uses new-password autocomplete', async () => {
    const { el } = await mount();
    const field = el.shadowRoot!.getElementById('password')!;
    expect(field.shadowRoot!.querySelector('[part=hint]')!.textContent).to.equal('mindestens 12 Zeichen');
    expect(inputOf(el, 'password').getAttribute('autocomplete')).to.equal('new-password');
    expect(inputOf(el, 'passwordConfirm').getAttribute('autocomplete')).to.equal('new-password');
    expect(inputOf(el, 'email').getAttribute('autocomplete')).to.equal('email');
  });

  it('signs up and says "check your inbox" with the heading focused', async () => {
    const { el, api } = await mount();
    await fill(el, 'email', ` ${DEMO.email} `);
    await fill(el, 'password', 'sonnige-wiese-42');
    await fill(el, 'passwordConfirm', 'sonnige-wiese-42');
    await submit(el);
    const h = await heading(el, 'Prüfen Sie Ihr Postfach');
    await settle();
    expect(deepActiveElement()).to.equal(h);
    expect(text(el)).to.contain(`Wir haben eine E-Mail an ${DEMO.email} geschickt.`);
    expect(api.callsTo('POST', '/api/accounts')[0].body).to.deep.equal({
      email: DEMO.email,
      password: 'sonnige-wiese-42',
      lang: 'de',
      jobcenterId: 'musterstadt',
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('.button--secondary')!.click();
    await settle();
    expect(api.callsTo('POST', '/api/accounts/resend-confirmation')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('noch einmal');
  });

  it('maps server field errors (password_common) onto the field', async () => {
    const { el } = await mount();
    await fill(el, 'email', DEMO.email);
    await fill(el, 'password', 'passwort12345');
    await fill(el, 'passwordConfirm', 'passwort12345');
    await submit(el);
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await settle();
    expect(fieldError(el, 'password')).to.contain('zu bekannt');
    expect(inputOf(el, 'password').value).to.equal('passwort12345');
  });

  it('confirms the token from ?token= and removes it from the address bar', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?token=${DEMO.confirmToken}&x=1`);
    try {
      const { el, api } = await mount();
      await heading(el, 'Ihre E-Mail-Adresse ist bestätigt – Sicherheitsstufe 1');
      expect(api.callsTo('POST', '/api/accounts/confirm')[0].body).to.deep.equal({
        token: DEMO.confirmToken,
      });
      expect(location.search).to.equal('?x=1');
      expect(el.shadowRoot!.querySelector('form')).to.exist; // sign-in below the success panel
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('after confirming with a session, fires jc-signed-in with level 1', async () => {
    stub = stubFetch({ session: 'level0' });
    const el = document.createElement('jc-registration');
    el.setAttribute('confirm-token', DEMO.confirmToken);
    const event = oneEvent(window, 'jc-signed-in') as Promise<JcSignedInEvent>;
    await fixture(html`<div>${el}</div>`);
    expect((await event).detail.account.level).to.equal(1);
    await heading(el, 'Sie sind angemeldet');
  });

  it('a broken confirmation link explains and offers a new link', async () => {
    const { el, api } = await mount({}, { token: 'expired-token-000000000000' });
    await heading(el, 'Der Bestätigungslink funktioniert nicht');
    await fill(el, 'email', DEMO.email);
    await submit(el);
    await heading(el, 'Prüfen Sie Ihr Postfach');
    expect(api.callsTo('POST', '/api/accounts/resend-confirmation')[0].body).to.deep.equal({
      email: DEMO.email,
      lang: 'de',
    });
  });

  it('signs in (cookie transport) and fires jc-signed-in; signs out and fires jc-signed-out', async () => {
    const { el, api } = await mount({}, { view: 'sign-in' });
    await fill(el, 'email', DEMO.email);
    await fill(el, 'password', DEMO.password);
    const signedIn = oneEvent(el, 'jc-signed-in') as Promise<JcSignedInEvent>;
    await submit(el);
    const e = await signedIn;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.account.email).to.equal(DEMO.email);
    expect(api.callsTo('POST', '/api/sessions')[0].body).to.deep.include({ transport: 'cookie' });
    await heading(el, 'Sie sind angemeldet');
    expect(text(el)).to.contain('1 – E-Mail-Adresse bestätigt');
    const signedOut = oneEvent(el, 'jc-signed-out') as Promise<JcSignedOutEvent>;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Abmelden'))!.click();
    expect((await signedOut).detail.reason).to.equal('user');
    expect(api.callsTo('DELETE', '/api/session')).to.have.length(1);
    await heading(el, 'Anmelden');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Sie sind abgemeldet.');
  });

  it('a wrong password gives one generic message and keeps the e-mail', async () => {
    const { el } = await mount({}, { view: 'sign-in' });
    await fill(el, 'email', DEMO.email);
    await fill(el, 'password', 'falsch-falsch-falsch');
    await submit(el);
    const summary = await inWidget(el, 'jc-error-summary:not([hidden])');
    expect(summary.shadowRoot!.textContent).to.contain('E-Mail-Adresse oder Passwort ist falsch');
    expect(inputOf(el, 'email').value).to.equal(DEMO.email);
  });

  it('429 tells how long to wait (Retry-After)', async () => {
    const { el } = await mount({}, { view: 'sign-in' });
    await fill(el, 'email', 'gesperrt@example.org');
    await fill(el, 'password', 'irgendwas-langes');
    await submit(el);
    const summary = await inWidget(el, 'jc-error-summary:not([hidden])');
    expect(summary.shadowRoot!.textContent).to.contain('Warten Sie 2 Minuten');
  });

  it('keyboard only: focus order, Space shows the passwords, Enter submits', async () => {
    const { el, api } = await mount();
    inputOf(el, 'email').focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      const active = deepActiveElement()!;
      const host = (active.getRootNode() as ShadowRoot).host;
      order.push(active.localName === 'button' ? 'button' : host.id || host.localName);
    }
    expect(order).to.deep.equal(['password', 'passwordConfirm', 'jc-checkbox', 'button']);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Space' });
    await settle();
    expect(inputOf(el, 'password').type).to.equal('text');
    inputOf(el, 'email').focus();
    await sendKeys({ type: DEMO.email });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'sonnige-wiese-42' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'sonnige-wiese-42' });
    await sendKeys({ press: 'Enter' });
    await heading(el, 'Prüfen Sie Ihr Postfach');
    expect(api.callsTo('POST', '/api/accounts')).to.have.length(1);
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, { lang: 'en' });
    await heading(el, 'Create an account');
    await submit(el);
    const summary = await inWidget(el, 'jc-error-summary:not([hidden])');
    await settle();
    expect(summary.shadowRoot!.textContent).to.contain('There is a problem');
    expect(fieldError(el, 'email')).to.contain('Enter your email address');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
  });
});
