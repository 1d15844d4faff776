/** jc-duplicate-check: axe in every state, keyboard-only decision, confirmation, If-Match, 409 conflict, 320 px, English. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/duplicate-check/duplicate-check.js';
import type { JcDuplicateCheck } from '../../components/duplicate-check/duplicate-check.js';
import { MockPersonsApi, type PersonsMockOptions } from '../../stories/mock-persons-api.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, tabTo } from './helpers.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

async function mount(options: PersonsMockOptions = {}, lang = 'de') {
  const api = new MockPersonsApi(options);
  const original = window.fetch;
  window.fetch = api.fetch as typeof fetch;
  restore = () => (window.fetch = original);
  const el = await fixture<JcDuplicateCheck>(html`<jc-duplicate-check lang=${lang} sign-in-url="/anmelden"></jc-duplicate-check>`);
  return { el, api };
}

const text = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const click = async (el: Element, sel: string) => (await inWidget<HTMLButtonElement>(el, sel)).click();

describe('jc-duplicate-check', () => {
  afterEach(() => setViewport({ width: 1024, height: 800 }));

  it('axe: list, detail, confirmation, conflict, empty, error, no access, signed out', async () => {
    let { el } = await mount();
    await inWidget(el, 'button.open');
    await expectAccessible(el);
    await click(el, 'button.open');
    await inWidget(el, '[part=candidate]');
    await expectAccessible(el);
    await click(el, '[part=merge]');
    await inWidget(el, '[part=confirm]');
    await expectAccessible(el);
    ({ el } = await mount({ raceOnDecide: true }));
    await click(el, 'button.open');
    await click(el, 'button.convert');
    await click(el, 'button.confirm-yes');
    await inWidget(el, '.panel--error[part=message]');
    await expectAccessible(el);
    for (const o of [{ empty: true }, { failure: 500 }, { failure: 403 }, { session: 'none' as const }]) {
      ({ el } = await mount(o));
      await waitFor(() => el.shadowRoot!.querySelector('.empty, .panel--error, a[href="/anmelden"]'));
      await expectAccessible(el);
    }
  });

  it('shows the candidates side by side; differences are marked in words, not only by colour', async () => {
    const { el } = await mount();
    await click(el, 'button.open');
    const first = await inWidget(el, '[part=candidate]');
    expect(first.textContent).to.contain('Übereinstimmung 90 %');
    expect(first.textContent).to.contain('wahrscheinlich dieselbe Person');
    const rows = [...first.querySelectorAll('tbody tr')];
    const lastName = rows.find((r) => r.querySelector('th')!.textContent!.includes('Nachname'))!;
    expect(lastName.textContent).to.contain('Mueller');
    expect(lastName.textContent).to.contain('≠ abweichend');
    expect(lastName.querySelector('strong.diff')).to.exist;
    const birth = rows.find((r) => r.querySelector('th')!.textContent!.includes('Geburtsdatum'))!;
    expect(birth.textContent).to.contain('03.02.1971');
    expect(birth.textContent).to.contain('= gleich');
    expect(first.textContent).to.contain('Geburtsdatum gleich');
  });

  it('keyboard only: open, convert, confirm; sends If-Match once and announces the Kundennummer', async () => {
    const { el, api } = await mount();
    await inWidget(el, 'button.open');
    const open = await tabTo((e) => e.classList.contains('open'));
    expect(open.textContent).to.contain('Mueller, Juergen');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.id === 'detail-heading');
    await tabTo((e) => e.classList.contains('convert'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.id === 'confirm-heading');
    await tabTo((e) => e.classList.contains('confirm-yes'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(el, '[part=message]').includes('962W123456'));
    expect(text(el, '[part=message]')).to.equal('Als neue Person angelegt: Kundennummer 962W123456.');
    const posts = api.calls.filter((c) => c.method === 'POST');
    expect(posts.map((c) => [c.path, c.headers['if-match']])).to.deep.equal([[`/api/staff/internet-persons/${api.detail.id}/convert`, '"1"']]);
    expect(el.shadowRoot!.querySelector('.empty')).to.exist;
  });

  it('cancel keeps everything; merge sends the chosen person; a 409 says someone else decided', async () => {
    let { el, api } = await mount();
    await click(el, 'button.open');
    await click(el, '[part=merge]');
    await click(el, '[part=confirm] .button--secondary');
    await waitFor(() => !el.shadowRoot!.querySelector('[part=confirm]'));
    expect(api.calls.some((c) => c.method === 'POST')).to.equal(false);
    const merges = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=merge]');
    merges[1].click();
    await click(el, 'button.confirm-yes');
    await waitFor(() => text(el, '[part=message]').includes('zusammengeführt'));
    expect(api.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ personId: 'dp-g0042' });
    ({ el, api } = await mount({ raceOnDecide: true }));
    await click(el, 'button.open');
    await click(el, 'button.convert');
    await click(el, 'button.confirm-yes');
    await waitFor(() => text(el, '[part=message]').includes('Jemand anderes'));
    expect(el.shadowRoot!.querySelector('[part=message]')!.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.querySelector('button.convert')).to.equal(null);
    expect(text(el, '.panel:not([part])')).to.contain('schon zusammengeführt');
  });

  it('fits 320 px without horizontal page scrolling; speaks English', async () => {
    await setViewport({ width: 320, height: 700 });
    let { el } = await mount();
    await click(el, 'button.open');
    await inWidget(el, '[part=candidate]');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    ({ el } = await mount({}, 'en'));
    await click(el, 'button.open');
    await inWidget(el, '[part=candidate]');
    expect(text(el, 'h2')).to.equal('Duplicate check');
    expect(el.shadowRoot!.textContent).to.contain('≠ different');
    await expectAccessible(el);
  });
});
