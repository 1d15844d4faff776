/** Stories of jc-form-page: every question kind of the form engine, empty, answered and with errors. */
import { html } from 'lit';
import '../components/form-page/form-page.js';
import '../components/form-page/list-view.js';
import type { Answers, PageInstance } from '../domain/forms/engine.js';
import { MEMBER_QUESTIONS } from '../domain/forms/hauptantrag.js';
import { opts, t, yesno } from '../domain/forms/texts.js';
import type { Page } from '../domain/forms/types.js';
import type { Meta, Story } from './csf.js';

export default { title: 'Flow/jc-form-page', component: 'jc-form-page' } satisfies Meta;

/** A page with one question of each kind (the definition's own texts are German and English). */
const KINDS: Page = {
  id: 'arten',
  title: t('Alle Fragearten', 'All question kinds'),
  intro: t(
    'Eine Seite mit jeder Art von Frage, die der Antrag kennt.',
    'A page with every kind of question.',
  ),
  questions: [
    { id: 'name', kind: 'text', label: t('Vorname', 'First name'), autocomplete: 'given-name' },
    { id: 'why', kind: 'textarea', label: t('Warum haben Sie kein Konto?', 'Why do you have no account?') },
    {
      id: 'since',
      kind: 'date',
      date: 'past',
      label: t('Getrennt seit', 'Separated since'),
      allowLater: true,
    },
    yesno('alone', t('Wohnen Sie allein?', 'Do you live alone?')),
    {
      id: 'sex',
      kind: 'choice',
      label: t('Geschlecht', 'Sex'),
      options: opts(
        ['f', 'weiblich', 'female'],
        ['m', 'männlich', 'male'],
        ['d', 'divers', 'diverse'],
        ['x', 'keine Angabe', 'not stated'],
      ),
    },
    {
      id: 'energy',
      kind: 'choice',
      label: t('Womit heizen Sie?', 'What do you heat with?'),
      options: opts(
        ['gas', 'Gas', 'gas'],
        ['oil', 'Öl', 'oil'],
        ['district', 'Fernwärme', 'district heating'],
        ['electricity', 'Strom', 'electricity'],
        ['wood', 'Holz oder Pellets', 'wood or pellets'],
        ['heatpump', 'Wärmepumpe', 'heat pump'],
        ['other', 'anders', 'other'],
      ),
    },
    {
      id: 'benefits',
      kind: 'multi',
      required: false,
      label: t('Welche Leistungen bekommen Sie?', 'Which benefits do you receive?'),
      options: opts(
        ['wohngeld', 'Wohngeld', 'housing benefit'],
        ['kindergeld', 'Kindergeld', 'child benefit'],
        ['alg', 'Arbeitslosengeld', 'unemployment benefit'],
      ),
    },
    {
      id: 'rent',
      kind: 'money',
      label: t('Grundmiete (€ im Monat)', 'Base rent (€ per month)'),
      allowLater: true,
    },
    { id: 'space', kind: 'number', min: 1, max: 1000, label: t('Wohnfläche (m²)', 'Living space (m²)') },
    {
      id: 'iban',
      kind: 'iban',
      label: t('IBAN', 'IBAN'),
      hint: t(
        'Eine deutsche IBAN beginnt mit DE und hat 22 Stellen.',
        'A German IBAN starts with DE and has 22 characters.',
      ),
    },
    {
      id: 'taxId',
      kind: 'taxId',
      required: false,
      allowLater: true,
      label: t('Steuer-Identifikationsnummer (freiwillig)', 'Tax ID (optional)'),
    },
    {
      id: 'rvnr',
      kind: 'rvnr',
      allowLater: true,
      label: t('Rentenversicherungsnummer', 'Pension insurance number'),
    },
    {
      id: 'email',
      kind: 'email',
      required: false,
      label: t('E-Mail (freiwillig)', 'E-mail (optional)'),
      autocomplete: 'email',
    },
    {
      id: 'phone',
      kind: 'phone',
      required: false,
      label: t('Telefon (freiwillig)', 'Phone (optional)'),
      autocomplete: 'tel',
    },
    { id: 'plz', kind: 'plz', label: t('Postleitzahl', 'Postal code'), autocomplete: 'postal-code' },
    {
      id: 'members',
      kind: 'list',
      label: t('Personen in Ihrem Haushalt', 'People in your household'),
      itemLabel: t('Person', 'Person'),
      maxItems: 15,
      item: MEMBER_QUESTIONS,
    },
    yesno(
      'truthful',
      t('Ich versichere, dass meine Angaben stimmen.', 'I confirm that my details are true.'),
      { accept: true },
    ),
  ],
};

const PAGE: PageInstance = {
  key: 'demo/arten',
  page: KINDS,
  group: 'A',
  groupTitle: 'Beispiel',
  title: 'Alle Fragearten',
};

const ANSWERED: Answers = {
  main: {
    name: 'Erika',
    why: 'Mein Konto wurde gekündigt.',
    since: { later: true },
    alone: false,
    sex: 'f',
    energy: 'district',
    benefits: ['kindergeld'],
    rent: 450.5,
    space: 62,
    iban: 'DE89370400440532013000',
    rvnr: '65170839J003',
    email: 'erika@example.org',
    phone: '030 1234567',
    plz: '00123',
    truthful: true,
  },
  members: [
    {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      firstName: 'Mia',
      lastName: 'Mustermann',
      birthDate: '2018-03-01',
      relationship: 'child',
    },
  ],
  anlagen: {},
};

const ERRORS: Record<string, string> = {
  name: 'Beantworten Sie diese Frage.',
  since: 'Geben Sie ein gültiges Datum ein, z. B. 27.03.1990.',
  alone: 'Beantworten Sie diese Frage.',
  energy: 'Wählen Sie eine der Möglichkeiten.',
  rent: 'Geben Sie einen Betrag in Euro ein, z. B. 450,00.',
  iban: 'Prüfen Sie die IBAN: Sie beginnt mit DE und hat 22 Stellen; die Prüfziffer passt nicht.',
  plz: 'Geben Sie die Postleitzahl mit 5 Ziffern ein.',
  'members.0.birthDate': 'Beantworten Sie diese Frage.',
  truthful: 'Bestätigen Sie diese Erklärung, um den Antrag abzuschicken.',
};

const page = (answers: Answers, errors: Record<string, string> = {}) =>
  html`<jc-form-page
    .page=${PAGE}
    .answers=${answers}
    date="2025-11-25"
    .errors=${errors}
    .summary=${Object.entries(errors).map(([field, message]) => ({ field, message }))}
    can-go-back
  ></jc-form-page>`;

/** Every question kind, nothing answered yet. */
export const AllKinds: Story = { render: () => page({ main: {}, members: [], anlagen: {} }) };

/** Every kind answered: money and IBAN formatted, "reiche ich nach" ticked, one household member. */
export const Answered: Story = { render: () => page(ANSWERED) };

/** After "Weiter": the summary and the message at each field. */
export const WithErrors: Story = {
  render: () =>
    page(
      {
        ...ANSWERED,
        main: { alone: false, rent: 'zwölf', iban: 'DE00 1234', plz: '123' },
        members: [{ id: 'm1', firstName: 'Mia' }],
      },
      ERRORS,
    ),
};
