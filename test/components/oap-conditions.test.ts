/** jc-oap-conditions: axe per state, the occupation combobox by keyboard (umlaut folding), remove, errors, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JcOapConditions } from '../../components/oap-conditions/oap-conditions.js';
import { COMPLETE, type MockOapApi, type OapMockOptions } from '../../stories/oap-mock-api.js';
import { search } from '../../stories/oap-conditions.stories.js';
import { buttonIn, oapPage } from '../../stories/oap-play.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle } from './helpers.js';

async function mount(options: OapMockOptions = {}) {
  let api!: MockOapApi;
  const root = await fixture<HTMLElement>(
    html`<div>${oapPage('jc-oap-conditions', options, (a) => (api = a))}</div>`,
  );
  const el = root.querySelector<JcOapConditions>('jc-oap-conditions')!;
  await waitFor(
    () =>
      el.shadowRoot?.querySelector('h2, jc-form-page') &&
      !el.shadowRoot.textContent?.includes('Wird geladen'),
  );
  await settle();
  return { el, api, root };
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const options = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim());

describe('jc-oap-conditions', () => {
  it('axe: signed out, empty picker, open listbox, errors, partly filled, submitted, taken over', async () => {
    for (const o of [
      { session: 'none' },
      { answers: { conditions: { desiredOccupations: ['29212'] } } },
      { answers: { conditions: COMPLETE.conditions }, submitted: ['conditions'] },
      { answers: { conditions: COMPLETE.conditions }, takenOver: ['conditions'] },
    ] as OapMockOptions[]) {
      const { root } = await mount(o);
      await expectAccessible(root);
    }
    const { el, root } = await mount();
    await expectAccessible(root);
    await search(el, 'backer');
    await inWidget(el, '[role=option]');
    await expectAccessible(root);
    (await buttonIn(el, 'Weiter')).click();
    await waitFor(() => $(el, 'jc-error-summary').shadowRoot?.querySelector('a'));
    await expectAccessible(root);
  });

  it('search folds umlauts: "backer" and "baecker" find "Bäcker/in"', async () => {
    const { el } = await mount();
    await search(el, 'backer');
    await waitFor(() => options(el).includes('Bäcker/in'));
    await search(el, 'baecker');
    await waitFor(() => options(el).includes('Bäcker/in'));
    expect($(el, '#desiredOccupations').getAttribute('aria-expanded')).to.equal('true');
    expect(
      [...el.shadowRoot!.querySelectorAll('[role=status]')].map((x) => x.textContent).join(' '),
    ).to.match(/Berufe? gefunden/);
  });

  it('keyboard only: ↓ and Enter pick an occupation, it is saved, Escape closes, "Entfernen" removes', async () => {
    const { el, api } = await mount();
    const input = $<HTMLInputElement>(el, '#desiredOccupations');
    input.focus();
    await sendKeys({ type: 'Lager' });
    await waitFor(() => options(el).length > 0);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => input.getAttribute('aria-activedescendant') === 'desiredOccupations-option-0');
    const first = options(el)[0];
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, '.chosen')?.textContent?.includes(first));
    expect(deepActiveElement()).to.equal(input);
    await waitFor(() => api.callsTo('PUT', '/api/oap/conditions/answers').length === 1);
    expect((api.rows.get('conditions')!.answers.desiredOccupations as string[]).length).to.equal(1);
    await sendKeys({ type: 'Koch' });
    await waitFor(() => options(el).length > 0);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => input.getAttribute('aria-expanded') === 'false');
    $<HTMLButtonElement>(el, '.chosen button').click();
    await waitFor(() => !el.shadowRoot!.querySelector('.chosen'));
  });

  it('"Weiter" without an occupation: the summary takes focus and its link focuses the search field', async () => {
    const { el } = await mount();
    (await buttonIn(el, 'Weiter')).click();
    const summary = $(el, 'jc-error-summary');
    const link = await waitFor(() => summary.shadowRoot?.querySelector<HTMLAnchorElement>('a'));
    await waitFor(() => deepActiveElement()?.closest?.('div') && summary.shadowRoot!.activeElement);
    link.click();
    expect(deepActiveElement()).to.equal($(el, '#desiredOccupations'));
    expect($(el, '#desiredOccupations').getAttribute('aria-invalid')).to.equal('true');
  });

  it('with an occupation, "Weiter" goes on to the working time page', async () => {
    const { el } = await mount({ answers: { conditions: { desiredOccupations: ['29212'] } } });
    // resumes at the first incomplete page (working time); back to the picker, then on again
    const page = await inWidget<HTMLElement>(el, 'jc-form-page');
    await waitFor(() => page.shadowRoot?.querySelector('h2')?.textContent?.includes('Arbeitszeit'));
    page.shadowRoot!.querySelector<HTMLButtonElement>('button.link')!.click();
    await inWidget(el, '#desiredOccupations');
    (await buttonIn(el, 'Weiter')).click();
    await waitFor(() =>
      el
        .shadowRoot!.querySelector('jc-form-page')
        ?.shadowRoot?.querySelector('h2')
        ?.textContent?.includes('Arbeitszeit'),
    );
  });

  it('320 px: picker with open listbox does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      const { el } = await mount();
      await search(el, 'Fachkraft');
      await inWidget(el, '[role=option]');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
