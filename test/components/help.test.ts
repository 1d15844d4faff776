/**
 * jc-help (A11Y-04): help for the main steps in Leichte Sprache and Arabic – axe, keyboard, lazy
 * tables, right-to-left layout inside a left-to-right page, 320 px, both tables complete, and the help
 * on the TdA step, the Hauptantrag pages and the receipt.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/help/help.js';
import '../../components/application/application.js';
import '../../components/ade-flow/ade-flow.js';
import type { JcHelp } from '../../components/help/help.js';
import { HELP_TOPICS, helpTopicOf, isHelpTopic, type HelpTable } from '../../components/help/help-topics.js';
import { ApiClient } from '../../components/api/api-client.js';
import { clearDraftCache } from '../../components/controllers/draft-cache.js';
import { ANLAGEN, HAUPTANTRAG } from '../../domain/forms/hauptantrag.js';
import { LEGAL_VERSIONS } from '../../domain/legal.js';
import { receipt } from '../../stories/fixtures.js';
import { formPage } from '../../stories/ade-play.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, stubFetch, tabTo } from './helpers.js';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(() => stub?.restore());

/** Topics that are not part of the Hauptantrag: the TdA step and the two receipts. */
const OUTSIDE_HAUPTANTRAG = ['tda', 'receipt', 'ade-receipt'];

const mount = (topic = 'tda') => fixture<JcHelp>(html`<jc-help topic=${topic}></jc-help>`);
const details = (el: JcHelp, id: 'ls' | 'ar') =>
  el.shadowRoot!.querySelector<HTMLDetailsElement>(`details[part~=help-${id}]`)!;
const panel = (el: JcHelp, id: 'ls' | 'ar') =>
  details(el, id).querySelector<HTMLElement>('[part=help-text]')!;
/** The panel once its table has loaded (its title is shown). */
const loadedPanel = (el: JcHelp, id: 'ls' | 'ar') =>
  waitFor(() => panel(el, id).querySelector<HTMLElement>('.title') && panel(el, id));

async function openBoth(el: JcHelp): Promise<void> {
  for (const id of ['ls', 'ar'] as const)
    if (!details(el, id).open) details(el, id).querySelector('summary')!.click();
  await loadedPanel(el, 'ls');
  await loadedPanel(el, 'ar');
}

async function modules() {
  return Promise.all([
    import('../../components/locales/help-ls.js'),
    import('../../components/locales/help-ar.js'),
  ]);
}
async function tables(): Promise<{ ls: HelpTable; ar: HelpTable }> {
  const [ls, ar] = await modules();
  return { ls: ls.default, ar: ar.default };
}

