/**
 * jc-ade-flow: the Hauptantrag page by page – conditions, repeat groups, error summary, keyboard,
 * autosave with If-Match and 412, the encrypted device cache, submission with "reiche ich nach",
 * check-your-answers, and the mapping of server error paths to pages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import '../../components/ade-flow/ade-flow.js';
import type { JcAdeFlow } from '../../components/ade-flow/ade-flow.js';
import { ApiClient } from '../../components/api/api-client.js';
import type { ApplicationView } from '../../components/api/applications-api.js';
import {
  CACHE_DB,
  clearDraftCache,
  writeDraft,
  type CachedDraft,
  type SealedEntry,
} from '../../components/controllers/draft-cache.js';
import { locate, placeErrors } from '../../components/controllers/flow-steps.js';
import { JcSignedOutEvent } from '../../components/events/jc-signed-out.js';
import { pagesFor } from '../../domain/forms/engine.js';
import { switchLocale } from '../../components/locales/localization.js';
import type { MockOptions } from '../../stories/mock-api.js';
import { answer, answerAll, byId, formPage, next, press } from '../../stories/ade-play.js';
import { MAIN_COMPLETE, answersBeforeDeclaration, completeAnswers } from '../../stories/ade-fixtures.js';
import { waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle, stubFetch, until } from './helpers.js';

let stub: ReturnType<typeof stubFetch> | undefined;
afterEach(async () => {
  stub?.restore();
  await clearDraftCache();
});

const DATE = '2025-11-25';
/** Unsent changes of the first draft the mock creates. */
const LOCAL: CachedDraft = {
  applicationId: '00000000-0000-4000-8000-000000000001',
  baseVersion: 1,
  answers: { main: { firstName: 'Lokal' }, members: [], anlagen: {} },
  changedAt: '2025-11-25T13:03:00.000Z',
};

async function mount(options: MockOptions = {}, cached?: CachedDraft) {
  await clearDraftCache();
  if (cached) await writeDraft(cached);
  stub = stubFetch({ session: 'level1', applicationDate: DATE, ...options });
  const client = new ApiClient({ baseUrl: location.origin, storage: null });
  const el = await fixture<JcAdeFlow>(
    html`<jc-ade-flow
      jobcenter="musterstadt"
      tda-id="00000000-0000-4000-8000-00000000aaaa"
      autosave-delay="20"
      poll-interval="20"
      .client=${client}
    ></jc-ade-flow>`,
  );
  return { el, api: stub.api };
}

/** A draft whose answers stop before `pageFirstQuestion`: the flow resumes there. */
const draftUntil = (main: Record<string, unknown>, extra: Partial<ApplicationView> = {}) => ({
  applications: [{ answers: { main, members: [], anlagen: {} }, ...extra }],
});
const mainWithout = (...keys: string[]) =>
  Object.fromEntries(Object.entries(MAIN_COMPLETE).filter(([k]) => !keys.includes(k)));

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const h2 = (page: Element) => page.shadowRoot!.querySelector('h2')!.textContent!.replace(/\s+/g, ' ');
const puts = (api: { calls: { method: string; path: string }[] }) =>
  api.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/answers')) as unknown as Array<{
    headers: Record<string, string>;
    body?: unknown;
  }>;
const summaryBox = (page: Element) =>
  waitFor(() => page.shadowRoot!.querySelector<HTMLElement>('jc-error-summary:not([hidden])'));
const progressText = (el: Element) => el.shadowRoot!.querySelector('nav')!.textContent!.replace(/\s+/g, ' ');

