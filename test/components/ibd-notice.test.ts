/** jc-ibd-notice: axe per state, the text and its fallback, nothing when unavailable, no flash, English, 320 px. */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../components/ibd-notice/ibd-notice.js';
import type { JcIbdNotice } from '../../components/ibd-notice/ibd-notice.js';
import { ibdFetch } from '../../stories/ibd-notice.stories.js';
import '../../components/application/application.js';
import { receipt } from '../../stories/fixtures.js';
import { inWidget } from '../../stories/play.js';
import { stubFetch } from './helpers.js';
import { waitFor } from '../../stories/play.js';
import { expectAccessible, settle } from './helpers.js';

let calls: string[] = [];
let original: typeof fetch;
beforeEach(() => {
  calls = [];
  original = window.fetch;
  window.fetch = ibdFetch(calls);
});
afterEach(() => {
  window.fetch = original;
});

async function mount(jobcenter: string, attrs: { lang?: string; type?: string } = {}) {
  const el = await fixture<JcIbdNotice>(
    html`<jc-ibd-notice api=${location.origin} jobcenter=${jobcenter} type=${attrs.type ?? 'erstantrag'} lang=${attrs.lang ?? 'de'}></jc-ibd-notice>`,
  );
  await waitFor(() => calls.length > 0);
  await settle();
  return el;
}
const q = (el: Element, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('jc-ibd-notice', () => {
  it('axe: jobcenter text, fallback, load error, English', async () => {
    for (const [jc, lang] of [['musterstadt', 'de'], ['beispielkreis', 'de'], ['kaputt', 'de'], ['musterstadt', 'en']]) {
      const el = await mount(jc, { lang });
      await expectAccessible(el);
    }
  });

  it('shows the jobcenter text as a quiet note after one request', async () => {
    const el = await mount('musterstadt');
    const note = q(el, '[part=notice]')!;
    expect(note.getAttribute('role')).to.equal('note');
    expect(q(el, '[role=alert]')).to.equal(null);
    expect(text(el)).to.contain('Bearbeitungsdauer');
    expect(q(el, '[part=text]')!.textContent).to.contain('innerhalb von 3 Wochen');
    expect(q(el, '[part=text]')!.lang).to.equal('de');
    expect(calls).to.deep.equal(['/api/jobcenters/musterstadt/ibd?type=erstantrag']);
  });

  it('shows the fallback text the server chose', async () => {
    const el = await mount('beispielkreis');
    expect(q(el, '[part=text]')!.textContent).to.contain('so schnell wie möglich');
  });

  it('renders nothing while loading (no flash) and nothing when the module is unavailable', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const inner = window.fetch;
    window.fetch = async (i, init) => {
      await gate;
      return inner(i, init);
    };
    const el = await fixture<JcIbdNotice>(html`<jc-ibd-notice api=${location.origin} jobcenter="musterstadt"></jc-ibd-notice>`);
    await settle();
    expect(text(el)).to.equal('');
    release();
    await waitFor(() => q(el, '[part=notice]'));
    const off = await mount('bergland-sued');
    expect(text(off)).to.equal('');
    expect(q(off, '[part=notice]')).to.equal(null);
    expect(off.getBoundingClientRect().height).to.equal(0);
  });

  it('says a load error quietly, without an alert', async () => {
    const el = await mount('kaputt');
    expect(q(el, '[part=error]')!.textContent).to.contain('kann gerade nicht geladen werden');
    expect(el.shadowRoot!.querySelector('[role=alert], [aria-live=assertive]')).to.equal(null);
  });

  it('speaks English and asks the server for the English text; asks again when the type changes', async () => {
    const el = await mount('musterstadt', { lang: 'en' });
    await waitFor(() => text(el).includes('Processing time'));
    expect(q(el, '[part=text]')!.textContent).to.contain('within 3 weeks');
    expect(q(el, '[part=text]')!.lang).to.equal('en');
    const before = calls.length;
    el.type = 'veraenderung';
    await waitFor(() => calls.length > before);
    expect(calls.at(-1)).to.equal('/api/jobcenters/musterstadt/ibd?type=veraenderung');
    el.lang = 'de';
  });

  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount('beispielkreis');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expectAccessible(el);
    await setViewport({ width: 1024, height: 800 });
  });

  it('appears in jc-application\'s TdA receipt for the responsible jobcenter, with the widget\'s client', async () => {
    window.fetch = original;
    const stub = stubFetch({ session: 'level1', receipts: [receipt()] });
    try {
      const app = await fixture(html`<jc-application jobcenter="musterstadt" poll-interval="50"></jc-application>`);
      const notice = await inWidget(app, '[part=receipt] jc-ibd-notice');
      expect(notice.getAttribute('type')).to.equal('erstantrag');
      await waitFor(() => q(notice, '[part=text]'));
      expect(q(notice, '[part=text]')!.textContent).to.contain('innerhalb von 3 Wochen');
      expect(stub.api.callsTo('GET', '/api/jobcenters/musterstadt/ibd')).to.have.length(1);
      await expectAccessible(app);
    } finally {
      stub.restore();
    }
  });
});
