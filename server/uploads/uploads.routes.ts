/** Evidence upload routes: the policy, upload (multipart), download (attachment) and delete. */
import { Hono, type Context } from 'hono';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { requireLevel } from '../sessions/sessions.service.js';
import { attachmentHeader } from './file-type.js';
import { readUploadedFile } from './multipart.js';
import { uploadLimits, virusScanner } from './policy.js';
import { deleteEvidence, findOwnEvidence, openContent, usedBytes } from './uploads.repository.js';
import { uploadEvidence } from './uploads.service.js';

const ID = /^[0-9a-f-]{36}$/;
// Item ids come from the form engine (e.g. `AUSWEIS:applicant`, member ids are client-made): bounded, printable.
const ITEM = /^[^\u0000-\u001f\u007f/\\]{1,200}$/;

/** The path's ids, or 404 when one is malformed (indistinguishable from a missing resource). */
function pathIds(c: Context<AppEnv>, withDoc: boolean) {
  const applicationId = c.req.param('id') ?? '';
  const itemId = c.req.param('itemId') ?? '';
  const documentId = c.req.param('docId') ?? '';
  if (!ID.test(applicationId) || !ITEM.test(itemId) || (withDoc && !ID.test(documentId))) throw problem('not-found');
  return { applicationId, itemId, documentId };
}

/** An optional Idempotency-Key: uploads from a flaky connection may be retried without storing twice. */
function optionalKey(c: Context): string | undefined {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) throw problem('idempotency-key-missing');
  return key;
}

/** Builds the uploads sub-app (mounted at /api). */
export function uploadsRoutes(deps: AppDeps) {
  const DOC = '/applications/:id/evidence/:itemId/documents/:docId';
  return new Hono<AppEnv>()
    .get('/uploads/policy', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const limits = uploadLimits(deps);
      return c.json(
        {
          allowedTypes: limits.allowedTypes,
          maxFileBytes: limits.maxFileBytes,
          quotaBytes: limits.quotaBytes,
          usedBytes: await usedBytes(deps.db.db, session.accountId),
          virusScan: virusScanner(deps).mode,
        },
        200,
      );
    })
    .post('/applications/:id/evidence/:itemId/documents', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const ids = pathIds(c, false);
      const key = optionalKey(c);
      const file = await readUploadedFile(c, uploadLimits(deps).maxFileBytes);
      const result = await uploadEvidence(deps, session.accountId, ids, file, key);
      const body = result.body as { href: string };
      c.header('location', body.href);
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(body, result.replayed ? 200 : 201);
    })
    .get(DOC, async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const ids = pathIds(c, true);
      const doc = await findOwnEvidence(deps.db.db, { ...ids, accountId: session.accountId });
      if (!doc) throw problem('not-found');
      const bytes = openContent(deps.config.documentKey, doc);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': doc.media_type,
        'content-disposition': attachmentHeader(doc.filename),
        'content-length': String(bytes.byteLength),
        'x-content-type-options': 'nosniff',
        'x-content-sha256': doc.sha256,
      });
    })
    .delete(DOC, async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const ids = pathIds(c, true);
      const doc = await findOwnEvidence(deps.db.db, { ...ids, accountId: session.accountId });
      if (!doc) throw problem('not-found');
      await deps.db.db.transaction().execute((trx) => deleteEvidence(trx, doc.id));
      return c.body(null, 204);
    });
}
