/**
 * MWS routes. Staff: /api/staff/applications/:id (review, documents, PDFs, requests, status, notes, messages) with a
 * staff session (an applicant session is a 401). Applicant: /api/applications/:id/requests… with her own session.
 */
import { Hono, type Context } from 'hono';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import { answerItemInput, createRequestInput, setStatusInput, textInput } from '../../domain/mws.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { jsonBody, withFieldErrors } from '../http/validate.js';
import { idempotencyKey } from '../idempotency/idempotency.js';
import { requireLevel } from '../sessions/sessions.service.js';
import { requireStaff } from '../staff/staff.auth.js';
import { attachmentHeader } from '../uploads/file-type.js';
import * as z from 'zod';
import { answerItem, applicantRequests, replyToRound, submitRound } from './mws.applicant.js';
import { addStaffText, createRequest, reviewApplication, setStatus, staffDocument, type StaffCall } from './mws.staff.js';

const ID = /^[0-9a-f-]{36}$/;

/** Path ids, or 404 when one is malformed (indistinguishable from a missing one, SEC-10). */
function ids(c: Context<AppEnv>, ...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = c.req.param(n) ?? '';
    if (!ID.test(v)) throw problem('not-found');
    out[n] = v;
  }
  return out;
}


function call(c: Context<AppEnv>): StaffCall {
  return { staff: requireStaff(c), requestId: c.get('requestId') };
}

/** Types a browser may show inline (`?inline=1`, the preview): uploads are checked by magic bytes, never HTML. */
const PREVIEWABLE = new Set(['application/pdf', 'image/png', 'image/jpeg']);

function download(c: Context<AppEnv>, doc: { filename: string; media_type: string; bytes: Buffer; sha256: string }) {
  const inline = c.req.query('inline') === '1' && PREVIEWABLE.has(doc.media_type);
  if (inline) c.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'");
  return c.body(new Uint8Array(doc.bytes), 200, {
    'content-type': doc.media_type,
    'content-disposition': inline ? attachmentHeader(doc.filename).replace(/^attachment/, 'inline') : attachmentHeader(doc.filename),
    'content-length': String(doc.bytes.byteLength),
    'x-content-type-options': 'nosniff',
    'x-content-sha256': doc.sha256,
  });
}

/** Builds the MWS sub-app (mounted at /api). */
export function mwsRoutes(deps: AppDeps) {
  const S = '/staff/applications/:id';
  const A = '/applications/:id/requests';
  return (
    new Hono<AppEnv>()
      // Staff
      .get(S, async (c) => {
        const who = call(c);
        const view = await reviewApplication(deps, who, ids(c, 'id').id);
        c.header('etag', etagOf(view.version));
        return c.json(view, 200);
      })
      .get(`${S}/documents/:docId`, async (c) => {
        const who = call(c);
        const { id, docId } = ids(c, 'id', 'docId');
        return download(c, await staffDocument(deps, who, id, { docId }));
      })
      .get(`${S}/pdf`, async (c) => {
        const who = call(c);
        return download(c, await staffDocument(deps, who, ids(c, 'id').id, 'pdf'));
      })
      .get(`${S}/requests/:rid/pdf`, async (c) => {
        const who = call(c);
        const { id, rid } = ids(c, 'id', 'rid');
        return download(c, await staffDocument(deps, who, id, { round: rid }));
      })
      .get(`${S}/tda-pdf`, async (c) => {
        const who = call(c);
        return download(c, await staffDocument(deps, who, ids(c, 'id').id, 'tda-pdf'));
      })
      .post(`${S}/requests`, async (c) => {
        const who = call(c);
        const { id } = ids(c, 'id');
        const key = idempotencyKey(c);
        const input = await jsonBody(c, createRequestInput);
        const result = await withFieldErrors(c, () => createRequest(deps, who, id, key, input));
        if (result.replayed) c.header('idempotent-replayed', 'true');
        c.header('location', `/api/staff/applications/${id}`);
        return c.json(result.view, result.replayed ? 200 : 201);
      })
      .post(`${S}/status`, async (c) => {
        const who = call(c);
        const { id } = ids(c, 'id');
        const version = ifMatchVersion(c);
        const { status } = await jsonBody(c, setStatusInput);
        const current = await setStatus(deps, who, id, version, status);
        c.header('etag', etagOf(current.version));
        return c.json(current, 200);
      })
      .post(`${S}/notes`, async (c) => {
        const who = call(c);
        const { id } = ids(c, 'id');
        const { text } = await jsonBody(c, textInput);
        return c.json(await addStaffText(deps, who, id, 'note', text), 201);
      })
      .post(`${S}/messages`, async (c) => {
        const who = call(c);
        const { id } = ids(c, 'id');
        const { text } = await jsonBody(c, textInput);
        return c.json(await addStaffText(deps, who, id, 'message', text), 201);
      })
      // Applicant
      .get(A, async (c) => {
        const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
        return c.json(await applicantRequests(deps, session.accountId, ids(c, 'id').id), 200);
      })
      .post(`${A}/:rid/items/:iid/answer`, async (c) => {
        const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
        const p = ids(c, 'id', 'rid', 'iid');
        const body = await jsonBody(c, answerItemInput);
        const { view, etag } = await withFieldErrors(c, () => answerItem(deps, session.accountId, { id: p.id, rid: p.rid, iid: p.iid }, body, c.get('requestId')));
        c.header('etag', etag);
        return c.json(view, 200);
      })
      .post(`${A}/:rid/reply`, async (c) => {
        const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
        const p = ids(c, 'id', 'rid');
        const { text } = await jsonBody(c, textInput);
        return c.json(await replyToRound(deps, session.accountId, { id: p.id, rid: p.rid }, text, c.get('requestId')), 201);
      })
      .post(`${A}/:rid/submit`, async (c) => {
        const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
        const p = ids(c, 'id', 'rid');
        await jsonBody(c, z.strictObject({}));
        return c.json(await submitRound(deps, session.accountId, { id: p.id, rid: p.rid }, c.get('requestId')), 200);
      })
  );
}
