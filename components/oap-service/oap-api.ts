/**
 * The OAP part of the API (server/oap/oap.routes.ts) as functions over an ApiClient, so only the OAP
 * bundles carry them. Types come from domain/oap.ts as types only: the browser bundles carry no zod.
 */
import type {
  OapDocumentView,
  OapComparisonRow,
  OapOverview,
  OapServiceId,
  OapServiceView,
  OapStaffView,
  OapTakeoverInput,
  OapTakeoverResult,
} from '../../domain/oap.js';
import type { ApiClient } from '../api/api-client.js';

export type { OapComparisonRow, OapOverview, OapServiceId, OapServiceView, OapStaffView, OapTakeoverResult };

const etag = (version: number) => `"${version}"`;
const service = (s: OapServiceId) => `api/oap/${encodeURIComponent(s)}`;
const staff = (id: string) => `api/staff/oap/${encodeURIComponent(id)}`;

/** GET /api/oap: the three eServices with status and completeness. */
export function getOapOverview(c: ApiClient): Promise<OapOverview> {
  return c.request('GET', 'api/oap');
}

/** GET /api/oap/:service: answers, version (ETag), status and history of one eService. */
export function getOapService(c: ApiClient, s: OapServiceId): Promise<OapServiceView> {
  return c.request('GET', service(s));
}

/** PUT /api/oap/:service/answers with If-Match of the version read (412 with `current` when stale). */
export function saveOapAnswers(
  c: ApiClient,
  s: OapServiceId,
  version: number,
  answers: Record<string, unknown>,
): Promise<OapServiceView> {
  return c.request('PUT', `${service(s)}/answers`, { answers }, { 'If-Match': etag(version) });
}

/** POST /api/oap/:service/submit with Idempotency-Key and If-Match (422 with field errors when incomplete). */
export function submitOapService(
  c: ApiClient,
  s: OapServiceId,
  version: number,
  key: string,
): Promise<OapServiceView> {
  return c.request('POST', `${service(s)}/submit`, undefined, {
    'If-Match': etag(version),
    'Idempotency-Key': key,
  });
}

/** GET /api/staff/oap/:profileId: the submitted eServices compared field by field with VerBIS. */
export function getOapStaffView(c: ApiClient, profileId: string): Promise<OapStaffView> {
  return c.request('GET', staff(profileId));
}

/** POST /api/staff/oap/:profileId/takeover with Idempotency-Key and If-Match of the review version. */
export function takeOverOap(
  c: ApiClient,
  profileId: string,
  version: number,
  input: OapTakeoverInput,
  key: string,
): Promise<OapTakeoverResult> {
  return c.request('POST', `${staff(profileId)}/takeover`, input, {
    'If-Match': etag(version),
    'Idempotency-Key': key,
  });
}

/** A certificate's evidence upload (domain/oap.ts); `certificate` is its name, `href` the download. */
export type OapDocument = OapDocumentView;

/** The review with the certificates' uploads (staff download links). */
export type OapStaffViewWithDocuments = OapStaffView & { documents?: OapDocument[] };

/** The documents collection of a certificate's evidence item (`OAP_CERT:cv:<list item id>`). */
export const oapEvidencePath = (itemId: string) => `api/oap/cv/evidence/${encodeURIComponent(itemId)}/documents`;

/** GET /api/oap/cv/documents: the applicant's certificate uploads. */
export async function listOapDocuments(c: ApiClient): Promise<OapDocument[]> {
  return (await c.request<{ items: OapDocument[] }>('GET', 'api/oap/cv/documents')).items;
}