describe('jc-ade-flow', () => {
  it('axe: first page, errors, member list, check page, conflict, restore offer', async () => {
    let { el } = await mount();
    let page = await formPage(el, 'Wie heißen Sie?');
    await expectAccessible(el);
    await next(el);
    await summaryBox(page);
    await expectAccessible(el);

    ({ el } = await mount(draftUntil(mainWithout('livesAlone', 'housingCosts'))));
    await formPage(el, 'Wer wohnt mit Ihnen zusammen?');
    await answer(el, 'livesAlone', 'false');
    await press(await formPage(el), 'Person hinzufügen');
    await waitFor(() => byId(el.shadowRoot!.querySelector('jc-form-page')!, 'members.0.firstName'));
    await expectAccessible(el);
    await next(el);
    await settle();
    await expectAccessible(el);

    ({ el } = await mount({ applications: [{ answers: answersBeforeDeclaration() }] }));
    page = await formPage(el, 'Erklärung');
    await expectAccessible(el);
    await press(page, 'Zurück');
    await waitFor(() => text(el).includes('Prüfen Sie Ihre Angaben'));
    await expectAccessible(el);

    ({ el } = await mount({
      saveFailures: ['conflict'],
      conflictAnswers: { main: { firstName: 'Max' }, members: [], anlagen: {} },
    }));
    await answer(el, 'firstName', 'Erika');
    await waitFor(() => el.shadowRoot!.querySelector('[part=conflict]'));
    await expectAccessible(el);

    ({ el } = await mount({}, LOCAL));
    await waitFor(() => el.shadowRoot!.querySelector('[part=restore]'));
    await expectAccessible(el);
  });

  it('resumes a draft at the first page with missing answers', async () => {
    const { el } = await mount(draftUntil(mainWithout('maritalStatus')));
    const page = await formPage(el);
    expect(h2(page)).to.contain('Familienstand');
    expect(text(page)).to.contain('Aktuelle Lebenssituation');
  });

  it('conditions: nationality other than German adds section B; a follow-up appears right after its parent', async () => {
    const { el } = await mount(draftUntil(mainWithout('nationality', 'entryDate')));
    const page = await formPage(el, 'Staatsangehörigkeit');
    await answer(el, 'nationality', 'DE');
    expect(progressText(el)).not.to.contain('Staatsangehörigkeit und Aufenthalt');
    expect(byId(page, 'nationalityName')).to.equal(null);
    await answer(el, 'nationality', 'EU');
    await page.updateComplete;
    const ids = [...page.shadowRoot!.querySelectorAll('form [id]')].map((e) => e.id);
    expect(ids.indexOf('nationalityName')).to.equal(ids.indexOf('nationality') + 1);
    expect(progressText(el)).to.contain('Staatsangehörigkeit und Aufenthalt');
    await answer(el, 'nationalityName', 'Polen');
    await next(el);
    await formPage(el, 'Anschrift');
    expect(progressText(el)).to.contain('Staatsangehörigkeit und Aufenthalt');
  });

  it('livesAlone = false shows the member list; a child under 15 adds Anlage KI to the progress', async () => {
    const { el, api } = await mount(draftUntil(mainWithout('livesAlone', 'housingCosts')));
    const page = await formPage(el, 'Wer wohnt mit Ihnen zusammen?');
    expect(byId(page, 'members')).to.equal(null);
    await answer(el, 'livesAlone', 'false');
    expect(byId(page, 'members')).to.exist;
    expect(progressText(el)).not.to.contain('Anlage KI');
    await press(page, 'Person hinzufügen');
    await answerAll(el, {
      'members.0.firstName': 'Mia',
      'members.0.lastName': 'Mustermann',
      'members.0.birthDate': '2018-03-01',
      'members.0.relationship': 'child',
    });
    await waitFor(() => progressText(el).includes('Anlage KI – Kind unter 15 Jahren – Mia Mustermann'));
    await waitFor(() => api.applications.rows[0].answers.members[0]?.relationship === 'child');
    expect(api.applications.rows[0].answers.main.livesAlone).to.equal(false);
    expect(api.applications.rows[0].answers.members[0]).to.deep.include({
      firstName: 'Mia',
      birthDate: '2018-03-01',
    });
    expect(api.applications.rows[0].answers.members[0].id).to.match(/^[0-9a-f-]{36}$/);
  });

  it('repeat groups: add and remove members with stable ids, focus and announcements', async () => {
    const { el } = await mount(draftUntil(mainWithout('livesAlone', 'housingCosts')));
    const page = await formPage(el, 'Wer wohnt mit Ihnen zusammen?');
    await answer(el, 'livesAlone', 'false');
    await press(page, 'Person hinzufügen');
    await settle();
    expect(
      deepActiveElement()?.id === 'input' && (deepActiveElement()!.getRootNode() as ShadowRoot).host.id,
    ).to.equal('members.0.firstName');
    expect(text(page)).to.contain('Person 1 hinzugefügt.');
    await answer(el, 'members.0.firstName', 'Mia');
    await press(page, 'Person hinzufügen');
    await answer(el, 'members.1.firstName', 'Ben');
    const headings = () =>
      [...page.shadowRoot!.querySelectorAll('.card h3')].map((h) => h.textContent!.trim());
    expect(headings()).to.deep.equal(['Person 1: Mia', 'Person 2: Ben']);
    const benId = page.shadowRoot!.querySelectorAll('.card h3')[1].id;
    await press(page, 'Person 1: Mia entfernen');
    await settle();
    expect(headings()).to.deep.equal(['Person 1: Ben']);
    expect(page.shadowRoot!.querySelector('.card h3')!.id).to.equal(benId); // the same item, same id
    expect(deepActiveElement()?.id).to.equal(benId);
    expect(text(page)).to.contain('Person 1: Mia entfernt.');
    await press(page, 'Person 1: Ben entfernen');
    await settle();
    expect(deepActiveElement()?.id).to.equal('members'); // the add button
  });

  it('repeat groups: bank accounts in Anlage VM, money typed the German way', async () => {
    const answers = completeAnswers();
    delete (answers.anlagen.VM as Record<string, unknown>).accounts;
    delete (answers.anlagen.VM as Record<string, unknown>).cash;
    const { el, api } = await mount({ applications: [{ answers: { ...answers, main: MAIN_COMPLETE } }] });
    await press(await formPage(el, 'Weitere Vermögenswerte'), 'Zurück');
    let page = await formPage(el, 'Konten');
    await press(page, 'Konto hinzufügen');
    await answerAll(el, {
      'accounts.0.bank': 'Sparkasse',
      'accounts.0.accountKind': 'savings',
      'accounts.0.balance': '1.234,56',
    });
    await next(el);
    page = await formPage(el, 'Weitere Vermögenswerte');
    await answer(el, 'cash', '12,5');
    await waitFor(
      () => (api.applications.rows[0].answers.anlagen.VM as Record<string, unknown>)?.cash === 12.5,
    );
    const vm = api.applications.rows[0].answers.anlagen.VM as { accounts: Array<Record<string, unknown>> };
    expect(vm.accounts[0]).to.deep.include({ bank: 'Sparkasse', accountKind: 'savings', balance: 1234.56 });
    const cash = byId(page, 'cash')!.shadowRoot!.querySelector('input')!;
    expect(cash.value).to.equal('12,50'); // shown as read after leaving the field
  });

  it('"Weiter" validates: the summary takes focus, links focus the fields, nothing typed is lost; "Zurück" never validates', async () => {
    const { el } = await mount(draftUntil(mainWithout('postalCode', 'city', 'street')));
    const page = await formPage(el, 'Anschrift');
    await answer(el, 'postalCode', '123');
    await next(el);
    const box = await summaryBox(page);
    await settle();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
    const links = [...box.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#street', '#postalCode', '#city']);
    expect(links[1].textContent).to.contain('Postleitzahl: Geben Sie die Postleitzahl mit 5 Ziffern ein.');
    links[1].click();
    expect((deepActiveElement()!.getRootNode() as ShadowRoot).host.id).to.equal('postalCode');
    expect(byId(page, 'postalCode')!.shadowRoot!.querySelector('input')!.value).to.equal('123');
    expect(byId(page, 'postalCode')!.getAttribute('id')).to.equal('postalCode');
    expect((byId(page, 'postalCode') as unknown as { error: string }).error).to.contain('5 Ziffern');
    await press(page, 'Zurück');
    const prev = await formPage(el, 'Staatsangehörigkeit');
    expect(prev.shadowRoot!.querySelector('jc-error-summary:not([hidden])')).to.equal(null);
  });

  it('keyboard only: Tab order, arrows and Space on radios, Space on checkboxes, Enter continues', async () => {
    const { el, api } = await mount(
      draftUntil(mainWithout('noFixedAbode', 'street', 'houseNumber', 'postalCode', 'city')),
    );
    const page = await formPage(el, 'Anschrift');
    await settle();
    expect(deepActiveElement()?.localName).to.equal('h2'); // the page title took focus
    for (const lang of ['de', 'ar']) {
      await sendKeys({ press: 'Tab' }); // the section's help (A11Y-04) comes right after the title
      expect(deepActiveElement()?.closest('summary')?.getAttribute('lang')).to.equal(lang);
    }
    await sendKeys({ press: 'Tab' });
    expect((deepActiveElement()!.getRootNode() as ShadowRoot).host.id).to.equal('noFixedAbode');
    await sendKeys({ press: 'Space' }); // "Ja"
    await sendKeys({ press: 'ArrowRight' }); // "Nein"
    const typed: Array<[string, string]> = [
      ['street', 'Lindenweg'],
      ['houseNumber', '4a'],
      ['addressSuffix', ''],
      ['postalCode', '00123'],
      ['city', 'Musterstadt'],
    ];
    for (const [id, value] of typed) {
      await sendKeys({ press: 'Tab' });
      expect((deepActiveElement()!.getRootNode() as ShadowRoot).host.id, id).to.equal(id);
      if (value) await sendKeys({ type: value });
    }
    await sendKeys({ press: 'Enter' });
    await formPage(el, 'Bankverbindung');
    await waitFor(() => api.applications.rows[0].answers.main.city === 'Musterstadt');
    expect(api.applications.rows[0].answers.main).to.deep.include({
      noFixedAbode: false,
      street: 'Lindenweg',
      postalCode: '00123',
    });
    void page;

    const { el: el2 } = await mount(draftUntil(mainWithout('costlyDiet')));
    await press(await formPage(el2, 'Gesundheit'), 'Zurück');
    await formPage(el2, 'Andere Leistungen');
    await settle();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // first checkbox: BAföG
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' }); // second: Berufsausbildungsbeihilfe
    const multi = byId(await formPage(el2), 'otherBenefits') as unknown as { values: string[] };
    expect(multi.values).to.deep.equal(['bafoeg', 'bab']);
  });

  it('autosave: debounced PUT with If-Match; on page change at once; quiet status', async () => {
    const { el, api } = await mount();
    await formPage(el, 'Wie heißen Sie?');
    await answer(el, 'firstName', 'E');
    await answer(el, 'firstName', 'Er');
    await answer(el, 'firstName', 'Erika');
    await waitFor(() => puts(api).length === 1);
    await settle(60);
    expect(puts(api)).to.have.length(1); // three keystrokes, one request
    expect(puts(api)[0].headers['if-match']).to.equal('"1"');
    expect(puts(api)[0].body).to.deep.equal({
      answers: { main: { firstName: 'Erika' }, members: [], anlagen: {} },
    });
    await waitFor(() => text(el).includes('Gespeichert um'));
    await answer(el, 'lastName', 'Mustermann');
    await next(el);
    await waitFor(() => puts(api).length === 2);
    expect(puts(api)[1].headers['if-match']).to.equal('"2"');
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent!.trim()).to.equal(''); // a normal save is not announced
  });

  it('autosave offline: "Nicht gespeichert – keine Verbindung", announced once, saved when back online', async () => {
    const { el, api } = await mount({ saveFailures: ['network'] });
    await formPage(el);
    await answer(el, 'firstName', 'Erika');
    await waitFor(() => text(el).includes('Nicht gespeichert – keine Verbindung'));
    const status = el.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent).to.contain('keine Verbindung');
    window.dispatchEvent(new Event('online'));
    await waitFor(() => text(el).includes('Gespeichert um'));
    expect(status.textContent).to.contain('Verbindung wieder da');
    expect(api.applications.rows[0].answers.main.firstName).to.equal('Erika');
  });

  it('412: never overwrites; explains the conflict; "Meine Fassung behalten" writes with the new version', async () => {
    const other = { main: { firstName: 'Max' }, members: [], anlagen: {} };
    const { el, api } = await mount({ saveFailures: ['conflict'], conflictAnswers: other });
    await formPage(el);
    await answer(el, 'firstName', 'Erika');
    const panel = await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part=conflict]'));
    expect(panel.getAttribute('role')).to.equal('alert');
    expect(text(el)).to.contain('Der Antrag wurde in einem anderen Fenster geändert');
    expect(api.applications.rows[0].answers.main.firstName).to.equal('Max'); // not overwritten
    await answer(el, 'lastName', 'Mustermann');
    await settle(60);
    expect(puts(api)).to.have.length(1); // no saving while the conflict is open
    await press(el, 'Meine Fassung behalten');
    await waitFor(() => api.applications.rows[0].answers.main.firstName === 'Erika');
    expect(puts(api)[1].headers['if-match']).to.equal('"2"');
    expect(api.applications.rows[0].answers.main.lastName).to.equal('Mustermann');
    expect(el.shadowRoot!.querySelector('[part=conflict]')).to.equal(null);
  });

  it('412: "Neuere Fassung laden" shows the other window’s answers', async () => {
    const other = { main: { firstName: 'Max' }, members: [], anlagen: {} };
    const { el, api } = await mount({ saveFailures: ['conflict'], conflictAnswers: other });
    const page = await formPage(el);
    await answer(el, 'firstName', 'Erika');
    await waitFor(() => el.shadowRoot!.querySelector('[part=conflict]'));
    await press(el, 'Neuere Fassung laden');
    await waitFor(() => byId(page, 'firstName')!.shadowRoot!.querySelector('input')!.value === 'Max');
    expect(puts(api)).to.have.length(1);
    await answer(el, 'lastName', 'Muster');
    await waitFor(() => puts(api).length === 2);
    expect(puts(api)[1].headers['if-match']).to.equal('"2"');
  });

  it('device cache: encrypted in IndexedDB (no plaintext), non-extractable key, cleared on sign-out', async () => {
    const { el, api } = await mount({ saveFailures: ['network'] });
    await formPage(el);
    await answer(el, 'firstName', 'Zerbinetta');
    await waitFor(() => text(el).includes('keine Verbindung'));
    const store = createStore(CACHE_DB, 'drafts');
    const id = api.applications.rows[0].id;
    await until(async () => (await get(`draft:${id}`, store)) !== undefined);
    const entry = (await get<SealedEntry>(`draft:${id}`, store))!;
    expect(Object.keys(entry).sort()).to.deep.equal(['data', 'expires', 'iv']);
    expect(entry.iv.byteLength).to.equal(12);
    expect(new TextDecoder('latin1').decode(entry.data)).not.to.contain('Zerbinetta');
    expect(new TextDecoder('latin1').decode(entry.data)).not.to.contain('firstName');
    expect(entry.expires - Date.now()).to.be.within(6 * 86_400_000, 7 * 86_400_000 + 1000);
    const key = await get<CryptoKey>('key', store);
    expect(key!.extractable).to.equal(false);
    expect(key!.algorithm.name).to.equal('AES-GCM');
    window.dispatchEvent(new JcSignedOutEvent());
    await until(async () => (await get(`draft:${id}`, store)) === undefined);
    expect(await get('key', store)).to.equal(undefined);
  });

  it('device cache: unsent changes are offered back, never applied silently', async () => {
    const { el, api } = await mount({}, LOCAL);
    await waitFor(() => el.shadowRoot!.querySelector('[part=restore]'));
    expect(el.shadowRoot!.querySelector('jc-form-page')).to.equal(null);
    expect(puts(api)).to.have.length(0);
    await press(el, 'Änderungen übernehmen');
    const page = await formPage(el);
    await waitFor(() => byId(page, 'firstName')?.shadowRoot?.querySelector('input')?.value === 'Lokal');
    await waitFor(() => api.applications.rows[0].answers.main.firstName === 'Lokal');
  });

  it('check your answers: "Ändern" opens the page and returns to the summary', async () => {
    const { el } = await mount({ applications: [{ answers: answersBeforeDeclaration() }] });
    let page = await formPage(el, 'Erklärung');
    await press(page, 'Zurück');
    await waitFor(() => text(el).includes('Prüfen Sie Ihre Angaben'));
    expect(text(el)).to.contain('Sparkasse Musterstadt');
    expect(text(el)).to.contain('20,00 €');
    await press(el, 'Ändern: Bargeld');
    page = await formPage(el, 'Weitere Vermögenswerte');
    await answer(el, 'cash', '30');
    await next(el);
    await waitFor(() => text(el).includes('Prüfen Sie Ihre Angaben') && text(el).includes('30,00 €'));
    await settle();
    expect(deepActiveElement()?.textContent).to.contain('Prüfen Sie Ihre Angaben');
  });

  it('progress: a nav with every section and Anlage, the current one aria-current="step", done ones linked', async () => {
    const { el } = await mount({ applications: [{ answers: answersBeforeDeclaration() }] });
    await formPage(el, 'Erklärung');
    const nav = el.shadowRoot!.querySelector('nav')!;
    const items = [...nav.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('.step-title')!.textContent)).to.include.members([
      'Persönliche Daten',
      'Anlage EK – Einkommen – Erika Mustermann',
      'Anlage VM – Vermögen',
      'Erklärung',
    ]);
    expect(nav.querySelector('[aria-current=step]')!.textContent).to.contain('Erklärung');
    nav.querySelector('details')!.open = true;
    const vm = items.find((li) => li.textContent!.includes('Anlage VM'))!;
    vm.querySelector('button')!.click();
    await waitFor(() => text(el).includes('Prüfen Sie Ihre Angaben') && text(el).includes('Anlage VM'));
  });

  it('submit: "reiche ich nach" is accepted; Idempotency-Key and If-Match; the receipt lists the to-dos', async () => {
    const answers = answersBeforeDeclaration();
    answers.main.rvStatus = 'has';
    answers.main.rvnr = { later: true };
    const { el, api } = await mount({ applications: [{ answers }], pdfReadyAfterPolls: 1 });
    await formPage(el, 'Erklärung');
    await answerAll(el, { truthful: true, dataProtection: true });
    await press(await formPage(el), 'Antrag absenden');
    const receipt = await waitFor(() => el.shadowRoot!.querySelector('jc-ade-receipt'));
    await waitFor(() => text(receipt).includes('ADE-2025-7K3M9Q'));
    const post = api.calls.find((c) => c.path.endsWith('/submit'))!;
    expect(post.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(post.headers['if-match']).to.match(/^"\d+"$/);
    expect(text(receipt)).to.contain('Das reichen Sie nach');
    expect(text(receipt)).to.contain('Rentenversicherungsnummer');
    expect(text(receipt)).to.contain('Wie geht es weiter?');
    await waitFor(() => receipt.shadowRoot!.querySelector('[part=pdf-link]'));
    await settle();
    await expectAccessible(el);
  });

  it('submit 400: jumps to the first page with an error and shows the summary there', async () => {
    const answers = completeAnswers();
    const { el } = await mount({
      applications: [{ answers: { ...answers, main: { ...answers.main } } }],
      submitErrors: [
        { path: 'main.postalCode', code: 'invalid_plz', message: 'Diese Postleitzahl gibt es nicht.' },
      ],
    });
    const page = await formPage(el, 'Erklärung');
    await press(page, 'Antrag absenden');
    await formPage(el, 'Anschrift');
    const box = await summaryBox(await formPage(el));
    expect([...box.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      '#postalCode',
    ]);
    await settle();
    expect(deepActiveElement()?.getAttribute('role')).to.equal('alert');
    expect(progressText(el)).to.contain('Angaben fehlen oder sind fehlerhaft');
  });

  it('speaks English when the UI language is English: chrome from @lit/localize, questions from the definition', async () => {
    await switchLocale('en');
    try {
      const { el } = await mount();
      const page = await formPage(el, 'What is your name?');
      expect((byId(page, 'firstName') as unknown as { label: string }).label).to.equal('First name');
      expect(text(page)).to.contain('Continue');
      await next(el);
      const box = await summaryBox(page);
      expect(text(box)).to.contain('First name: Answer this question.');
      expect(progressText(el)).to.contain('Your progress');
    } finally {
      await switchLocale('de');
    }
  });

  it('maps server error paths to pages and fields (main, members, Anlagen, list items)', () => {
    const answers = completeAnswers({ livesAlone: false, housingCosts: true });
    answers.members = [{ id: 'm1', firstName: 'Mia', birthDate: '2018-03-01', relationship: 'child' }];
    answers.anlagen.KDU = { housingType: 'rent' };
    const pages = pagesFor(answers, DATE);
    expect(locate('main.postalCode', pages)).to.deep.include({ field: 'postalCode' });
    expect(locate('main.postalCode', pages)!.page.key).to.equal('main/anschrift');
    expect(locate('members.0.lastName', pages)!.page.key).to.equal('main/haushalt');
    expect(locate('anlagen.KDU.baseRent', pages)!.page.key).to.equal('KDU/miete');
    expect(locate('anlagen.VM.accounts.0.bank', pages)).to.deep.include({ field: 'accounts.0.bank' });
    expect(locate('anlagen.KI:m1.kindergeld', pages)!.page.key).to.equal('KI:m1/kind');
    const placed = placeErrors(
      [
        { path: 'anlagen.KDU.baseRent', code: 'required', message: '' },
        { path: 'members.0.lastName', code: 'required', message: '' },
        { path: 'nowhere', code: 'x', message: 'Allgemein' },
      ],
      pages,
      'de',
      (e) => e.message || e.code,
    );
    expect(placed.page!.key).to.equal('KDU/miete');
    expect(placed.summary.map((s) => s.field)).to.deep.equal(['baseRent', undefined]);
    expect(placed.summary[0].message).to.contain('Grundmiete');
    expect(placed.pagesWithErrors).to.deep.equal(['KDU/miete', 'main/haushalt']);
  });
});
