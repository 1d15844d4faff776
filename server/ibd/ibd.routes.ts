/** IBD routes: the public notice of a jobcenter, and the admin list and new versions. */
import { Hono } from 'hono';
import { ibdQuery, ibdVersionInput } from '../../domain/ibd.js';
import type { AppDeps, AppEnv } from '../context.js';
import { prefersEnglish, problem } from '../http/problem.js';
import { check, jsonBody, withFieldErrors } from '../http/validate.js';
import { requireJobcenterAdmin } from '../jobcenters/admin-scope.js';
import { findJobcenter } from '../jobcenters/jobcenters.repository.js';
import { createVersion, ibdNoticeOf, listVersions } from './ibd.service.js';

/** Builds the IBD sub-app (mounted at /api). */
export function ibdRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/jobcenters/:id/ibd', async (c) => {
      const id = c.req.param('id');
      const jc = /^[a-z0-9-]{1,64}$/.test(id) ? await findJobcenter(deps.db.db, id) : undefined;
      if (!jc) throw problem('not-found');
      const query = check(c, ibdQuery, c.req.query());
      const notice = await ibdNoticeOf(deps, jc, query.type, query.date, prefersEnglish(c));
      c.header('vary', 'accept-language');
      return c.json(notice, 200);
    })
    .get('/admin/jobcenters/:id/ibd', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      return c.json({ items: await listVersions(deps, jc.id) }, 200);
    })
    .post('/admin/jobcenters/:id/ibd', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const input = await jsonBody(c, ibdVersionInput);
      const created = await withFieldErrors(c, () => createVersion(deps, jc, staff, input, c.get('requestId') ?? null));
      c.header('location', `/api/admin/jobcenters/${jc.id}/ibd`);
      return c.json(created, 201);
    });
}
