/**
 * Duplicate check routes (Internetperson → Person) for Leistung and Teamleitung of the Internetperson's jobcenter:
 * other roles 403, another jobcenter's Internetperson 404 (SEC-10). Decisions take an optional If-Match.
 */
import { Hono, type Context } from 'hono';
import { LEISTUNG_ROLES } from '../../domain/staff.js';
import { mergeInput } from '../../domain/person.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { requireStaff } from '../staff/staff.auth.js';
import { decide, internetPersonDetail, listInternetPersons, type PersonCall } from './persons.service.js';

const ID = /^[0-9a-f-]{36}$/;

function call(c: Context<AppEnv>): PersonCall {
  return { staff: requireStaff(c, LEISTUNG_ROLES), requestId: c.get('requestId') };
}

/** The Internetperson id of the path, or 404 when malformed (indistinguishable from a missing one). */
function accountId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw problem('not-found');
  return id;
}

/** The If-Match version when sent (a malformed one is 428); without it the decision is still exactly-once. */
const optionalVersion = (c: Context<AppEnv>) => (c.req.header('if-match') === undefined ? undefined : ifMatchVersion(c));

/** Builds the duplicate-check sub-app (mounted at /api). */
export function personsRoutes(deps: AppDeps) {
  const P = '/staff/internet-persons';
  return new Hono<AppEnv>()
    .get(P, async (c) => {
      const items = await listInternetPersons(deps, call(c));
      c.header('cache-control', 'no-store');
      return c.json({ items }, 200);
    })
    .get(`${P}/:id`, async (c) => {
      const detail = await internetPersonDetail(deps, call(c), accountId(c));
      c.header('cache-control', 'no-store');
      c.header('etag', etagOf(detail.version));
      return c.json(detail, 200);
    })
    .post(`${P}/:id/convert`, async (c) => {
      const who = call(c);
      const id = accountId(c);
      const version = optionalVersion(c);
      const result = await decide(deps, who, id, { kind: 'convert' }, version);
      return c.json(result, 201);
    })
    .post(`${P}/:id/merge`, async (c) => {
      const who = call(c);
      const id = accountId(c);
      const version = optionalVersion(c);
      const { personId } = await jsonBody(c, mergeInput);
      const result = await decide(deps, who, id, { kind: 'merge', personId }, version);
      return c.json(result, 200);
    });
}
