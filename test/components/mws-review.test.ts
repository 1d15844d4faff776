/** jc-mws-review: axe in every state, request with Idempotency-Key, status with If-Match (409/412), notes kept internal, keyboard only, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/mws-review/mws-review.js';
import type { JcMwsReview } from '../../components/mws-review/mws-review.js';
import type { JcErrorSummary } from '../../components/error-summary/error-summary.js';
import {
  MockReviewApi,
  REVIEW_ID,
  withReviewApi,
  type ReviewMockOptions,
} from '../../stories/mock-review-api.js';
import * as stories from '../../stories/mws-review.stories.js';
import type { Story } from '../../stories/csf.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { buttonWith } from '../../stories/staff-play.js';
import { deepActiveElement, expectAccessible, settle, tabTo } from './helpers.js';

const BASE = `/api/staff/applications/${REVIEW_ID}`;

async function mount(options: ReviewMockOptions = {}, lang = 'de') {
  let api!: MockReviewApi;
  const canvas = await fixture<HTMLElement>(
    html`<div>${withReviewApi(options, (a) => (api = a), lang)}</div>`,
  );
  const el = canvas.querySelector<JcMwsReview>('jc-mws-review')!;
  await waitFor(() => el.shadowRoot?.querySelector('#status-heading, .panel--error'));
  return { el, api };
}

const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const live = (el: Element) => $(el, '[part=status]').textContent!.trim();
async function type(el: Element, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await (el as JcMwsReview).updateComplete;
}
const commentButton = (el: Element, path: string) => $<HTMLButtonElement>(el, `[data-comment="${path}"]`);
async function comment(el: JcMwsReview, path: string, text: string) {
  commentButton(el, path).click();
  await inWidget(el, '#comment-text');
  await type(el, 'comment-text', text);
  (await buttonWith(el, 'Zur Anforderung hinzufügen')).click();
  await waitFor(() => !el.shadowRoot!.querySelector('#comment-text'));
}
const summaryText = (el: Element) => {
  const s = $<JcErrorSummary>(el, 'jc-error-summary');
  return s.hidden ? '' : s.shadowRoot!.textContent!.replace(/\s+/g, ' ');
};

describe('jc-mws-review', () => {
  afterEach(() => setViewport({ width: 1024, height: 800 }));

  it('axe: loaded, comment editor, errors, open request, after answers, 412, 409, load error, not found, signed out', async () => {
    let { el } = await mount();
    await expectAccessible(el);
    commentButton(el, 'main/wohnung/rent').click();
    await inWidget(el, '#comment-text');
    await expectAccessible(el);
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => summaryText(el));
    await expectAccessible(el);
    for (const scenario of ['open-request', 'answered'] as const) {
      ({ el } = await mount({ scenario }));
      await expectAccessible(el);
    }
    for (const opt of [{ statusRace: true }, { transitionConflict: true }]) {
      ({ el } = await mount(opt));
      (await buttonWith(el, 'Status setzen')).click();
      await inWidget(el, '.status-problem');
      await expectAccessible(el);
    }
    for (const failure of [500, 404, 401] as const) {
      ({ el } = await mount({ failure }));
      await expectAccessible(el);
    }
  });

  it('shows header, status timeline, answers by group, evidence with documents (size, short sha256)', async () => {
    const { el } = await mount();
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('MS-2026-004711');
    expect(text).to.contain('02.11.2026');
    expect($(el, '#status-heading').textContent).to.contain('In Bearbeitung');
    expect($(el, '.timeline [aria-current=step]').textContent).to.contain('In Bearbeitung');
    const groups = [...el.shadowRoot!.querySelectorAll('details.group-box > summary')].map((s) =>
      s.textContent!.trim(),
    );
    expect(groups[0]).to.contain('Angaben zur Person');
    expect(groups[2]).to.contain('Anlage KDU');
    const link = $<HTMLAnchorElement>(el, '.evidence .docs a');
    expect(link.getAttribute('href')).to.contain(`${BASE}/documents/`);
    expect(link.closest('li')!.textContent).to.contain('471 KB');
    expect(link.closest('li')!.querySelector('code')!.textContent).to.equal('e3b0c44298fc');
    expect($<HTMLAnchorElement>(el, '.pdfs a').getAttribute('href')).to.contain(`${BASE}/pdf`);
  });

  it('comment a field + request evidence → one POST with the items, deadline and an Idempotency-Key kept for the retry', async () => {
    const { el, api } = await mount({ loseFirstRequestAnswer: true });
    await comment(el, 'main/wohnung/rent', 'Bitte Kaltmiete prüfen');
    expect(live(el)).to.contain('Kommentar zu „Monatliche Kaltmiete“ zur Anforderung hinzugefügt');
    (await buttonWith(el, 'Nachweis anfordern')).click(); // Personalausweis
    $<HTMLButtonElement>(el, '[data-evidence="ev-miete"]').click();
    await type(el, 'free-evidence', 'Kontoauszüge der letzten drei Monate');
    (await buttonWith(el, 'Nachweis hinzufügen')).click();
    await waitFor(() => el.draft.length === 4);
    await type(el, 'request-message', 'Bitte bis zur Frist einreichen.');
    await type(el, 'deadline', '21');
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => summaryText(el).includes('Keine Verbindung'));
    const first = api.callsTo('POST', '/requests')[0];
    expect(first.body).to.deep.equal({
      items: [
        { kind: 'field', path: 'main/wohnung/rent', comment: 'Bitte Kaltmiete prüfen' },
        { kind: 'evidence', code: 'AUSWEIS', title: 'Personalausweis oder Reisepass – Erika Muster' },
        { kind: 'evidence', code: 'MIETVERTRAG', title: 'Mietvertrag' },
        { kind: 'evidence', title: 'Kontoauszüge der letzten drei Monate' },
      ],
      deadlineDays: 21,
      message: 'Bitte bis zur Frist einreichen.',
    });
    const key = first.headers['idempotency-key'];
    expect(key).to.match(/^[0-9a-f-]{36}$/);
    expect(el.draft).to.have.length(4);
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => el.draft.length === 0);
    const calls = api.callsTo('POST', '/requests');
    expect(calls).to.have.length(2);
    expect(calls[1].headers['idempotency-key']).to.equal(key);
    expect(api.review.requests).to.have.length(1);
    await waitFor(() => live(el).startsWith('Anforderung gesendet. Frist:'));
    const sent = await inWidget(el, '.request');
    expect(sent.textContent).to.contain('Hinweis nach § 66 SGB I');
    expect(sent.querySelector('.notice')!.textContent).to.contain('§ 66');
    expect($(el, '#status-heading').textContent).to.contain('Unterlagen angefordert');
    expect(deepActiveElement()).to.equal(sent);
    // a new request gets a new key
    await comment(el, 'main/person/lastName', 'Schreibweise?');
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => api.callsTo('POST', '/requests').length === 3);
    expect(api.callsTo('POST', '/requests')[2].headers['idempotency-key']).not.to.equal(key);
  });

  it('evidence from the catalogue and a comment on a document (re-upload wanted) go into the request', async () => {
    const { el, api } = await mount();
    (await buttonWith(el, 'Aus dem Katalog hinzufügen')).click();
    await waitFor(() => summaryText(el).includes('Wählen Sie einen Nachweis aus dem Katalog'));
    const select = $<HTMLSelectElement>(el, '#catalogue-evidence');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(select.options.length).to.be.greaterThan(25);
    select.value = 'MELDEBESCHEINIGUNG';
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    (await buttonWith(el, 'Aus dem Katalog hinzufügen')).click();
    await waitFor(() => el.draft.length === 1);
    await waitFor(() => live(el).includes('„Meldebescheinigung“ zur Anforderung hinzugefügt'));

    const docPath = 'doc:d1000000-0000-4000-8000-000000000001';
    const preview = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('.docs a[target=_blank]')][0];
    expect(preview.getAttribute('href')).to.match(/documents\/d1000000-0000-4000-8000-000000000001\?inline=1$/);
    expect(preview.getAttribute('rel')).to.equal('noopener');
    await comment(el, docPath, 'Die Rückseite fehlt.');
    await waitFor(() => live(el).includes('Kommentar zu „personalausweis.pdf“ zur Anforderung hinzugefügt'));
    expect(commentButton(el, docPath).textContent).to.contain('In der Anforderung');
    await expectAccessible(el);
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => api.callsTo('POST', '/requests').length === 1);
    expect((api.callsTo('POST', '/requests')[0].body as { items: unknown[] }).items).to.deep.equal([
      { kind: 'evidence', code: 'MELDEBESCHEINIGUNG', title: 'Meldebescheinigung' },
      {
        kind: 'evidence',
        title: 'Bitte neu einreichen: personalausweis.pdf',
        documentId: 'd1000000-0000-4000-8000-000000000001',
        comment: 'Die Rückseite fehlt.',
        code: 'AUSWEIS',
      },
    ]);
  });

  it('the history names who changed what', async () => {
    const { el } = await mount();
    const history = await inWidget(el, '.history');
    expect(history.textContent).to.contain('Sabine Krüger');
  });

  it('an empty request and a deadline outside 7–60 days are caught in the error summary, nothing is sent', async () => {
    const { el, api } = await mount();
    await type(el, 'deadline', '5');
    (await buttonWith(el, 'Anforderung senden')).click();
    await waitFor(() => summaryText(el));
    expect(summaryText(el)).to.contain('mindestens einen');
    expect(summaryText(el)).to.contain('zwischen 7 und 60 Tagen');
    expect(deepActiveElement()!.closest('.summary')).to.not.equal(null);
    expect($(el, '#deadline').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#deadline').getAttribute('aria-describedby')).to.contain('deadline-error');
    expect(api.callsTo('POST', '/requests')).to.have.length(0);
  });

  it('status: sends If-Match with the version read; success reloads and announces', async () => {
    const { el, api } = await mount();
    $<HTMLButtonElement>(el, '[data-status=entscheidungsreif]').click();
    await waitFor(() => $(el, '#status-heading').textContent!.includes('Entscheidungsreif'));
    const call = api.callsTo('POST', '/status')[0];
    expect(call.headers['if-match']).to.equal('"2"');
    expect(call.body).to.deep.equal({ status: 'entscheidungsreif' });
    await waitFor(() => live(el) === 'Status geändert: Entscheidungsreif');
    expect(el.shadowRoot!.querySelector('.history')!.textContent).to.contain(
      'In Bearbeitung → Entscheidungsreif',
    );
  });

  it('status 409: shows the server explanation', async () => {
    const { el } = await mount({ transitionConflict: true });
    $<HTMLButtonElement>(el, '[data-status=entscheidungsreif]').click();
    const p = await inWidget(el, '.status-problem');
    expect(p.getAttribute('role')).to.equal('alert');
    expect(p.textContent).to.contain('ist kein Wechsel nach „Entscheidungsreif“ möglich');
  });

  it('status 412: "inzwischen geändert", no retry, no overwrite; reload shows the colleague’s status', async () => {
    const { el, api } = await mount({ statusRace: true });
    $<HTMLButtonElement>(el, '[data-status=entscheidungsreif]').click();
    const p = await inWidget(el, '.status-problem');
    expect(p.textContent).to.contain('inzwischen geändert');
    expect(el.shadowRoot!.querySelector('[data-status]')).to.equal(null);
    await settle(50);
    expect(api.callsTo('POST', '/status')).to.have.length(1);
    expect(api.review.status).to.equal('entscheidungsreif');
    (await buttonWith(el, 'Aktuellen Stand laden')).click();
    await waitFor(() => $(el, '#status-heading').textContent!.includes('Entscheidungsreif'));
    expect(el.review!.version).to.equal(3);
    expect(el.shadowRoot!.querySelector('.status-problem')).to.equal(null);
    $<HTMLButtonElement>(el, '[data-status=abgeschlossen]').click();
    await waitFor(() => api.callsTo('POST', '/status').length === 2);
    expect(api.callsTo('POST', '/status')[1].headers['if-match']).to.equal('"3"');
  });

  it('internal notes are marked and never rendered in the part labelled for the applicant', async () => {
    const { el, api } = await mount({ scenario: 'answered' });
    const notes = $(el, '[part=notes]');
    const messages = $(el, '[part=messages]');
    const heading = (s: Element) =>
      el.shadowRoot!.getElementById(s.getAttribute('aria-labelledby')!)!.textContent!;
    expect(heading(notes)).to.contain('intern – für Antragstellende nicht sichtbar');
    expect(heading(messages)).to.contain('antragstellenden Person');
    expect(notes.textContent).to.contain('Miete prüfen');
    expect(messages.textContent).not.to.contain('Miete prüfen');
    expect(messages.textContent).to.contain('Die Miete wurde zum 1. November erhöht');
    await type(el, 'note-text', 'Nur intern: Vermieter anrufen');
    (await buttonWith(el, 'Notiz speichern')).click();
    await waitFor(() => notes.textContent!.includes('Vermieter anrufen'));
    expect(api.callsTo('POST', '/notes')[0].body).to.deep.equal({ text: 'Nur intern: Vermieter anrufen' });
    expect(messages.textContent).not.to.contain('Vermieter anrufen');
    expect($(el, 'label[for=note-text]').textContent).to.contain('intern');
    await type(el, 'message-text', 'Danke, wir prüfen das.');
    (await buttonWith(el, 'Nachricht senden')).click();
    await waitFor(() => messages.textContent!.includes('Danke, wir prüfen das.'));
    expect(notes.textContent).not.to.contain('Danke, wir prüfen das.');
    expect(api.callsTo('POST', '/messages')).to.have.length(1);
  });

  it('after answers: the history shows old → new, the sent request its documents and notice', async () => {
    const { el } = await mount({ scenario: 'answered' });
    const entry = [...el.shadowRoot!.querySelectorAll('.history li')].find((li) => li.querySelector('ins'))!;
    expect(entry.textContent!.replace(/\s+/g, ' ')).to.contain('Angabe „Monatliche Kaltmiete“ korrigiert');
    expect(entry.querySelector('del')!.textContent).to.equal('450');
    expect(entry.querySelector('ins')!.textContent).to.equal('520');
    const req = $(el, '.request');
    expect(req.textContent).to.contain('mietvertrag.pdf');
    expect(req.textContent).to.contain('520,00 €');
  });

  it('keyboard only: comment a field, request evidence and send', async () => {
    const { el, api } = await mount();
    const btn = await tabTo((a) => a.getAttribute('data-comment') === 'main/person/lastName');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement()?.id === 'comment-text');
    await sendKeys({ type: 'Bitte prüfen' });
    await tabTo((a) => a.textContent!.includes('Zur Anforderung hinzufügen'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => deepActiveElement() === btn);
    expect(el.draft).to.deep.equal([
      { kind: 'field', path: 'main/person/lastName', comment: 'Bitte prüfen' },
    ]);
    const evidence = await tabTo((a) => a.getAttribute('data-evidence') === 'ev-miete', 120);
    await sendKeys({ press: 'Space' });
    await waitFor(() => el.draft.length === 2);
    expect(deepActiveElement(), 'focus stays on the evidence button').to.equal(evidence);
    expect(evidence.getAttribute('aria-disabled')).to.equal('true');
    await tabTo((a) => a.textContent!.includes('Anforderung senden'), 120);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => api.callsTo('POST', '/requests').length === 1);
    await waitFor(() => el.draft.length === 0);
  });

  it('English strings', async () => {
    const { el } = await mount({ scenario: 'answered' }, 'en');
    await waitFor(() => $(el, 'h2').textContent!.includes('Review application'));
    expect($(el, '#notes-heading').textContent).to.contain('internal – not visible to applicants');
    expect($(el, '.notice').textContent).to.contain('section 66');
  });

  for (const width of [1024, 320]) {
    for (const [name, story] of Object.entries(stories)) {
      if (name === 'default') continue;
      it(`story ${name} at ${width} px: axe clean, no horizontal scrolling`, async function () {
        (this as { timeout(ms: number): void }).timeout(20_000);
        await setViewport({ width, height: 800 });
        const s = story as Story;
        const canvas = await fixture<HTMLElement>(html`<div>${s.render()}</div>`);
        await s.play?.({ canvasElement: canvas });
        await settle();
        await expectAccessible(canvas);
        expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
      });
    }
  }
});
