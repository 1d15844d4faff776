/** Roll-out routes: RD admins see and move every jobcenter; a jobcenter admin sees and switches her own. */
import { Hono } from 'hono';
import { rolloutInput } from '../../domain/rollout.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { jsonBody } from '../http/validate.js';
import { requireJobcenterAdmin } from '../jobcenters/admin-scope.js';
import { listJobcenters } from '../jobcenters/jobcenters.repository.js';
import { requireStaff } from '../staff/staff.auth.js';
import { changeRollout, rolloutHistory, rolloutViewOf } from './rollout.service.js';

/** Builds the roll-out sub-app (mounted at /api). */
export function rolloutRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/admin/rollout', async (c) => {
      const staff = requireStaff(c, ['jobcenter_admin', 'rd_admin']);
      const rows = await listJobcenters(deps.db.db);
      const mine = staff.roles.includes('rd_admin') ? rows : rows.filter((r) => r.id === staff.jobcenterId);
      c.header('cache-control', 'no-store');
      return c.json({ items: mine.map((r) => rolloutViewOf(r, deps.clock.now())) }, 200);
    })
    .get('/admin/rollout/:id', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      c.header('etag', etagOf(Number(jc.version)));
      return c.json({ ...rolloutViewOf(jc, deps.clock.now()), history: await rolloutHistory(deps, jc.id) }, 200);
    })
    .put('/admin/rollout/:id', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const version = ifMatchVersion(c);
      const input = await jsonBody(c, rolloutInput);
      const view = await changeRollout(deps, jc, staff, version, input, c.get('requestId') ?? null);
      c.header('etag', etagOf(view.version));
      return c.json(view, 200);
    });
}
