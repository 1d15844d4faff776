/**
 * The TdA step as data: the fields in order, with label, autocomplete token and input hints.
 * The renderer (field-renderer.ts) turns each into a jc-* control; the form engine validates them
 * against `TDA_PAGE` (domain/forms/tda.ts), whose options and declaration wording are used here, so
 * the browser never imports the zod schemas of domain/tda.ts.
 */
import { msg, str } from '@lit/localize';
import { TDA_PAGE } from '../../domain/forms/tda.js';
import type { SelectOption } from '../select/select.js';
import type { TextFieldType } from '../text-field/text-field.js';
import { addEnglish, activeLocale } from '../locales/localization.js';

addEnglish(() => import('../locales/en-application.js'));

/** One question of a step. */
export interface FieldDef {
  /** Name in the payload and id of the control. */
  name: string;
  kind: 'text' | 'date' | 'select' | 'checkbox';
  /** Visible label (legend for dates). */
  label: () => string;
  hint?: () => string;
  /** Autocomplete token (WCAG 1.3.5); for dates the prefix (`bday` → `bday-day` …). */
  autocomplete?: string;
  type?: TextFieldType;
  inputmode?: string;
  width?: '2' | '4' | '5' | '10' | '20';
  maxlength?: number;
  optional?: boolean;
  options?: () => SelectOption[];
}

/** A group of fields under a legend (or without one). */
export interface FieldGroup {
  legend?: () => string;
  fields: FieldDef[];
}

/** The answers of the TdA form as typed. */
export interface TdaValues extends Record<string, string | boolean> {
  firstName: string;
  lastName: string;
  birthDate: string;
  street: string;
  houseNumber: string;
  addressSuffix: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  contactLanguage: string;
  declaration: boolean;
}

/** An empty TdA form. */
export const EMPTY_TDA: TdaValues = {
  firstName: '',
  lastName: '',
  birthDate: '',
  street: '',
  houseNumber: '',
  addressSuffix: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
  contactLanguage: '',
  declaration: false,
};

const optional = (label: string) => msg(str`${label} (optional)`, { id: 'field.optional' });

const question = (id: string) => TDA_PAGE.questions.find((q) => q.id === id)!;

/** Languages for contact (TDA_PAGE options), named in the UI language and in their own. */
function languageOptions(): SelectOption[] {
  const lang = activeLocale();
  return (question('contactLanguage').options ?? []).map(({ value, label }) => {
    const own = new Intl.DisplayNames([value], { type: 'language' }).of(value) ?? value;
    const name = label[lang];
    return { value, label: name.toLowerCase() === own.toLowerCase() ? name : `${name} – ${own}` };
  });
}

/** The TdA step: name, date of birth, address, contact, declaration. */
export function tdaGroups(): FieldGroup[] {
  const en = activeLocale() === 'en';
  const declaration = question('declaration').label;
  return [
    {
      fields: [
        {
          name: 'firstName',
          kind: 'text',
          label: () => msg('Vorname', { id: 'tda.firstName' }),
          autocomplete: 'given-name',
          maxlength: 100,
        },
        {
          name: 'lastName',
          kind: 'text',
          label: () => msg('Nachname', { id: 'tda.lastName' }),
          autocomplete: 'family-name',
          maxlength: 100,
        },
        {
          name: 'birthDate',
          kind: 'date',
          label: () => msg('Geburtsdatum', { id: 'tda.birthDate' }),
          hint: () => msg('Zum Beispiel 27 3 1985', { id: 'tda.birthDate.hint' }),
          autocomplete: 'bday',
        },
      ],
    },
    {
      legend: () => msg('Ihre Anschrift', { id: 'tda.address' }),
      fields: [
        {
          name: 'street',
          kind: 'text',
          label: () => msg('Straße', { id: 'tda.street' }),
          autocomplete: 'address-line1',
          maxlength: 120,
        },
        {
          name: 'houseNumber',
          kind: 'text',
          label: () => msg('Hausnummer', { id: 'tda.houseNumber' }),
          width: '10',
          maxlength: 20,
        },
        {
          name: 'addressSuffix',
          kind: 'text',
          label: () => optional(msg('Adresszusatz', { id: 'tda.addressSuffix' })),
          hint: () =>
            msg('Zum Beispiel „bei Müller“ oder „Hinterhaus, 3. Etage“', { id: 'tda.addressSuffix.hint' }),
          autocomplete: 'address-line2',
          maxlength: 120,
          optional: true,
        },
        {
          name: 'postalCode',
          kind: 'text',
          label: () => msg('Postleitzahl', { id: 'tda.postalCode' }),
          autocomplete: 'postal-code',
          inputmode: 'numeric',
          width: '5',
          maxlength: 5,
        },
        {
          name: 'city',
          kind: 'text',
          label: () => msg('Wohnort', { id: 'tda.city' }),
          autocomplete: 'address-level2',
          width: '20',
          maxlength: 100,
        },
      ],
    },
    {
      legend: () => msg('So erreichen wir Sie', { id: 'tda.contact' }),
      fields: [
        {
          name: 'phone',
          kind: 'text',
          type: 'tel',
          label: () => optional(msg('Telefonnummer', { id: 'tda.phone' })),
          hint: () =>
            msg('Damit das Jobcenter Sie bei Rückfragen schnell erreicht.', { id: 'tda.phone.hint' }),
          autocomplete: 'tel',
          width: '20',
          optional: true,
        },
        {
          name: 'email',
          kind: 'text',
          type: 'email',
          inputmode: 'email',
          label: () => optional(msg('E-Mail-Adresse für Rückfragen', { id: 'tda.email' })),
          hint: () =>
            msg('Leer lassen, wenn wir die Adresse Ihres Kontos nutzen sollen.', { id: 'tda.email.hint' }),
          autocomplete: 'email',
          optional: true,
        },
        {
          name: 'contactLanguage',
          kind: 'select',
          label: () => msg('In welcher Sprache sollen wir Sie ansprechen?', { id: 'tda.contactLanguage' }),
          hint: () => msg('Bescheide sind immer auf Deutsch.', { id: 'tda.contactLanguage.hint' }),
          autocomplete: 'language',
          options: languageOptions,
        },
      ],
    },
    {
      legend: () => msg('Erklärung', { id: 'tda.declarationLegend' }),
      fields: [
        {
          name: 'declaration',
          kind: 'checkbox',
          label: () => declaration[en ? 'en' : 'de'],
          hint: () =>
            msg('Mit dem Absenden ist Ihr Antrag gestellt. Er gilt ab heute.', {
              id: 'tda.declaration.hint',
            }) +
            (en
              ? ' ' +
                msg(str`Rechtlich verbindlich ist der deutsche Wortlaut: „${declaration.de}“`, {
                  id: 'tda.declaration.binding',
                })
              : ''),
        },
      ],
    },
  ];
}

/** Field names in order. */
export const TDA_FIELD_NAMES = Object.keys(EMPTY_TDA);

/** Labels by field (without "(optional)"), for generic error messages. */
export function tdaLabels(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const g of tdaGroups())
    for (const f of g.fields) labels[f.name] = f.label().replace(/ \(optional\)$/, '');
  return labels;
}
