/**
 * The TdA step as a form page, so the widget validates it with the same engine as the Hauptantrag and
 * without zod in the browser. The server's edge schema `tdaInput` (domain/tda.ts) accepts exactly what
 * this page accepts; test/domain/tda-form.test.ts holds the two together.
 */
import { CONTACT_LANGUAGES_LABELS } from './tda-languages.js';
import { opts, t } from './texts.js';
import type { Page } from './types.js';

/** The one screen of the Tag der Antragstellung. */
export const TDA_PAGE: Page = {
  id: 'tda',
  title: t('Antrag stellen (Tag der Antragstellung)', 'Apply (day of application)'),
  questions: [
    { id: 'firstName', kind: 'text', max: 100, label: t('Vorname', 'First name'), autocomplete: 'given-name' },
    { id: 'lastName', kind: 'text', max: 100, label: t('Nachname', 'Surname'), autocomplete: 'family-name' },
    { id: 'birthDate', kind: 'date', date: 'past', label: t('Geburtsdatum', 'Date of birth'), autocomplete: 'bday' },
    { id: 'street', kind: 'text', max: 120, label: t('Straße', 'Street'), autocomplete: 'address-line1' },
    { id: 'houseNumber', kind: 'text', max: 20, label: t('Hausnummer', 'House number') },
    { id: 'addressSuffix', kind: 'text', max: 120, required: false, label: t('Adresszusatz (freiwillig)', 'Address suffix (optional)'), autocomplete: 'address-line2' },
    { id: 'postalCode', kind: 'plz', label: t('Postleitzahl', 'Postal code'), autocomplete: 'postal-code' },
    { id: 'city', kind: 'text', max: 100, label: t('Ort', 'Town or city'), autocomplete: 'address-level2' },
    { id: 'phone', kind: 'phone', required: false, label: t('Telefon (freiwillig)', 'Phone (optional)'), autocomplete: 'tel' },
    { id: 'email', kind: 'email', required: false, label: t('E-Mail für Rückfragen (freiwillig)', 'E-mail for questions (optional)'), autocomplete: 'email' },
    { id: 'contactLanguage', kind: 'choice', required: false, label: t('In welcher Sprache sollen wir Sie kontaktieren?', 'In which language should we contact you?'), options: opts(...CONTACT_LANGUAGES_LABELS) },
    {
      id: 'declaration',
      kind: 'yesno',
      accept: true,
      label: t('Ich beantrage Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II.', 'I apply for benefits to secure my livelihood under SGB II (Social Code Book II).'),
    },
  ],
};
