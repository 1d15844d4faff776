/** jc-oap-situation: axe per state, page validation with a focused error summary, autosave with If-Match, 412 choice, submit once, status, keyboard only, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JcOapSituation } from '../../components/oap-situation/oap-situation.js';
import { COMPLETE, type MockOapApi, type OapMockOptions } from '../../stories/oap-mock-api.js';
import { buttonIn, formPageOf, oapPage, pickOption, pressNext } from '../../stories/oap-play.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { createStore, get } from 'idb-keyval';
import { CACHE_DB, type SealedEntry } from '../../components/controllers/draft-cache.js';
import { JcSignedOutEvent } from '../../components/events/jc-signed-out.js';
import { deepActiveElement, expectAccessible, settle, until } from './helpers.js';

/** The device copy's key for the mock's account (acc_demo) and this eService. */
const COPY = 'oap:acc_demo:situation';

async function mount(options: OapMockOptions = {}) {
  let api!: MockOapApi;
  const root = await fixture<HTMLElement>(
    html`<div>${oapPage('jc-oap-situation', options, (a) => (api = a))}</div>`,
  );
  const el = root.querySelector<JcOapSituation>('jc-oap-situation')!;
  await waitFor(
    () =>
      el.shadowRoot?.querySelector('h2, jc-form-page') &&
      !el.shadowRoot.textContent?.includes('Wird geladen'),
  );
  await settle();
  return { el, api, root };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('jc-oap-situation', () => {
  it('axe: loading, signed out, level 0, no TdA, empty, partly filled, check page, submitted, taken over', async () => {
    const loading = await fixture<HTMLElement>(
      html`<div>${oapPage('jc-oap-situation', { delayMs: 60_000 })}</div>`,
    );
    await settle();
    expect(text(loading.querySelector('jc-oap-situation')!)).to.contain('Wird geladen');
    await expectAccessible(loading);
    for (const options of [
      { session: 'none' },
      { session: 'level0' },
      { noTda: true },
      {},
      { answers: { situation: { status: 'unemployed' } } },
      { answers: { situation: COMPLETE.situation } },
      { answers: { situation: COMPLETE.situation }, submitted: ['situation'] },
      { answers: { situation: COMPLETE.situation }, takenOver: ['situation'] },
    ] as OapMockOptions[]) {
      const { root } = await mount(options);
      await expectAccessible(root);
    }
  });

  it('signed out shows the sign-in link; level 0 asks to confirm the e-mail; no TdA says so', async () => {
    expect(text((await mount({ session: 'none' })).el)).to.contain('Melden Sie sich an');
    expect(text((await mount({ session: 'level0' })).el)).to.contain('Sicherheitsstufe 1');
    expect(text((await mount({ noTda: true })).el)).to.contain('sobald Sie einen Antrag gestellt haben');
  });

  it('"Weiter" without an answer: error summary takes focus, axe passes, nothing is sent', async () => {
    const { el, api, root } = await mount();
    await pressNext(el);
    const page = await formPageOf(el);
    await waitFor(
      () =>
        deepActiveElement()?.closest?.('[role=alert], .error-summary, div') &&
        page.shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'),
    );
    const summary = page.shadowRoot!.querySelector('jc-error-summary')!;
    await waitFor(() => summary.shadowRoot!.activeElement || summary.matches(':focus-within'));
    expect(summary.shadowRoot!.textContent).to.contain('Was trifft jetzt auf Sie zu?');
    await expectAccessible(root);
    expect(api.callsTo('PUT', '/api/oap/situation/answers')).to.have.length(0);
  });

  it('autosaves with If-Match, shows completeness, resumes, and submits once with an Idempotency-Key', async () => {
    const { el, api } = await mount();
    expect(text(el)).to.contain('0 von');
    await pickOption(el, 'status', 'employed');
    await waitFor(() => api.callsTo('PUT', '/api/oap/situation/answers').length === 1);
    const put = api.callsTo('PUT', '/api/oap/situation/answers')[0];
    expect(put.headers['if-match']).to.equal('"0"');
    expect(put.body).to.deep.equal({ answers: { status: 'employed' } });
    await waitFor(() => text(el).includes('Gespeichert um'));
    // a complete draft resumes at the check page
    const { el: el2, api: api2 } = await mount({ answers: { situation: COMPLETE.situation } });
    const submit = await buttonIn(el2, 'Angaben einreichen');
    submit.click();
    submit.click(); // a second click while sending is ignored
    await inWidget(el2, '[part=status]');
    const posts = api2.callsTo('POST', '/api/oap/situation/submit');
    expect(posts).to.have.length(1);
    expect(posts[0].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(posts[0].headers['if-match']).to.equal('"1"');
    expect(text(el2)).to.contain('Fassung 1 eingereicht am');
    expect(text(el2)).to.contain('Ihre Angaben sind eingereicht.');
  });

  it('after submission "Angaben ändern" opens the check page; a change submitted again is version 2', async () => {
    const { el, api } = await mount({ answers: { situation: COMPLETE.situation }, submitted: ['situation'] });
    (await buttonIn(el, 'Angaben ändern')).click();
    (await buttonIn(el, 'Ändern')).click();
    await pickOption(el, 'status', 'training');
    await waitFor(() => api.callsTo('PUT', '/api/oap/situation/answers').length === 1);
    await waitFor(() => text(el).includes('noch nicht eingereicht'));
    await pressNext(el); // back to the check page it came from
    (await buttonIn(el, 'Angaben einreichen')).click();
    await waitFor(() => text(el).includes('Fassung 2 eingereicht am'));
    expect(api.rows.get('situation')!.submissions).to.have.length(2);
  });

  it('412 on autosave: nothing overwritten, "Neuere Fassung laden" takes the server version', async () => {
    const { el, api, root } = await mount({
      answers: { situation: { status: 'unemployed' } },
      conflictOnNextSave: true,
    });
    await pickOption(el, 'status', 'employed');
    await inWidget(el, '[part=conflict]');
    await expectAccessible(root);
    expect(api.rows.get('situation')!.answers.status).to.equal('unemployed');
    (await buttonIn(el, 'Neuere Fassung laden')).click();
    await waitFor(() => !el.shadowRoot!.querySelector('[part=conflict]'));
    expect(text(el)).to.contain('Die neuere Fassung ist geladen.');
  });

  it('server 422 on submit: the field error is shown on its page, answers kept', async () => {
    const { el, api } = await mount({ answers: { situation: COMPLETE.situation } });
    // the server knows better (e.g. a rule the client did not have): drop a required answer there
    const submit = await buttonIn(el, 'Angaben einreichen');
    api.rows.get('situation')!.answers = { ...COMPLETE.situation };
    delete api.rows.get('situation')!.answers.earliestStart;
    submit.click();
    const page = await formPageOf(el);
    await waitFor(() => page.shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
    expect(el.shadowRoot!.querySelector('[part=status]')).to.equal(null);
  });

  it('keyboard only: choose a status with the arrow keys in the select and continue with Enter', async () => {
    const { el, api } = await mount();
    const page = await formPageOf(el);
    const control = page.shadowRoot!.querySelector<HTMLElement>('[id="status"]')!;
    control.shadowRoot!.querySelector('select')!.focus();
    // "Bitte auswählen" → … → "Ich mache eine Ausbildung" (no follow-up question)
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => api.callsTo('PUT', '/api/oap/situation/answers').length > 0, 4000);
    const button = page.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () =>
        deepActiveElement()?.tagName === 'H2' &&
        (deepActiveElement()?.textContent ?? '').includes('Wann können Sie anfangen'),
    );
    expect(api.rows.get('situation')!.answers.status).to.equal('training');
  });

  it('English: the OAP strings come from en-oap.ts', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        ${oapPage('jc-oap-situation', { answers: { situation: { status: 'unemployed' } } }, undefined, 'en')}
      </div>`,
    );
    const el = root.querySelector('jc-oap-situation')!;
    await waitFor(() => text(el).includes('Step 1 of'));
    expect(text(el)).to.contain('required answers given');
    await expectAccessible(root);
    root.remove();
    // The restore offer's table (en-restore.ts) comes with the lazy form part.
    const again = await fixture<HTMLElement>(
      html`<div>
        ${oapPage('jc-oap-situation', { answers: { situation: { status: 'unemployed' } }, deviceCopy: { status: 'school' } }, undefined, 'en')}
      </div>`,
    );
    const el2 = again.querySelector('jc-oap-situation')!;
    await waitFor(() => text(el2).includes('Unsaved changes found'));
    expect(text(el2)).to.contain('Use the changes');
  });

  it('device copy: unsent answers are kept encrypted, offered back on return (never silently), wiped on sign-out', async () => {
    const first = await mount({ writeFailures: ['network', 'network', 'network', 'network', 'network'] });
    await pickOption(first.el, 'status', 'training');
    await waitFor(() => text(first.el).includes('keine Verbindung'));
    const store = createStore(CACHE_DB, 'drafts');
    await until(async () => (await get(`draft:${COPY}`, store)) !== undefined);
    const entry = (await get<SealedEntry>(`draft:${COPY}`, store))!;
    expect(new TextDecoder('latin1').decode(entry.data)).not.to.contain('training');
    expect(new TextDecoder('latin1').decode(entry.data)).not.to.contain('status');
    expect(first.api.rows.get('situation')?.answers.status).to.equal(undefined);
    first.root.remove();

    // Back on this device: the offer comes before the form, nothing is sent until she chooses.
    const { el, api, root } = await mount({ deviceCopy: 'keep' });
    const offer = await inWidget(el, '[part=restore]');
    expect(el.shadowRoot!.querySelector('jc-form-page')).to.equal(null);
    await expectAccessible(root);
    expect(offer.textContent).to.contain('Nicht gespeicherte Änderungen gefunden');
    expect(api.callsTo('PUT', '/api/oap/situation/answers')).to.have.length(0);
    (await buttonIn(el, 'Änderungen übernehmen')).click();
    await formPageOf(el);
    await waitFor(() => api.rows.get('situation')?.answers.status === 'training');

    window.dispatchEvent(new JcSignedOutEvent());
    await until(async () => (await get('key', store)) === undefined);
    expect(await get(`draft:${COPY}`, store)).to.equal(undefined);
  });

  it('device copy: "Verwerfen" keeps the server version; a copy equal to the server is dropped without asking', async () => {
    const { el, api } = await mount({ answers: { situation: { status: 'unemployed' } }, deviceCopy: { status: 'school' } });
    await inWidget(el, '[part=restore]');
    (await buttonIn(el, 'Verwerfen')).click();
    await formPageOf(el);
    const store = createStore(CACHE_DB, 'drafts');
    await until(async () => (await get(`draft:${COPY}`, store)) === undefined);
    expect(api.rows.get('situation')!.answers.status).to.equal('unemployed');
    expect(api.callsTo('PUT', '/api/oap/situation/answers')).to.have.length(0);

    const again = await mount({ answers: { situation: { status: 'unemployed' } }, deviceCopy: { status: 'unemployed' } });
    await formPageOf(again.el);
    expect(again.el.shadowRoot!.querySelector('[part=restore]')).to.equal(null);
    await until(async () => (await get(`draft:${COPY}`, store)) === undefined);
  });

  it('320 px: no horizontal scrolling on a page and on the check page', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      await mount({ answers: { situation: { status: 'unemployed' } } });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await mount({ answers: { situation: COMPLETE.situation } });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});
