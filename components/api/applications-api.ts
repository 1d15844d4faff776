/**
 * The ADE part of the API (Hauptantrag drafts, submission, evidence uploads), as functions over an
 * ApiClient so the registration bundle, which shares the client, does not carry them.
 */
import type { Answers, AnlageInstance, EvidenceItem, TodoItem } from '../../domain/forms/engine.js';
import { ApiError, parseRetryAfter, type ProblemBody } from './api-error.js';
import type { ApiClient } from './api-client.js';

/** GET /api/applications: one item (no answers). */
export interface ApplicationSummary {
  id: string;
  status: 'draft' | 'submitted';
  version: number;
  /** Date of application (YYYY-MM-DD): ages and the law in force are taken on it. */
  applicationDate: string;
  portalJobcenterId: string;
  tdaId?: string;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  number?: string;
  pdf?: { status: 'none' | 'pending' | 'ready' | 'failed'; sha256?: string; href?: string };
}

/** An uploaded evidence document. */
export interface EvidenceDocument {
  id: string;
  itemId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: string;
  href: string;
}

/** GET /api/applications/:id (also the answer of POST, submit): the draft with what the engine derives. */
export interface ApplicationView extends ApplicationSummary {
  answers: Answers;
  anlagen: AnlageInstance[];
  evidence: EvidenceItem[];
  todos: TodoItem[];
  documents: EvidenceDocument[];
}

/** The current draft the server sent with a 412 (`current` extension member). */
export interface CurrentDraft {
  version: number;
  answers: Answers;
  updatedAt: string;
}

/** GET /api/uploads/policy. */
export interface UploadPolicy {
  allowedTypes: string[];
  maxFileBytes: number;
  quotaBytes: number;
  usedBytes: number;
  virusScan: 'off' | 'clamd';
}

const app = (id: string) => `api/applications/${encodeURIComponent(id)}`;
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** GET /api/applications. */
export async function listApplications(c: ApiClient): Promise<ApplicationSummary[]> {
  return (await c.request<{ items: ApplicationSummary[] }>('GET', 'api/applications')).items;
}

/** POST /api/applications: 201 a new draft, 200 the open one. */
export function startApplication(
  c: ApiClient,
  portalJobcenterId: string,
  tdaId?: string,
): Promise<ApplicationView> {
  return c.request('POST', 'api/applications', { portalJobcenterId, ...(tdaId ? { tdaId } : {}) });
}

/** GET /api/applications/:id. */
export function getApplication(c: ApiClient, id: string): Promise<ApplicationView> {
  return c.request('GET', app(id));
}

/** PUT /api/applications/:id/answers with the version read; 412 carries `current`. */
export function saveAnswers(
  c: ApiClient,
  id: string,
  version: number,
  answers: Answers,
): Promise<{ version: number; updatedAt: string }> {
  return c.request('PUT', `${app(id)}/answers`, { answers }, ifMatch(version));
}

/** POST /api/applications/:id/submit, exactly once per Idempotency-Key. */
export function submitApplication(
  c: ApiClient,
  id: string,
  version: number,
  key: string,
): Promise<ApplicationView> {
  return c.request('POST', `${app(id)}/submit`, undefined, { ...ifMatch(version), 'Idempotency-Key': key });
}

/** GET /api/uploads/policy. */
export function uploadPolicy(c: ApiClient): Promise<UploadPolicy> {
  return c.request('GET', 'api/uploads/policy');
}

/** DELETE of an uploaded document (its `href`). */
export function deleteDocument(c: ApiClient, href: string): Promise<void> {
  return c.request('DELETE', href);
}

/**
 * Uploads one file as multipart `file` with XMLHttpRequest (fetch reports no upload progress).
 * `onProgress` gets the sent fraction 0..1; the promise settles with the document or an ApiError.
 */
export function uploadEvidence(
  c: ApiClient,
  ids: { applicationId: string; itemId: string; path?: string },
  file: File,
  options: { key?: string; onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<EvidenceDocument> {
  // `path`: another service's documents collection with the same upload contract (e.g. the OAP's certificates).
  const url = c.url(ids.path ?? `${app(ids.applicationId)}/evidence/${encodeURIComponent(ids.itemId)}/documents`);
  return new Promise((resolve, reject) => {
    const xhr = c.xhr();
    xhr.open('POST', url);
    const headers = c.auth({ Accept: 'application/json, application/problem+json' });
    if (options.key) headers['Idempotency-Key'] = options.key;
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    });
    const fail = (title: string) => reject(new ApiError(0, { type: 'network', title }));
    xhr.addEventListener('error', () => fail('upload failed'));
    xhr.addEventListener('abort', () => fail('aborted'));
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as EvidenceDocument);
      reject(
        new ApiError(
          xhr.status,
          (body ?? {}) as ProblemBody,
          parseRetryAfter(xhr.getResponseHeader('Retry-After')),
        ),
      );
    });
    options.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
