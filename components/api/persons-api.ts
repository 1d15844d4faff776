/**
 * The duplicate check (Internetperson → Person) and 1st-level support parts of the API, as functions over an
 * ApiClient so no applicant bundle carries them. Both need a staff session (same-origin cookie).
 */
import type { InternetPersonDetail, InternetPersonSummary, PersonDecision, SupportAccountView } from '../../domain/person.js';
import type { ApiClient } from './api-client.js';

const base = (id: string) => `api/staff/internet-persons/${encodeURIComponent(id)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** GET /api/staff/internet-persons. */
export async function internetPersons(c: ApiClient): Promise<InternetPersonSummary[]> {
  return (await c.request<{ items: InternetPersonSummary[] }>('GET', 'api/staff/internet-persons')).items;
}

/** GET /api/staff/internet-persons/:id. */
export function internetPerson(c: ApiClient, id: string): Promise<InternetPersonDetail> {
  return c.request('GET', base(id));
}

/** POST …/:id/convert with If-Match: a new Person with a new Kundennummer. */
export function convertPerson(c: ApiClient, id: string, version: number): Promise<PersonDecision> {
  return c.request('POST', `${base(id)}/convert`, undefined, ifMatch(version));
}

/** POST …/:id/merge with If-Match: into a known Person. */
export function mergePerson(c: ApiClient, id: string, personId: string, version: number): Promise<PersonDecision> {
  return c.request('POST', `${base(id)}/merge`, { personId }, ifMatch(version));
}

/** POST /api/support/accounts/lookup `{ email }` → the technical state of the account (no e-mail in the URL). */
export async function supportAccount(c: ApiClient, email: string): Promise<SupportAccountView> {
  return (await c.request<{ account: SupportAccountView }>('POST', 'api/support/accounts/lookup', { email })).account;
}

/** POST /api/support/accounts/:id/resend-confirmation or …/unlock. */
export function supportAction(c: ApiClient, id: string, action: 'resend-confirmation' | 'unlock'): Promise<unknown> {
  return c.request('POST', `api/support/accounts/${encodeURIComponent(id)}/${action}`);
}
