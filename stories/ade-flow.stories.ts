/** Stories of jc-ade-flow: the Hauptantrag in every state, against the in-memory API. */
import type { LitElement } from 'lit';
import type { Meta, Story } from './csf.js';
import { adeFlow } from './decorators.js';
import { answer, answerAll, formPage, next, press } from './ade-play.js';
import { MAIN_COMPLETE, answersBeforeDeclaration, completeAnswers } from './ade-fixtures.js';
import { waitFor, type PlayContext } from './play.js';

export default { title: 'Flow/jc-ade-flow', component: 'jc-ade-flow' } satisfies Meta;

const flow = async (c: PlayContext) => {
  const el = await waitFor(() => c.canvasElement.querySelector<LitElement>('jc-ade-flow'));
  return el;
};
const inFlow = async (c: PlayContext, selector: string) => {
  const el = await flow(c);
  return waitFor(() => el.shadowRoot?.querySelector(selector));
};
const until = (main: Record<string, unknown>) => ({
  applications: [{ answers: { main, members: [], anlagen: {} } }],
});
const without = (...keys: string[]) =>
  Object.fromEntries(Object.entries(MAIN_COMPLETE).filter(([k]) => !keys.includes(k)));

/** A new draft: the first page of section A. */
export const FirstPage: Story = {
  render: () => adeFlow(),
  play: async (c) => void (await formPage(await flow(c), 'Wie heißen Sie?')),
};

/** "Weiter" on an incomplete page: the error summary and the messages at the fields. */
export const PageErrors: Story = {
  render: () => adeFlow(until(without('street', 'postalCode', 'city'))),
  play: async (c) => {
    const el = await flow(c);
    await formPage(el, 'Anschrift');
    await answer(el, 'postalCode', '123');
    await next(el);
    const page = await formPage(el);
    await waitFor(() => page.shadowRoot!.querySelector('jc-error-summary:not([hidden])'));
  },
};

/** Section G: she does not live alone – the household list with two people. */
export const MemberList: Story = {
  render: () => adeFlow(until(without('livesAlone', 'housingCosts'))),
  play: async (c) => {
    const el = await flow(c);
    const page = await formPage(el, 'Wer wohnt mit Ihnen zusammen?');
    await answer(el, 'livesAlone', 'false');
    await press(page, 'Person hinzufügen');
    await answerAll(el, {
      'members.0.firstName': 'Mia',
      'members.0.birthDate': '2018-03-01',
      'members.0.relationship': 'child',
    });
    await press(page, 'Person hinzufügen');
    await answerAll(el, { 'members.1.firstName': 'Jonas', 'members.1.relationship': 'partner' });
  },
};

/** Anlage VM: bank accounts as a repeat list, money typed the German way. */
export const AccountList: Story = {
  render: () => {
    const a = completeAnswers();
    a.main = MAIN_COMPLETE;
    a.anlagen.VM = {};
    return adeFlow({ applications: [{ answers: a }] });
  },
  play: async (c) => {
    const el = await flow(c);
    await press(await formPage(el, 'Weitere Vermögenswerte'), 'Zurück');
    const page = await formPage(el, 'Konten');
    await press(page, 'Konto hinzufügen');
    await answerAll(el, {
      'accounts.0.bank': 'Sparkasse Musterstadt',
      'accounts.0.accountKind': 'current',
      'accounts.0.balance': '1.234,56',
    });
  },
};

/** Check your answers of Anlage VM, with "Ändern" links. */
export const CheckAnswers: Story = {
  render: () => adeFlow({ applications: [{ answers: answersBeforeDeclaration() }] }),
  play: async (c) => {
    const el = await flow(c);
    await press(await formPage(el, 'Erklärung'), 'Zurück');
    await waitFor(() => el.shadowRoot!.textContent!.includes('Prüfen Sie Ihre Angaben'));
  },
};

/** Section I: the declaration and "Antrag absenden". */
export const Declaration: Story = {
  render: () => adeFlow({ applications: [{ answers: answersBeforeDeclaration() }] }),
  play: async (c) => void (await formPage(await flow(c), 'Erklärung')),
};

