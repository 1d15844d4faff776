/** Problem details (RFC 9457): the one error type the API throws and the one handler that answers it. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '../../domain/common.js';

/** Problem types with their status and German/English titles. */
const PROBLEMS = {
  validation: [400, 'Die Angaben sind unvollständig oder fehlerhaft.', 'The data is incomplete or invalid.'],
  'malformed-json': [400, 'Der Inhalt ist kein gültiges JSON.', 'The body is not valid JSON.'],
  'idempotency-key-missing': [400, 'Der Header Idempotency-Key fehlt.', 'The Idempotency-Key header is missing.'],
  'token-invalid': [400, 'Der Bestätigungslink ist ungültig oder abgelaufen.', 'The confirmation link is invalid or has expired.'],
  unauthenticated: [401, 'Bitte melden Sie sich an.', 'Please sign in.'],
  'invalid-credentials': [401, 'E-Mail-Adresse oder Passwort ist falsch.', 'E-mail address or password is wrong.'],
  'invalid-code': [401, 'Der Code ist falsch oder wurde schon verwendet.', 'The code is wrong or has already been used.'],
  'enrolment-code-invalid': [401, 'Der Freischaltcode ist falsch, abgelaufen oder schon verwendet. Bitte prüfen Sie ihn oder lassen Sie sich von Ihrer Administratorin oder Ihrem Administrator einen neuen Code geben.', 'The enrolment code is wrong, has expired or has already been used. Please check it or ask your administrator for a new code.'],
  'staff-challenge-invalid': [401, 'Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut mit E-Mail-Adresse und Passwort an.', 'The sign-in has expired. Please sign in again with your e-mail address and password.'],
  'level-too-low': [403, 'Für diesen Dienst ist eine höhere Sicherheitsstufe nötig.', 'This service needs a higher security level.'],
  forbidden: [403, 'Diese Anfrage ist nicht erlaubt.', 'This request is not allowed.'],
  'module-unavailable': [403, 'Dieser Dienst ist bei diesem Jobcenter noch nicht verfügbar.', 'This service is not available at this jobcenter yet.'],
  'not-found': [404, 'Nicht gefunden.', 'Not found.'],
  'idempotency-in-progress': [409, 'Diese Anfrage wird gerade schon bearbeitet.', 'This request is already being processed.'],
  'application-submitted': [409, 'Der Antrag ist schon abgeschickt und kann nicht mehr geändert werden.', 'The application has already been submitted and can no longer be changed.'],
  'status-transition': [409, 'Dieser Statuswechsel ist nicht möglich.', 'This status change is not possible.'],
  'oap-no-tda': [409, 'Das Arbeitsmarktprofil können Sie ausfüllen, sobald Sie einen Antrag gestellt haben (Tag der Antragstellung).', 'You can fill in the labour market profile once you have applied (day of application).'],
  'oap-taken-over': [409, 'Diese Angaben wurden schon übernommen.', 'These data have already been taken over.'],
  'person-decided': [409, 'Über diese Internetperson wurde schon entschieden (angelegt oder zusammengeführt).', 'This internet person has already been decided (created or merged).'],
  'account-confirmed': [409, 'Die E-Mail-Adresse dieses Kontos ist schon bestätigt.', 'The e-mail address of this account is already confirmed.'],
  'request-closed': [409, 'Diese Anforderung ist schon beantwortet.', 'This request has already been answered.'],
  'version-conflict': [412, 'Der Antrag wurde inzwischen an anderer Stelle geändert, zum Beispiel in einem anderen Fenster.', 'The application was changed elsewhere in the meantime, for example in another window.'],
  'copy-deleted': [410, 'Die Kopie im Portal wurde nach Ablauf der Aufbewahrungsfrist gelöscht. Das Dokument ist im Jobcenter abgelegt (E-Akte).', 'The portal copy was deleted after the retention period. The document is filed at the jobcenter (electronic file).'],
  'payload-too-large': [413, 'Die Anfrage ist zu groß.', 'The request is too large.'],
  'file-too-large': [413, 'Die Datei ist zu groß.', 'The file is too large.'],
  'quota-exceeded': [413, 'Ihr Speicherplatz für Nachweise ist voll.', 'Your storage space for evidence is full.'],
  'unsupported-media-type': [415, 'Bitte senden Sie JSON (application/json).', 'Please send JSON (application/json).'],
  'multipart-required': [415, 'Bitte senden Sie die Datei als multipart/form-data im Feld „file“.', 'Please send the file as multipart/form-data in the field "file".'],
  'unsupported-file-type': [415, 'Diese Dateiart ist nicht erlaubt.', 'This file type is not allowed.'],
  incomplete: [422, 'Die Angaben sind noch nicht vollständig oder fehlerhaft.', 'The data is not complete yet or invalid.'],
  'idempotency-key-reused': [422, 'Dieser Idempotency-Key wurde schon für andere Daten verwendet.', 'This Idempotency-Key was already used for other data.'],
  'virus-found': [422, 'In der Datei wurde Schadsoftware gefunden. Sie wurde nicht gespeichert.', 'Malware was found in the file. It was not stored.'],
  'rule-set-invalid': [422, 'Das Regelwerk ist so nicht speicherbar. Bitte beheben Sie die genannten Probleme.', 'The rule set cannot be saved like this. Please fix the problems listed.'],
  'config-stale': [409, 'Die Konfiguration wurde seit dem Import geändert. Bitte prüfen Sie die neuen Unterschiede.', 'The configuration changed since the import. Please review the new differences.'],
  'config-changed': [412, 'Die Konfiguration wurde inzwischen an anderer Stelle geändert. Bitte laden Sie sie neu.', 'The configuration was changed elsewhere in the meantime. Please reload it.'],
  'four-eyes': [403, 'Eine Änderung muss von einer anderen Person freigegeben werden (Vier-Augen-Prinzip).', 'A change must be approved by another person (four-eyes principle).'],
  'precondition-required': [428, 'Bitte senden Sie die Version mit, die Sie gelesen haben (If-Match).', 'Please send the version you read (If-Match).'],
  'too-many-requests': [429, 'Zu viele Versuche. Bitte warten Sie kurz.', 'Too many attempts. Please wait a moment.'],
  internal: [500, 'Ein interner Fehler ist aufgetreten.', 'An internal error occurred.'],
  unavailable: [503, 'Der Dienst ist vorübergehend nicht erreichbar.', 'The service is temporarily unavailable.'],
  'virus-scan-unavailable': [503, 'Die Virenprüfung ist gerade nicht erreichbar. Die Datei wurde nicht gespeichert.', 'The virus scan is unavailable right now. The file was not stored.'],
} as const satisfies Record<string, readonly [number, string, string]>;

