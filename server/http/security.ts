/** Request id, security headers (SEC-23), CORS for configured embedding origins and CSRF origin checks (SEC-21). */
import { randomUUID } from 'node:crypto';
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

/** Sets a request id and the headers every response carries. */
export function baseHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    c.set('requestId', given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID());
    await next();
    const h = c.res.headers;
    h.set('x-request-id', c.get('requestId'));
    h.set('x-content-type-options', 'nosniff');
    h.set('referrer-policy', 'no-referrer');
    h.set('cross-origin-opener-policy', 'same-origin');
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/dev/')) {
      h.set('cache-control', 'no-store');
      if (!h.has('content-security-policy')) h.set('content-security-policy', API_CSP);
    } else if (!h.has('content-security-policy')) {
      h.set('content-security-policy', PAGE_CSP);
    }
  };
}

/** The request's own origin (scheme + Host), i.e. same-origin pages. */
function selfOrigin(c: Context, publicUrl: string): string[] {
  const url = new URL(c.req.url);
  return [url.origin, new URL(publicUrl).origin];
}

/**
 * CORS for the API: only origins a jobcenter configured for embedding get CORS headers; `Origin: null` never.
 * State-changing requests from any other foreign origin are refused (cookie sessions cannot be ridden).
 */
export function apiCors(opts: { publicUrl: string; allowedOrigins: () => Promise<Set<string>> }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const foreign = origin !== undefined && !selfOrigin(c, opts.publicUrl).includes(origin);
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
