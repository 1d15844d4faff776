/** Message codes of field errors with German and English texts, shared by widget and server. */
import type { Text } from './types.js';

/** Code → text. */
export const FIELD_MESSAGES: Record<string, Text> = {
  required: { de: 'Beantworten Sie diese Frage.', en: 'Answer this question.' },
  must_confirm: { de: 'Bestätigen Sie diese Erklärung, um den Antrag abzuschicken.', en: 'Confirm this declaration to send the application.' },
  later_not_allowed: { de: 'Diese Angabe brauchen wir jetzt.', en: 'We need this information now.' },
  too_long: { de: 'Die Eingabe ist zu lang.', en: 'The entry is too long.' },
  invalid_characters: { de: 'Die Eingabe enthält unzulässige Zeichen.', en: 'The entry contains characters that are not allowed.' },
  invalid_date: { de: 'Geben Sie ein gültiges Datum ein, z. B. 27.03.1990.', en: 'Enter a real date, e.g. 27/03/1990.' },
  date_not_past: { de: 'Das Datum muss in der Vergangenheit liegen.', en: 'The date must be in the past.' },
  date_not_future: { de: 'Das Datum muss in der Zukunft liegen.', en: 'The date must be in the future.' },
  invalid_option: { de: 'Wählen Sie eine der Möglichkeiten.', en: 'Choose one of the options.' },
  invalid_number: { de: 'Geben Sie eine Zahl ein.', en: 'Enter a number.' },
  invalid_money: { de: 'Geben Sie einen Betrag in Euro ein, z. B. 450,00.', en: 'Enter an amount in euros, e.g. 450.00.' },
  too_small: { de: 'Der Wert ist zu klein.', en: 'The value is too small.' },
  too_big: { de: 'Der Wert ist zu groß.', en: 'The value is too large.' },
  invalid_iban: { de: 'Prüfen Sie die IBAN: Sie beginnt mit DE und hat 22 Stellen; die Prüfziffer passt nicht.', en: 'Check the IBAN: a German IBAN starts with DE and has 22 characters; the check digits do not match.' },
  invalid_tax_id: { de: 'Prüfen Sie die Steuer-ID: 11 Ziffern, die Prüfziffer passt nicht.', en: 'Check the tax ID: 11 digits; the check digit does not match.' },
  invalid_rvnr: { de: 'Prüfen Sie die Rentenversicherungsnummer: 12 Zeichen, z. B. 65 170839 J 003.', en: 'Check the pension insurance number: 12 characters, e.g. 65 170839 J 003.' },
  invalid_email: { de: 'Geben Sie eine E-Mail-Adresse ein, z. B. name@beispiel.de.', en: 'Enter an e-mail address, e.g. name@example.com.' },
  invalid_phone: { de: 'Geben Sie die Telefonnummer nur mit Ziffern, Leerzeichen und + ein.', en: 'Enter the phone number with digits, spaces and + only.' },
  invalid_plz: { de: 'Geben Sie die Postleitzahl mit 5 Ziffern ein.', en: 'Enter the postal code with 5 digits.' },
  too_many: { de: 'Es sind zu viele Einträge.', en: 'There are too many entries.' },
  unknown_field: { de: 'Dieses Feld ist nicht vorgesehen.', en: 'This field is not expected.' },
  invalid_type: { de: 'Der Wert hat die falsche Form.', en: 'The value has the wrong form.' },
};

/** The text of a code in a language (German fallback for unknown codes). */
export function messageOf(code: string, lang: 'de' | 'en'): string {
  return (FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid_type)[lang];
}
