/** Body limits of the ADE routes that need more than the API's default: autosave and evidence uploads. */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../context.js';
import { sizeLimit } from '../http/body-limit.js';
import { problem } from '../http/problem.js';
import { mib, MULTIPART_OVERHEAD_BYTES, uploadLimits } from '../uploads/policy.js';

/** A whole Hauptantrag with Anlagen and 20 household members fits easily; more is not an application. */
export const ANSWERS_MAX_BYTES = 256 * 1024;

const ANSWERS = /^\/api\/applications\/[^/]+\/answers$/;
// ADE evidence and the OAP's certificate evidence (server/oap/oap.uploads.ts) share the upload limits.
const UPLOAD = /^\/api\/(?:applications\/[^/]+|oap\/cv)\/evidence\/[^/]+\/documents$/;

const answersLimit = sizeLimit(ANSWERS_MAX_BYTES, () => problem('payload-too-large'));

/** The limit middleware for this request, or undefined to use the app's default. */
export function applicationBodyLimit(deps: AppDeps): (c: Context) => MiddlewareHandler | undefined {
  return (c) => {
    if (c.req.method === 'PUT' && ANSWERS.test(c.req.path)) return answersLimit;
    if (c.req.method === 'POST' && UPLOAD.test(c.req.path)) {
      const { maxFileBytes } = uploadLimits(deps);
      return sizeLimit(maxFileBytes + MULTIPART_OVERHEAD_BYTES, () =>
        problem('file-too-large', { detail: `Eine Datei darf höchstens ${mib(maxFileBytes)} groß sein.` }),
      );
    }
    return undefined;
  };
}
