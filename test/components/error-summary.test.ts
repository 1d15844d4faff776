/** jc-error-summary: GOV.UK pattern – alert, takes focus, links focus the fields. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/error-summary/error-summary.js';
import '../../components/text-field/text-field.js';
import '../../components/date-input/date-input.js';
import type { JcErrorSummary } from '../../components/error-summary/error-summary.js';
import { deepActiveElement, expectAccessible } from './helpers.js';

const ERRORS = [
  { field: 'firstName', message: 'Geben Sie Ihren Vornamen ein' },
  { field: 'birthDate', message: 'Geben Sie Ihr Geburtsdatum ein' },
  { message: 'Keine Verbindung zum Server.' },
];

async function page() {
  const root = await fixture<HTMLElement>(
    html`<div>
      <jc-error-summary .errors=${ERRORS}></jc-error-summary>
      <jc-text-field id="firstName" label="Vorname" error="Geben Sie Ihren Vornamen ein"></jc-text-field>
      <jc-date-input
        id="birthDate"
        label="Geburtsdatum"
        error="Geben Sie Ihr Geburtsdatum ein"
      ></jc-date-input>
    </div>`,
  );
  const summary = root.querySelector<JcErrorSummary>('jc-error-summary')!;
  await summary.updateComplete;
  return { root, summary };
}

describe('jc-error-summary', () => {
  it('axe: the summary with its fields has no violations', async () => {
    const { root } = await page();
    await expectAccessible(root);
  });

  it('renders "Es gibt ein Problem" as an alert with one link per field error', async () => {
    const { summary } = await page();
    const box = summary.shadowRoot!.querySelector('[role=alert]')!;
    expect(box.querySelector('h2')!.textContent!.trim()).to.equal('Es gibt ein Problem');
    const links = [...box.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#firstName', '#birthDate']);
    expect(box.querySelectorAll('li').length).to.equal(3);
  });

  it('is hidden and renders nothing without errors', async () => {
    const el = await fixture<JcErrorSummary>(html`<jc-error-summary></jc-error-summary>`);
    expect(el.hidden).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
  });

  it('takes focus', async () => {
    const { summary } = await page();
    summary.focus();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
  });

  it('a link focuses its field (text field → input, date → day)', async () => {
    const { summary } = await page();
    const [first, second] = summary.shadowRoot!.querySelectorAll('a');
    first.click();
    expect(deepActiveElement()?.localName).to.equal('input');
    expect((deepActiveElement()!.getRootNode() as ShadowRoot).host.id).to.equal('firstName');
    second.click();
    expect(deepActiveElement()?.id).to.equal('day');
  });

  it('links work with the keyboard: Tab to a link, Enter', async () => {
    const { summary } = await page();
    summary.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((deepActiveElement()!.getRootNode() as ShadowRoot).host.id).to.equal('firstName');
  });
});
