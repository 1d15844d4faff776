/** jc-oap-cv: axe per state, the timeline (newest first, gaps in words), list answers saved, keyboard, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JcOapCv } from '../../components/oap-cv/oap-cv.js';
import { cvTimeline } from '../../components/oap-cv/cv-timeline.js';
import { CERT_ITEM, COMPLETE, CV_WITH_CERTIFICATES, type MockOapApi, type OapMockOptions } from '../../stories/oap-mock-api.js';
import { buttonIn, formPageOf, oapPage, pickOption, pressNext } from '../../stories/oap-play.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle, tabTo } from './helpers.js';

async function mount(options: OapMockOptions = {}) {
  let api!: MockOapApi;
  const root = await fixture<HTMLElement>(
    html`<div>${oapPage('jc-oap-cv', options, (a) => (api = a))}</div>`,
  );
  const el = root.querySelector<JcOapCv>('jc-oap-cv')!;
  await waitFor(
    () =>
      el.shadowRoot?.querySelector('h2, jc-form-page') &&
      !el.shadowRoot.textContent?.includes('Wird geladen'),
  );
  await settle();
  return { el, api, root };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

describe('jc-oap-cv', () => {
  it('axe: signed out, empty, work page with timeline, check page, submitted, taken over', async () => {
    for (const options of [
      { session: 'none' },
      {},
      { answers: { cv: { ...COMPLETE.cv, languages: [] } } },
      { answers: { cv: COMPLETE.cv } },
      { answers: { cv: COMPLETE.cv }, submitted: ['cv'] },
      { answers: { cv: COMPLETE.cv }, takenOver: ['cv'] },
    ] as OapMockOptions[]) {
      const { root } = await mount(options);
      await expectAccessible(root);
    }
  });

  it('the timeline lists work, training and school newest first and names a gap of 8 months', () => {
    const entries = cvTimeline(COMPLETE.cv, '2026-03-01');
    expect(entries.map((e) => e.kind)).to.deep.equal(['work', 'gap', 'work', 'training', 'school']);
    expect(entries[1]).to.include({ from: '07/2017', to: '02/2018', detail: '8' });
  });

  it('the check page shows the timeline with the gap in words', async () => {
    const { el } = await mount({ answers: { cv: COMPLETE.cv } });
    await buttonIn(el, 'Angaben einreichen');
    const timeline = el.shadowRoot!.querySelector('[part=timeline]')!;
    expect(timeline.textContent).to.contain('Lücke von 8 Monaten');
    const items = [...timeline.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items[0]).to.contain('Kassiererin');
    expect(items.at(-1)).to.contain('Realschule');
  });

  it('the work page shows the timeline below the questions (slot of jc-form-page)', async () => {
    const { el, root } = await mount({
      answers: {
        cv: {
          ...COMPLETE.cv,
          workHistory: [
            (COMPLETE.cv.workHistory as object[])[0],
            { id: 'w2', occupation: 'Kassiererin', from: '2018-03-01' },
          ],
        },
      },
    });
    // a job without employer: resume at the work page
    const page = await formPageOf(el);
    await waitFor(() => page.shadowRoot?.querySelector('h2')?.textContent?.includes('Berufserfahrung'));
    const timeline = await inWidget(el, '[part=timeline]');
    expect(timeline.textContent).to.contain('heute'); // the second job is current
    expect(timeline.textContent).to.contain('Lücke von 8 Monaten');
    await expectAccessible(root);
  });

  it('saves a choice and shows errors for the required school-leaving certificate', async () => {
    const { el, api } = await mount();
    await pressNext(el);
    const page = await formPageOf(el);
    await waitFor(() =>
      page.shadowRoot?.querySelector('jc-error-summary')?.shadowRoot?.textContent?.includes('Schulabschluss'),
    );
    await pickOption(el, 'schoolLevel', 'abitur');
    await waitFor(() => api.callsTo('PUT', '/api/oap/cv/answers').length === 1);
    expect(api.rows.get('cv')!.answers.schoolLevel).to.equal('abitur');
  });

  it('keyboard only: Tab reaches "Angaben einreichen" on the check page and Enter submits', async () => {
    const { el, api } = await mount({ answers: { cv: COMPLETE.cv } });
    await buttonIn(el, 'Angaben einreichen');
    const button = await tabTo((x) => (x.textContent ?? '').includes('Angaben einreichen'));
    expect(button.tagName).to.equal('BUTTON');
    await sendKeys({ press: 'Enter' });
    await inWidget(el, '[part=status]');
    expect(api.callsTo('POST', '/api/oap/cv/submit')).to.have.length(1);
    await waitFor(() => deepActiveElement()?.tagName === 'H2');
  });

  it('320 px: the check page with the timeline does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      await mount({ answers: { cv: COMPLETE.cv } });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});

function choose(upload: Element, name: string, bytes = 2048, type = 'application/pdf'): void {
  const input = upload.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('jc-oap-cv: certificates as evidence', () => {
  it('offers an upload only for a certificate with a saved name, uploads to the OAP route with progress and announcements (axe)', async () => {
    const { el, api, root } = await mount({ answers: { cv: CV_WITH_CERTIFICATES }, uploadStepMs: 60 });
    const section = await inWidget(el, '[part=evidence]');
    await waitFor(() => api.callsTo('GET', '/api/oap/cv/documents').length === 1);
    const uploads = [...section.querySelectorAll('jc-evidence-upload')];
    expect(uploads).to.have.length(1); // the second certificate has no name yet
    const upload = uploads[0];
    expect((upload as unknown as { item: { id: string; title: string } }).item).to.include({
      id: CERT_ITEM,
      title: 'Nachweis: Staplerschein',
    });
    await expectAccessible(root);
    choose(upload, 'staplerschein.pdf');
    await waitFor(() => upload.shadowRoot!.querySelector('progress'));
    expect(upload.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('staplerschein.pdf wird hochgeladen');
    await expectAccessible(root);
    await waitFor(() => text(upload).includes('staplerschein.pdf ('));
    expect(upload.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('staplerschein.pdf ist hochgeladen');
    const posted = api.calls.filter((c) => c.method === 'POST' && c.path.includes('/evidence/'));
    expect(posted.map((c) => c.path)).to.deep.equal([`/api/oap/cv/evidence/${encodeURIComponent(CERT_ITEM)}/documents`]);
    expect(posted[0].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    expect(api.documents.map((d) => d.filename)).to.deep.equal(['staplerschein.pdf']);
    await expectAccessible(root);
  });

  it('shows stored files, refuses a wrong type in plain language and deletes a file', async () => {
    const { el, api } = await mount({
      answers: { cv: CV_WITH_CERTIFICATES },
      documents: [{ itemId: CERT_ITEM, filename: 'alt.pdf', size: 4096 }],
    });
    const upload = await inWidget(el, 'jc-evidence-upload');
    await waitFor(() => text(upload).includes('alt.pdf ('));
    choose(upload, 'programm.exe', 100, 'application/octet-stream');
    await waitFor(() => text(upload).includes('Diese Dateiart geht nicht'));
    const del = [...upload.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Löschen'))!;
    del.click();
    await waitFor(() => api.documents.length === 0);
    await waitFor(() => text(upload).includes('Noch keine Datei'));
  });

  it('no uploads on the other pages nor before a certificate is named', async () => {
    const { el } = await mount({ answers: { cv: COMPLETE.cv } });
    await buttonIn(el, 'Angaben einreichen');
    expect(el.shadowRoot!.querySelector('jc-evidence-upload')).to.equal(null);
  });
});
