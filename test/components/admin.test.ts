/** jc-admin: axe on every section, IBD texts with preview and field errors, keyboard reorder of rules, simulation, validation summary, import diff + four-eyes approval, 320 px. */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JcAdmin } from '../../components/admin/admin.js';
import { fillPreview } from '../../components/admin/admin-ibd.js';
import { fillPlaceholders } from '../../domain/ibd.js';
import { adminPage } from '../../stories/admin.stories.js';
import { MockAdminApi, type AdminMockOptions } from '../../stories/mock-admin-api.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle } from './helpers.js';

const SECTIONS = ['Postkörbe', 'Regeln', 'Simulation', 'Bearbeitungsdauer (IBD)', 'Herkunft', 'Theme', 'Konfiguration', 'Feedback'];

async function mount(options: AdminMockOptions = {}) {
  const api = new MockAdminApi(options);
  const root = await fixture<HTMLElement>(adminPage(options, api));
  const el = root.querySelector('jc-admin') as JcAdmin;
  await inWidget(el, options.me === 'none' ? 'slot' : 'nav.tabs');
  return { el, api };
}
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const $$ = <T extends Element = HTMLElement>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const button = (el: Element, text: string, scope: ParentNode = el.shadowRoot!) =>
  waitFor(() => [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim().startsWith(text)));
