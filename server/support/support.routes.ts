/** 1st-level support routes (role `support` only, others 403): account state by e-mail, resend, unlock. */
import { Hono, type Context } from 'hono';
import { supportQuery } from '../../domain/person.js';
import type { AppDeps, AppEnv } from '../context.js';
import { problem } from '../http/problem.js';
import { jsonBody } from '../http/validate.js';
import { requireStaff } from '../staff/staff.auth.js';
import { lookUpAccount, resendForSupport, unlockForSupport, type SupportCall } from './support.service.js';

const ID = /^[0-9a-f-]{36}$/;

function call(c: Context<AppEnv>): SupportCall {
  return { staff: requireStaff(c, ['support']), requestId: c.get('requestId') };
}

function accountId(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!ID.test(id)) throw problem('not-found');
  return id;
}

/** Builds the support sub-app (mounted at /api). */
export function supportRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    // POST, not GET with ?email=: no personal data in URLs (SEC-42), not even in a proxy's log.
    .post('/support/accounts/lookup', async (c) => {
      const who = call(c);
      const { email } = await jsonBody(c, supportQuery);
      const account = await lookUpAccount(deps, who, email);
      c.header('cache-control', 'no-store');
      return c.json({ account }, 200);
    })
    .post('/support/accounts/:id/resend-confirmation', async (c) => {
      const who = call(c);
      await resendForSupport(deps, who, accountId(c));
      return c.json({ status: 'confirmation_sent' as const }, 202);
    })
    .post('/support/accounts/:id/unlock', async (c) => {
      const who = call(c);
      await unlockForSupport(deps, who, accountId(c));
      return c.json({ status: 'unlocked' as const }, 200);
    });
}
