/**
 * Caseworker inbox routes: the page of her Postkörbe, opening one item, claim and assign with If-Match, and the
 * colleagues to assign to. Staff session only (an applicant session is a 401); scope and roles in the service.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { assignInput, inboxQuery } from '../../domain/staff.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { check, jsonBody, withFieldErrors } from '../http/validate.js';
import { requireStaff } from '../staff/staff.auth.js';
import { setAssignee } from './inbox.assign.js';
import { listColleagues, listInbox, openItem } from './inbox.service.js';

const ID = /^[0-9a-f-]{36}$/;

/** The path's work item id, or 404 when malformed (indistinguishable from a missing one, SEC-10). */
function pathId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw problem('not-found');
  return id;
}


/** Builds the inbox sub-app (mounted at /api). */
export function inboxRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/staff/inbox', async (c) => {
      const staff = requireStaff(c);
      const query = check(c, inboxQuery, c.req.query());
      return c.json(await withFieldErrors(c, () => listInbox(deps, staff, query)), 200);
    })
    .get('/staff/colleagues', async (c) => {
      const staff = requireStaff(c);
      return c.json(await listColleagues(deps, staff), 200);
    })
    .get('/staff/work-items/:id', async (c) => {
      const staff = requireStaff(c);
      const item = await openItem(deps, staff, pathId(c), c.get('requestId'));
      c.header('etag', etagOf(item.version));
      return c.json(item, 200);
    })
    .post('/staff/work-items/:id/claim', async (c) => {
      const staff = requireStaff(c);
      const id = pathId(c);
      const version = ifMatchVersion(c);
      // An empty JSON object: like every state-changing route it takes JSON only (SEC-21).
      await jsonBody(c, z.strictObject({}));
      const item = await setAssignee(deps, staff, { id, version, assigneeId: staff.id, claim: true, requestId: c.get('requestId') });
      c.header('etag', etagOf(item.version));
      return c.json(item, 200);
    })
    .post('/staff/work-items/:id/assign', async (c) => {
      const staff = requireStaff(c);
      const id = pathId(c);
      const version = ifMatchVersion(c);
      const { staffId } = await jsonBody(c, assignInput);
      const item = await withFieldErrors(c, () => setAssignee(deps, staff, { id, version, assigneeId: staffId, claim: false, requestId: c.get('requestId') }));
      c.header('etag', etagOf(item.version));
      return c.json(item, 200);
    });
}
