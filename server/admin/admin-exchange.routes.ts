/** Configuration export/import with four-eyes approval, and feedback from jobcenter staff to the RD. */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import * as z from 'zod';
import { feedbackInput, jobcenterConfig } from '../../domain/admin-config.js';
import { appendAudit } from '../audit/audit.js';
import { etagOf } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { check, jsonBody } from '../http/validate.js';
import { requireJobcenterAdmin } from '../jobcenters/admin-scope.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { requireStaff } from '../staff/staff.auth.js';
import { insertFeedback, listFeedback, listPendingChanges } from './admin.repository.js';
import { approveChange, changeView, importConfig, rejectChange } from './admin-exchange.service.js';
import { currentConfig } from './admin.service.js';

const changeId = z.string().uuid();

/** Builds the exchange and feedback routes; `checkOrigins` is the origin check of the editor routes. */
export function exchangeRoutes(deps: AppDeps, checkOrigins: (c: Context<AppEnv>, deps: AppDeps, o: string[]) => string[]) {
  const rid = (c: Context<AppEnv>) => c.get('requestId') ?? null;
  return new Hono<AppEnv>()
    .get('/admin/jobcenters/:id/config/export', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      const { document, version } = await currentConfig(deps.db.db, jc, deps.clock.now());
      c.header('etag', etagOf(version));
      c.header('cache-control', 'no-store');
      c.header('content-disposition', `attachment; filename="jobcenter-config-${jc.id}-v${version}.json"`);
      return c.json(document, 200);
    })
    .post('/admin/jobcenters/:id/config/import', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const doc = await jsonBody(c, jobcenterConfig);
      doc.allowedOrigins = checkOrigins(c, deps, doc.allowedOrigins);
      return c.json(await importConfig(deps, jc, staff, doc, rid(c)), 201);
    })
    .get('/admin/jobcenters/:id/config/changes', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      c.header('cache-control', 'no-store');
      return c.json({ items: (await listPendingChanges(deps.db.db, jc.id)).map(changeView) }, 200);
    })
    .post('/admin/jobcenters/:id/config/changes/:changeId/approve', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const id = check(c, changeId, c.req.param('changeId'));
      const out = await approveChange(deps, jc, staff, id, rid(c));
      c.header('etag', etagOf(out.version));
      return c.json(out, 200);
    })
    .post('/admin/jobcenters/:id/config/changes/:changeId/reject', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const id = check(c, changeId, c.req.param('changeId'));
      return c.json(await rejectChange(deps, jc, staff, id, rid(c)), 200);
    })
    .post('/admin/jobcenters/:id/feedback', async (c) => {
      const staff = requireStaff(c);
      const id = c.req.param('id');
      // Staff of that jobcenter only (any role); anyone else gets 404 like a missing jobcenter (SEC-10).
      if (staff.jobcenterId !== id || !(await findJobcenter(deps.db.db, id))) throw problem('not-found');
      const { text } = await jsonBody(c, feedbackInput);
      const row = { id: randomUUID(), jobcenter_id: id, staff_id: staff.id, text, created_at: deps.clock.now().toISOString() };
      await deps.db.db.transaction().execute(async (trx) => {
        await insertFeedback(trx, row);
        await appendAudit(trx, { at: row.created_at, actorId: staff.id, actorRole: staff.roles.join(','), action: 'write', objectType: 'feedback', objectId: row.id, requestId: rid(c) });
      });
      return c.json({ id: row.id, createdAt: row.created_at }, 201);
    })
    .get('/admin/feedback', async (c) => {
      requireStaff(c, ['rd_admin']);
      const jobcenter = check(c, z.string().regex(/^[a-z0-9-]{1,64}$/).optional(), c.req.query('jobcenter'));
      const rows = await listFeedback(deps.db.db, jobcenter);
      c.header('cache-control', 'no-store');
      return c.json({ items: rows.map((r) => ({ id: r.id, jobcenterId: r.jobcenter_id, staffId: r.staff_id, text: r.text, createdAt: r.created_at })) }, 200);
    });
}
