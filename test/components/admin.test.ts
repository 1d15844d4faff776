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

const SECTIONS = ['Postkörbe', 'Regeln', 'Simulation', 'Bearbeitungsdauer (IBD)', 'Herkunft', 'Theme', 'Konfiguration', 'Feedback', 'Module und Einführung'];

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
  describe('Module und Einführung', () => {
    const RO = 'Module und Einführung';
    const checked = (el: Element) => $$<HTMLInputElement>(el, '.ro-modules input[type=checkbox]').map((i) => `${i.name}:${i.checked}`);

    it('axe for the jobcenter admin (switches, history) and the RD admin (table, edit form)', async () => {
      const { el } = await mount();
      await openTab(el, RO);
      await inWidget(el, '.ro-form');
      expect(checked(el)).to.deep.equal(['tda:true', 'ade:true', 'ibd:true', 'mws:true', 'oap:false']);
      expect($(el, '.ro-modules').textContent).to.contain('Papierformular, Kontaktdaten und Öffnungszeiten');
      expect($$(el, '.ro-table')).to.have.length(0);
      expect($$(el, '#ro-wave')).to.have.length(0);
      await settle();
      await expectAccessible(el);
      const rd = await mount({ me: 'rd' });
      await openTab(rd.el, RO);
      const table = await inWidget(rd.el, '.ro-table');
      expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 5).map((c) => c.textContent!.trim()).join('|'))).to.deep.equal([
        'Jobcenter Musterstadt|Pilot|2026-01-01|ja|TdA, ADE, IBD, MWS',
        'Jobcenter Beispielkreis|Welle 1|2099-03-01|nein|TdA, ADE, IBD, MWS, OAP',
        'Jobcenter Hafenstadt|Welle 2|–|nein|TdA, ADE, IBD, MWS, OAP',
        'Kommunales Jobcenter Exempelkreis|Noch nicht|–|nein|keine',
      ]);
      await settle();
      await expectAccessible(rd.el);
      $<HTMLButtonElement>(rd.el, 'tr[data-id=musterstadt] button').click();
      await inWidget(rd.el, '.ro-history li');
      expect($(rd.el, '.ro-history li').textContent!.replace(/\s+/g, ' ')).to.contain('Version 2: Klaus Richter am 01.12.2025, 10:30').and.contain('Noch nicht, Start kein Termin, Module an: TdA, ADE, IBD, MWS → Pilot, Start 2026-01-01');
      await settle();
      await expectAccessible(rd.el);
    });

    it('jobcenter admin switches a module with the keyboard only; saved with If-Match, modules only', async () => {
      const { el, api } = await mount();
      (await button(el, RO, $(el, 'nav.tabs'))).focus();
      await sendKeys({ press: 'Enter' });
      await inWidget(el, '.ro-form');
      await el.updateComplete;
      for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
      expect((deepActiveElement() as HTMLInputElement).name).to.equal('oap');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()!.textContent!.trim()).to.equal('Einstellungen speichern');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => $(el, '[role=status]').textContent!.includes('gespeichert'));
      const put = api.calls.find((c) => c.method === 'PUT' && c.path === '/api/admin/rollout/musterstadt')!;
      expect(put.ifMatch).to.equal('"2"');
      expect(put.body).to.deep.equal({ modules: { tda: true, ade: true, ibd: true, mws: true, oap: true } });
      expect(api.rollout[0].state.modules.oap).to.equal(true);
      await waitFor(() => $(el, '.ro-history li[data-version="3"]'));
      expect($(el, '.ro-history li').textContent).to.contain('staff-musterstadt-admin');
    });

    it('RD admin: a colleague changed it meanwhile (412) → typed values kept, server values shown, saved again', async () => {
      const { el, api } = await mount({ me: 'rd' });
      await openTab(el, RO);
      const edit = await inWidget<HTMLButtonElement>(el, 'tr[data-id=beispielkreis] button');
      expect(edit.getAttribute('aria-label')).to.equal('Jobcenter Beispielkreis bearbeiten');
      edit.focus();
      await sendKeys({ press: 'Enter' });
      const heading = await inWidget(el, '#ro-form-heading');
      await waitFor(() => deepActiveElement() === heading);
      const wave = $<HTMLSelectElement>(el, '#ro-wave');
      wave.value = 'wave2';
      wave.dispatchEvent(new Event('change'));
      const goLive = $<HTMLInputElement>(el, '#ro-goLive');
      goLive.value = '2099-06-01';
      goLive.dispatchEvent(new Event('input'));
      $<HTMLInputElement>(el, '#ro-m-ade').click();
      await el.updateComplete;
      api.changeRollout('beispielkreis', { goLive: '2099-04-01', modules: { ibd: false } });
      (await button(el, 'Einstellungen speichern')).click();
      const summary = await inWidget<HTMLElement>(el, '.ro-errors');
      await waitFor(() => deepActiveElement() === summary && $(el, '.ro-current'));
      expect(summary.textContent).to.contain('inzwischen geändert').and.contain('Ihre Eingaben sind erhalten');
      expect($(el, '.ro-current').textContent).to.contain('Welle 1, Start 2099-04-01, Module an: TdA, ADE, MWS, OAP');
      expect($<HTMLSelectElement>(el, '#ro-wave').value).to.equal('wave2');
      expect($<HTMLInputElement>(el, '#ro-goLive').value).to.equal('2099-06-01');
      expect(checked(el)).to.deep.equal(['tda:true', 'ade:false', 'ibd:true', 'mws:true', 'oap:true']);
      expect($(el, '.ro-history li').textContent).to.contain('staff-rd-admin-2');
      await settle();
      await expectAccessible(el);
      (await button(el, 'Einstellungen speichern')).click();
      await waitFor(() => $(el, '[role=status]').textContent!.includes('Jobcenter Beispielkreis sind gespeichert'));
      const puts = api.calls.filter((c) => c.method === 'PUT');
      expect(puts.map((c) => c.ifMatch)).to.deep.equal(['"1"', '"2"']);
      expect(puts[1].body).to.deep.equal({ wave: 'wave2', goLive: '2099-06-01', modules: { tda: true, ade: false, ibd: true, mws: true, oap: true } });
      expect($$(el, '.ro-errors')).to.have.length(0);
      expect($(el, 'tr[data-id=beispielkreis]').textContent).to.contain('Welle 2').and.contain('2099-06-01');
    });

    it('English: labels and the fallback hint come from en-admin', async () => {
      const api = new MockAdminApi({ me: 'rd' });
      const el = (await fixture<HTMLElement>(adminPage({ me: 'rd' }, api, 'en'))).querySelector('jc-admin') as JcAdmin;
      await inWidget(el, 'nav.tabs');
      await openTab(el, 'Modules and roll-out');
      const table = await inWidget(el, '.ro-table');
      expect(table.querySelector('thead')!.textContent).to.contain('Wave').and.contain('Go-live');
      $<HTMLButtonElement>(el, 'tr[data-id=beispielkreis] button').click();
      const form = await inWidget(el, '.ro-form');
      expect(form.textContent).to.contain('Edit Jobcenter Beispielkreis').and.contain('Labour market profile (OAP)').and.contain('opening hours');
    });

    it('RD admin: 403 and field errors land in the error summary; cancel returns focus to the row', async () => {
      const { el, api } = await mount({ me: 'rd' });
      await openTab(el, RO);
      (await inWidget<HTMLButtonElement>(el, 'tr[data-id=hafenstadt] button')).click();
      await inWidget(el, '.ro-form');
      api.rolloutProblem = { status: 403, body: { title: 'Keine Berechtigung', detail: 'Welle und Starttermin legt die Regionaldirektion fest.' } };
      (await button(el, 'Einstellungen speichern')).click();
      const summary = await inWidget<HTMLElement>(el, '.ro-errors');
      expect(summary.textContent).to.contain('Welle und Starttermin legt die Regionaldirektion fest.');
      await waitFor(() => deepActiveElement() === summary);
      api.rolloutProblem = { status: 400, body: { title: 'Die Eingaben sind ungültig.', errors: [{ path: 'goLive', code: 'invalid_date', message: 'Kein gültiges Datum.' }] } };
      (await button(el, 'Einstellungen speichern')).click();
      await waitFor(() => $(el, '.ro-errors')?.textContent!.includes('goLive: Kein gültiges Datum.'));
      expect(api.rollout[2].version).to.equal(1);
      (await button(el, 'Abbrechen')).click();
      await waitFor(() => deepActiveElement() === $(el, 'tr[data-id=hafenstadt] button'));
      expect($$(el, '.ro-form')).to.have.length(0);
    });
  });
});
