import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, applicant, createTestApp, DIALECTS, tdaBody, type TestApp } from './harness.js';

/** Bodies no client should send; none may produce a 500. */
const MALFORMED: (string | undefined)[] = [
  undefined,
  '',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{',
  '{"email":',
  '{"email": {"$ne": null}, "password": ["a"]}',
  '{"__proto__": {"admin": true}}',
  '{"constructor": {"prototype": {"x": 1}}}',
  JSON.stringify({ email: 'a'.repeat(5000) + '@x.de', password: 'p'.repeat(5000) }),
  JSON.stringify({ email: 'x@y.de', password: '\u0000\u0001\u0002xxxxxxxxxxxx' }),
  JSON.stringify({ token: 'x'.repeat(10) }),
  JSON.stringify({ ...tdaBody(), birthDate: 19900101 }),
  JSON.stringify({ ...tdaBody(), firstName: 'A\u0000B' }),
  JSON.stringify({ ...tdaBody(), lastName: '\uD800' }),
  JSON.stringify({ ...tdaBody(), postalCode: ['00123'] }),
  JSON.stringify({ ...tdaBody(), declaration: 'true' }),
  JSON.stringify({ ...tdaBody(), contactLanguage: 'xx' }),
  JSON.stringify({ ...tdaBody(), birthDate: '0000-00-00' }),
  JSON.stringify({ ...tdaBody(), birthDate: '1800-01-01' }),
  JSON.stringify({ ...tdaBody(), portalJobcenterId: '../../etc/passwd' }),
  '\u00ff\u00fe\u0000',
];

const POSTS = ['/api/accounts', '/api/accounts/confirm', '/api/accounts/resend-confirmation', '/api/sessions', '/api/tda'];

describe.each(DIALECTS)('HTTP edge on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('GET /health answers the fixed shape', async () => {
    const res = await new Agent(t).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: dialect });
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await new Agent(t).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const tda = res.body.paths['/api/tda'].post;
    expect(tda.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['portalJobcenterId', 'firstName', 'lastName', 'birthDate', 'postalCode', 'declaration']),
    );
    expect(tda.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true })]);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/accounts', '/api/sessions', '/api/tda/{id}/pdf']));
  });

  it('answers malformed input on every POST with 4xx problem+json, never 500', async () => {
    const a = await applicant(t);
    for (const path of POSTS) {
      for (const raw of MALFORMED) {
        const res = await a.request('POST', path, { raw, headers: { 'content-type': 'application/json', 'idempotency-key': `fuzz-${Math.random()}` } });
        expect(res.status, `${path} ${raw?.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${path} ${raw?.slice(0, 40)}`).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
        expect(res.body.status).toBe(res.status);
      }
    }
  });

  it('rejects other content types on state-changing endpoints with 415', async () => {
    const a = await applicant(t);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const res = await a.request('POST', '/api/tda', { raw: JSON.stringify(tdaBody()), headers: { 'content-type': type, 'idempotency-key': 'ct-test-0001' } });
      expect(res.status, type).toBe(415);
      expect(res.body.type).toBe('/problems/unsupported-media-type');
    }
  });

  it('refuses bodies over 64 KiB with 413', async () => {
    const res = await new Agent(t).request('POST', '/api/accounts', {
      raw: JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(70 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/payload-too-large');
  });

  it('sets security headers: no-store on the API, nosniff, no referrer, strict CSP', async () => {
    const res = await new Agent(t).get('/api/jobcenters/musterstadt');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; frame-ancestors 'none'/);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS only for origins a jobcenter configured; Origin null and others are refused', async () => {
    const allowed = new Agent(t, 'https://portal.example');
    const pre = await allowed.request('OPTIONS', '/api/sessions', { headers: { 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://portal.example');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/idempotency-key/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const get = await allowed.get('/api/jobcenters/musterstadt');
    expect(get.headers.get('access-control-allow-origin')).toBe('https://portal.example');

    for (const origin of ['null', 'https://evil.example', 'https://portal.example.evil.example']) {
      const foreign = new Agent(t, origin);
      expect((await foreign.request('OPTIONS', '/api/sessions')).status, origin).toBe(403);
      const post = await foreign.post('/api/accounts', { email: 'x@y.de', password: 'Ein-langes-Passwort-1' });
      expect(post.status, origin).toBe(403);
      expect((await foreign.get('/api/jobcenters/musterstadt')).headers.get('access-control-allow-origin')).toBeNull();
    }
    // Same origin is always fine.
    const self = new Agent(t, 'http://localhost:3000');
    expect((await self.post('/api/accounts/resend-confirmation', { email: 'x@y.de' })).status).toBe(202);
  });

  it('answers unknown ids and paths with 404 problem+json', async () => {
    const a = new Agent(t);
    expect((await a.get('/api/jobcenters/unbekannt')).status).toBe(404);
    expect((await a.get('/api/jobcenters/%00')).status).toBe(404);
    const res = await a.get('/api/nichts');
    expect(res.status).toBe(404);
    expect(res.body.type).toBe('/problems/not-found');
  });

  it('shows the dev mailbox outside production only', async () => {
    const res = await new Agent(t).get('/dev/mailbox');
    expect(res.status).toBe(200);
    expect(res.body).toContain('Entwicklungs-Postfach');
    const json = await new Agent(t).get('/dev/mailbox.json');
    expect(Array.isArray(json.body.items)).toBe(true);
    const { createApp } = await import('../../server/app.js');
    const prod = createApp({ ...t.deps, config: { ...t.deps.config, production: true } }, { serveStatic: false });
    expect((await prod.request('http://localhost:3000/dev/mailbox')).status).toBe(404);
    expect((await prod.request('http://localhost:3000/dev/mailbox.json')).status).toBe(404);
  });
});
