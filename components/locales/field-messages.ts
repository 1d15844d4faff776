/**
 * Error messages for the message codes of the server and the domain schemas (`required`,
 * `invalid_plz`, …): specific to the field, in the GOV.UK style "say what to do".
 */
import { msg, str } from '@lit/localize';
import { FIELD_MESSAGES } from '../../domain/forms/messages.js';
import { activeLocale } from './localization.js';

/** The specific message for a field and code, else one for the code alone. */
function specific(field: string, code: string): string | undefined {
  switch (`${field}:${code}`) {
    case 'firstName:required':
      return msg('Geben Sie Ihren Vornamen ein', { id: 'err.firstName.required' });
    case 'lastName:required':
      return msg('Geben Sie Ihren Nachnamen ein', { id: 'err.lastName.required' });
    case 'birthDate:required':
      return msg('Geben Sie Ihr Geburtsdatum ein', { id: 'err.birthDate.required' });
    case 'birthDate:invalid_date':
      return msg('Das Geburtsdatum muss ein echtes Datum sein, zum Beispiel 27 3 1985', {
        id: 'err.birthDate.invalid',
      });
    case 'street:required':
      return msg('Geben Sie Ihre Straße ein', { id: 'err.street.required' });
    case 'houseNumber:required':
      return msg('Geben Sie Ihre Hausnummer ein', { id: 'err.houseNumber.required' });
    case 'declaration:must_confirm':
      return msg('Bestätigen Sie, dass Sie Leistungen nach dem SGB II beantragen', {
        id: 'err.declaration_required',
      });
    case 'postalCode:required':
    case 'postalCode:invalid_plz':
      return msg('Geben Sie Ihre Postleitzahl mit 5 Ziffern ein', { id: 'err.postalCode.invalid' });
    case 'city:required':
      return msg('Geben Sie Ihren Wohnort ein', { id: 'err.city.required' });
    case 'email:required':
      return msg('Geben Sie Ihre E-Mail-Adresse ein', { id: 'err.email.required' });
    case 'password:required':
      return msg('Geben Sie Ihr Passwort ein', { id: 'err.password.required' });
    case 'passwordConfirm:required':
      return msg('Geben Sie das Passwort noch einmal ein', { id: 'err.passwordConfirm.required' });
    default:
      return undefined;
  }
}

/** Codes of the account forms, which the form engine does not know. */
function accountCode(code: string): string | undefined {
  switch (code) {
    case 'password_too_short':
      return msg('Das Passwort muss mindestens 12 Zeichen lang sein', { id: 'err.password_too_short' });
    case 'password_common':
      return msg('Dieses Passwort ist zu bekannt und leicht zu erraten. Wählen Sie ein anderes Passwort', {
        id: 'err.password_common',
      });
    case 'password_mismatch':
      return msg('Die Passwörter stimmen nicht überein. Geben Sie zweimal dasselbe Passwort ein', {
        id: 'err.password_mismatch',
      });
    case 'declaration_required':
      return msg('Bestätigen Sie, dass Sie Leistungen nach dem SGB II beantragen', {
        id: 'err.declaration_required',
      });
    default:
      return undefined;
  }
}

/**
 * The text of an engine code (`required`, `invalid_plz`, …) in the UI language: one source,
 * domain/forms/messages.ts, shared with the server's problem details.
 */
export function engineMessage(code: string): string | undefined {
  return FIELD_MESSAGES[code]?.[activeLocale()];
}

/**
 * The message shown for a field error. `label` is the visible label of the field (used by generic
 * codes), `fallback` the server's own message for codes this client does not know yet.
 */
export function fieldErrorMessage(field: string, code: string, label: string, fallback?: string): string {
  return (
    specific(field, code) ??
    accountCode(code) ??
    engineMessage(code) ??
    fallback ??
    msg(str`Prüfen Sie Ihre Angabe im Feld „${label}“`, { id: 'err.unknown' })
  );
}
