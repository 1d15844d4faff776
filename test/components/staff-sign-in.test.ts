/** jc-staff-sign-in: every step with axe, keyboard only, TOTP and recovery codes, enrolment, safe QR code, events. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/staff-sign-in/staff-sign-in.js';
import type { JcStaffSignIn } from '../../components/staff-sign-in/staff-sign-in.js';
import type { JcStaffSignedInEvent } from '../../components/events/jc-staff-signed-in.js';
import type { JcStaffSignedOutEvent } from '../../components/events/jc-staff-signed-out.js';
import { safeSvg } from '../../components/base/safe-svg.js';
import type { StaffMockOptions } from '../../stories/mock-staff-api.js';
import { fill, heading, inWidget, submit, waitFor } from '../../stories/play.js';
import { HOSTILE_SVG, RECOVERY_CODES, STAFF_DEMO } from '../../stories/staff-fixtures.js';
import { buttonWith, enrolmentCodeStep, passwordStep } from '../../stories/staff-play.js';
import { deepActiveElement, expectAccessible, settle, stubStaffFetch, tabTo } from './helpers.js';

let stub: ReturnType<typeof stubStaffFetch> | undefined;
afterEach(() => stub?.restore());

async function mount(options: StaffMockOptions = {}, lang = 'de') {
  stub = stubStaffFetch(options);
  const el = await fixture<JcStaffSignIn>(html`<jc-staff-sign-in lang=${lang}></jc-staff-sign-in>`);
  await inWidget(el, 'h2');
  return { el, api: stub.api };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const field = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!;
const inputOf = (el: Element, id: string) => field(el, id).shadowRoot!.querySelector('input')!;
const fieldError = (el: Element, id: string) =>
  field(el, id).shadowRoot!.querySelector('[part=error-message]')?.textContent?.trim() ?? '';
const summaryText = async (el: Element) =>
  (await inWidget(el, 'jc-error-summary:not([hidden])')).shadowRoot!.textContent!.replace(/\s+/g, ' ');

async function toEnrolmentCode(el: JcStaffSignIn) {
  await passwordStep(el, STAFF_DEMO.newEmail);
  await heading(el, 'Zweiten Faktor einrichten');
  await inWidget(el, '#enrolmentCode');
}

async function toEnrolment(el: JcStaffSignIn) {
  await toEnrolmentCode(el);
  await enrolmentCodeStep(el);
  await inWidget(el, '.secret');
}

describe('jc-staff-sign-in', () => {
  it('axe: password, errors, TOTP, recovery code, enrolment, recovery codes, signed in', async () => {
    let { el } = await mount();
    await expectAccessible(el);
    await submit(el);
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await expectAccessible(el);
    await passwordStep(el);
    await heading(el, 'Sicherheitscode eingeben');
    await expectAccessible(el);
    await submit(el);
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await expectAccessible(el);
    (await buttonWith(el, 'Wiederherstellungscode verwenden')).click();
    await buttonWith(el, 'Code aus der App verwenden');
    await expectAccessible(el);
    ({ el } = await mount());
    await toEnrolmentCode(el);
    await expectAccessible(el);
    await enrolmentCodeStep(el, 'ABCD-EFGH-JKMN');
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await expectAccessible(el);
    await enrolmentCodeStep(el);
    await inWidget(el, '.secret');
    await expectAccessible(el);
    await fill(el, 'code', STAFF_DEMO.totp);
    await submit(el);
    await heading(el, 'Ihre Wiederherstellungscodes');
    await expectAccessible(el);
    await submit(el);
    await inWidget(el, 'jc-error-summary:not([hidden])');
    await expectAccessible(el);
    ({ el } = await mount({ session: 'staff' }));
    await heading(el, 'Sie sind angemeldet');
    await expectAccessible(el);
  });

  it('keyboard only: e-mail, password, Enter; the TOTP step takes focus; code, Enter; sign-out with Enter', async () => {
    const { el, api } = await mount();
    await tabTo((a) => a === inputOf(el, 'email'));
    await sendKeys({ type: STAFF_DEMO.email });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(inputOf(el, 'password'));
    await sendKeys({ type: STAFF_DEMO.password });
    await sendKeys({ press: 'Enter' });
    const h = await heading(el, 'Sicherheitscode eingeben');
    await settle();
    expect(deepActiveElement()).to.equal(h);
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(inputOf(el, 'code'));
    await sendKeys({ type: '123 456' });
    const signedIn = oneEvent(el, 'jc-staff-signed-in') as Promise<JcStaffSignedInEvent>;
    await sendKeys({ press: 'Enter' });
    const e = await signedIn;
    expect(e.bubbles && e.composed).to.equal(true);
    expect(e.detail.staff.name).to.equal('Sabine Beispiel');
    expect(e.detail.expiresAt).to.be.a('string');
    expect(api.callsTo('POST', '/api/staff/sessions/second-factor')[0].body).to.deep.include({
      code: '123456',
    });
    const done = await heading(el, 'Sie sind angemeldet');
    await settle();
    expect(deepActiveElement()).to.equal(done);
    await waitFor(() => text(el).includes('Jobcenter Musterstadt'));
    expect(text(el)).to.contain('Sachbearbeitung Leistung');
    const signOut = await tabTo((a) => a.textContent?.includes('Abmelden') ?? false);
    expect(signOut.localName).to.equal('button');
    const signedOut = oneEvent(el, 'jc-staff-signed-out') as Promise<JcStaffSignedOutEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await signedOut).detail.reason).to.equal('user');
    expect(api.callsTo('DELETE', '/api/staff/session')).to.have.length(1);
    await heading(el, 'Anmeldung für Mitarbeitende');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Sie sind abgemeldet.');
  });

  it('sends exactly {email, password}, then the challenge with the code', async () => {
    const { el, api } = await mount();
    await passwordStep(el, ` ${STAFF_DEMO.email} `);
    await heading(el, 'Sicherheitscode eingeben');
    expect(api.callsTo('POST', '/api/staff/sessions')[0].body).to.deep.equal({
      email: STAFF_DEMO.email,
      password: STAFF_DEMO.password,
    });
    await fill(el, 'code', STAFF_DEMO.totp);
    await submit(el);
    await heading(el, 'Sie sind angemeldet');
    const body = api.callsTo('POST', '/api/staff/sessions/second-factor')[0].body as Record<string, string>;
    expect(Object.keys(body).sort()).to.deep.equal(['challenge', 'code']);
    expect(body.challenge.length).to.be.greaterThan(20);
  });

  it('the TOTP field asks for a one-time code with the numeric keyboard', async () => {
    const { el } = await mount();
    await passwordStep(el);
    await heading(el, 'Sicherheitscode eingeben');
    const input = inputOf(el, 'code');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(inputOf(el, 'code').labels?.[0]?.textContent).to.contain('Sicherheitscode');
  });

  it('a malformed code is caught before sending; a wrong one gets the server answer; the summary takes focus', async () => {
    const { el, api } = await mount();
    await passwordStep(el);
    await heading(el, 'Sicherheitscode eingeben');
    await fill(el, 'code', '12a');
    await submit(el);
    expect(await summaryText(el)).to.contain('Der Code muss aus 6 Ziffern bestehen');
    await settle();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
    expect(api.callsTo('POST', '/api/staff/sessions/second-factor')).to.have.length(0);
    await fill(el, 'code', '000000');
    await submit(el);
    await waitFor(() => fieldError(el, 'code').includes('stimmt nicht'));
    expect(inputOf(el, 'code').value).to.equal('000000');
    expect(inputOf(el, 'code').getAttribute('aria-invalid')).to.equal('true');
  });

  it('"Wiederherstellungscode verwenden" switches the field, moves focus to it, and signs in with a recovery code', async () => {
    const { el, api } = await mount();
    await passwordStep(el);
    await heading(el, 'Sicherheitscode eingeben');
    (await buttonWith(el, 'Wiederherstellungscode verwenden')).click();
    await waitFor(() => deepActiveElement() === inputOf(el, 'code'));
    const input = inputOf(el, 'code');
    expect(input.labels?.[0]?.textContent).to.contain('Wiederherstellungscode');
    expect(input.getAttribute('autocomplete')).to.equal('off');
    await fill(el, 'code', 'abcd-efgh');
    await submit(el);
    expect(await summaryText(el)).to.contain('XXXX-XXXX-XXXX');
    await fill(el, 'code', ' abcd-efgh-jk23 ');
    const signedIn = oneEvent(el, 'jc-staff-signed-in');
    await submit(el);
    await signedIn;
    expect(api.callsTo('POST', '/api/staff/sessions/second-factor')[0].body).to.deep.include({
      code: STAFF_DEMO.recovery,
    });
  });

  it('a wrong password gives one generic message; 429 says how long to wait', async () => {
    let { el } = await mount();
    await passwordStep(el, STAFF_DEMO.email, 'falsch-falsch');
    expect(await summaryText(el)).to.contain('E-Mail-Adresse oder Passwort ist falsch');
    expect(inputOf(el, 'email').value).to.equal(STAFF_DEMO.email);
    ({ el } = await mount());
    await passwordStep(el, STAFF_DEMO.lockedEmail);
    expect(await summaryText(el)).to.contain('Warten Sie 2 Minuten');
  });

  it('an expired challenge leads back to the password step with a message', async () => {
    const { el, api } = await mount();
    await passwordStep(el);
    await heading(el, 'Sicherheitscode eingeben');
    // another sign-in in the meantime replaces the challenge (as a server does after a timeout)
    await api.fetch('/api/staff/sessions', {
      method: 'POST',
      body: JSON.stringify({ email: STAFF_DEMO.email, password: STAFF_DEMO.password }),
    });
    await fill(el, 'code', STAFF_DEMO.totp);
    await submit(el);
    expect(await summaryText(el)).to.contain('Die Anmeldung hat zu lange gedauert');
    expect(el.view).to.equal('password');
    expect(inputOf(el, 'email').value).to.equal(STAFF_DEMO.email);
  });

  it('enrolment code first: labelled field with hint, no secret before it, errors in the summary, nothing typed lost', async () => {
    const { el, api } = await mount();
    await toEnrolmentCode(el);
    expect(el.shadowRoot!.querySelector('.qr, [part=secret], #code')).to.equal(null);
    const f = field(el, 'enrolmentCode');
    expect(f.shadowRoot!.querySelector('label')!.textContent).to.contain('Freischaltcode');
    expect(f.shadowRoot!.textContent).to.contain(
      'Den Code hat Ihnen Ihre Administratorin oder Ihr Administrator gegeben.',
    );
    const input = inputOf(el, 'enrolmentCode');
    const hintIds = input.getAttribute('aria-describedby')!;
    expect(hintIds).to.not.equal('');

    await submit(el);
    expect(await summaryText(el)).to.contain('Geben Sie den Freischaltcode ein');
    expect(api.callsTo('POST', '/api/staff/enrolment')).to.have.length(0);

    await enrolmentCodeStep(el, 'abcd efgh jkmn');
    await waitFor(() => fieldError(el, 'enrolmentCode').includes('neuen Code'));
    expect(await summaryText(el)).to.contain('bitten Sie Ihre Administratorin oder Ihren Administrator');
    const link = (await inWidget(el, 'jc-error-summary:not([hidden])')).shadowRoot!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#enrolmentCode');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')!.split(' ').length).to.be.greaterThan(
      hintIds.split(' ').length,
    );
    expect(input.value).to.equal('abcd efgh jkmn');
    expect(api.callsTo('POST', '/api/staff/enrolment')[0].body).to.deep.include({
      enrolmentCode: 'ABCDEFGHJKMN',
    });
    expect(el.shadowRoot!.querySelector('[part=secret]')).to.equal(null);

    await enrolmentCodeStep(el, STAFF_DEMO.enrolmentCode.toLowerCase());
    await inWidget(el, '.qr svg');
    await settle();
    expect(deepActiveElement()!.textContent).to.contain('Zweiten Faktor einrichten');
    expect(el.shadowRoot!.querySelector('jc-error-summary:not([hidden])')).to.equal(null);
  });

  it('enrolment code in English', async () => {
    const { el } = await mount({}, 'en');
    await passwordStep(el, STAFF_DEMO.newEmail);
    await heading(el, 'Set up a second factor');
    const f = await inWidget(el, '#enrolmentCode');
    expect(f.shadowRoot!.textContent).to.contain('Enrolment code');
    expect(f.shadowRoot!.textContent).to.contain('Your administrator gave you this code.');
    await enrolmentCodeStep(el, 'ABCD-EFGH-JKMN');
    expect(await summaryText(el)).to.contain('ask your administrator for a new code');
    await expectAccessible(el);
  });

  it('enrolment: QR code as a named image, the secret in groups of four with a copy button, then the first code', async () => {
    const { el, api } = await mount();
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });
    try {
      await toEnrolment(el);
      const svg = el.shadowRoot!.querySelector('.qr svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(svg.getAttribute('aria-label')).to.contain('QR-Code');
      expect([...svg.children].map((c) => c.localName)).to.deep.equal(['rect', 'path']);
      expect(svg.querySelector('path')!.getAttribute('d')).to.match(/^M\d+,\d+h4v4h-4z/);
      expect(el.shadowRoot!.querySelector('[part=secret]')!.textContent).to.equal(
        'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
      );
      expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="otpauth://totp/"]')).to.exist;
      (await buttonWith(el, 'Schlüssel kopieren')).click();
      await waitFor(() => el.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('kopiert'));
      expect(copied).to.deep.equal([STAFF_DEMO.secret]);
      const input = inputOf(el, 'code');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      await fill(el, 'code', STAFF_DEMO.totp);
      await submit(el);
      await heading(el, 'Ihre Wiederherstellungscodes');
      expect(api.callsTo('POST', '/api/staff/totp/confirm')[0].body).to.deep.include({
        code: STAFF_DEMO.totp,
      });
      (await buttonWith(el, 'Codes kopieren')).click();
      await waitFor(() => copied.length === 2);
      expect(copied[1]).to.equal(RECOVERY_CODES.join('\n'));
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });

  it('recovery codes are shown once; signed-in fires only after "Ich habe die Codes sicher aufbewahrt"', async () => {
    const { el } = await mount();
    let fired = 0;
    el.addEventListener('jc-staff-signed-in', () => fired++);
    await toEnrolment(el);
    await fill(el, 'code', STAFF_DEMO.totp);
    await submit(el);
    const h = await heading(el, 'Ihre Wiederherstellungscodes');
    await settle();
    expect(deepActiveElement()).to.equal(h);
    const codes = [...el.shadowRoot!.querySelectorAll('[part=recovery-codes] li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(codes).to.deep.equal(RECOVERY_CODES);
    await submit(el);
    expect(await summaryText(el)).to.contain('sicher aufbewahrt');
    expect(fired).to.equal(0);
    field(el, 'saved').shadowRoot!.querySelector('input')!.click();
    await submit(el);
    await heading(el, 'Sie sind angemeldet');
    expect(fired).to.equal(1);
    expect(text(el)).to.contain('Nora Neu');
    expect(text(el)).to.contain('Teamleitung');
    expect(text(el)).not.to.contain(RECOVERY_CODES[0]);
  });

  it('the server SVG is rebuilt from svg/path/rect only: no script, handler, link, style or foreign content', async () => {
    const svg = safeSvg(HOSTILE_SVG, 'QR')!;
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.append(svg);
    await settle();
    svg.querySelector('rect')?.dispatchEvent(new MouseEvent('click'));
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const names = [...svg.querySelectorAll('*')].map((e) => e.localName);
    expect(names.every((n) => n === 'rect' || n === 'path')).to.equal(true);
    expect(names).to.deep.equal(['rect', 'path']);
    const attrs = [svg, ...svg.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
    expect(attrs.filter((a) => a.startsWith('on') || a === 'style' || a.includes('href'))).to.deep.equal([]);
    expect(svg.querySelector('path')!.hasAttribute('fill')).to.equal(false); // url(…) paint dropped
    expect(safeSvg('<html><script>1</script></html>', 'QR')).to.equal(undefined);
    expect(safeSvg('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0', 'QR')).to.equal(undefined);
  });

  it('shows the session it finds at start without firing jc-staff-signed-in', async () => {
    let fired = 0;
    const count = () => fired++;
    window.addEventListener('jc-staff-signed-in', count);
    const { el } = await mount({ session: 'staff' });
    await heading(el, 'Sie sind angemeldet');
    await settle();
    window.removeEventListener('jc-staff-signed-in', count);
    expect(fired).to.equal(0);
    expect(text(el)).to.contain('sabine.beispiel@jobcenter-musterstadt.example');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, 'en');
    await heading(el, 'Staff sign-in');
    await submit(el);
    expect(await summaryText(el)).to.contain('Enter your work email address');
    await passwordStep(el);
    await heading(el, 'Enter your security code');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('en');
  });
});
