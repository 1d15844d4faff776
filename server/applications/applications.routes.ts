/** ADE routes: start a draft, read it, autosave with If-Match, submit exactly once, download the PDF. */
import { Hono, type Context } from 'hono';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import type { AppDeps, AppEnv } from '../context.js';
import { findOwnDocument } from '../documents/documents.repository.js';
import { problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { idempotencyKey } from '../idempotency/idempotency.js';
import { requireLevel } from '../sessions/sessions.service.js';
import { attachmentHeader } from '../uploads/file-type.js';
import { findOwnApplication, listOwnApplications } from './applications.repository.js';
import { saveAnswers, startApplication, summaryOf, viewOf } from './applications.service.js';
import { submitApplication } from './applications.submit.js';
import { etagOf, ifMatchVersion } from './if-match.js';
import { createApplicationInput, saveAnswersInput } from './validation.js';

const ID = /^[0-9a-f-]{36}$/;

/** The path's application id, or 404 when malformed (indistinguishable from a missing one, SEC-10). */
function pathId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw problem('not-found');
  return id;
}

/** Builds the applications sub-app (mounted at /api). */
export function applicationsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/applications', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const input = await jsonBody(c, createApplicationInput);
      const { created, row } = await startApplication(deps, session.accountId, input);
      c.header('location', `/api/applications/${row.id}`);
      c.header('etag', etagOf(Number(row.version)));
      return c.json(await viewOf(deps.db.db, row), created ? 201 : 200);
    })
    .get('/applications', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const rows = await listOwnApplications(deps.db.db, session.accountId);
      return c.json({ items: rows.map((r) => summaryOf(r)) }, 200);
    })
    .get('/applications/:id', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const row = await findOwnApplication(deps.db.db, pathId(c), session.accountId);
      if (!row) throw problem('not-found');
      c.header('etag', etagOf(Number(row.version)));
      return c.json(await viewOf(deps.db.db, row), 200);
    })
    .put('/applications/:id/answers', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const id = pathId(c);
      const version = ifMatchVersion(c);
      const { answers } = await jsonBody(c, saveAnswersInput);
      const saved = await saveAnswers(deps, session.accountId, id, version, answers);
      c.header('etag', etagOf(saved.version));
      return c.json(saved, 200);
    })
    .post('/applications/:id/submit', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const id = pathId(c);
      const key = idempotencyKey(c);
      const version = ifMatchVersion(c);
      const result = await submitApplication(deps, session.accountId, { id, version, key });
      const body = result.body as { version: number };
      c.header('etag', etagOf(body.version));
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(body, 200);
    })
    .get('/applications/:id/pdf', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.ade);
      const row = await findOwnApplication(deps.db.db, pathId(c), session.accountId);
      const doc = row?.pdf_document_id
        ? await findOwnDocument(deps.db.db, deps.config.documentKey, row.pdf_document_id, session.accountId)
        : undefined;
      if (!row || !doc) throw problem('not-found');
      return c.body(new Uint8Array(doc.bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': attachmentHeader(doc.filename),
        'content-length': String(doc.bytes.byteLength),
        'x-content-sha256': doc.sha256,
      });
    });
}
