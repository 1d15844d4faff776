/**
 * Request size limit. With a Content-Length header the header decides (no body is touched, so the Node
 * adapter can read the body directly later); only chunked bodies go through Hono's counting limit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** A limit of `maxSize` bytes; `tooLarge` builds the exception thrown when it is exceeded. */
export function sizeLimit(maxSize: number, tooLarge: () => Error): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError: () => { throw tooLarge(); } });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && !c.req.header('transfer-encoding')) {
      if (!/^\d+$/.test(length) || Number(length) > maxSize) throw tooLarge();
      return next();
    }
    return counting(c, next);
  };
}
