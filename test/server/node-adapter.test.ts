/**
 * Behind the Node adapter the base headers are merged into `writeHead` instead of being set on `c.res.headers`
 * (PERF-02, server/http/security.ts). Both ways must answer byte for byte the same: every request here goes once
 * through `app.request` and once through a real `@hono/node-server` listener, and status, headers and body match.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../server/context.js';
import { baseHeaders } from '../../server/http/security.js';
import { type Agent, applicant, createTestApp, DIALECTS, staffAgent, type TestApp } from './harness.js';

/** Set by the transport, not by the app. */
const TRANSPORT = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Seen {
  status: number;
  headers: [string, string][];
  body: string;
}

async function seen(res: Response): Promise<Seen> {
  const headers = [...res.headers].filter(([k]) => !TRANSPORT.has(k) && k !== 'set-cookie');
  for (const c of res.headers.getSetCookie()) headers.push(['set-cookie', c]);
  headers.sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return { status: res.status, headers, body: await res.text() };
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, server: server as Server }),
    );
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

type Case = [name: string, path: string, init?: RequestInit];

/** Sends `init` to `path` in-process and over HTTP; both answers, comparable. */
async function both(app: { request: (url: string, init?: RequestInit) => Response | Promise<Response> }, url: string, path: string, init: RequestInit = {}) {
  const inProcess = await seen(await app.request(`http://localhost:3000${path}`, init));
  const overHttp = await seen(await fetch(`${url}${path}`, { ...init, redirect: 'manual' }));
  return { inProcess, overHttp };
}

describe.each(DIALECTS)('Node adapter answers as app.request on %s', (dialect) => {
  let t: TestApp;
  let http: { url: string; server: Server };
  let person: Agent;
  let staff: Agent;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    person = await applicant(t);
    staff = await staffAgent(t, { email: 'admin@musterstadt.example' });
    // A standing clock: both answers carry the same expiry times.
    const fixed = t.clock.now();
    t.clock.now = () => new Date(fixed);
    http = await listen(t.app.fetch);
  });
  afterAll(async () => {
    await close(http.server);
    await t.close();
  });

  const id = { 'x-request-id': 'req-0123456789abcdef' };
  const cases = (): Case[] => [
    ['health', '/health', { headers: id }],
    ['HEAD health', '/health', { method: 'HEAD', headers: id }],
    ['applicant session', '/api/session', { headers: { ...id, cookie: person.cookie! } }],
    ['no session', '/api/session', { headers: id }],
    ['malformed bearer', '/api/session', { headers: { ...id, authorization: 'Bearer nope' } }],
    ['staff session', '/api/staff/session', { headers: { ...id, cookie: staff.cookie! } }],
    ['both cookies', '/api/session', { headers: { ...id, cookie: `${person.cookie}; ${staff.cookie}` } }],
    ['unauthenticated', '/api/applications', { headers: id }],
    ['not found', '/api/nothing-here', { headers: id }],
    ['page outside the API', '/nothing-here', { headers: id }],
    ['wrong content type', '/api/sessions', { method: 'POST', headers: { ...id, 'content-type': 'text/plain' }, body: 'x' }],
    ['too large', '/api/sessions', { method: 'POST', headers: { ...id, 'content-type': 'application/json' }, body: 'x'.repeat(70 * 1024) }],
    ['preflight allowed', '/api/sessions', { method: 'OPTIONS', headers: { ...id, origin: 'https://portal.example', 'access-control-request-method': 'POST' } }],
    ['preflight refused', '/api/sessions', { method: 'OPTIONS', headers: { ...id, origin: 'https://evil.example' } }],
    ['CORS read', '/api/jobcenters/musterstadt', { headers: { ...id, origin: 'https://portal.example' } }],
    ['same origin', '/api/jobcenters/musterstadt', { headers: { ...id, origin: 'http://localhost:3000' } }],
    ['dev mailbox page', '/dev/mailbox', { headers: id }],
    ['sign-out without session', '/api/session', { method: 'DELETE', headers: id }],
  ];

  it('gives the same status, headers and body for every kind of answer', async () => {
    for (const [name, path, init] of cases()) {
      const { inProcess, overHttp } = await both(t.app, http.url, path, init);
      expect(overHttp, name).toEqual(inProcess);
      expect(overHttp.headers.find(([k]) => k === 'x-request-id')?.[1], name).toBe(id['x-request-id']);
    }
  });

  it('makes a request id when none (or a bad one) is given', async () => {
    for (const given of [undefined, 'bad id!']) {
      const headers: Record<string, string> = given ? { 'x-request-id': given } : {};
      const { inProcess, overHttp } = await both(t.app, http.url, '/api/session', { headers: { ...headers, cookie: person.cookie! } });
      const strip = (s: Seen) => ({ ...s, headers: s.headers.filter(([k]) => k !== 'x-request-id') });
      expect(strip(overHttp)).toEqual(strip(inProcess));
      expect(overHttp.headers.find(([k]) => k === 'x-request-id')?.[1]).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('base headers replace or keep a handler’s own headers the same way on both paths', () => {
  const app = new Hono<AppEnv>();
  app.use('*', baseHeaders());
  // Mixed-case names and values the base headers replace (or keep, for a handler's own CSP). The content type is
  // given because the adapter adds a default one where `app.request` adds none (its own rule, not ours).
  app.get('/api/own', (c) =>
    c.body('x', 200, {
      'Content-Type': 'text/plain; charset=UTF-8',
      'Cache-Control': 'max-age=60',
      'X-Request-Id': 'handler',
      'Content-Security-Policy': "default-src 'self'",
    }),
  );
  app.get('/page', (c) => c.html('<p>x</p>', 200, { 'cache-control': 'no-cache', 'Referrer-Policy': 'origin' }));
  app.get('/api/cookies', (c) => {
    c.header('set-cookie', 'a=1', { append: true });
    c.header('set-cookie', 'b=2', { append: true });
    return c.json({ ok: true });
  });
  app.get('/api/empty', (c) => c.body(null, 204));
  app.get('/api/stream', (c) => c.body(new ReadableStream({ start: (s) => (s.enqueue(new TextEncoder().encode('chunk')), s.close()) })));
  app.get('/api/fails', () => {
    throw new Error('boom');
  });
  app.onError((_err, c) => c.json({ error: true }, 500));
  let http: { url: string; server: Server };
  beforeAll(async () => {
    http = await listen(app.fetch);
  });
  afterAll(() => close(http.server));

  it.each(['/api/own', '/page', '/api/cookies', '/api/empty', '/api/stream', '/api/fails', '/missing'])('%s', async (path) => {
    const init = { headers: { 'x-request-id': 'req-0123456789abcdef' } };
    const { inProcess, overHttp } = await both(app, http.url, path, init);
    expect(overHttp).toEqual(inProcess);
  });
});
