/** ETag and If-Match for optimistic concurrency (REL-02): the ETag is the version, `"<version>"`. */
import type { Context } from 'hono';
import { problem } from '../http/problem.js';

/** The strong ETag of a version. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version the client read, from If-Match; 428 when missing. A weak or `*` validator cannot prove which
 * version was read, so it counts as missing too.
 */
export function ifMatchVersion(c: Context): number {
  const raw = c.req.header('if-match')?.trim();
  const m = raw ? /^"?(\d{1,9})"?$/.exec(raw) : null;
  if (!m) {
    throw problem('precondition-required', {
      detail: raw ? 'If-Match muss das ETag sein, das Sie gelesen haben, z. B. "3".' : 'Der Header If-Match fehlt.',
    });
  }
  return Number(m[1]);
}
