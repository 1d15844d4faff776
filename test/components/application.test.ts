/** jc-application: states, validation and error summary, keyboard, receipt, exactly-once submission. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/application/application.js';
import type { JcApplication } from '../../components/application/application.js';
import type { JcSubmittedEvent } from '../../components/events/jc-submitted.js';
import { JcSignedInEvent } from '../../components/events/jc-signed-in.js';
import type { MockOptions } from '../../stories/mock-api.js';
import { account, receipt } from '../../stories/fixtures.js';
import { fillTda } from '../../stories/tda-play.js';
import { fill, heading, inWidget, submit, waitFor } from '../../stories/play.js';
import { safeUrl } from '../../components/base/safe-url.js';
import { formPage } from '../../stories/ade-play.js';
import { deepActiveElement, expectAccessible, settle, stubFetch } from './helpers.js';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => stub?.restore());

async function mount(options: MockOptions = { session: 'level1' }, jobcenter = 'musterstadt', extra = '') {
  stub = stubFetch(options);
  const el = await fixture<JcApplication>(
    html`<jc-application jobcenter=${jobcenter} poll-interval="50" sign-in-url=${extra}></jc-application>`,
  );
  await inWidget(el, 'h2');
  return { el, api: stub.api, ctx: { canvasElement: el.parentElement! } };
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const control = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!;
const inputOf = (el: Element, id: string, part = 'input') =>
  control(el, id).shadowRoot!.querySelector<HTMLInputElement>(part === 'input' ? 'input' : `#${part}`)!;
const summaryOf = (el: Element) => inWidget<HTMLElement>(el, 'jc-error-summary:not([hidden])');
const hostIdOf = (node: Element | null) => {
  const root = node?.getRootNode();
  return root instanceof ShadowRoot ? root.host.id : '';
};

describe('jc-application', () => {
  it('axe: form, client errors, server errors, receipt, signed out, level 0, not live, municipal', async () => {
    let { el, ctx } = await mount();
    await expectAccessible(el);
    await submit(el);
    await summaryOf(el);
    await expectAccessible(el);
    ({ el, ctx } = await mount());
    await fillTda(ctx, { postalCode: '00000' });
    await submit(el);
    await summaryOf(el);
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level1', receipts: [receipt({ pdf: { status: 'pending' } })] }));
    await expectAccessible(el);
    await inWidget(el, '[part=pdf-link]');
    await expectAccessible(el);
    ({ el } = await mount({ session: 'none' }));
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level0' }));
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level1' }, 'bergland-sued'));
    await expectAccessible(el);
    ({ el } = await mount({ session: 'level1' }, 'exempelkreis'));
    await expectAccessible(el);
  });

  it('validates on "Antrag absenden" only; the summary takes focus and its links focus the fields', async () => {
    const { el, api } = await mount();
    await submit(el);
    const summary = await summaryOf(el);
    await settle();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
    const links = [...summary.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#firstName',
      '#lastName',
      '#birthDate',
      '#street',
      '#houseNumber',
      '#postalCode',
      '#city',
      '#declaration',
    ]);
    expect(links[5].textContent).to.equal('Geben Sie Ihre Postleitzahl mit 5 Ziffern ein');
    links[5].click();
    expect(hostIdOf(deepActiveElement())).to.equal('postalCode');
    links[2].click();
    expect(deepActiveElement()?.id).to.equal('day');
    links[7].click();
    expect(hostIdOf(deepActiveElement())).to.equal('declaration');
    expect(api.callsTo('POST', '/api/tda')).to.have.length(0);
  });

  it('gives specific messages for invalid values', async () => {
    const { el, ctx } = await mount();
    await fillTda(ctx, { postalCode: '1234', phone: 'ruf mich an' });
    await fill(el, 'birthDate', '31', 'day');
    await fill(el, 'birthDate', '2', 'month');
    await fill(el, 'email', 'erika@');
    await submit(el);
    const summary = await summaryOf(el);
    expect(summary.shadowRoot!.textContent).to.contain('Das Geburtsdatum muss ein echtes Datum sein');
    expect(summary.shadowRoot!.textContent).to.contain('Geben Sie Ihre Postleitzahl mit 5 Ziffern ein');
    expect(summary.shadowRoot!.textContent).to.contain('Telefonnummer nur mit Ziffern');
    expect(summary.shadowRoot!.textContent).to.contain('E-Mail-Adresse ein, z. B. name@beispiel.de');
  });

  it('keeps every value after a failed submit (client check, server field error, network failure)', async () => {
    const { el, ctx, api } = await mount();
    await fillTda(ctx, { postalCode: '123', city: '' });
    await submit(el);
    const summary = await summaryOf(el);
    const links = () => [...summary.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links()).to.deep.equal(['#postalCode', '#city']);
    const ids = ['firstName', 'lastName', 'street', 'houseNumber', 'postalCode', 'city', 'phone'];
    const values = () => ids.map((id) => inputOf(el, id).value);
    expect(values()).to.deep.equal(['Erika', 'Mustermann', 'Lindenweg', '4a', '123', '', '030 1234567']);
    expect(inputOf(el, 'birthDate', 'year').value).to.equal('1990');
    expect(inputOf(el, 'declaration').checked).to.equal(true);

    await fill(el, 'postalCode', '00000'); // well-formed, but the server knows it does not exist
    await fill(el, 'city', 'Musterstadt');
    await submit(el);
    await waitFor(() => links().length === 1);
    expect(links()).to.deep.equal(['#postalCode']);
    expect(api.callsTo('POST', '/api/tda')).to.have.length(1);
    expect(values()).to.deep.equal([
      'Erika',
      'Mustermann',
      'Lindenweg',
      '4a',
      '00000',
      'Musterstadt',
      '030 1234567',
    ]);

    api.options.tdaFailures = ['network'];
    await fill(el, 'postalCode', '00123');
    await submit(el);
    await waitFor(() => summary.shadowRoot!.textContent!.includes('Keine Verbindung'));
    expect(summary.shadowRoot!.textContent).to.contain('Ihre Angaben sind noch da');
    expect(values()).to.deep.equal([
      'Erika',
      'Mustermann',
      'Lindenweg',
      '4a',
      '00123',
      'Musterstadt',
      '030 1234567',
    ]);
  });

  it('keyboard only: focus order through the form, Space ticks the declaration, Enter submits', async () => {
    const { el, api } = await mount();
    inputOf(el, 'firstName').focus();
    const typed: Array<[string, string]> = [
      ['firstName', 'Erika'],
      ['lastName', 'Mustermann'],
      ['day', '12'],
      ['month', '8'],
      ['year', '1990'],
      ['street', 'Lindenweg'],
      ['houseNumber', '4a'],
      ['addressSuffix', ''],
      ['postalCode', '00123'],
      ['city', 'Musterstadt'],
      ['phone', ''],
      ['email', ''],
      ['contactLanguage', ''],
    ];
    for (const [id, value] of typed) {
      const active = deepActiveElement()!;
      expect(
        active.id === id || hostIdOf(active) === id,
        `focus on ${id}, got ${active.id || hostIdOf(active)}`,
      ).to.equal(true);
      if (value) await sendKeys({ type: value });
      await sendKeys({ press: 'Tab' });
    }
    expect(hostIdOf(deepActiveElement())).to.equal('declaration');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Antrag absenden');
    inputOf(el, 'city').focus();
    await sendKeys({ press: 'Enter' });
    await heading(el, 'Eingangsbestätigung');
    expect(api.callsTo('POST', '/api/tda')[0].body).to.deep.include({
      birthDate: '1990-08-12',
      declaration: true,
    });
  });

  it('after 201 shows the receipt: focused heading, number, time in German time, PDF when ready, hashes, next steps', async () => {
    const now = () => new Date('2025-11-25T23:30:00Z');
    const { el, ctx, api } = await mount({ session: 'level1', now, pdfReadyAfterPolls: 2 });
    await fillTda(ctx);
    const submitted = oneEvent(el, 'jc-submitted') as Promise<JcSubmittedEvent>;
    await submit(el);
    const h = await heading(el, 'Eingangsbestätigung');
    const detail = (await submitted).detail;
    expect(detail.step === 'tda' && detail.receipt.number).to.equal('TDA-2025-000001');
    await settle();
    expect(deepActiveElement()).to.equal(h);
    expect(text(el)).to.contain('TDA-2025-000001');
    expect(text(el)).to.contain('26. November 2025 um 00:30 Uhr');
    expect(text(el)).to.contain('Ihr Antrag ist beim Jobcenter Musterstadt eingegangen.');
    expect(text(el)).to.contain('Die PDF-Datei wird erstellt');
    const link = await inWidget<HTMLAnchorElement>(el, '[part=pdf-link]');
    expect(link.href).to.equal(`${location.origin}/api/tda/tda_0001/pdf`);
    expect(link.textContent).to.contain('PDF, 47 KB');
    const status = el.shadowRoot!.querySelector('[part=receipt] [role=status]')!;
    expect(status.textContent).to.contain('Die Eingangsbestätigung als PDF ist fertig');
    expect(el.shadowRoot!.querySelectorAll('[part=hash]')).to.have.length(2);
    expect(text(el)).to.contain('Wie geht es weiter?');
    expect(text(el)).to.contain('Ihr Antrag gilt ab dem 26. November 2025');
    const body = api.callsTo('POST', '/api/tda')[0].body;
    expect(body).to.deep.equal({
      portalJobcenterId: 'musterstadt',
      firstName: 'Erika',
      lastName: 'Mustermann',
      birthDate: '1990-08-12',
      street: 'Lindenweg',
      houseNumber: '4a',
      postalCode: '00123',
      city: 'Musterstadt',
      phone: '030 1234567',
      contactLanguage: 'de',
      declaration: true,
    });
    expect(api.callsTo('GET', '/api/tda/tda_0001').length).to.be.at.least(2);
  });

  it('names the responsible jobcenter and why when it is not the portal’s', async () => {
    const { el, ctx } = await mount();
    await fillTda(ctx, { postalCode: '00234' });
    await submit(el);
    await heading(el, 'Eingangsbestätigung');
    expect(text(el)).to.contain(
      'nicht das Jobcenter Musterstadt zuständig, sondern das Jobcenter Hafenstadt',
    );
  });

  it('shows the receipt of an existing TdA instead of a new form', async () => {
    const { el, api } = await mount({ session: 'level1', receipts: [receipt()] });
    await heading(el, 'Eingangsbestätigung');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    expect(api.callsTo('GET', '/api/tda')).to.have.length(1);
    expect(deepActiveElement()?.localName).not.to.equal('h2'); // no focus theft on load
  });

  it('after the receipt: "Weiter zum vollständigen Antrag" starts the Hauptantrag for the portal and the TdA', async () => {
    const { el, api } = await mount({ session: 'level1', receipts: [receipt()] });
    await heading(el, 'Eingangsbestätigung');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Weiter zum vollständigen Antrag (Hauptantrag)'),
    )!;
    button.click();
    const flow = await inWidget(el, 'jc-ade-flow');
    const page = await formPage(flow, 'Wie heißen Sie?');
    expect(api.callsTo('POST', '/api/applications')[0].body).to.deep.equal({
      portalJobcenterId: 'musterstadt',
      tdaId: 'tda_0001',
    });
    await settle();
    expect(deepActiveElement()).to.equal(page.shadowRoot!.querySelector('h2'));
    await expectAccessible(el);
  });

  it('a double click sends one request with one Idempotency-Key; the button is disabled while sending', async () => {
    const { el, ctx, api } = await mount({ session: 'level1', delayMs: 300 });
    await fillTda(ctx);
    await submit(el);
    await submit(el);
    await settle(10);
    const button = el.shadowRoot!.querySelector('form button')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await submit(el);
    await heading(el, 'Eingangsbestätigung');
    const posts = api.callsTo('POST', '/api/tda');
    expect(posts).to.have.length(1);
    expect(posts[0].headers['idempotency-key']).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('a retry after a lost answer reuses the key and gets the stored receipt (no duplicate)', async () => {
    const { el, ctx, api } = await mount({ session: 'level1', tdaFailures: ['lost'] });
    await fillTda(ctx);
    await submit(el);
    await waitFor(() =>
      el.shadowRoot!.querySelector('jc-error-summary')!.shadowRoot!.textContent!.includes('Keine Verbindung'),
    );
    await submit(el);
    await heading(el, 'Eingangsbestätigung');
    const keys = api.callsTo('POST', '/api/tda').map((c) => c.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    expect(api.receipts).to.have.length(1);
  });

  it('a changed payload after a failure gets a new key', async () => {
    const { el, ctx, api } = await mount({ session: 'level1', tdaFailures: [500] });
    await fillTda(ctx);
    await submit(el);
    await summaryOf(el);
    await fill(el, 'phone', '030 7654321');
    await submit(el);
    await heading(el, 'Eingangsbestätigung');
    const keys = api.callsTo('POST', '/api/tda').map((c) => c.headers['idempotency-key']);
    expect(keys[0]).not.to.equal(keys[1]);
  });

  it('409 "in progress" is retried with the same key', async () => {
    const { el, ctx, api } = await mount({ session: 'level1', tdaFailures: ['in-progress'] });
    await fillTda(ctx);
    await submit(el);
    await heading(el, 'Eingangsbestätigung', 4000);
    const keys = api.callsTo('POST', '/api/tda').map((c) => c.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
  });

  it('401 on submit asks to sign in and keeps the answers for after the sign-in', async () => {
    const { el, ctx, api } = await mount();
    await fillTda(ctx);
    api.account = undefined; // the session expired meanwhile
    await submit(el);
    await waitFor(() => el.shadowRoot!.querySelector('slot[name=sign-in]'));
    api.account = account(1);
    window.dispatchEvent(new JcSignedInEvent({ account: account(1) }));
    await inWidget(el, 'form');
    await settle();
    expect(inputOf(el, 'firstName').value).to.equal('Erika');
    expect(inputOf(el, 'declaration').checked).to.equal(true);
  });

  it('403 (level too low) explains that the e-mail must be confirmed', async () => {
    const { el, ctx, api } = await mount();
    await fillTda(ctx);
    api.account = account(0);
    await submit(el);
    await heading(el, 'Bestätigen Sie zuerst Ihre E-Mail-Adresse');
  });

  it('not signed in: a sign-in link (sign-in-url) or the slotted registration', async () => {
    const { el } = await mount({ session: 'none' }, 'musterstadt', '/anmelden');
    await heading(el, 'Antrag auf Bürgergeld stellen');
    expect(
      el.shadowRoot!.querySelector<HTMLAnchorElement>('slot[name=sign-in] a')!.getAttribute('href'),
    ).to.equal('/anmelden');
  });

  it('signed in at level 0: explains and can resend the confirmation link', async () => {
    const { el, api } = await mount({ session: 'level0' });
    await heading(el, 'Bestätigen Sie zuerst Ihre E-Mail-Adresse');
    [...el.shadowRoot!.querySelectorAll('button')]
      .find((b) => b.textContent!.includes('erneut senden'))!
      .click();
    await waitFor(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('noch einmal'));
    expect(api.callsTo('POST', '/api/accounts/resend-confirmation')).to.have.length(1);
  });

  it('jobcenter not live: how to apply anyway, with contact data and paper form', async () => {
    const { el } = await mount({ session: 'level1' }, 'bergland-sued');
    await heading(el, 'So stellen Sie Ihren Antrag');
    expect(text(el)).to.contain('ab dem 1. April 2027');
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).to.equal(
      'tel:08004555503',
    );
    expect(el.shadowRoot!.querySelector('a[href$="antrag.pdf"]')).to.exist;
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
  });

  it('municipal jobcenter (zkT): says it does not take part', async () => {
    const { el } = await mount({ session: 'level1' }, 'exempelkreis');
    await heading(el, 'So stellen Sie Ihren Antrag');
    expect(text(el)).to.contain('von der Kommune allein geführt');
  });

  it('sign-out elsewhere on the page clears the typed answers', async () => {
    const { el, ctx, api } = await mount();
    await fillTda(ctx);
    api.account = undefined;
    window.dispatchEvent(new Event('jc-signed-out'));
    await waitFor(() => el.shadowRoot!.querySelector('slot[name=sign-in]'));
    api.account = account(1);
    window.dispatchEvent(new JcSignedInEvent({ account: account(1) }));
    await inWidget(el, 'form');
    await settle();
    expect(inputOf(el, 'firstName').value).to.equal('');
  });

  it('error-title: the page title gets "Fehler: " while errors are shown', async () => {
    stub = stubFetch({ session: 'level1' });
    document.title = 'Antrag stellen – Musterstadt';
    const el = await fixture<JcApplication>(
      html`<jc-application jobcenter="musterstadt" error-title></jc-application>`,
    );
    await inWidget(el, 'form');
    await submit(el);
    await summaryOf(el);
    expect(document.title).to.equal('Fehler: Antrag stellen – Musterstadt');
    el.remove();
    expect(document.title).to.equal('Antrag stellen – Musterstadt');
  });

  it('links from configuration or server data are http(s) only', () => {
    expect(safeUrl('https://jobcenter.example/antrag.pdf')).to.equal('https://jobcenter.example/antrag.pdf');
    expect(safeUrl('/api/tda/1/pdf')).to.equal('/api/tda/1/pdf');
    expect(safeUrl('javascript:alert(1)')).to.equal(undefined);
    expect(safeUrl('data:text/html,x')).to.equal(undefined);
  });
});
