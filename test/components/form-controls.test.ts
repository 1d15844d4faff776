/** jc-text-field, jc-checkbox, jc-select, jc-date-input: accessibility, form association, keyboard. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/text-field/text-field.js';
import '../../components/checkbox/checkbox.js';
import '../../components/select/select.js';
import '../../components/date-input/date-input.js';
import { joinDate, type JcDateInput } from '../../components/date-input/date-input.js';
import type { JcTextField } from '../../components/text-field/text-field.js';
import type { JcCheckbox } from '../../components/checkbox/checkbox.js';
import type { JcSelect } from '../../components/select/select.js';
import '../../components/choice-group/choice-group.js';
import type { JcChoiceGroup } from '../../components/choice-group/choice-group.js';
import {
  formatIban,
  formatMoney,
  normaliseIban,
  parseInteger,
  parseMoney,
} from '../../components/form-page/input-format.js';
import { deepActiveElement, expectAccessible } from './helpers.js';

const OPTIONS = [
  { value: 'de', label: 'Deutsch' },
  { value: 'en', label: 'Englisch' },
];

describe('form controls', () => {
  it('axe: every control without and with an error has no violations', async () => {
    const el = await fixture(
      html`<form novalidate>
        <jc-text-field label="Vorname" hint="Wie im Ausweis" name="firstName"></jc-text-field>
        <jc-text-field
          label="PLZ"
          name="plz"
          error="Geben Sie Ihre Postleitzahl mit 5 Ziffern ein"
        ></jc-text-field>
        <jc-checkbox label="Ich beantrage Leistungen" name="declaration"></jc-checkbox>
        <jc-checkbox
          label="Ich beantrage Leistungen"
          name="d2"
          error="Bestätigen Sie die Erklärung"
        ></jc-checkbox>
        <jc-select label="Sprache" name="lang" .options=${OPTIONS}></jc-select>
        <jc-select
          label="Sprache"
          name="lang2"
          .options=${OPTIONS}
          error="Wählen Sie eine Sprache"
        ></jc-select>
        <jc-date-input label="Geburtsdatum" hint="Zum Beispiel 27 3 1985" name="birthDate"></jc-date-input>
        <jc-date-input label="Geburtsdatum" name="b2" error="Das Datum muss echt sein"></jc-date-input>
      </form>`,
    );
    await expectAccessible(el);
  });

  describe('jc-text-field', () => {
    it('links label, hint and error to the input and marks it invalid', async () => {
      const el = await fixture<JcTextField>(
        html`<jc-text-field
          label="PLZ"
          hint="5 Ziffern"
          error="Geben Sie Ihre Postleitzahl mit 5 Ziffern ein"
          autocomplete="postal-code"
          inputmode="numeric"
        ></jc-text-field>`,
      );
      const input = el.shadowRoot!.querySelector('input')!;
      expect(input.labels?.[0]?.textContent).to.equal('PLZ');
      expect(input.getAttribute('aria-describedby')).to.equal('hint error');
      expect(el.shadowRoot!.getElementById('hint')!.textContent).to.equal('5 Ziffern');
      expect(el.shadowRoot!.getElementById('error')!.textContent).to.contain('Fehler:');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('autocomplete')).to.equal('postal-code');
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(el.validity.customError).to.equal(true);
    });

    it('takes part in the form: FormData, reset, required', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form novalidate>
          <jc-text-field name="city" label="Ort" value="Musterstadt" required></jc-text-field>
        </form>`,
      );
      const field = form.querySelector('jc-text-field')!;
      expect(new FormData(form).get('city')).to.equal('Musterstadt');
      const input = field.shadowRoot!.querySelector('input')!;
      input.value = 'Hafenstadt';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await field.updateComplete;
      expect(new FormData(form).get('city')).to.equal('Hafenstadt');
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal('Musterstadt');
      field.value = '';
      await field.updateComplete;
      expect(field.validity.valueMissing).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
    });

    it('fires a composed input event the page can listen to', async () => {
      const el = await fixture<JcTextField>(html`<jc-text-field label="Vorname"></jc-text-field>`);
      el.focus();
      setTimeout(() => sendKeys({ type: 'E' }));
      const event = await oneEvent(el, 'input');
      expect(event.composed).to.equal(true);
      expect(el.value).to.equal('E');
    });

    it('Enter submits the owning form', async () => {
      let submitted = 0;
      const form = await fixture<HTMLFormElement>(
        html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), submitted++)}>
          <jc-text-field name="a" label="A"></jc-text-field>
        </form>`,
      );
      form.querySelector('jc-text-field')!.focus();
      await sendKeys({ type: 'x' });
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.equal(1);
    });

    it('focus() moves focus to the input (delegatesFocus)', async () => {
      const el = await fixture<JcTextField>(html`<jc-text-field label="Vorname"></jc-text-field>`);
      el.focus();
      expect(deepActiveElement()?.localName).to.equal('input');
    });
  });

  describe('jc-checkbox', () => {
    it('Space toggles it; the form gets its value only when checked', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form novalidate>
          <jc-checkbox name="declaration" value="yes" label="Ich beantrage Leistungen"></jc-checkbox>
        </form>`,
      );
      const box = form.querySelector<JcCheckbox>('jc-checkbox')!;
      expect(new FormData(form).has('declaration')).to.equal(false);
      box.focus();
      await sendKeys({ press: 'Space' });
      await box.updateComplete;
      expect(box.checked).to.equal(true);
      expect(new FormData(form).get('declaration')).to.equal('yes');
      await sendKeys({ press: 'Space' });
      expect(box.checked).to.equal(false);
    });

    it('Enter submits the owning form', async () => {
      let submitted = 0;
      const form = await fixture<HTMLFormElement>(
        html`<form novalidate @submit=${(e: Event) => (e.preventDefault(), submitted++)}>
          <jc-checkbox name="d" label="Ja"></jc-checkbox>
        </form>`,
      );
      form.querySelector('jc-checkbox')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(submitted).to.equal(1);
    });
  });

  describe('jc-select', () => {
    it('selects the given value and reports changes', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <jc-select name="lang" label="Sprache" value="en" .options=${OPTIONS}></jc-select>
        </form>`,
      );
      const el = form.querySelector<JcSelect>('jc-select')!;
      const select = el.shadowRoot!.querySelector('select')!;
      expect(select.value).to.equal('en');
      expect(new FormData(form).get('lang')).to.equal('en');
      select.value = 'de';
      select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(new FormData(form).get('lang')).to.equal('de');
    });
  });

  describe('jc-date-input', () => {
    it('joins day, month and year into an ISO date and keeps incomplete input invalid', () => {
      expect(joinDate('7', '3', '1985')).to.equal('1985-03-07');
      expect(joinDate('', '', '')).to.equal('');
      expect(joinDate('7', '3', '85')).to.equal('85-3-7');
      expect(joinDate('31', '', '1985')).to.equal('1985--31');
    });

    it('is a fieldset with a legend and three labelled bday-* fields', async () => {
      const el = await fixture<JcDateInput>(
        html`<jc-date-input
          label="Geburtsdatum"
          hint="Zum Beispiel 27 3 1985"
          value="1985-03-27"
        ></jc-date-input>`,
      );
      const fieldset = el.shadowRoot!.querySelector('fieldset')!;
      expect(fieldset.querySelector('legend')!.textContent!.trim()).to.equal('Geburtsdatum');
      expect(fieldset.getAttribute('aria-describedby')).to.equal('hint');
      const inputs = [...el.shadowRoot!.querySelectorAll('input')];
      expect(inputs.map((i) => i.getAttribute('autocomplete'))).to.deep.equal([
        'bday-day',
        'bday-month',
        'bday-year',
      ]);
      expect(inputs.map((i) => i.value)).to.deep.equal(['27', '3', '1985']);
      expect(inputs.every((i) => i.labels?.length === 1 && i.inputMode === 'numeric')).to.equal(true);
    });

    it('typing the parts gives the form an ISO date; focus() goes to the first empty part', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><jc-date-input name="birthDate" label="Geburtsdatum"></jc-date-input></form>`,
      );
      const el = form.querySelector<JcDateInput>('jc-date-input')!;
      el.focus();
      await sendKeys({ type: '5' });
      el.focus();
      expect(deepActiveElement()?.id).to.equal('month');
      await sendKeys({ type: '11' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '1990' });
      await el.updateComplete;
      expect(new FormData(form).get('birthDate')).to.equal('1990-11-05');
    });
  });
});

describe('jc-choice-group', () => {
  const YES_NO = [
    { value: 'true', label: 'Ja' },
    { value: 'false', label: 'Nein' },
  ];

  it('axe: radios and checkboxes, with and without an error', async () => {
    const el = await fixture(
      html`<form novalidate>
        <jc-choice-group
          label="Wohnen Sie allein?"
          hint="Auch WG zählt"
          .options=${YES_NO}
          inline
        ></jc-choice-group>
        <jc-choice-group
          label="Wohnen Sie allein?"
          .options=${YES_NO}
          error="Beantworten Sie diese Frage."
        ></jc-choice-group>
        <jc-choice-group label="Leistungen" multiple .options=${OPTIONS} .values=${['en']}></jc-choice-group>
      </form>`,
    );
    await expectAccessible(el);
  });

  it('radios: a fieldset with legend, hint and error linked; arrows move the choice; value and form data', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form novalidate>
        <jc-choice-group
          name="alone"
          label="Wohnen Sie allein?"
          hint="Auch WG"
          error="Fehlt"
          .options=${YES_NO}
        ></jc-choice-group>
      </form>`,
    );
    const el = form.querySelector('jc-choice-group')!;
    await el.updateComplete;
    const fieldset = el.shadowRoot!.querySelector('fieldset')!;
    expect(fieldset.getAttribute('aria-describedby')).to.equal('hint error');
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Wohnen Sie allein?');
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(el.value).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.value).to.equal('false');
    await el.updateComplete;
    expect(new FormData(form).get('alone')).to.equal('false');
  });

  it('checkboxes: Space ticks, values keep the option order', async () => {
    const el = await fixture<JcChoiceGroup>(
      html`<jc-choice-group label="Sprachen" multiple .options=${OPTIONS}></jc-choice-group>`,
    );
    const boxes = el.shadowRoot!.querySelectorAll('input');
    boxes[1].focus();
    await sendKeys({ press: 'Space' });
    boxes[0].focus();
    await sendKeys({ press: 'Space' });
    expect(el.values).to.deep.equal(['de', 'en']);
    await sendKeys({ press: 'Space' });
    expect(el.values).to.deep.equal(['en']);
  });
});

describe('typed numbers', () => {
  it('money: German input "1.234,56" → 1234.56; unreadable text is kept as typed', () => {
    expect(parseMoney('1.234,56')).to.equal(1234.56);
    expect(parseMoney('1234,5')).to.equal(1234.5);
    expect(parseMoney('12.50')).to.equal(12.5);
    expect(parseMoney('450 €')).to.equal(450);
    expect(parseMoney('1,234.56', 'en')).to.equal(1234.56);
    expect(parseMoney('12,345')).to.equal('12,345');
    expect(parseMoney('zwölf')).to.equal('zwölf');
    expect(parseMoney('')).to.equal('');
    expect(formatMoney(1234.5)).to.equal('1.234,50');
  });

  it('IBAN: spaces ignored, shown in groups of four; whole numbers', () => {
    expect(normaliseIban('de89 3704 0044 0532 0130 00')).to.equal('DE89370400440532013000');
    expect(formatIban('DE89370400440532013000')).to.equal('DE89 3704 0044 0532 0130 00');
    expect(parseInteger('1.000')).to.equal(1000);
    expect(parseInteger('72')).to.equal(72);
    expect(parseInteger('7,5')).to.equal('7,5');
  });
});
