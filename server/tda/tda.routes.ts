/** TdA routes: record (idempotent), list, receipt, PDF download. */
import { Hono } from 'hono';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import { tdaInput } from '../../domain/tda.js';
import type { AppDeps, AppEnv } from '../context.js';
import { findOwnDocument } from '../documents/documents.repository.js';
import { problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { idempotencyKey } from '../idempotency/idempotency.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { requireLevel } from '../sessions/sessions.service.js';
import type { TdaTable } from './tda.table.js';
import { findOwnTda, listOwnTda } from './tda.repository.js';
import { createTda, receiptOf } from './tda.service.js';

const ID = /^[0-9a-f-]{36}$/;

/** Builds the TdA sub-app (mounted at /api). */
export function tdaRoutes(deps: AppDeps) {
  async function receipt(row: TdaTable) {
    const [portal, responsible] = await Promise.all([
      findJobcenter(deps.db.db, row.portal_jobcenter_id),
      findJobcenter(deps.db.db, row.jobcenter_id),
    ]);
    if (!portal || !responsible) throw problem('not-found');
    const doc = row.pdf_document_id
      ? await deps.db.db.selectFrom('documents').select(['sha256', 'size']).where('id', '=', row.pdf_document_id).executeTakeFirst()
      : undefined;
    return receiptOf(row, portal, responsible, doc?.sha256, doc ? Number(doc.size) : undefined);
  }

  return new Hono<AppEnv>()
    .post('/tda', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.tda);
      const key = idempotencyKey(c);
      const data = await jsonBody(c, tdaInput);
      const result = await createTda(deps, session.accountId, key, data);
      const body = result.body as { id: string };
      c.header('location', `/api/tda/${body.id}`);
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(body, result.replayed ? 200 : 201);
    })
    .get('/tda', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.tda);
      const rows = await listOwnTda(deps.db.db, session.accountId);
      return c.json({ items: await Promise.all(rows.map(receipt)) }, 200);
    })
    .get('/tda/:id', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.tda);
      const id = c.req.param('id');
      const row = ID.test(id) ? await findOwnTda(deps.db.db, id, session.accountId) : undefined;
      if (!row) throw problem('not-found');
      return c.json(await receipt(row), 200);
    })
    .get('/tda/:id/pdf', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.tda);
      const id = c.req.param('id');
      const row = ID.test(id) ? await findOwnTda(deps.db.db, id, session.accountId) : undefined;
      const doc = row?.pdf_document_id
        ? await findOwnDocument(deps.db.db, deps.config.documentKey, row.pdf_document_id, session.accountId)
        : undefined;
      if (!row || !doc) throw problem('not-found');
      return c.body(new Uint8Array(doc.bytes), 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${doc.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
        'content-length': String(doc.bytes.byteLength),
        'x-content-sha256': doc.sha256,
      });
    });
}