/** A problem type key. */
export type ProblemType = keyof typeof PROBLEMS;

/** Extra data a thrown problem carries. */
interface ProblemCause {
  type: ProblemType;
  detail?: string;
  errors?: FieldError[];
  requiredLevel?: number;
  headers?: Record<string, string>;
  /** Extension members of the problem body (RFC 9457 §3.2), e.g. `current` of a version conflict. */
  extensions?: Record<string, unknown>;
}

/** Creates the exception for a problem type; throw it from any handler or middleware. */
export function problem(type: ProblemType, extra: Omit<ProblemCause, 'type'> = {}): HTTPException {
  const [status, de] = PROBLEMS[type];
  return new HTTPException(status as ContentfulStatusCode, { message: de, cause: { type, ...extra } satisfies ProblemCause });
}

/** English when the client prefers it, German otherwise. */
export function prefersEnglish(c: Context): boolean {
  return /^en\b/i.test(c.req.header('accept-language') ?? '');
}

/** Builds the problem+json response. */
export function problemResponse(c: Context, cause: ProblemCause): Response {
  const [status, de, en] = PROBLEMS[cause.type];
  const body: Problem & Record<string, unknown> = {
    ...cause.extensions,
    type: `/problems/${cause.type}`,
    title: prefersEnglish(c) ? en : de,
    status,
    ...(cause.detail ? { detail: cause.detail } : {}),
    ...(cause.errors ? { errors: cause.errors } : {}),
    ...(cause.requiredLevel !== undefined ? { requiredLevel: cause.requiredLevel } : {}),
    instance: c.get('requestId') as string | undefined,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...cause.headers },
  });
}

/** Escapes a value for one log line (SEC-42): no newlines or control characters from input reach the log. */
export function logSafe(value: unknown): string {
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like logSafe, and e-mail addresses (often quoted in SMTP errors) are replaced: no personal data in logs. */
export function logRedacted(value: unknown): string {
  return logSafe(value).replace(/[^\s@<>"']+@[^\s@<>"']+/g, '<e-mail>');
}

/** The app's onError: known problems as problem+json; anything else is logged (without payload) and answered 500. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof HTTPException) {
    const cause = err.cause as ProblemCause | undefined;
    if (cause?.type && cause.type in PROBLEMS) return problemResponse(c, cause);
    const status = err.status;
    if (status === 413) return problemResponse(c, { type: 'payload-too-large' });
    if (status === 401) return problemResponse(c, { type: 'unauthenticated' });
    if (status === 404) return problemResponse(c, { type: 'not-found' });
    if (status === 429) return problemResponse(c, { type: 'too-many-requests' });
    if (status >= 400 && status < 500) return problemResponse(c, { type: 'validation', detail: logSafe(err.message) });
  }
  console.error(`[error] request=${logSafe(c.get('requestId'))} ${logSafe(c.req.method)} ${logSafe(c.req.path)}: ${logSafe(err.stack ?? err.message)}`);
  return problemResponse(c, { type: 'internal' });
}
