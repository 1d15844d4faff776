/**
 * The staff part of the API (sign-in with TOTP, the caseworker inbox, claim and assign), as functions
 * over an ApiClient so the applicant bundles do not carry them. The staff session is the same-origin
 * cookie `__Host-jc_staff` (the client sends `credentials: 'include'` on its own origin).
 */
import type { InboxItem, InboxPage, StaffView } from '../../domain/staff.js';
import { ApiError } from './api-error.js';
import type { ApiClient } from './api-client.js';

/** Answer of POST /api/staff/sessions: the next step of the sign-in. */
export type StaffSignInStep = { step: 'totp'; challenge: string } | { step: 'enrol'; challenge: string };

/** Answer of POST /api/staff/enrolment: what the right enrolment code unlocks. */
export interface EnrolmentSecret {
  challenge: string;
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** A staff session (GET /api/staff/session, POST …/second-factor). */
export interface StaffSession {
  staff: StaffView;
  expiresAt: string;
}

/** A colleague a work item can be assigned to. */
export interface Colleague {
  id: string;
  name: string;
}

/** Filters, sort and page of GET /api/staff/inbox; empty strings are left out of the query. */
export interface InboxRequest {
  postkorb?: string;
  type?: string;
  status?: string;
  assignee?: 'me' | 'none' | 'any';
  olderThanDays?: string | number;
  q?: string;
  sort?: 'oldest' | 'newest' | 'deadline';
  limit?: number;
  after?: string;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const item = (id: string) => `api/staff/work-items/${encodeURIComponent(id)}`;

/** Query string of an inbox request, in a fixed order, without empty values. */
export function inboxSearch(r: InboxRequest): string {
  const params = new URLSearchParams();
  const keys = [
    'postkorb',
    'type',
    'status',
    'assignee',
    'olderThanDays',
    'q',
    'sort',
    'limit',
    'after',
  ] as const;
  for (const key of keys) {
    const value = String(r[key] ?? '').trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** POST /api/staff/sessions: e-mail and password → the TOTP step or the enrolment (enrolment code first). */
export function staffSignIn(c: ApiClient, email: string, password: string): Promise<StaffSignInStep> {
  return c.request('POST', 'api/staff/sessions', { email, password });
}

/** POST /api/staff/enrolment: the enrolment code (Freischaltcode) → the TOTP secret to set up. */
export function unlockEnrolment(
  c: ApiClient,
  challenge: string,
  enrolmentCode: string,
): Promise<EnrolmentSecret> {
  return c.request('POST', 'api/staff/enrolment', { challenge, enrolmentCode });
}

/** POST /api/staff/totp/confirm: the first code finishes enrolment → session and recovery codes. */
export function confirmTotp(
  c: ApiClient,
  challenge: string,
  code: string,
): Promise<StaffSession & { recoveryCodes: string[] }> {
  return c.request('POST', 'api/staff/totp/confirm', { challenge, code });
}

/** POST /api/staff/sessions/second-factor: a TOTP code or a recovery code. */
export function secondFactor(c: ApiClient, challenge: string, code: string): Promise<StaffSession> {
  return c.request('POST', 'api/staff/sessions/second-factor', { challenge, code });
}

/** GET /api/staff/session → the session, or null when no staff member is signed in (204 or 401). */
export async function staffSession(c: ApiClient): Promise<StaffSession | null> {
  try {
    return (await c.request<StaffSession | undefined>('GET', 'api/staff/session')) ?? null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** DELETE /api/staff/session. */
export function staffSignOut(c: ApiClient): Promise<void> {
  return c.request('DELETE', 'api/staff/session');
}

/** GET /api/staff/inbox: one page of work items and the open counts per Postkorb. */
export function inbox(c: ApiClient, r: InboxRequest): Promise<InboxPage> {
  return c.request('GET', `api/staff/inbox?${inboxSearch(r)}`);
}

/**
 * POST /api/staff/work-items/:id/claim with the version read; 412 carries `current`. The body is an
 * empty JSON object, so the request passes the JSON content-type check of state-changing routes (SEC-21).
 */
export function claimItem(c: ApiClient, id: string, version: number): Promise<InboxItem> {
  return c.request('POST', `${item(id)}/claim`, {}, ifMatch(version));
}

/** POST /api/staff/work-items/:id/assign with the version read; `null` releases the item. */
export function assignItem(
  c: ApiClient,
  id: string,
  version: number,
  staffId: string | null,
): Promise<InboxItem> {
  return c.request('POST', `${item(id)}/assign`, { staffId }, ifMatch(version));
}

/** GET /api/staff/colleagues: who a work item can be assigned to. */
export function colleagues(c: ApiClient): Promise<Colleague[]> {
  return c.request('GET', 'api/staff/colleagues');
}
