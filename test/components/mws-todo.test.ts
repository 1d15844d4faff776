/** jc-mws-todo: axe per state, correcting a field (server 400 at the field), evidence then "erledigt", reply and submit, overdue text, keyboard only. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JcMwsTodo } from '../../components/mws-todo/mws-todo.js';
import type { MockTodoApi, TodoMockOptions } from '../../stories/mock-mws-applicant.js';
import { ITEMS, correctButton, todoPage, typeInto } from '../../stories/mws-todo.stories.js';
import { inWidget, waitFor } from '../../stories/play.js';
import { deepActiveElement, expectAccessible, settle, tabTo } from './helpers.js';

async function mount(options: TodoMockOptions = {}, attrs: { lang?: string } = {}) {
  let api!: MockTodoApi;
  const root = await fixture<HTMLElement>(html`<div>${todoPage(options, attrs, (a) => (api = a))}</div>`);
  const el = root.querySelector<JcMwsTodo>('jc-mws-todo')!;
  await waitFor(() => el.shadowRoot?.querySelector('#todo-heading'));
  await settle();
  return { el, api };
}

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const status = (el: Element) => q(el, '[role=status]')!.textContent!.trim();
const APP = '00000000-0000-4000-8000-000000000001';
const RID = '00000000-0000-4000-9000-000000000100';

function chooseFile(upload: Element, name: string) {
  const input = upload.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(4096)], name, { type: 'application/pdf' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('jc-mws-todo', () => {
  it('axe: no requests, open, overdue, server error, after answering, signed out, no application', async () => {
    for (const options of [
      { rounds: 'none' },
      { rounds: 'open', answeredRound: true },
      { rounds: 'overdue' },
      { session: 'none' },
      { applications: [] },
    ] as TodoMockOptions[]) {
      const { el } = await mount(options);
      await expectAccessible(el);
    }
    const { el } = await mount({ rounds: 'open' });
    await typeInto(el, `f-${ITEMS.rent}`, 'fünfhundert');
    (await correctButton(el, ITEMS.rent)).click();
    await waitFor(() => q(el, `[id="e-${ITEMS.rent}"]`));
    await expectAccessible(el);
    await typeInto(el, `f-${ITEMS.phone}`, '030 1234567');
    (await correctButton(el, ITEMS.phone)).click();
    await waitFor(() => q(el, `[id="d-${ITEMS.phone}"]`));
    await expectAccessible(el);
  });

  it('axe in English (own test: widgets of two languages on one page switch each other)', async () => {
    const en = await mount({ rounds: 'open' }, { lang: 'en' });
    expect(text(en.el)).to.contain('Your tasks');
    expect(text(en.el)).to.contain('All done – send to the jobcenter');
    await expectAccessible(en.el);
  });

  it('shows the timeline, the deadline in words, the message and the § 66 notice in a details element', async () => {
    const { el } = await mount({ rounds: 'open', answeredRound: true });
    const steps = [...el.shadowRoot!.querySelectorAll('[part=timeline] li')];
    expect(steps.length).to.equal(6);
    const current = steps.filter((s) => s.getAttribute('aria-current') === 'step');
    expect(current.length).to.equal(1);
    expect(current[0].textContent).to.contain('Unterlagen angefordert');
    expect(q(el, '[part=deadline]')!.textContent!.replace(/\s+/g, ' ')).to.match(
      /Frist: bis \d+\. \S+ \d{4} – noch 14 Tage/,
    );
    expect(q(el, '.overdue')).to.equal(null);
    expect(text(el)).to.contain('brauchen wir noch Ihren Mietvertrag');
    const details = q<HTMLDetailsElement>(el, 'details[part=notice]')!;
    expect(details.querySelector('summary')!.textContent).to.contain(
      'Was passiert, wenn ich nicht mitwirke?',
    );
    expect(details.textContent).to.contain('§ 66 Abs. 1 SGB I');
    expect(details.open).to.equal(false);
    expect(text(el)).to.contain('Erledigte Anforderungen');
    expect(text(el)).to.contain('Personalausweis: erledigt');
    expect(text(el)).to.contain('Nachrichten');
  });

  it('marks an overdue deadline in words, not by colour alone', async () => {
    const { el } = await mount({ rounds: 'overdue' });
    const d = q(el, '[part=deadline]')!;
    expect(d.classList.contains('overdue')).to.equal(true);
    const t = d.textContent!.replace(/\s+/g, ' ');
    expect(t).to.contain('Überfällig:');
    expect(t).to.match(/Die Frist endete am \d+\. \S+ \d{4}\./);
    expect(t).to.contain('Frist überschritten – seit 3 Tagen');
  });

  it('correcting a field sends the value; the server’s 400 is shown at the field and in the summary, nothing typed is lost', async () => {
    const { el, api } = await mount({ rounds: 'open' });
    const input = await typeInto(el, `f-${ITEMS.rent}`, 'fünfhundert');
    (await correctButton(el, ITEMS.rent)).click();
    const error = await waitFor(() => q(el, `[id="e-${ITEMS.rent}"]`));
    expect(error.textContent).to.contain('Geben Sie einen Betrag in Euro ein');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal(`e-${ITEMS.rent}`);
    expect(input.value).to.equal('fünfhundert');
    const summary = q(el, 'jc-error-summary')!;
    await waitFor(() => summary.shadowRoot!.querySelector('a'));
    expect(summary.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal(`#f-${ITEMS.rent}`);
    expect(deepActiveElement()?.classList.contains('summary')).to.equal(true);
    const calls = api.callsTo('POST', `/api/applications/${APP}/requests/${RID}/items/${ITEMS.rent}/answer`);
    expect(calls[0].body).to.deep.equal({ value: 'fünfhundert' });

    await typeInto(el, `f-${ITEMS.rent}`, '520,50');
    (await correctButton(el, ITEMS.rent)).click();
    await waitFor(() => q(el, `[id="d-${ITEMS.rent}"]`));
    expect(api.callsTo('POST', calls[0].path)[1].body).to.deep.equal({ value: 520.5 });
    expect(q(el, `[id="e-${ITEMS.rent}"]`)).to.equal(null);
    expect(summary.shadowRoot!.querySelector('a')).to.equal(null);
    expect(text(el)).to.contain('520,50 €');
    expect(status(el)).to.equal('Ihre Angabe ist korrigiert und gespeichert.');
    expect(deepActiveElement()?.id).to.equal(`d-${ITEMS.rent}`);
  });

  it('keeps what was typed in other fields when one is answered, and shows a network failure at the field', async () => {
    const { el } = await mount({ rounds: 'open', writeFailures: ['network'] });
    await typeInto(el, `f-${ITEMS.rent}`, '999');
    await typeInto(el, `f-${ITEMS.phone}`, '030 7654321');
    (await correctButton(el, ITEMS.phone)).click();
    const err = await waitFor(() => q(el, `[id="e-${ITEMS.phone}"]`));
    expect(err.textContent).to.contain('Keine Verbindung');
    (await correctButton(el, ITEMS.phone)).click();
    await waitFor(() => q(el, `[id="d-${ITEMS.phone}"]`));
    expect(q<HTMLInputElement>(el, `[id="f-${ITEMS.rent}"]`)!.value).to.equal('999');
  });

  it('evidence: upload against req:<item>, then "Als erledigt melden"', async () => {
    const { el, api } = await mount({ rounds: 'open', uploadStepMs: 5 });
    const done = await inWidget<HTMLButtonElement>(el, `[id="f-${ITEMS.lease}"]`);
    done.click();
    const err = await waitFor(() => q(el, `[id="e-${ITEMS.lease}"]`));
    expect(err.textContent).to.contain('Laden Sie zuerst mindestens eine Datei hoch.');
    expect(
      api.callsTo('POST', `/api/applications/${APP}/requests/${RID}/items/${ITEMS.lease}/answer`).length,
    ).to.equal(0);

    const upload = q(el, 'jc-evidence-upload')!;
    await waitFor(() => upload.shadowRoot?.querySelector('input[type=file]'));
    expect(upload.shadowRoot!.querySelector('h3')!.textContent).to.contain('Mietvertrag');
    chooseFile(upload, 'mietvertrag.pdf');
    await waitFor(() => (upload.shadowRoot!.textContent ?? '').includes('mietvertrag.pdf ('));
    const post = api.calls.find((c) => c.path.endsWith('/documents'))!;
    expect(post.path).to.equal(
      `/api/applications/${APP}/evidence/${encodeURIComponent(`req:${ITEMS.lease}`)}/documents`,
    );
    await waitFor(() => !q(el, `[id="e-${ITEMS.lease}"]`));

    done.click();
    await waitFor(() => q(el, `[id="d-${ITEMS.lease}"]`));
    const answer = api.callsTo(
      'POST',
      `/api/applications/${APP}/requests/${RID}/items/${ITEMS.lease}/answer`,
    );
    expect(answer[0].body).to.deep.equal({});
    expect(status(el)).to.equal('Der Nachweis ist als erledigt gemeldet.');
    expect(text(el)).to.contain('mietvertrag.pdf');
  });

  it('reply and "Alles erledigt": sends the reply, then the round; it moves to the answered list', async () => {
    const { el, api } = await mount({ rounds: 'open' });
    const submit = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Alles erledigt – an das Jobcenter senden'),
    )!;
    const replyLabel = q(el, `label[for="reply-${RID}"]`)!;
    expect(replyLabel.textContent).to.contain('Antwort an das Jobcenter');
    await typeInto(el, `reply-${RID}`, 'Den Mietvertrag bekomme ich erst nächste Woche.');
    submit.click();
    await waitFor(() => !q(el, '[part=request]'));
    expect(api.callsTo('POST', `/api/applications/${APP}/requests/${RID}/reply`)[0].body).to.deep.equal({
      text: 'Den Mietvertrag bekomme ich erst nächste Woche.',
    });
    expect(api.callsTo('POST', `/api/applications/${APP}/requests/${RID}/submit`)[0].body).to.deep.equal({});
    expect(text(el)).to.contain('Erledigte Anforderungen');
    expect(text(el)).to.contain('Den Mietvertrag bekomme ich erst nächste Woche.');
    expect(text(el)).to.contain('Im Moment gibt es nichts zu tun.');
    expect(status(el)).to.equal('Ihre Antworten sind an das Jobcenter gesendet. Vielen Dank.');
    expect(deepActiveElement()?.id).to.equal('todo-heading');
    const current = el.shadowRoot!.querySelector('[aria-current=step]')!;
    expect(current.textContent).to.contain('In Bearbeitung');
  });

  it('an empty reply is not sent: the message is shown at the box', async () => {
    const { el, api } = await mount({ rounds: 'open' });
    const send = [...el.shadowRoot!.querySelectorAll('button')].find((b) =>
      b.textContent!.includes('Antwort senden'),
    )!;
    send.click();
    const err = await waitFor(() => q(el, `[id="e-reply-${RID}"]`));
    expect(err.textContent).to.contain('Schreiben Sie Ihre Antwort');
    expect(api.calls.filter((c) => c.path.endsWith('/reply')).length).to.equal(0);
  });

  it('signed out, no application, no requests', async () => {
    let { el } = await mount({ session: 'none' });
    expect(text(el)).to.contain('Melden Sie sich an');
    expect(q(el, 'slot[name=sign-in]')).to.exist;
    ({ el } = await mount({ applications: [] }));
    expect(text(el)).to.contain('noch keinen Antrag abgeschickt');
    ({ el } = await mount({ rounds: 'none' }));
    expect(text(el)).to.contain('Im Moment gibt es nichts zu tun.');
    expect(el.shadowRoot!.querySelector('[aria-current=step]')!.textContent).to.contain('Antrag eingegangen');
  });

  it('keyboard only: Tab to the field, type, Enter corrects it; focus lands on the result', async () => {
    const { el, api } = await mount({ rounds: 'open' });
    const input = (await tabTo((a) => a.id === `f-${ITEMS.phone}`)) as HTMLInputElement;
    input.select();
    await sendKeys({ type: '030 9876543' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => q(el, `[id="d-${ITEMS.phone}"]`));
    const calls = api.callsTo('POST', `/api/applications/${APP}/requests/${RID}/items/${ITEMS.phone}/answer`);
    expect(calls[0].body).to.deep.equal({ value: '030 9876543' });
    expect(deepActiveElement()?.id).to.equal(`d-${ITEMS.phone}`);
    // the notice opens with the keyboard
    const summary = await tabTo((a) => a.tagName === 'SUMMARY');
    await sendKeys({ press: 'Enter' });
    expect((summary.parentElement as HTMLDetailsElement).open).to.equal(true);
    // on to the next field and the buttons
    await tabTo((a) => a.id === `f-${ITEMS.rent}`);
    await tabTo((a) => a.textContent?.includes('Alles erledigt') ?? false);
  });
  it('a choice is corrected with radio buttons, a document comment names the file; axe clean', async () => {
    const { el, api } = await mount({ rounds: 'open', moreItems: true });
    await expectAccessible(el);
    const fieldset = await inWidget(el, 'fieldset:has(#f-00000000-0000-4000-9000-000000000901)');
    expect(fieldset.querySelector('legend')!.textContent).to.contain('Richtige Angabe');
    const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).to.deep.equal(['ledig', 'verheiratet', 'geschieden', 'verwitwet']);
    expect(radios[0].checked).to.equal(true);
    radios[1].click();
    await el.updateComplete;
    (await correctButton(el, '00000000-0000-4000-9000-000000000901')).click();
    await waitFor(() => api.calls.some((c) => c.path.endsWith('/items/00000000-0000-4000-9000-000000000901/answer')));
    const call = api.calls.find((c) => c.path.endsWith('/items/00000000-0000-4000-9000-000000000901/answer'))!;
    expect(call.body).to.deep.equal({ value: 'married' });
    await waitFor(() => el.shadowRoot!.textContent!.includes('Zu Ihrem Dokument „ausweis.jpg“:'));
    expect(el.shadowRoot!.textContent).to.contain('Die Rückseite fehlt.');
  });
});
