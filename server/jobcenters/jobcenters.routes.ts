/** Public jobcenter routes: what a widget needs to know about its jobcenter. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { findJobcenter, listJobcenters } from './jobcenters.repository.js';
import { jobcenterView } from './jobcenters.service.js';

/** Builds the jobcenters sub-app (mounted at /api). */
export function jobcentersRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/jobcenters', async (c) => {
      const rows = await listJobcenters(deps.db.db);
      return c.json({ items: rows.map((r) => jobcenterView(r, deps.clock.now())) }, 200);
    })
    .get('/jobcenters/:id', async (c) => {
      const id = c.req.param('id');
      const row = /^[a-z0-9-]{1,64}$/.test(id) ? await findJobcenter(deps.db.db, id) : undefined;
      if (!row) throw problem('not-found');
      return c.json(jobcenterView(row, deps.clock.now()), 200);
    });
}
