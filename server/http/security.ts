/** Request id, security headers (SEC-23), CORS for configured embedding origins and CSRF origin checks (SEC-21). */
import { randomUUID } from 'node:crypto';
import { type OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { problem } from './problem.js';

/** CSP of the demo pages and anything else served as HTML: scripts only from this origin. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
// Headers every response carries: they replace whatever a handler set under the same name.
const ALWAYS = ['x-request-id', 'x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy'] as const;
const ALWAYS_API = [...ALWAYS, 'cache-control'] as const;

/** True for paths with personal data or dev tools: no caching, the API CSP. */
const isApiPath = (path: string) => path.startsWith('/api/') || path.startsWith('/dev/');

/**
 * Sets a request id and the headers every response carries. Behind the Node adapter they are merged into the
 * plain header object it hands to `writeHead`: touching `c.res.headers` would turn the adapter's light response
 * into a web `Headers` object, which costs more than the rest of a small API request (PERF-02). Elsewhere
 * (`app.request` in tests, other runtimes) they are set on `c.res.headers`; both ways give the same headers.
 */
export function baseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    await next();
    const api = isApiPath(c.req.path);
    const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
    if (outgoing instanceof ServerResponse && !outgoing.headersSent) {
      mergeOnWriteHead(outgoing, requestId, api);
      return;
    }
    const h = c.res.headers;
    h.set('x-request-id', requestId);
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    if (api) {
      h.set('cache-control', 'no-store');
      if (!h.has('content-security-policy')) h.set('content-security-policy', API_CSP);
    } else if (!h.has('content-security-policy')) {
      h.set('content-security-policy', PAGE_CSP);
    }
  };
}

/** Adds the base headers to the next `writeHead` of `res`, with the same precedence as `baseHeaders` on `c.res`. */
function mergeOnWriteHead(res: ServerResponse, requestId: string, api: boolean): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    res.writeHead = writeHead;
    // writeHead(status[, statusMessage][, headers]); the Node adapter passes the headers as a plain object.
    const last = rest.at(-1);
    const given = last !== null && typeof last === 'object' ? (last as OutgoingHttpHeaders | unknown[]) : undefined;
    const headers = withBaseHeaders(Array.isArray(given) ? fromRaw(given) : given, requestId, api);
    const args = given ? [...rest.slice(0, -1), headers] : [...rest, headers];
    return writeHead.call(this, status, ...(args as [OutgoingHttpHeaders]));
  } as ServerResponse['writeHead'];
}

/** A handler's headers plus the base headers; names are case-insensitive, ours replace a handler's (as `Headers#set`). */
function withBaseHeaders(given: OutgoingHttpHeaders | undefined, requestId: string, api: boolean): OutgoingHttpHeaders {
  const replaced: readonly string[] = api ? ALWAYS_API : ALWAYS;
  const headers: OutgoingHttpHeaders = {};
  let csp = false;
  for (const name in given) {
    const lower = name.toLowerCase();
    if (replaced.includes(lower)) continue;
    if (lower === 'content-security-policy') csp = true;
    headers[name] = given[name];
  }
  headers['x-request-id'] = requestId;
  headers['x-content-type-options'] = 'nosniff';
  headers['referrer-policy'] = 'no-referrer';
  headers['cross-origin-opener-policy'] = 'same-origin';
  if (api) headers['cache-control'] = 'no-store';
  if (!csp) headers['content-security-policy'] = api ? API_CSP : PAGE_CSP;
  return headers;
}

/** Raw `writeHead` headers (`[[name, value], …]` or `[name, value, …]`) as an object; repeated names become lists. */
function fromRaw(raw: unknown[]): OutgoingHttpHeaders {
  const pairs = (Array.isArray(raw[0]) ? raw : raw.flatMap((v, i) => (i % 2 ? [] : [[v, raw[i + 1]]]))) as [string, string][];
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const before = headers[name];
    headers[name] = before === undefined ? value : [before, value].flat();
  }
  return headers;
}

/** True if `origin` is the request's own (scheme + Host) or the public URL's: same-origin pages. */
function isSelfOrigin(c: Context, origin: string, publicOrigin: string): boolean {
  return origin === publicOrigin || origin === new URL(c.req.url).origin;
}

/**
 * CORS for the API: only origins a jobcenter configured for embedding get CORS headers; `Origin: null` never.
 * State-changing requests from any other foreign origin are refused (cookie sessions cannot be ridden).
 */
export function apiCors(opts: { publicUrl: string; allowedOrigins: () => Promise<Set<string>> }): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(opts.publicUrl).origin;
  return async (c, next) => {
    const origin = c.req.header('origin');
    // Without an Origin header there is nothing to allow or refuse (only a preflight is refused, below).
    if (origin === undefined && c.req.method !== 'OPTIONS') return next();
    const foreign = origin !== undefined && !isSelfOrigin(c, origin, publicOrigin);
    const allowed = foreign && origin !== 'null' && (await opts.allowedOrigins()).has(origin);
    if (c.req.method === 'OPTIONS') {
      if (!allowed) throw problem('forbidden', { detail: 'Origin is not allowed to embed these widgets.' });
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'content-type, authorization, idempotency-key, if-match, accept-language',
        'access-control-expose-headers': 'etag, location, retry-after, x-request-id, x-content-sha256',
        'access-control-max-age': '600',
        vary: 'origin',
      });
    }
    if (foreign && !allowed && UNSAFE.has(c.req.method)) {
      throw problem('forbidden', { detail: 'Origin is not allowed to embed these widgets.' });
    }
    await next();
    if (allowed) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'etag, location, retry-after, x-request-id, x-content-sha256');
      c.res.headers.append('vary', 'origin');
    }
  };
}

/** Caches a loader's result for a while (allowed origins change rarely; a DB read per request is waste). */
export function cached<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let value: Promise<T> | undefined;
  let at = 0;
  return () => {
    if (!value || Date.now() - at > ttlMs) {
      at = Date.now();
      value = load().catch((err) => {
        value = undefined;
        throw err;
      });
    }
    return value;
  };
}
