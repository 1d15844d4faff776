/**
 * The caseworker's review of one application (MWS), as functions over an ApiClient so only the
 * jc-mws-review bundle carries them. Shapes mirror server/mws/mws.staff.ts (`reviewView`).
 */
import type { ReviewStatus, RequestItemInput, RequestView } from '../../domain/mws.js';
import type { ApiClient } from './api-client.js';

export type { ReviewStatus, RequestItemInput, RequestView };

/** A document uploaded for an evidence item (staff download link in `href`). */
export interface ReviewDocument {
  id: string;
  itemId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  createdAt: string;
  href: string;
}

/** An internal note (staff only) or a message between staff and applicant. */
export interface ReviewText {
  id: string;
  kind: 'note' | 'message' | 'reply';
  from: 'staff' | 'applicant';
  staffId: string | null;
  /** Name of the staff member who wrote it (staff side only). */
  staffName?: string | null;
  requestId: string | null;
  text: string;
  createdAt: string;
}

/** One entry of the history: a status change or a corrected answer (old → new). */
export type ReviewHistoryEntry =
  | { kind: 'status'; at: string; actor: string; actorName?: string | null; from: string | null; to: string | null }
  | { kind: 'deadline'; at: string; actor: string; actorName?: string | null; deadline: string | null }
  | {
      kind: 'answer';
      at: string;
      actor: string;
      actorName?: string | null;
      path: string | null;
      requestItemId: string | null;
      old: unknown;
      new: unknown;
    };

/** GET /api/staff/applications/:id. */
export interface ReviewView {
  id: string;
  number: string;
  applicationDate: string;
  submittedAt: string | null;
  tdaReceivedAt: string | null;
  status: ReviewStatus;
  statusLabel: { de: string; en: string };
  allowedTransitions: ReviewStatus[];
  version: number;
  answers: {
    group: string;
    title: string;
    questions: { path: string; label: string; value: unknown; formatted: string; page: string }[];
  }[];
  anlagen: { key: string; code: string; memberId?: string; title: string }[];
  evidence: {
    id: string;
    code: string;
    title: string;
    memberId?: string;
    anlageKey?: string;
    documents: ReviewDocument[];
  }[];
  documents: ReviewDocument[];
  pdfs: { application: string | null; tda: string | null };
  requests: (RequestView & { correctedPdf?: string | null })[];
  comments: unknown[];
  notes: ReviewText[];
  messages: ReviewText[];
  history: ReviewHistoryEntry[];
  /** The evidence catalogue for "Nachweis anfordern" (beyond the application's own checklist). */
  catalogue: { code: string; title: string }[];
}

/** Body of POST …/requests. */
export interface RequestBody {
  items: RequestItemInput[];
  message?: string;
  deadlineDays: number;
}

/** Answer of POST …/status, and `current` of its 409/412. */
export interface ReviewState {
  status: ReviewStatus;
  version: number;
  allowedTransitions: ReviewStatus[];
}

const base = (id: string) => `api/staff/applications/${encodeURIComponent(id)}`;

/** GET the review (audited read on the server). */
export function loadReview(c: ApiClient, id: string): Promise<ReviewView> {
  return c.request('GET', base(id));
}

/** POST a request round, exactly once per Idempotency-Key (201 new, 200 replay). */
export function sendRequest(c: ApiClient, id: string, body: RequestBody, key: string): Promise<RequestView> {
  return c.request('POST', `${base(id)}/requests`, body, { 'Idempotency-Key': key });
}

/** POST a status with the review version read (If-Match); 412 and 409 carry `current`. */
export function setStatus(
  c: ApiClient,
  id: string,
  version: number,
  status: ReviewStatus,
): Promise<ReviewState> {
  return c.request('POST', `${base(id)}/status`, { status }, { 'If-Match': `"${version}"` });
}

/** POST an internal note (`notes`) or a message to the applicant (`messages`). */
export function addText(
  c: ApiClient,
  id: string,
  kind: 'notes' | 'messages',
  text: string,
): Promise<ReviewText> {
  return c.request('POST', `${base(id)}/${kind}`, { text });
}
