/** Edge validation with the domain schemas (SEC-20, SEC-21): JSON only, field errors as problem+json. */
import type { Context } from 'hono';
import * as z from 'zod';
import type { FieldError } from '../../domain/common.js';
import { prefersEnglish, problem } from './problem.js';

/** German/English texts for the message codes of domain/ and zod's own issue codes. */
const MESSAGES: Record<string, [string, string]> = {
  required: ['Dieses Feld ist erforderlich.', 'This field is required.'],
  too_long: ['Die Eingabe ist zu lang.', 'The entry is too long.'],
  invalid_characters: ['Die Eingabe enthält unzulässige Steuerzeichen.', 'The entry contains control characters.'],
  invalid_email: ['Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.', 'Enter a valid e-mail address, e.g. name@example.com.'],
  invalid_date: ['Geben Sie ein gültiges Datum ein.', 'Enter a valid date.'],
  invalid_plz: ['Geben Sie die Postleitzahl mit 5 Ziffern ein.', 'Enter the postal code with 5 digits.'],
  invalid_phone: ['Geben Sie eine Telefonnummer nur mit Ziffern, Leerzeichen und + ein.', 'Enter a phone number with digits, spaces and + only.'],
  password_too_short: ['Das Passwort muss mindestens 12 Zeichen lang sein.', 'The password must be at least 12 characters long.'],
  invalid_code: ['Geben Sie den 6-stelligen Code aus der App oder einen Wiederherstellungscode ein.', 'Enter the 6-digit code from the app or a recovery code.'],
  password_common: ['Dieses Passwort ist zu bekannt oder zu einfach. Wählen Sie ein anderes.', 'This password is too common or too simple. Choose another one.'],
  declaration_required: ['Bestätigen Sie die Erklärung, um den Antrag zu stellen.', 'Confirm the declaration to apply.'],
  birth_date_future: ['Das Geburtsdatum muss in der Vergangenheit liegen.', 'The date of birth must be in the past.'],
  invalid_cursor: ['Die Seitenangabe ist ungültig. Laden Sie die Liste neu.', 'The page cursor is invalid. Reload the list.'],
  unknown_staff: ['Diese Person gibt es in Ihrem Jobcenter nicht.', 'This person is not part of your jobcenter.'],
  unknown_field: ['Dieses Feld ist nicht vorgesehen.', 'This field is not expected.'],
  unknown_document: ['Dieses Dokument gehört nicht zu diesem Antrag.', 'This document does not belong to this application.'],
  file_required: ['Wählen Sie eine Datei aus.', 'Choose a file.'],
  file_empty: ['Die ausgewählte Datei ist leer.', 'The selected file is empty.'],
  one_file_only: ['Laden Sie eine Datei nach der anderen hoch.', 'Upload one file at a time.'],
  unknown_tda: ['Diese Erklärung zum Tag der Antragstellung gibt es in Ihrem Konto nicht.', 'There is no such declaration of intent to apply in your account.'],
  tda_in_use: ['Zu dieser Erklärung gibt es schon einen Antrag.', 'There already is an application for this declaration.'],
  unknown_jobcenter: ['Unbekanntes Jobcenter.', 'Unknown jobcenter.'],
  invalid_type: ['Der Wert hat den falschen Typ.', 'The value has the wrong type.'],
  invalid_value: ['Der Wert ist nicht zulässig.', 'The value is not allowed.'],
  invalid_format: ['Das Format ist ungültig.', 'The format is invalid.'],
  too_small: ['Die Eingabe ist zu kurz.', 'The entry is too short.'],
  too_big: ['Die Eingabe ist zu lang.', 'The entry is too long.'],
  unknown_placeholder: ['Erlaubt sind nur die Platzhalter {weeks}, {jobcenter} und {phone}.', 'Only the placeholders {weeks}, {jobcenter} and {phone} are allowed.'],
  date_in_past: ['Das Datum darf nicht in der Vergangenheit liegen.', 'The date must not be in the past.'],
};

/** Turns zod issues into field errors with a stable code and a German or English message. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], english: boolean): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(errorOf(base ? `${base}.${key}` : key, 'unknown_field', english));
      continue;
    }
    const code = issue.message in MESSAGES ? issue.message : issue.code;
    // One message per field and code: a failed format check often fails the follow-up refinement too.
    if (!out.some((e) => e.path === base && e.code === code)) out.push(errorOf(base, code, english));
  }
  return out;
}

function errorOf(path: string, code: string, english: boolean): FieldError {
  const texts = MESSAGES[code] ?? MESSAGES.invalid_value;
  return { path, code, message: english ? texts[1] : texts[0] };
}

/** Throws a 400 validation problem for one field. */
export function fieldProblem(c: Context, path: string, code: string): never {
  throw problem('validation', { errors: [errorOf(path, code, prefersEnglish(c))] });
}

/** Validates any value against a schema; a failure is a 400 problem naming the fields. */
export function check<S extends z.ZodType>(c: Context, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw problem('validation', { errors: fieldErrors(parsed.error.issues, prefersEnglish(c)) });
  return parsed.data;
}

/** Reads a JSON body (415 for other content types, 400 for malformed JSON) and validates it. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(problem\+)?json\s*(;|$)/i.test(type)) throw problem('unsupported-media-type');
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw problem('malformed-json');
  }
  return check(c, schema, value);
}

/** A field of the request that is wrong in a way only the service can tell; routes answer 400 naming it. */
export class InvalidField extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`${path}: ${code}`);
  }
}

/** Runs a service call; an InvalidField it throws becomes a 400 problem naming that field. */
export async function withFieldErrors<T>(c: Context, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InvalidField) fieldProblem(c, err.path, err.code);
    throw err;
  }
}