describe('jc-help', () => {
  it('axe: closed, and both panels open', async () => {
    const el = await mount('tda');
    await expectAccessible(el);
    await openBoth(el);
    await expectAccessible(el);
  });

  it('opens both panels with the keyboard (Enter, Space) and loads the step text on first open', async () => {
    const { ls, ar } = await tables();
    const el = await mount('A/konto');
    expect(panel(el, 'ls').querySelector('.title'), 'nothing loaded before opening').to.equal(null);
    const first = await tabTo((x) => x.localName === 'summary');
    expect(first.closest('details')).to.equal(details(el, 'ls'));
    await sendKeys({ press: 'Enter' });
    expect(details(el, 'ls').open).to.equal(true);
    const lsPanel = await loadedPanel(el, 'ls');
    expect(lsPanel.textContent).to.contain(ls['A/konto'].title);
    const lsFirst = lsPanel.querySelectorAll('p')[1];
    expect(lsFirst.innerText.replace(/\s+/g, ' ')).to.equal(ls['A/konto'].paragraphs[0]);
    // Leichte Sprache: every sentence on a line of its own.
    expect(lsFirst.querySelectorAll('br').length).to.equal(
      ls['A/konto'].paragraphs[0].split(/(?<=[.?!])\s+/).length - 1,
    );
    expect(lsPanel.getAttribute('lang')).to.equal('de');

    await sendKeys({ press: 'Tab' });
    const second = deepActiveElement()!;
    expect(second.closest('details')).to.equal(details(el, 'ar'));
    expect(second.querySelector('[lang=ar][dir=rtl]')?.textContent).to.equal('مساعدة بالعربية');
    await sendKeys({ press: 'Space' });
    expect(details(el, 'ar').open).to.equal(true);
    const arPanel = await loadedPanel(el, 'ar');
    expect(arPanel.textContent).to.contain(ar['A/konto'].title);
    expect(arPanel.querySelectorAll('p').length).to.equal(ar['A/konto'].paragraphs.length + 1);

    await sendKeys({ press: 'Enter' });
    expect(details(el, 'ar').open, 'Enter closes again').to.equal(false);
  });

  it("shows another step's text when the topic changes, closed again", async () => {
    const { ls } = await tables();
    const el = await mount('EK');
    await openBoth(el);
    el.topic = 'VM';
    await el.updateComplete;
    expect(details(el, 'ls').open).to.equal(false);
    expect(panel(el, 'ls').textContent).to.contain(ls.VM.title);
  });

  it('lays the Arabic panel out right to left inside a left-to-right page', async () => {
    const el = await fixture<JcHelp>(
      html`<div lang="de" dir="ltr" style="width: 600px"><jc-help topic="tda"></jc-help></div>`,
    ).then((d) => d.querySelector('jc-help')!);
    await openBoth(el);
    const box = panel(el, 'ar');
    expect(box.getAttribute('lang')).to.equal('ar');
    expect(box.getAttribute('dir')).to.equal('rtl');
    const style = getComputedStyle(box);
    expect(style.direction).to.equal('rtl');
    expect(style.textAlign).to.be.oneOf(['start', 'right']);
    // The accent border sits on the start side, which is the right in Arabic.
    expect(style.borderRightWidth).to.equal('5px');
    expect(style.borderLeftWidth).to.equal('0px');
    // The (short) title starts at the right edge of the text box and leaves room on the left.
    const title = box.querySelector('.title')!;
    const range = document.createRange();
    range.selectNodeContents(title);
    const line = range.getClientRects()[0];
    const p = title.getBoundingClientRect();
    expect(Math.abs(p.right - line.right), 'text starts at the right edge').to.be.below(2);
    expect(line.left - p.left, 'free space is on the left').to.be.above(20);
    // The German panel beside it stays left to right.
    const lsTitle = panel(el, 'ls').querySelector('.title')!;
    range.selectNodeContents(lsTitle);
    expect(Math.abs(range.getClientRects()[0].left - lsTitle.getBoundingClientRect().left)).to.be.below(2);
  });

  it('does not scroll sideways at 320 px with both panels open', async () => {
    await setViewport({ width: 320, height: 800 });
    try {
      for (const topic of HELP_TOPICS) {
        const el = await mount(topic);
        await openBoth(el);
        expect(document.documentElement.scrollWidth, topic).to.be.at.most(320);
        for (const id of ['ls', 'ar'] as const) {
          const box = panel(el, id);
          expect(box.scrollWidth, `${topic} ${id}`).to.be.at.most(box.clientWidth);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('names the benefit as the law in force on the date of application does', async () => {
    for (const [date, ls, ar] of [
      ['2026-06-30', 'Bürger-Geld', 'Bürgergeld'],
      ['2026-07-01', 'Grund-Sicherungs-Geld', 'Grundsicherungsgeld'],
    ]) {
      const el = await fixture<JcHelp>(html`<jc-help topic="tda" date=${date}></jc-help>`);
      await openBoth(el);
      expect(panel(el, 'ls').textContent, date).to.contain(`Antrag auf ${ls}.`);
      expect(panel(el, 'ar').textContent, date).to.contain(`(${ar})`);
      for (const id of ['ls', 'ar'] as const) expect(panel(el, id).textContent).not.to.contain('{');
    }
  });

  it('stays usable in forced-colors mode: the panels keep a visible frame', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const el = await mount('I');
      await openBoth(el);
      for (const id of ['ls', 'ar'] as const) {
        const style = getComputedStyle(panel(el, id));
        expect(style.borderTopStyle, id).to.equal('solid');
        expect(style.borderInlineStartWidth, id).to.equal('5px');
      }
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('renders nothing for a step without help', async () => {
    const el = await mount('B');
    expect(el.shadowRoot!.querySelector('details')).to.equal(null);
  });
});

describe('help tables', () => {
  it('both tables have exactly the keys of HELP_TOPICS, each with a title and paragraphs', async () => {
    const { ls, ar } = await tables();
    const keys = [...HELP_TOPICS].sort();
    expect(Object.keys(ls).sort()).to.deep.equal(keys);
    expect(Object.keys(ar).sort()).to.deep.equal(keys);
    for (const t of [ls, ar])
      for (const k of keys) {
        expect(t[k].title.trim(), k).not.to.equal('');
        expect(t[k].paragraphs.length, k).to.be.above(2);
        for (const p of t[k].paragraphs) expect(p.trim(), k).not.to.equal('');
      }
    // The Arabic table is Arabic: every paragraph is mostly Arabic script.
    for (const k of keys)
      for (const p of [ar[k].title, ...ar[k].paragraphs]) {
        const arabic = (p.match(/[\u0600-\u06FF]/g) ?? []).length;
        const latin = (p.match(/[A-Za-zÄÖÜäöüß]/g) ?? []).length;
        expect(arabic, p).to.be.above(latin);
      }
  });

  it('both tables name the benefit of every legal version', async () => {
    for (const m of await modules())
      for (const v of LEGAL_VERSIONS) expect(m.benefitNames[v.benefitName.de], v.from).to.be.a('string');
  });

  it('the Leichte Sprache table keeps sentences short and avoids abbreviations', async () => {
    const { ls } = await tables();
    for (const k of HELP_TOPICS)
      for (const p of ls[k].paragraphs) {
        for (const sentence of p.split(/(?<=[.?!])\s+/))
          expect(sentence.split(/\s+/).length, sentence).to.be.at.most(16);
        expect(p, 'no abbreviations').not.to.match(/\b(z\. ?B\.|bzw\.|ggf\.|usw\.|d\. ?h\.|SGB)/);
      }
  });

  it('every Hauptantrag topic is a real section, page or Anlage, and the main steps have help', () => {
    const hauptantrag = HELP_TOPICS.filter((k) => !OUTSIDE_HAUPTANTRAG.includes(k));
    expect(hauptantrag.length).to.be.at.least(6);
    for (const k of hauptantrag) {
      const [section, page] = k.split('/');
      const s = HAUPTANTRAG.find((x) => x.id === section);
      const real = page ? !!s?.pages.some((p) => p.id === page) : !!s || ANLAGEN.some((a) => a.code === k);
      expect(real, k).to.equal(true);
    }
    // Which help each page of the definition shows.
    const topicOf = (group: string, id: string, code?: string) =>
      helpTopicOf({ group, page: { id }, anlage: code ? { code } : undefined });
    const mainTopics = new Set(HAUPTANTRAG.flatMap((s) => s.pages.map((p) => topicOf(s.id, p.id))));
    for (const k of ['A', 'A/konto', 'G/haushalt', 'G/wohnkosten', 'H', 'I'])
      expect(mainTopics.has(k as never), k).to.equal(true);
    expect(topicOf('A', 'name')).to.equal('A');
    expect(topicOf('A', 'konto')).to.equal('A/konto');
    expect(topicOf('B', 'aufenthalt')).to.equal(undefined);
    for (const a of ANLAGEN) {
      const t = topicOf(a.code, a.pages[0].id, a.code);
      if (['EK', 'VM'].includes(a.code)) expect(t).to.equal(a.code);
      if (a.code === 'KDU') expect(t).to.equal('G/wohnkosten');
      if (a.code === 'EKS') expect(t).to.equal('EK');
      expect(t === undefined || isHelpTopic(t)).to.equal(true);
    }
  });
});

describe('help in the application', () => {
  it('the TdA step and the TdA receipt show their help', async () => {
    stub = stubFetch({ session: 'level1' });
    let el = await fixture(html`<jc-application jobcenter="musterstadt"></jc-application>`);
    const tda = await inWidget<JcHelp>(el, 'jc-help[topic=tda]');
    await openBoth(tda);
    await expectAccessible(el);
    stub.restore();
    stub = stubFetch({ session: 'level1', receipts: [receipt()] });
    el = await fixture(html`<jc-application jobcenter="musterstadt"></jc-application>`);
    await inWidget(el, 'jc-help[topic=receipt]');
  });

  it('a Hauptantrag page shows the help of its section', async () => {
    await clearDraftCache();
    stub = stubFetch({ session: 'level1', applicationDate: '2025-11-25' });
    const client = new ApiClient({ baseUrl: location.origin, storage: null });
    const flow = await fixture(
      html`<jc-ade-flow jobcenter="musterstadt" autosave-delay="20" .client=${client}></jc-ade-flow>`,
    );
    const page = await formPage(flow);
    const help = await waitFor(() => page.querySelector<JcHelp>('jc-help[slot=help]'));
    expect(help.topic).to.equal('A');
    // Inside the page's form, Enter on the summary opens the help and does not continue.
    details(help, 'ls').querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await loadedPanel(help, 'ls');
    expect(details(help, 'ls').open).to.equal(true);
    expect((await formPage(flow)).shadowRoot!.querySelector('h2')!.textContent).to.contain('Wie heißen Sie?');
    await openBoth(help);
    // The slot sits right below the page title.
    const slot = page.shadowRoot!.querySelector('slot[name=help]')!;
    expect(slot.previousElementSibling?.localName).to.be.oneOf(['h2', 'p']);
    await expectAccessible(flow);
    await clearDraftCache();
  });
});
