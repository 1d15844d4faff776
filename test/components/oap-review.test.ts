/** jc-oap-review: axe per state, conflicts marked in words, decisions, "Alle übernehmen", takeover once (Idempotency-Key + If-Match), 412 keeps decisions, 409, keyboard, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { JcOapReview } from '../../components/oap-review/oap-review.js';
import { COMPLETE, type MockOapApi, type OapMockOptions } from '../../stories/oap-mock-api.js';
import { WITH_CONFLICTS, WITH_DOCUMENTS } from '../../stories/oap-review.stories.js';
import { buttonIn, oapPage } from '../../stories/oap-play.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle } from './helpers.js';

async function mount(options: OapMockOptions = WITH_CONFLICTS) {
  let api!: MockOapApi;
  const root = await fixture<HTMLElement>(
    html`<div>${oapPage('jc-oap-review', options, (a) => (api = a))}</div>`,
  );
  const el = root.querySelector<JcOapReview>('jc-oap-review')!;
  await waitFor(() => el.shadowRoot?.querySelector('h2'));
  await settle();
  return { el, api, root };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const TAKEOVER = '/api/staff/oap/00000000-0000-4000-9000-00000000a001/takeover';

describe('jc-oap-review', () => {
  it('axe: loading, signed out, not found, with conflicts, errors, 412, taken over', async () => {
    const loading = await fixture<HTMLElement>(
      html`<div>${oapPage('jc-oap-review', { ...WITH_CONFLICTS, delayMs: 60_000 })}</div>`,
    );
    await settle();
    await expectAccessible(loading);
    for (const o of [
      { ...WITH_CONFLICTS, staffSignedOut: true },
      {},
      WITH_CONFLICTS,
      { answers: { ...COMPLETE }, takenOver: ['situation', 'cv', 'conditions'] },
    ] as OapMockOptions[]) {
      const { root } = await mount(o);
      await expectAccessible(root);
    }
    const { el, root } = await mount();
    (await buttonIn(el, 'In VerBIS übernehmen')).click();
    await waitFor(() => el.shadowRoot!.querySelector('jc-error-summary')?.shadowRoot?.querySelector('a'));
    await expectAccessible(root);
    const stale = await mount({ ...WITH_CONFLICTS, takeoverRace: true });
    (await buttonIn(stale.el, 'Alle übernehmen')).click();
    (await buttonIn(stale.el, 'In VerBIS übernehmen')).click();
    await inWidget(stale.el, '[role=alert]');
    await expectAccessible(stale.root);
  });

  it('shows the three eServices and marks the conflict in words, old → new', async () => {
    const { el } = await mount();
    expect(text(el)).to.contain('Aktuelle Situation');
    expect(text(el)).to.contain('Lebenslauf');
    expect(text(el)).to.contain('wartet auf Übernahme');
    const conflict = await inWidget(el, '.row--conflict');
    expect(conflict.textContent).to.contain('Konflikt');
    expect(conflict.textContent).to.contain('30');
    expect(conflict.textContent).to.contain('45');
    expect(text(el)).to.contain('davon 1 mit Konflikt');
  });

  it('without decisions: an error per row and a summary that takes focus; nothing is sent', async () => {
    const { el, api } = await mount();
    (await buttonIn(el, 'In VerBIS übernehmen')).click();
    const summary = el.shadowRoot!.querySelector('jc-error-summary')!;
    await waitFor(() => summary.shadowRoot?.activeElement);
    const link = summary.shadowRoot!.querySelector<HTMLAnchorElement>('a')!;
    link.click();
    expect(deepActiveElement()?.getAttribute('type')).to.equal('radio');
    expect(api.callsTo('POST', TAKEOVER)).to.have.length(0);
  });

  it('accept all but one, take over once with Idempotency-Key and If-Match, then "übernommen am"', async () => {
    const { el, api } = await mount();
    (await buttonIn(el, 'Alle übernehmen')).click();
    await el.updateComplete;
    const reject = el.shadowRoot!.querySelector<HTMLInputElement>('.row--conflict input[id$="-no"]')!;
    reject.click();
    const button = await buttonIn(el, 'In VerBIS übernehmen');
    button.click();
    button.click();
    await inWidget(el, '[part=result]');
    const posts = api.callsTo('POST', TAKEOVER);
    expect(posts).to.have.length(1);
    expect(posts[0].headers['if-match']).to.equal('"1"');
    expect(posts[0].headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    const decisions = (posts[0].body as { decisions: { path: string; accept: boolean }[] }).decisions;
    expect(decisions.filter((d) => !d.accept).map((d) => d.path)).to.deep.equal([
      'conditions.commuteMaxMinutes',
    ]);
    expect(api.verbis['conditions.commuteMaxMinutes']).to.equal(30);
    await waitFor(() => text(el).includes('Übernommen am'));
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('In VerBIS übernommen am');
  });

  it('412: reloads and keeps every decision; the second try goes through', async () => {
    const { el, api } = await mount({ ...WITH_CONFLICTS, takeoverRace: true });
    (await buttonIn(el, 'Alle übernehmen')).click();
    (await buttonIn(el, 'In VerBIS übernehmen')).click();
    await inWidget(el, '[role=alert]');
    expect(text(el)).to.contain('Ihre Entscheidungen sind erhalten');
    expect(Object.values(el.decisions).every((d) => d === true)).to.equal(true);
    expect(Object.keys(el.decisions).length).to.equal(
      el.view!.fields.filter((f) => f.state !== 'same').length,
    );
    (await buttonIn(el, 'In VerBIS übernehmen')).click();
    await inWidget(el, '[part=result]');
    expect(api.callsTo('POST', TAKEOVER).at(-1)!.headers['if-match']).to.equal('"2"');
  });

  it('taken over: "Übernommen am", remaining differences read-only, no takeover button', async () => {
    const { el, api } = await mount({
      answers: { ...COMPLETE },
      takenOver: ['situation', 'cv', 'conditions'],
    });
    api.verbis['situation.status'] = 'employed'; // VerBIS changed afterwards
    await el.load();
    await waitFor(() => text(el).includes('weichen von VerBIS ab'));
    expect(text(el)).to.contain('Übernommen am');
    expect(el.shadowRoot!.querySelector('input[type=radio]')).to.equal(null);
    expect(
      [...el.shadowRoot!.querySelectorAll('button')].some((b) =>
        b.textContent!.includes('In VerBIS übernehmen'),
      ),
    ).to.equal(false);
  });

  it('409: taken over meanwhile (another tab) is said so', async () => {
    const { el, api } = await mount();
    (await buttonIn(el, 'Alle übernehmen')).click();
    for (const row of api.rows.values())
      for (const s of row.submissions) s.takenOverAt = new Date().toISOString();
    (await buttonIn(el, 'In VerBIS übernehmen')).click();
    await waitFor(() => text(el).includes('schon in VerBIS übernommen'));
  });

  it('keyboard only: Tab to a radio, Space picks it', async () => {
    const { el } = await mount();
    const first = el.shadowRoot!.querySelector<HTMLInputElement>('.rows input[type=radio]')!;
    first.focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => first.checked);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => Object.values(el.decisions).includes(false));
  });

  it('English: the comparison in English', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>${oapPage('jc-oap-review', WITH_CONFLICTS, undefined, 'en')}</div>`,
    );
    const el = root.querySelector('jc-oap-review')!;
    await waitFor(() => text(el).includes('Comparison with VerBIS'));
    expect(text(el)).to.contain('Keep VerBIS value');
    expect(text(el)).to.contain('Conflict: also changed in VerBIS');
  });

  it('320 px: the comparison does not scroll sideways', async () => {
    await setViewport({ width: 320, height: 700 });
    try {
      await mount();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 1024, height: 768 });
    }
  });
});

describe('jc-oap-review: certificates\' evidence', () => {
  it('lists the uploads per certificate with staff download links (axe)', async () => {
    const { el, root } = await mount(WITH_DOCUMENTS);
    const docs = await inWidget(el, '[part=documents]');
    expect(docs.textContent).to.contain('Nachweise zu Zertifikaten');
    expect(docs.textContent).to.contain('Staplerschein');
    const links = [...docs.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['staplerschein.pdf', 'staplerschein-rueckseite.jpg']);
    expect(links[0].getAttribute('href')).to.match(
      /\/api\/staff\/oap\/00000000-0000-4000-9000-00000000a001\/documents\/[0-9a-f-]{36}$/,
    );
    expect(links[0].hasAttribute('download')).to.equal(true);
    // Only the handed-over file carries the E-AKTE marker.
    const items = [...docs.querySelectorAll('li li')].map((li) => li.textContent ?? '');
    expect(items.map((s) => s.includes('in der E-AKTE'))).to.deep.equal([true, false]);
    await expectAccessible(root);
  });

  it('shows no evidence section without uploads', async () => {
    const { el } = await mount();
    expect(el.shadowRoot!.querySelector('[part=documents]')).to.equal(null);
  });
});
