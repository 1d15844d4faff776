/**
 * The applicant's side of the MWS API (server/mws/mws.applicant.ts): her requests with deadline and § 66 notice,
 * answers to items, replies and finishing a round. Functions over an ApiClient, like applications-api.ts.
 */
import type { Text } from '../../domain/forms/types.js';
import type { ReviewStatus } from '../../domain/mws.js';
import type { ApiClient } from '../api/api-client.js';

/** A document uploaded for an evidence request item. */
export interface TodoDocument {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  href: string;
}

/** One item of a request round (domain/mws.ts `requestItemView`). */
export interface TodoItem {
  id: string;
  kind: 'evidence' | 'field';
  state: 'open' | 'answered';
  answeredAt: string | null;
  code: string | null;
  title: string | null;
  /** For evidence: the upload route's item id (`req:<id>`). */
  uploadItemId: string | null;
  documents: TodoDocument[];
  /** For evidence about an uploaded document: its name (the caseworker wants it again). */
  documentName?: string | null;
  /** For a field: `pageKey/questionId`. */
  path: string | null;
  comment: string | null;
  label: string | null;
  currentValue?: unknown;
  formattedValue: string | null;
  /** For a field: the engine's question kind and, for choices, the options (labels de/en). */
  question?: { kind: string; options?: { value: string; label: { de: string; en: string } }[] } | null;
}

/** A request round (domain/mws.ts `requestView`). */
export interface TodoRequest {
  id: string;
  state: 'open' | 'answered';
  createdAt: string;
  /** YYYY-MM-DD, end of day in Germany. */
  deadline: string;
  message: string | null;
  notice: { version: string; de: string; en: string };
  answeredAt: string | null;
  items: TodoItem[];
}

/** A message between the jobcenter and the applicant. */
export interface TodoMessage {
  id: string;
  from: 'staff' | 'applicant';
  requestId: string | null;
  text: string;
  createdAt: string;
}

/** One step of the status timeline. */
export interface TimelineStep {
  key: string;
  label: Text;
  at: string | null;
  reached: boolean;
  current: boolean;
}

/** GET /api/applications/:id/requests. */
export interface RequestsView {
  status: ReviewStatus;
  statusLabel: Text;
  timeline: TimelineStep[];
  open: TodoRequest[];
  answered: TodoRequest[];
  messages: TodoMessage[];
}

const base = (id: string) => `api/applications/${encodeURIComponent(id)}/requests`;
const itemPath = (id: string, rid: string, iid: string) =>
  `${base(id)}/${encodeURIComponent(rid)}/items/${encodeURIComponent(iid)}/answer`;

/** GET /api/applications/:id/requests. */
export function getRequests(c: ApiClient, id: string): Promise<RequestsView> {
  return c.request('GET', base(id));
}

/** POST …/items/:iid/answer: `{ value }` corrects a field, `{}` marks an evidence item done. */
export function answerItem(
  c: ApiClient,
  ids: { id: string; rid: string; iid: string },
  body: { value?: unknown },
): Promise<RequestsView> {
  return c.request('POST', itemPath(ids.id, ids.rid, ids.iid), body);
}

/** POST …/requests/:rid/reply. */
export function replyToRound(c: ApiClient, id: string, rid: string, text: string): Promise<TodoMessage> {
  return c.request('POST', `${base(id)}/${encodeURIComponent(rid)}/reply`, { text });
}

/** POST …/requests/:rid/submit: sends the round back (even with items left open). */
export function submitRound(c: ApiClient, id: string, rid: string): Promise<RequestsView> {
  return c.request('POST', `${base(id)}/${encodeURIComponent(rid)}/submit`, {});
}
