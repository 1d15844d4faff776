/**
 * OAP routes. Applicant (session, level ≥ 1): overview, one eService, autosave (If-Match), submit (Idempotency-Key
 * + If-Match). Staff (Markt & Integration of the profile's jobcenter): comparison with VerBIS, takeover, export.
 */
import { Hono, type Context } from 'hono';
import { SERVICE_MIN_LEVEL } from '../../domain/account.js';
import { isOapServiceId, type OapServiceId } from '../../domain/forms/oap.js';
import { oapSaveInput, oapTakeoverInput } from '../../domain/oap.js';
import { createDatabaseVerbis } from '../adapters/verbis.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { prefersEnglish, problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { idempotencyKey } from '../idempotency/idempotency.js';
import { requireLevel } from '../sessions/sessions.service.js';
import { requireStaff } from '../staff/staff.auth.js';
import { applicantProfile, saveOapAnswers, serviceView, serviceViews, submitOapService, summaryOf } from './oap.service.js';
import { staffView, verbisExportOf } from './oap.staff.js';
import { takeOver } from './oap.takeover.js';
import { listOapDocuments, oapUploadRoutes, staffOapDocumentHref } from './oap.uploads.js';
import { berlinDate } from '../../domain/dates.js';

/** The path's eService, or 404 for any other segment. */
function pathService(c: Context<AppEnv>): OapServiceId {
  const s = c.req.param('service');
  if (!isOapServiceId(s)) throw problem('not-found');
  return s;
}

/** Builds the OAP sub-app (mounted at /api). */
export function oapRoutes(deps: AppDeps) {
  const verbis = deps.verbis ?? createDatabaseVerbis(deps.db.db, () => deps.clock.now());
  const staffCall = (c: Context<AppEnv>) => ({ staff: requireStaff(c), requestId: c.get('requestId') });
  return new Hono<AppEnv>()
    .route('/', oapUploadRoutes(deps))
    .get('/oap', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const profile = await applicantProfile(deps, session.accountId);
      const views = await serviceViews(deps.db.db, profile, berlinDate(deps.clock.now()));
      return c.json({ profileId: profile?.id ?? null, services: views.map(summaryOf) }, 200);
    })
    .get('/oap/:service', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const service = pathService(c);
      const view = await serviceView(deps, await applicantProfile(deps, session.accountId), service);
      c.header('etag', view.etag);
      return c.json(view, 200);
    })
    .put('/oap/:service/answers', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const service = pathService(c);
      const version = ifMatchVersion(c);
      const { answers } = await jsonBody(c, oapSaveInput);
      const view = await saveOapAnswers(deps, session.accountId, service, version, answers, prefersEnglish(c));
      c.header('etag', view.etag);
      return c.json(view, 200);
    })
    .post('/oap/:service/submit', async (c) => {
      const session = requireLevel(c, SERVICE_MIN_LEVEL.oap);
      const service = pathService(c);
      const key = idempotencyKey(c);
      const version = ifMatchVersion(c);
      const result = await submitOapService(deps, session.accountId, service, { version, key }, prefersEnglish(c));
      const body = result.body as { version: number };
      c.header('etag', etagOf(body.version));
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(body, 200);
    })
    .get('/staff/oap/:profileId', async (c) => {
      const view = await staffView(deps, verbis, staffCall(c), c.req.param('profileId'));
      // The certificates' evidence uploads, with staff download links (each download audited).
      const documents = await listOapDocuments(deps.db.db, view.profileId, staffOapDocumentHref(view.profileId));
      c.header('etag', view.etag);
      return c.json({ ...view, documents }, 200);
    })
    .post('/staff/oap/:profileId/takeover', async (c) => {
      const call = staffCall(c);
      const key = idempotencyKey(c);
      const version = ifMatchVersion(c);
      const input = await jsonBody(c, oapTakeoverInput);
      const lang = prefersEnglish(c) ? 'en' : 'de';
      const result = await takeOver(deps, verbis, call, { id: c.req.param('profileId'), version, key, input, lang });
      if (result.replayed) c.header('idempotent-replayed', 'true');
      return c.json(result.body, 200);
    })
    .get('/staff/oap/:profileId/verbis-export', async (c) => {
      const doc = await verbisExportOf(deps, verbis, staffCall(c), c.req.param('profileId'));
      c.header('content-disposition', `attachment; filename="verbis-profil-v${doc.version}.json"`);
      return c.json(doc, 200);
    });
}
