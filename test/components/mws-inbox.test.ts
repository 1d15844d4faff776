/** jc-mws-inbox: axe in every state, keyboard only, filters and query string, claim/assign with If-Match and 412, paging, 300 rows, 320 px. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../components/mws-inbox/mws-inbox.js';
import '../../components/staff-sign-in/staff-sign-in.js';
import type { JcMwsInbox } from '../../components/mws-inbox/mws-inbox.js';
import type { JcOpenWorkItemEvent } from '../../components/events/jc-open-work-item.js';
import { JcStaffSignedInEvent } from '../../components/events/jc-staff-signed-in.js';
import type { StaffMockOptions } from '../../stories/mock-staff-api.js';
import { choose, fill, inWidget, submit, waitFor } from '../../stories/play.js';
import { ME, countOpen, makeItems } from '../../stories/staff-fixtures.js';
import { buttonWith, row, rows } from '../../stories/staff-play.js';
import { deepActiveElement, expectAccessible, settle, stubStaffFetch, tabTo } from './helpers.js';
import { addDays, berlinDate } from '../../domain/dates.js';

let stub: ReturnType<typeof stubStaffFetch> | undefined;
afterEach(() => stub?.restore());

async function mount(options: StaffMockOptions = {}, attrs: Record<string, string> = {}, wait = true) {
  stub = stubStaffFetch({ session: 'staff', ...options });
  const el = document.createElement('jc-mws-inbox');
  for (const [k, v] of Object.entries({ lang: 'de', ...attrs })) el.setAttribute(k, v);
  await fixture(html`<div>${el}</div>`);
  if (wait) await waitFor(() => rows(el).length > 0 || el.shadowRoot!.querySelector('.empty, .panel, slot'));
  return { el, api: stub.api };
}

const inboxCalls = (api: { calls: { method: string; path: string }[] }) =>
  api.calls
    .filter((c) => c.method === 'GET' && c.path.startsWith('/api/staff/inbox'))
    .map((c) => c.path.split('?')[1] ?? '');
const status = (el: Element) => el.shadowRoot!.querySelector('[part=status]')!.textContent!.trim();
const cellText = (r: Element, n: number) => r.children[n].textContent!.replace(/\s+/g, ' ').trim();
const itemLink = (r: Element) => r.querySelector<HTMLElement>('.item-link')!;

describe('jc-mws-inbox', () => {
  afterEach(() => setViewport({ width: 1024, height: 800 }));

  it('axe: list, assign form, conflict, empty, filtered empty, loading, error, no access, signed out', async () => {
    let { el } = await mount({ raceOn: ['wi_0001'] });
    await expectAccessible(el);
    (await buttonWith(el, 'Zuweisen an', await row(el, 'wi_0002'))).click();
    await inWidget(el, 'tr[data-id="wi_0002"] select:not([disabled])');
    await expectAccessible(el);
    (await buttonWith(el, 'Übernehmen', await row(el, 'wi_0001'))).click();
    await inWidget(el, 'tr[data-id="wi_0001"] + tr.note .row-message');
    await expectAccessible(el);
    ({ el } = await mount({ items: [] }));
    await expectAccessible(el);
    ({ el } = await mount());
    await fill(el, 'q', 'Niemand');
    await submit(el);
    await inWidget(el, '.empty');
    await expectAccessible(el);
    ({ el } = await mount({ inboxHangs: true }, {}, false));
    await inWidget(el, '.results[aria-busy=true]');
    await expectAccessible(el);
    for (const inboxFailure of [500, 403] as const) {
      ({ el } = await mount({ inboxFailure }));
      await inWidget(el, '.panel--error');
      await expectAccessible(el);
    }
    ({ el } = await mount({ session: 'none' }, { 'sign-in-url': '/anmelden' }));
    await expectAccessible(el);
  });

  it('shows the Postkörbe with open counts; the shown one is aria-current; choosing one reloads with postkorb=', async () => {
    const { el, api } = await mount({ items: 30 });
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Postkörbe"] a')];
    const counts = countOpen(api.items);
    expect(links.map((a) => a.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `Alle Postkörbe (${counts.reduce((n, p) => n + p.open, 0)} offen)`,
      ...counts.map((p) => `${p.name} (${p.open} offen)`),
    ]);
    expect(links[0].getAttribute('aria-current')).to.equal('page');
    links[3].click();
    await waitFor(() => links[3].getAttribute('aria-current') === 'page');
    expect(links[0].hasAttribute('aria-current')).to.equal(false);
    expect(inboxCalls(api).pop()).to.equal('postkorb=pk_mws&assignee=any&sort=oldest&limit=50');
    const mws = api.items.filter((i) => i.postkorbId === 'pk_mws');
    await waitFor(() => rows(el).length === mws.length);
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain(
      `Vorgänge in „Mitwirkung“ (${counts[2].open} offen)`,
    );
  });

  it('filters produce the right query string; invalid days are caught; "Zurücksetzen" clears them', async () => {
    const { el, api } = await mount({ items: 40 });
    expect(inboxCalls(api)).to.deep.equal(['assignee=any&sort=oldest&limit=50']);
    await choose(el, 'type', 'ade');
    await choose(el, 'status', 'neu');
    await choose(el, 'assignee', 'none');
    await fill(el, 'olderThanDays', '14x');
    await fill(el, 'q', ' Muster ');
    await choose(el, 'sort', 'newest');
    await submit(el);
    const summary = await inWidget(el, 'jc-error-summary:not([hidden])');
    expect(summary.shadowRoot!.textContent).to.contain('ganze Zahl');
    expect(inboxCalls(api)).to.have.length(1);
    await fill(el, 'olderThanDays', '14');
    await submit(el);
    await waitFor(() => inboxCalls(api).length === 2);
    expect(inboxCalls(api)[1]).to.equal(
      'type=ade&status=neu&assignee=none&olderThanDays=14&q=Muster&sort=newest&limit=50',
    );
    await waitFor(
      () =>
        el.shadowRoot!.querySelector('caption')?.textContent?.includes('gefiltert') ||
        el.shadowRoot!.querySelector('.empty'),
    );
    (await buttonWith(el, 'Zurücksetzen')).click();
    await waitFor(() => inboxCalls(api).length === 3);
    expect(inboxCalls(api)[2]).to.equal('assignee=any&sort=oldest&limit=50');
    await waitFor(
      () => el.shadowRoot!.getElementById('type')!.shadowRoot!.querySelector('select')!.value === '',
    );
  });

  it('sync-url: the filters (not the search text) go into the address, and a new inbox starts from them', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?portal=1`);
    try {
      let { el, api } = await mount({ items: 40 }, { 'sync-url': '' });
      await choose(el, 'type', 'tda');
      await fill(el, 'olderThanDays', '7');
      await fill(el, 'q', 'Mustermann');
      await submit(el);
      await waitFor(() => inboxCalls(api).length === 2);
      const params = new URLSearchParams(location.search);
      expect(Object.fromEntries(params)).to.deep.equal({ portal: '1', type: 'tda', olderThanDays: '7' });
      ({ el, api } = await mount({ items: 40 }, { 'sync-url': '' }));
      expect(inboxCalls(api)[0]).to.equal('type=tda&assignee=any&olderThanDays=7&sort=oldest&limit=50');
      expect(el.shadowRoot!.getElementById('type')!.shadowRoot!.querySelector('select')!.value).to.equal(
        'tda',
      );
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('a table with caption, column headers with scope, sortable columns with aria-sort', async () => {
    const { el, api } = await mount();
    const table = el.shadowRoot!.querySelector('table')!;
    expect(table.caption!.textContent).to.contain('Vorgänge in „Alle Postkörbe“ (');
    expect(table.caption!.textContent).to.contain('12 Vorgänge angezeigt');
    const heads = [...table.tHead!.querySelectorAll('th')];
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).to.equal(true);
    expect(
      [...table.tBodies[0].querySelectorAll('th')].every((h) => h.getAttribute('scope') === 'row'),
    ).to.equal(true);
    const age = heads.find((h) => h.textContent!.includes('Eingang'))!;
    const deadline = heads.find((h) => h.textContent!.includes('Frist'))!;
    expect(age.getAttribute('aria-sort')).to.equal('ascending');
    expect(deadline.hasAttribute('aria-sort')).to.equal(false);
    age.querySelector('button')!.click();
    await waitFor(() => age.getAttribute('aria-sort') === 'descending');
    expect(inboxCalls(api).pop()).to.contain('sort=newest');
    await waitFor(() => rows(el)[0]?.dataset.id === 'wi_0012');
    deadline.querySelector('button')!.click();
    await waitFor(() => deadline.getAttribute('aria-sort') === 'ascending');
    expect(age.hasAttribute('aria-sort')).to.equal(false);
    expect(inboxCalls(api).pop()).to.contain('sort=deadline');
    expect(el.shadowRoot!.getElementById('sort')!.shadowRoot!.querySelector('select')!.value).to.equal(
      'deadline',
    );
  });

  it('age and deadline indicators say it in words, not colour alone', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const base = makeItems(3, now);
    const items = [
      {
        ...base[0],
        createdAt: new Date(now - 20 * day).toISOString(),
        deadline: addDays(berlinDate(new Date(now)), -2),
      },
      {
        ...base[1],
        createdAt: new Date(now - 3 * day).toISOString(),
        deadline: null,
        status: 'neu' as const,
        assignee: null,
      },
      {
        ...base[2],
        createdAt: new Date(now).toISOString(),
        deadline: berlinDate(new Date(now)),
      },
    ];
    const { el } = await mount({ items }, { 'warn-after-days': '14' });
    const [old, mid, fresh] = rows(el);
    expect(cellText(old, 3)).to.contain('vor 20 Tagen');
    expect(cellText(old, 3)).to.contain('über 14 Tage offen');
    expect(cellText(old, 4)).to.contain('Frist abgelaufen');
    expect(cellText(mid, 3)).to.contain('vor 3 Tagen');
    expect(cellText(mid, 3)).not.to.contain('offen');
    expect(cellText(mid, 4)).to.equal('keine');
    expect(cellText(mid, 5)).to.equal('niemand');
    expect(cellText(fresh, 3)).to.contain('heute');
    expect(cellText(fresh, 4)).to.contain('Heute fällig');
    expect(old.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('"Übernehmen" sends If-Match with the row version; only that row changes; focus stays in the row', async () => {
    const { el, api } = await mount();
    const target = await row(el, 'wi_0001');
    const others = rows(el).filter((r) => r !== target);
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add(r.target)));
    observer.observe(el.shadowRoot!.querySelector('tbody')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const claim = await buttonWith(el, 'Übernehmen', target);
    expect(claim.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Übernehmen: Mustermann, Erika – TDA-2026-001000',
    );
    claim.focus();
    claim.click();
    await waitFor(() => cellText(target, 5).includes('Sabine Beispiel'));
    observer.disconnect();
    const call = api.callsTo('POST', '/api/staff/work-items/wi_0001/claim')[0];
    expect(call.headers['if-match']).to.equal('"1"');
    expect(call.body).to.deep.equal({});
    expect(cellText(target, 5)).to.equal('Sabine Beispiel (Sie)');
    expect(cellText(target, 2)).to.equal('In Bearbeitung');
    expect([...touched].filter((n) => n.isConnected && !target.contains(n))).to.deep.equal([]);
    expect(rows(el).filter((r) => r !== target)).to.deep.equal(others);
    await waitFor(() => status(el).includes('übernommen'));
    expect(status(el)).to.equal('Sie haben „Mustermann, Erika – TDA-2026-001000“ übernommen.');
    await settle();
    expect(deepActiveElement()).to.equal(itemLink(target));
  });

  it('412: says who was faster, shows the current row, and does not retry; a second click sends the new version', async () => {
    const { el, api } = await mount({ raceOn: ['wi_0001'] });
    const target = await row(el, 'wi_0001');
    const claim = await buttonWith(el, 'Übernehmen', target);
    claim.click();
    const message = await inWidget(el, 'tr[data-id="wi_0001"] + tr.note .row-message');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('Dieser Vorgang wurde inzwischen von Jonas Kollege übernommen');
    expect(cellText(target, 5)).to.equal('Jonas Kollege');
    expect(target.classList.contains('conflict')).to.equal(true);
    expect(api.callsTo('POST', '/api/staff/work-items/wi_0001/claim')).to.have.length(1);
    expect(api.items[0].assignee!.name).to.equal('Jonas Kollege');
    (await buttonWith(el, 'Übernehmen', target)).click();
    await waitFor(() => cellText(target, 5).includes('(Sie)'));
    expect(api.callsTo('POST', '/api/staff/work-items/wi_0001/claim')[1].headers['if-match']).to.equal('"2"');
    expect(el.shadowRoot!.querySelector('.row-message')).to.equal(null);
  });

  it('"Zuweisen an …": a disclosure with the colleagues; assigns with If-Match; Escape closes and returns focus', async () => {
    const { el, api } = await mount();
    const target = await row(el, 'wi_0002');
    const toggle = await buttonWith(el, 'Zuweisen an', target);
    toggle.click();
    const select = await waitFor(() => target.querySelector<HTMLSelectElement>('select:not([disabled])'));
    await waitFor(() => deepActiveElement() === select);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(select.labels![0].textContent).to.contain('Zuweisen an');
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'niemandem (freigeben)',
      'Jonas Kollege',
      'Ayşe Demir',
      'Sabine Beispiel',
    ]);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !target.querySelector('select'));
    expect(deepActiveElement()).to.equal(toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    const again = await waitFor(() => target.querySelector<HTMLSelectElement>('select'));
    again.value = 'st_ayse';
    target.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitFor(() => cellText(target, 5) === 'Ayşe Demir');
    const call = api.callsTo('POST', '/api/staff/work-items/wi_0002/assign')[0];
    expect(call.headers['if-match']).to.equal('"1"');
    expect(call.body).to.deep.equal({ staffId: 'st_ayse' });
    expect(api.callsTo('GET', '/api/staff/colleagues')).to.have.length(1);
    await waitFor(() => status(el).includes('Ayşe Demir zugewiesen'));
  });

  it('"Weitere laden" sends the next cursor, appends, moves focus to the first new row and announces it', async () => {
    const { el, api } = await mount({ items: 120 });
    expect(rows(el)).to.have.length(50);
    const first = rows(el)[0];
    const cursor = encodeURIComponent(btoa(rows(el)[49].dataset.id!));
    const more = await buttonWith(el, 'Weitere laden');
    expect(more.getAttribute('part')).to.equal('load-more');
    more.click();
    await waitFor(() => rows(el).length === 100);
    expect(inboxCalls(api)[1]).to.equal(`assignee=any&sort=oldest&limit=50&after=${cursor}`);
    expect(rows(el)[0]).to.equal(first);
    await waitFor(() => deepActiveElement() === itemLink(rows(el)[50]));
    await waitFor(() => status(el) === '50 weitere Vorgänge geladen');
    (await buttonWith(el, 'Weitere laden')).click();
    await waitFor(() => rows(el).length === 120);
    await waitFor(() => status(el) === '20 weitere Vorgänge geladen');
    expect(el.shadowRoot!.textContent).to.contain('Alle passenden Vorgänge werden angezeigt.');
    expect(el.shadowRoot!.textContent).not.to.match(/Seite \d/);
  });

  it('300 rows render; a claim on row 250 changes only that row', async () => {
    const { el } = await mount({ items: 320 }, { 'page-size': '100' });
    const started = performance.now();
    for (const n of [200, 300, 320]) {
      (await buttonWith(el, 'Weitere laden')).click();
      await waitFor(() => rows(el).length === n, 5000);
    }
    console.log(`inbox: 320 rows loaded and rendered in ${Math.round(performance.now() - started)} ms`);
    const all = rows(el);
    const target = all[249];
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add(r.target)));
    observer.observe(el.shadowRoot!.querySelector('tbody')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const t0 = performance.now();
    (await buttonWith(el, 'Übernehmen', target)).click();
    await waitFor(() => cellText(target, 5).includes('(Sie)'));
    console.log(`inbox: claim on row 250 of 320 updated in ${Math.round(performance.now() - t0)} ms`);
    observer.disconnect();
    // the removed "Übernehmen" button is detached by now; every connected change is inside the row
    expect([...touched].filter((n) => n.isConnected && !target.contains(n))).to.deep.equal([]);
    expect(rows(el)).to.deep.equal(all);
  });

  it('at 320 px the page does not scroll sideways; the table scrolls in a focusable, labelled region', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await mount();
    await settle();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const region = el.shadowRoot!.querySelector<HTMLElement>('[role=region]')!;
    expect(region.tabIndex).to.equal(0);
    expect(el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)!.localName).to.equal(
      'caption',
    );
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth);
    await expectAccessible(el);
  });

  it('the title fires jc-open-work-item; with item-url it is a link the page may keep from navigating', async () => {
    let { el } = await mount();
    let event = oneEvent(el, 'jc-open-work-item') as Promise<JcOpenWorkItemEvent>;
    itemLink(await row(el, 'wi_0002')).click();
    expect((await event).detail).to.deep.equal({ id: 'wi_0002', type: 'ade' });
    ({ el } = await mount({}, { 'item-url': '/vorgang?id={id}&art={type}' }));
    const link = itemLink(await row(el, 'wi_0002')) as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('/vorgang?id=wi_0002&art=ade');
    el.addEventListener('jc-open-work-item', (e) => e.preventDefault(), { once: true });
    const before = location.href;
    event = oneEvent(el, 'jc-open-work-item') as Promise<JcOpenWorkItemEvent>;
    link.click();
    expect((await event).cancelable).to.equal(true);
    expect(location.href).to.equal(before);
  });

  it('keyboard only: a Postkorb, a filter, Enter; then claim a row with Space', async () => {
    const { el, api } = await mount({ items: 30 });
    const pk = await tabTo((a) => a.textContent?.includes('Leistung Team 2') ?? false);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => pk.getAttribute('aria-current') === 'page');
    await tabTo((a) => a.localName === 'select' && (a.getRootNode() as ShadowRoot).host.id === 'status');
    await sendKeys({ press: 'ArrowDown' }); // "Neu"
    await tabTo((a) => a.textContent?.trim() === 'Filter anwenden');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => inboxCalls(api).length === 3);
    expect(inboxCalls(api)[2]).to.equal(
      'postkorb=pk_leistung_2&status=neu&assignee=any&sort=oldest&limit=50',
    );
    await waitFor(() => status(el).includes('Vorgänge angezeigt'));
    const claim = await tabTo((a) => a.getAttribute('part') === 'claim');
    const target = claim.closest('tr')!;
    await sendKeys({ press: 'Space' });
    await waitFor(() => cellText(target, 5).includes('(Sie)'));
    await settle();
    expect(deepActiveElement()).to.equal(itemLink(target));
  });

  it('without a staff session: the sign-in slot or link; loads after jc-staff-signed-in', async () => {
    const { el, api } = await mount({ session: 'none' }, { 'sign-in-url': '/mitarbeitende/anmelden' });
    const link = await inWidget<HTMLAnchorElement>(el, 'slot[name=sign-in] a');
    expect(link.getAttribute('href')).to.equal('/mitarbeitende/anmelden');
    expect(el.shadowRoot!.querySelector('table')).to.equal(null);
    api.staff = ME;
    window.dispatchEvent(new JcStaffSignedInEvent({ staff: ME, expiresAt: new Date().toISOString() }));
    await waitFor(() => rows(el).length === 12);
  });

  it('a 401 on claim ends the session: the rows go and jc-staff-signed-out fires', async () => {
    const { el, api } = await mount();
    const target = await row(el, 'wi_0001');
    api.staff = undefined;
    const ended = oneEvent(el, 'jc-staff-signed-out');
    (await buttonWith(el, 'Übernehmen', target)).click();
    expect((await ended).detail.reason).to.equal('expired');
    await inWidget(el, 'slot[name=sign-in]');
    expect(rows(el)).to.have.length(0);
  });

  it('"Erneut versuchen" after a failed load', async () => {
    const { el, api } = await mount({ inboxFailure: 500 });
    expect(el.shadowRoot!.querySelector('.panel--error')!.textContent).to.contain(
      'konnten nicht geladen werden',
    );
    api.options.inboxFailure = undefined;
    (await buttonWith(el, 'Erneut versuchen')).click();
    await waitFor(() => rows(el).length === 12);
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await mount({}, { lang: 'en' });
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Inbox');
    expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('Work items in “All inboxes”');
    expect(cellText(rows(el)[0], 6)).to.contain('Take over');
  });
});
