/** Jobcenter admin: the configuration document, rule set, origins and theme (If-Match, audited), and the simulation. */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { normaliseOrigin, originProblem, positioned, rulesInput, simulate, simulateInput, themeInput, originsInput, validateRuleSet } from '../../domain/admin-config.js';
import { etagOf, ifMatchVersion } from '../applications/if-match.js';
import type { AppDeps, AppEnv } from '../context.js';
import { prefersEnglish, problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { requireJobcenterAdmin } from '../jobcenters/admin-scope.js';
import { loadRules } from '../work-items/routing.service.js';
import { listPostkoerbe } from './admin.repository.js';
import { exchangeRoutes } from './admin-exchange.routes.js';
import { assertNoProblems, changeConfig, currentConfig } from './admin.service.js';

const ORIGIN_MESSAGES: Record<string, [string, string]> = {
  invalid_origin: ['Geben Sie eine Herkunft wie https://portal.example ein.', 'Enter an origin like https://portal.example.'],
  origin_not_https: ['Nur https-Adressen sind erlaubt.', 'Only https addresses are allowed.'],
  origin_wildcard: ['Platzhalter (*) sind nicht erlaubt.', 'Wildcards (*) are not allowed.'],
  origin_path: ['Nur Schema, Host und Port – ohne Pfad.', 'Scheme, host and port only – no path.'],
};

/** The origins checked (400 naming each wrong one) and normalised, without duplicates. */
function checkedOrigins(c: Context<AppEnv>, deps: AppDeps, origins: string[]): string[] {
  const en = prefersEnglish(c);
  const errors = origins.flatMap((o, i) => {
    const code = originProblem(o.trim(), deps.config.production);
    return code ? [{ path: `allowedOrigins.${i}`, code, message: ORIGIN_MESSAGES[code][en ? 1 : 0] }] : [];
  });
  if (errors.length) throw problem('validation', { errors });
  return [...new Set(origins.map((o) => normaliseOrigin(o.trim())))];
}

/** Builds the admin sub-app (mounted at /api). */
export function adminRoutes(deps: AppDeps) {
  const rid = (c: Context<AppEnv>) => c.get('requestId') ?? null;
  return new Hono<AppEnv>()
    .get('/admin/jobcenters/:id/config', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      const { document, version } = await currentConfig(deps.db.db, jc, deps.clock.now());
      c.header('etag', etagOf(version));
      c.header('cache-control', 'no-store');
      return c.json({ version, document }, 200);
    })
    .put('/admin/jobcenters/:id/rules', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const version = ifMatchVersion(c);
      const input = await jsonBody(c, rulesInput);
      assertNoProblems(validateRuleSet(input.postkoerbe, input.rules));
      const out = await changeConfig(deps, jc, staff, version, 'rules', (cur) => ({ ...cur, postkoerbe: input.postkoerbe, rules: input.rules }), rid(c));
      c.header('etag', etagOf(out.version));
      return c.json(out, 200);
    })
    .put('/admin/jobcenters/:id/origins', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const version = ifMatchVersion(c);
      const origins = checkedOrigins(c, deps, (await jsonBody(c, originsInput)).allowedOrigins);
      const out = await changeConfig(deps, jc, staff, version, 'origins', (cur) => ({ ...cur, allowedOrigins: origins }), rid(c));
      c.header('etag', etagOf(out.version));
      return c.json(out, 200);
    })
    .put('/admin/jobcenters/:id/theme', async (c) => {
      const { staff, jc } = await requireJobcenterAdmin(c, deps);
      const version = ifMatchVersion(c);
      const { theme } = await jsonBody(c, themeInput);
      const out = await changeConfig(deps, jc, staff, version, 'theme', (cur) => ({ ...cur, theme }), rid(c));
      c.header('etag', etagOf(out.version));
      return c.json(out, 200);
    })
    .post('/admin/jobcenters/:id/simulate', async (c) => {
      const { jc } = await requireJobcenterAdmin(c, deps);
      const input = await jsonBody(c, simulateInput);
      // The saved rules come through the very loader real routing uses; unsaved ones are positioned like saved ones.
      const rules = input.rules ? positioned(input.rules) : await loadRules(deps, jc.id);
      const postkoerbe =
        input.postkoerbe ?? (await listPostkoerbe(deps.db.db, jc.id)).map((p) => ({ id: p.id, name: p.name, isDefault: Number(p.is_default) === 1 }));
      return c.json(simulate(rules, postkoerbe, input.subject), 200);
    })
    .route('/', exchangeRoutes(deps, checkedOrigins));
}
