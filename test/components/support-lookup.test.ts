/** jc-support-lookup: axe in every state, keyboard-only lookup and unlock, confirmation, errors, 320 px, no social data. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/support-lookup/support-lookup.js';
import type { JcSupportLookup } from '../../components/support-lookup/support-lookup.js';
import { MockPersonsApi, type PersonsMockOptions } from '../../stories/mock-persons-api.js';
import { search } from '../../stories/support-lookup.stories.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, tabTo } from './helpers.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function mount(options: PersonsMockOptions = {}, lang = 'de') {
  const api = new MockPersonsApi(options);
  const original = window.fetch;
  window.fetch = api.fetch as typeof fetch;
  restore = () => (window.fetch = original);
  const el = await fixture<JcSupportLookup>(html`<jc-support-lookup lang=${lang} sign-in-url="/anmelden"></jc-support-lookup>`);
  return { el, api };
}

const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('jc-support-lookup', () => {
  afterEach(() => setViewport({ width: 1024, height: 800 }));

  it('axe: empty, invalid, found, confirmation, not found, no access, signed out', async () => {
    let { el } = await mount();
    await expectAccessible(el);
    await search(el, 'kein-at');
    await inWidget(el, '#email-error');
    await expectAccessible(el);
    await search(el, 'erika@beispiel.de');
    await inWidget(el, 'dl');
    await expectAccessible(el);
    (await inWidget<HTMLButtonElement>(el, 'button.resend')).click();
    await inWidget(el, '[part=confirm]');
    await expectAccessible(el);
    for (const o of [{ account: null }, { failure: 403 }, { session: 'none' as const }]) {
      ({ el } = await mount(o));
      await search(el, 'erika@beispiel.de');
      await waitFor(() => el.shadowRoot!.querySelector('.panel--error, a[href="/anmelden"]'));
      await expectAccessible(el);
    }
  });

  it('shows the technical state as a definition list and nothing else', async () => {
    const { el, api } = await mount();
    await search(el, 'Erika@Beispiel.de ');
    const dl = await inWidget(el, 'dl');
    const terms = [...dl.querySelectorAll('dt')].map((d) => d.textContent!.trim());
    expect(terms).to.deep.equal(['E-Mail-Adresse bestätigt', 'Anmeldung gesperrt', 'Letzte Anmeldung', 'Sicherheitsstufe', 'Offene Erklärung zum Tag der Antragstellung', 'Konto angelegt']);
    expect(dl.textContent).to.contain('7 Fehlversuche');
    const lookup = api.calls.find((c) => c.path.startsWith('/api/support'))!;
    expect([lookup.method, lookup.path]).to.deep.equal(['POST', '/api/support/accounts/lookup']);
    expect(lookup.body).to.deep.equal({ email: 'Erika@Beispiel.de' });
  });

  it('keyboard only: search, unlock with confirmation, result announced and state reloaded', async () => {
    const { el, api } = await mount();
    await tabTo((e) => e.id === 'email');
    await sendKeys({ type: 'erika@beispiel.de' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.id === 'state-heading');
    await tabTo((e) => e.classList.contains('unlock'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.id === 'confirm-heading');
    await tabTo((e) => e.classList.contains('confirm-yes'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(el, '[part=message]').includes('aufgehoben'));
    expect(el.shadowRoot!.querySelector('[part=message]')!.getAttribute('role')).to.equal('status');
    expect(api.calls.filter((c) => c.method === 'POST' && !c.path.endsWith('/lookup')).map((c) => c.path)).to.deep.equal([`/api/support/accounts/${api.account!.id}/unlock`]);
    expect(text(el, 'dl')).to.contain('0 Fehlversuche');
    expect(el.shadowRoot!.querySelector('button.unlock')).to.equal(null);
  });

  it('resend after confirmation; cancel sends nothing; invalid address is not sent', async () => {
    const { el, api } = await mount();
    await search(el, 'kein-at');
    await inWidget(el, '#email-error');
    expect(el.shadowRoot!.querySelector('#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(api.calls.some((c) => c.path.startsWith('/api/support'))).to.equal(false);
    await search(el, 'erika@beispiel.de');
    (await inWidget<HTMLButtonElement>(el, 'button.resend')).click();
    (await inWidget<HTMLButtonElement>(el, '[part=confirm] .button--secondary')).click();
    await waitFor(() => !el.shadowRoot!.querySelector('[part=confirm]'));
    expect(api.calls.some((c) => c.method === 'POST' && !c.path.endsWith('/lookup'))).to.equal(false);
    (await inWidget<HTMLButtonElement>(el, 'button.resend')).click();
    (await inWidget<HTMLButtonElement>(el, 'button.confirm-yes')).click();
    await waitFor(() => text(el, '[part=message]').includes('Bestätigungsmail'));
    expect(api.calls.filter((c) => c.method === 'POST' && !c.path.endsWith('/lookup')).map((c) => c.path)).to.deep.equal([`/api/support/accounts/${api.account!.id}/resend-confirmation`]);
  });

  it('fits 320 px and speaks English', async () => {
    await setViewport({ width: 320, height: 700 });
    const { el } = await mount({}, 'en');
    await search(el, 'erika@beispiel.de');
    await inWidget(el, 'dl');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(text(el, 'h2')).to.equal('Support: look up an account');
    expect(text(el, 'dl')).to.contain('7 failed attempts');
    await expectAccessible(el);
  });
});
