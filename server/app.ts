/** Builds the Hono app from injected dependencies; server/main.ts is the only place reading the environment. */
import { sql } from 'kysely';
import { Hono, type MiddlewareHandler } from 'hono';
import { sizeLimit } from './http/body-limit.js';
import { accountsRoutes } from './accounts/accounts.routes.js';
import { adminRoutes } from './admin/admin.routes.js';
import { refreshOnOriginChange } from './admin/origins-cache.js';
import { applicationJobs } from './applications/applications.jobs.js';
import { applicationsRoutes } from './applications/applications.routes.js';
import { applicationBodyLimit } from './applications/body-limits.js';
import type { AppDeps, AppEnv } from './context.js';
import { mailboxRoutes } from './dev/mailbox.routes.js';
import { openApiDocument } from './http/openapi.js';
import { logSafe, onError, problem, problemResponse } from './http/problem.js';
import { apiCors, baseHeaders, cached } from './http/security.js';
import { allAllowedOrigins } from './jobcenters/jobcenters.repository.js';
import { inboxRoutes } from './inbox/inbox.routes.js';
import { jobcentersRoutes } from './jobcenters/jobcenters.routes.js';
import { ibdRoutes } from './ibd/ibd.routes.js';
import { rolloutRoutes } from './rollout/rollout.routes.js';
import { mwsJobs } from './mws/mws.applicant.js';
import { mwsRoutes } from './mws/mws.routes.js';
import { oapJobs } from './oap/oap.jobs.js';
import { oapRoutes } from './oap/oap.routes.js';
import { personsRoutes } from './persons/persons.routes.js';
import { supportRoutes } from './support/support.routes.js';
import { createOutbox, type Outbox } from './outbox/outbox.js';
import { resolveSession } from './sessions/sessions.service.js';
import { serveDir } from './static.js';
import { resolveStaffSession } from './staff/staff-sessions.service.js';
import { staffRoutes } from './staff/staff.routes.js';
import { tdaJobs } from './tda/tda.jobs.js';
import { tdaRoutes } from './tda/tda.routes.js';
import { uploadsRoutes } from './uploads/uploads.routes.js';

/** Creates the app. Static files (demo, widgets, themes) are served unless `serveStatic` is false. */
export function createApp(deps: AppDeps, opts: { serveStatic?: boolean } = {}) {
  const api = new Hono<AppEnv>()
    .route('/', accountsRoutes(deps))
    .route('/', jobcentersRoutes(deps))
    .route('/', ibdRoutes(deps))
    .route('/', rolloutRoutes(deps))
    .route('/', tdaRoutes(deps))
    .route('/', applicationsRoutes(deps))
    .route('/', uploadsRoutes(deps))
    .route('/', staffRoutes(deps))
    .route('/', inboxRoutes(deps))
    .route('/', mwsRoutes(deps))
    .route('/', oapRoutes(deps))
    .route('/', personsRoutes(deps))
    .route('/', supportRoutes(deps))
    .route('/', adminRoutes(deps))
    .get('/openapi.json', (c) => c.json(openApiDocument(deps.config.publicUrl)));

  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound((c) => problemResponse(c, { type: 'not-found' }));
  app.use('*', baseHeaders());
  if (deps.config.accessLog) app.use('*', accessLog());
  app.get('/health', async (c) => {
    try {
      await sql`select 1`.execute(deps.db.db);
      return c.json({ status: 'ok', db: deps.db.dialect }, 200);
    } catch {
      return c.json({ status: 'error', db: deps.db.dialect }, 503);
    }
  });
  app.use('/api/*', apiCors({ publicUrl: deps.config.publicUrl, allowedOrigins: refreshOnOriginChange(deps.db.db, () => cached(() => allAllowedOrigins(deps.db.db), 30_000)) }));
  const defaultLimit = sizeLimit(64 * 1024, () => problem('payload-too-large'));
  const routeLimit = applicationBodyLimit(deps);
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : (routeLimit(c) ?? defaultLimit)(c, next)));
  app.use('/api/*', sessions(deps));
  app.route('/api', api);
  if (!deps.config.production) app.route('/dev', mailboxRoutes(deps));
  if (opts.serveStatic !== false) {
    app.use('/widgets/*', serveDir('/widgets/', 'dist', { crossOrigin: true }));
    app.use('/themes/*', serveDir('/themes/', 'themes', { crossOrigin: true }));
    app.use('/*', serveDir('/', 'demo'));
  }
  return app;
}

/**
 * Applicant and staff session of the request in one middleware step; each waits only when a token was presented,
 * so a request without either costs no promise at all (PERF-02).
 */
function sessions(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const applicant = resolveSession(c, deps);
    if (applicant) await applicant;
    const staff = resolveStaffSession(c, deps);
    if (staff) await staff;
    await next();
  };
}

/** One line per request; the path only (never the query: it may carry tokens), no bodies (SEC-42). */
function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = (performance.now() - start).toFixed(1);
    console.log(`${logSafe(c.req.method)} ${logSafe(c.req.path)} ${c.res.status} ${ms}ms req=${logSafe(c.get('requestId'))}`);
  };
}

/** The app's type, for `hc<AppType>` clients. */
export type AppType = ReturnType<typeof createApp>;

/** The outbox worker with every job handler of the app. */
export function createAppOutbox(deps: AppDeps): Outbox {
  return createOutbox(deps.db.db, deps.clock, {
    ...tdaJobs(deps),
    ...applicationJobs(deps),
    ...mwsJobs(deps),
    ...oapJobs(deps),
    mail: async (m) => {
      await deps.mailer.send(m);
    },
  });
}
