/** Serves the demo portal, the widget bundles and the themes from disk, safely. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

/** Repository root (server/ is one level below). */
export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves files of `dir` under the URL prefix. `crossOrigin` marks public assets (widget bundles, themes)
 * other sites may load as module scripts or stylesheets.
 */
export function serveDir(prefix: string, dir: string, opts: { crossOrigin?: boolean; index?: string } = {}): MiddlewareHandler {
  const base = resolve(ROOT, dir);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return next();
    }
    if (rel === '' || rel.endsWith('/')) rel += opts.index ?? 'index.html';
    if (rel.includes('\0')) return next();
    const file = normalize(join(base, rel));
    if (!file.startsWith(base + sep)) return next();
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return next();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-cache' };
    if (opts.crossOrigin) {
      headers['access-control-allow-origin'] = '*';
      headers['cross-origin-resource-policy'] = 'cross-origin';
    }
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  };
}