/** Autosave while the request is on its way: "Wird gespeichert …". */
export const AutosaveSaving: Story = {
  render: () => adeFlow({ saveDelayMs: 60_000 }, undefined, { autosaveDelay: 10 }),
  play: async (c) => {
    await answer(await flow(c), 'firstName', 'Erika');
    await waitFor(() =>
      (c.canvasElement.querySelector('jc-ade-flow')!.shadowRoot!.textContent ?? '').includes(
        'Wird gespeichert',
      ),
    );
  },
};

/** Autosave done: "Gespeichert um 14:03". */
export const AutosaveSaved: Story = {
  render: () => adeFlow({}, undefined, { autosaveDelay: 10 }),
  play: async (c) => {
    await answer(await flow(c), 'firstName', 'Erika');
    await waitFor(() =>
      (c.canvasElement.querySelector('jc-ade-flow')!.shadowRoot!.textContent ?? '').includes(
        'Gespeichert um',
      ),
    );
  },
};

/** No connection: "Nicht gespeichert – keine Verbindung". */
export const AutosaveOffline: Story = {
  render: () =>
    adeFlow({ saveFailures: ['network', 'network', 'network'] }, undefined, { autosaveDelay: 10 }),
  play: async (c) => {
    await answer(await flow(c), 'firstName', 'Erika');
    await waitFor(() =>
      (c.canvasElement.querySelector('jc-ade-flow')!.shadowRoot!.textContent ?? '').includes(
        'keine Verbindung',
      ),
    );
  },
};

/** Another window saved first (412): the choice between the newer version and hers. */
export const Conflict: Story = {
  render: () =>
    adeFlow(
      {
        saveFailures: ['conflict'],
        conflictAnswers: { main: { firstName: 'Max' }, members: [], anlagen: {} },
      },
      undefined,
      {
        autosaveDelay: 10,
      },
    ),
  play: async (c) => {
    await answer(await flow(c), 'firstName', 'Erika');
    await inFlow(c, '[part=conflict]');
  },
};

/** Unsent changes on this device: offered back, never applied silently. */
export const RestoreOffer: Story = {
  render: () =>
    adeFlow(
      {},
      {
        applicationId: '00000000-0000-4000-8000-000000000001',
        baseVersion: 1,
        answers: { main: { firstName: 'Erika', lastName: 'Mustermann' }, members: [], anlagen: {} },
        changedAt: '2025-11-25T13:03:00.000Z',
      },
    ),
  play: async (c) => void (await inFlow(c, '[part=restore]')),
};

const submitted = (extra: Record<string, unknown> = {}) => ({
  applications: [
    {
      status: 'submitted' as const,
      version: 9,
      number: 'ADE-2025-7K3M9Q',
      submittedAt: '2025-11-25T13:05:00.000Z',
      pdf: { status: 'ready' as const, sha256: 'ab'.repeat(32), href: '/api/applications/x/pdf' },
      answers: completeAnswers({ rvStatus: 'has', rvnr: { later: true } }),
    },
  ],
  ...extra,
});

const receipt = async (c: PlayContext) => {
  const r = (await inFlow(c, 'jc-ade-receipt')) as LitElement;
  await waitFor(() => r.shadowRoot?.textContent?.includes('Erlaubt sind'));
  return r;
};

const upload = (r: Element, name: string) => {
  const item = r.shadowRoot!.querySelector('jc-evidence-upload')!;
  const input = item.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(4096)], name, { type: 'application/pdf' }));
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
  return item;
};

/** After "Antrag absenden": the receipt, the to-dos and the evidence checklist with uploads. */
export const ReceiptWithEvidence: Story = {
  render: () => adeFlow(submitted()),
  play: async (c) => void (await receipt(c)),
};

/** An upload on its way: the progress bar. */
export const UploadProgress: Story = {
  render: () => adeFlow(submitted({ uploadPauseAt: 0.5, uploadStepMs: 10 })),
  play: async (c) => {
    const item = upload(await receipt(c), 'personalausweis.pdf');
    await waitFor(() => (item.shadowRoot!.querySelector('progress')?.value ?? 0) >= 50);
  },
};

/** The virus scanner found something: the specific message at the input. */
export const UploadError: Story = {
  render: () => adeFlow(submitted({ uploadFailures: ['virus-found'], uploadStepMs: 5 })),
  play: async (c) => {
    const item = upload(await receipt(c), 'rechnung.pdf');
    await waitFor(() => item.shadowRoot!.textContent!.includes('Schadsoftware'));
  },
};