async function openTab(el: JcAdmin, name: string) {
  (await button(el, name, $(el, 'nav.tabs'))).click();
  await el.updateComplete;
}
const ruleIds = (el: Element) => $$(el, 'li.rule').map((li) => li.dataset.id);
const setValue = (el: Element, sel: string, value: string) => {
  const input = $<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

describe('jc-admin', () => {
  afterEach(() => setViewport({ width: 1024, height: 800 }));

  it('axe: every section, the error summary, the diff, signed out', async () => {
    const { el } = await mount({ pendingByOther: true });
    for (const s of SECTIONS) {
      await openTab(el, s);
      await settle();
      await expectAccessible(el);
    }
    await openTab(el, 'Postkörbe');
    $<HTMLInputElement>(el, 'input[type=radio]').checked = false;
    $$<HTMLInputElement>(el, 'input[type=radio]')[1].dispatchEvent(new Event('change'));
    el.pks = el.pks.map((p) => ({ ...p, isDefault: false }));
    (await button(el, 'Postkörbe und Regeln speichern')).click();
    await inWidget(el, '.errors');
    await expectAccessible(el);
    const out = await mount({ me: 'none' });
    await expectAccessible(out.el);
  });

  it('reorders rules with the keyboard and saves the order with If-Match', async () => {
    const { el, api } = await mount();
    expect(ruleIds(el)).to.deep.equal(['musterstadt-r1', 'musterstadt-r4', 'musterstadt-r5']);
    const down = $<HTMLButtonElement>(el, 'li.rule[data-id="musterstadt-r1"] [data-move=down]');
    down.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await settle();
    expect(ruleIds(el)).to.deep.equal(['musterstadt-r4', 'musterstadt-r1', 'musterstadt-r5']);
    // focus follows the moved rule
    expect(deepActiveElement()!.closest('li')!.dataset.id).to.equal('musterstadt-r1');
    expect($(el, '[role=status]').textContent).to.contain('ist jetzt an Position 2');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await settle();
    expect(ruleIds(el)).to.deep.equal(['musterstadt-r4', 'musterstadt-r5', 'musterstadt-r1']);
    (await button(el, 'Regelwerk speichern')).click();
    await waitFor(() => api.calls.some((c) => c.method === 'PUT'));
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).to.equal('"3"');
    expect(put.body.rules.map((r: { id: string }) => r.id)).to.deep.equal(['musterstadt-r4', 'musterstadt-r5', 'musterstadt-r1']);
    await waitFor(() => $(el, '[role=status]').textContent!.includes('gespeichert'));
  });

  it('adds a rule with the condition editor and shows an unreachable rule in the error summary', async () => {
    const { el } = await mount();
    (await button(el, 'Regel hinzufügen')).click();
    await el.updateComplete;
    const form = $<HTMLFormElement>(el, 'form.rule-form');
    (form.querySelector('[name=id]') as HTMLInputElement).value = 'late';
    (form.querySelector('[name=name]') as HTMLInputElement).value = 'Nachname M';
    (form.querySelector('[name=surnameFrom]') as HTMLInputElement).value = 'm';
    (form.querySelector('[name=surnameTo]') as HTMLInputElement).value = 'M';
    (await button(el, 'Übernehmen', form)).click();
    await el.updateComplete;
    expect(el.rules.at(-1)).to.deep.equal({ id: 'late', name: 'Nachname M', condition: { surnameFrom: 'M', surnameTo: 'M' }, postkorbId: 'musterstadt-eingang' });
    (await button(el, 'Regelwerk speichern')).click();
    const summary = await inWidget<HTMLElement>(el, '.errors');
    await waitFor(() => deepActiveElement() === summary);
    expect(summary.textContent).to.contain('Regel late wird nie erreicht: Regel musterstadt-r5 davor fängt alles ab.');
  });

  it('simulation: says where a sample person lands, against the unsaved rules, with the trace', async () => {
    const { el, api } = await mount();
    await openTab(el, 'Simulation');
    setValue(el, 'input[name=surname]', 'Zimmer');
    setValue(el, 'input[name=birthDate]', '1980-03-01');
    (await button(el, 'Simulieren')).click();
    const result = await waitFor(() => $(el, '.sim-result').textContent!.includes('landen') && $(el, '.sim-result'));
    expect(result.textContent).to.contain('Diese Beispielperson würde landen in: Leistung L–Z');
    expect($$(el, '.trace li').map((li) => li.textContent!.trim())).to.deep.equal([
      'musterstadt-r1: passt nicht (age)',
      'musterstadt-r4: passt nicht (surname)',
      'musterstadt-r5: passt',
    ]);
    expect(api.calls.find((c) => c.path.endsWith('/simulate'))!.body.rules).to.have.length(3);
  });

  it('origins: field errors in the summary; theme preview swatch', async () => {
    const { el } = await mount();
    await openTab(el, 'Herkunft');
    $<HTMLTextAreaElement>(el, 'textarea').value = 'https://portal.example\nhttp://evil.example';
    (await button(el, 'Herkunft speichern')).click();
    expect((await inWidget(el, '.errors')).textContent).to.contain('allowedOrigins.1: Nur https-Adressen sind erlaubt.');
    await openTab(el, 'Theme');
    const select = $<HTMLSelectElement>(el, 'select[name=theme]');
    select.value = 'dark';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '.swatch').textContent).to.contain('dark');
  });

  it('import: shows the diff, submits for approval; own change cannot be approved; another admin\'s can', async () => {
    const { el, api } = await mount({ pendingByOther: true });
    await openTab(el, 'Konfiguration');
    expect($<HTMLAnchorElement>(el, 'a[download]').href).to.match(/\/api\/admin\/jobcenters\/musterstadt\/config\/export$/);
    const input = $<HTMLInputElement>(el, 'input[type=file]');
    const dt = new DataTransfer();
    dt.items.add(new File([JSON.stringify({ ...api.doc, theme: 'dark', allowedOrigins: [] })], 'config.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    const diff = await inWidget(el, '.imported .diff');
    expect([...diff.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Herkunft https://portal.example nicht mehr erlaubt', 'Theme musterstadt → dark']);
    (await button(el, 'Zur Freigabe vorlegen')).click();
    await waitFor(() => $$(el, 'li.change').length === 2);
    const own = $(el, 'li.change[data-id="c-2"]');
    expect(own.textContent).to.contain('Von Ihnen vorgelegt');
    expect([...own.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.deep.equal(['Ablehnen']);
    (await button(el, 'Freigeben', $(el, 'li.change[data-id="c-other"]'))).click();
    await waitFor(() => $(el, '[role=status]').textContent!.includes('freigegeben'));
    expect(api.doc.theme).to.equal('high-contrast');
    await waitFor(() => $$(el, 'li.change').length === 1);
  });

  it('feedback goes to the RD; at 320 px nothing scrolls sideways', async () => {
    const { el, api } = await mount();
    await setViewport({ width: 320, height: 800 });
    for (const s of SECTIONS) {
      await openTab(el, s);
      await settle();
      const root = $(el, '.root');
      expect(root.scrollWidth, s).to.be.at.most(root.clientWidth + 1);
    }
    await openTab(el, 'Feedback');
    $<HTMLTextAreaElement>(el, 'textarea').value = 'Bitte Telefonzeiten';
    (await button(el, 'Senden')).click();
    await waitFor(() => api.feedback.length === 1);
    expect(api.feedback[0].text).to.equal('Bitte Telefonzeiten');
  });

  it('IBD: versions per type, live preview, a field error at the field and in the summary, then saved by keyboard', async () => {
    const { el, api } = await mount();
    await openTab(el, 'Bearbeitungsdauer (IBD)');
    const first = await inWidget(el, 'li.ibd-type[data-type=erstantrag]');
    expect(first.querySelector('.ibd-current')!.textContent).to.contain('innerhalb von {weeks} Wochen');
    expect(first.textContent).to.contain('Version 1, seit 2026-01-01, 3 Wochen');
    expect(first.querySelector('.ibd-upcoming')!.textContent).to.contain('ab 2099-01-01, 2 Wochen');
    expect($(el, 'li.ibd-type[data-type=veraenderung]').textContent).to.contain('es gilt der Standardtext');
    // typing fills the preview live, like the server: {jobcenter} and {phone} now, {weeks} once given
    const text = $<HTMLTextAreaElement>(el, '#ibd-text');
    text.focus();
    await sendKeys({ type: 'Wir melden uns nach {weeks} Wochen. {jobcenter}, Telefon {phone}.' });
    await el.updateComplete;
    expect($(el, '.preview-de').textContent).to.equal('Wir melden uns nach {weeks} Wochen. Jobcenter Musterstadt, Telefon 0000 123450.');
    // save without weeks: the server's field error in the summary (focused) and at the field
    (await button(el, 'Version speichern')).click();
    const summary = await inWidget<HTMLElement>(el, '.ibd-errors');
    await waitFor(() => deepActiveElement() === summary);
    expect(summary.textContent).to.contain('Geben Sie die Wochen an: der Text enthält {weeks}.');
    const weeks = $<HTMLInputElement>(el, '#ibd-weeks');
    expect(weeks.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#ibd-weeks-error').textContent).to.contain('Geben Sie die Wochen an');
    expect(weeks.getAttribute('aria-describedby')).to.equal('ibd-weeks-error');
    await settle();
    await expectAccessible(el);
    // the summary link takes the keyboard to the field
    summary.querySelector<HTMLAnchorElement>('a')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(deepActiveElement()).to.equal(weeks);
    await sendKeys({ type: '4' });
    await el.updateComplete;
    expect($(el, '.preview-de').textContent).to.equal('Wir melden uns nach 4 Wochen. Jobcenter Musterstadt, Telefon 0000 123450.');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => $(el, '[role=status]').textContent!.includes('gespeichert'));
    expect($(el, '[role=status]').textContent).to.contain('Der Text für Erstantrag ist gespeichert und gilt ab');
    const post = api.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/ibd')).at(-1)!;
    expect(post.body).to.deep.include({ type: 'erstantrag', weeks: 4, text: 'Wir melden uns nach {weeks} Wochen. {jobcenter}, Telefon {phone}.' });
    expect($(el, '.ibd-saved').textContent).to.contain('Wir melden uns nach 4 Wochen. Jobcenter Musterstadt, Telefon 0000 123450.');
    await waitFor(() => $(el, 'li.ibd-type[data-type=erstantrag] .ibd-current')?.textContent!.startsWith('Wir melden uns'));
    expect($$(el, '.ibd-errors')).to.have.length(0);
    await expectAccessible(el);
  });

  it('IBD: a date in the past and a short text are refused with specific messages', async () => {
    const { el } = await mount();
    await openTab(el, 'Bearbeitungsdauer (IBD)');
    await inWidget(el, 'li.ibd-type');
    setValue(el, '#ibd-text', 'Zu kurz');
    $<HTMLInputElement>(el, '#ibd-text').dispatchEvent(new Event('input'));
    setValue(el, '#ibd-effectiveFrom', '2020-01-01');
    $<HTMLInputElement>(el, '#ibd-effectiveFrom').dispatchEvent(new Event('input'));
    (await button(el, 'Version speichern')).click();
    const summary = await inWidget<HTMLElement>(el, '.ibd-errors');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal([
      'Der Text muss mindestens 20 Zeichen haben.',
      'Das Datum darf nicht in der Vergangenheit liegen.',
    ]);
  });

  it('IBD: the live preview fills placeholders exactly as the server does', () => {
    const values = { weeks: '3', jobcenter: 'Jobcenter Musterstadt', phone: '' };
    for (const t of ['In {weeks} Wochen, {jobcenter}.', 'Telefon {phone} bleibt, {unbekannt} auch, {weeks}{weeks}', '{ weeks } {}', 'ohne Platzhalter'])
      expect(fillPreview(t, values), t).to.equal(fillPlaceholders(t, values));
  });
});
