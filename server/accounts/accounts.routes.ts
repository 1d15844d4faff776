/** Routes of accounts and sessions: sign-up, confirmation, sign-in, session, sign-out. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { confirmInput, resendInput, signInInput, signUpInput } from '../../domain/account.js';
import type { AppDeps, AppEnv } from '../context.js';
import { jsonBody, fieldProblem } from '../http/validate.js';
import { clearSessionCookie, endSession, setSessionCookie } from '../sessions/sessions.service.js';
import { confirmEmail, resendConfirmation, signIn, signUp } from './accounts.service.js';
import { isWeakPassword } from './password.js';

/** The client address for throttling: X-Forwarded-For only behind a trusted proxy. */
export function clientIp(c: Context, deps: AppDeps): string {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Builds the accounts sub-app (mounted at /api). */
export function accountsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/accounts', async (c) => {
      const input = await jsonBody(c, signUpInput);
      if (isWeakPassword(input.password, input.email)) fieldProblem(c, 'password', 'password_common');
      await signUp(deps, input);
      return c.json({ status: 'confirmation_sent' as const }, 202);
    })
    .post('/accounts/confirm', async (c) => {
      const { token } = await jsonBody(c, confirmInput);
      const s = c.get('session');
      const result = await confirmEmail(deps, token, s && { tokenHash: s.tokenHash, accountId: s.accountId, transport: s.transport });
      if (result.rotated?.transport === 'cookie') setSessionCookie(c, deps, result.rotated.token);
      return c.json(
        {
          account: result.account,
          ...(result.rotated ? { expiresAt: result.rotated.expiresAt } : {}),
          ...(result.rotated?.transport === 'bearer' ? { token: result.rotated.token } : {}),
        },
        200,
      );
    })
    .post('/accounts/resend-confirmation', async (c) => {
      const { email, lang } = await jsonBody(c, resendInput);
      await resendConfirmation(deps, email, lang);
      return c.json({ status: 'confirmation_sent' as const }, 202);
    })
    .post('/sessions', async (c) => {
      const input = await jsonBody(c, signInInput);
      const s = await signIn(deps, input, clientIp(c, deps), c.get('session')?.tokenHash);
      if (input.transport === 'cookie') setSessionCookie(c, deps, s.token);
      return c.json(
        { account: s.account, expiresAt: s.expiresAt, ...(input.transport === 'bearer' ? { token: s.token } : {}) },
        200,
      );
    })
    .get('/session', (c) => {
      // "Not signed in" is a normal answer here, not an error: every portal page asks on load.
      const s = c.get('session');
      if (!s) return c.body(null, 204);
      return c.json(
        {
          account: { id: s.accountId, email: s.email, level: s.level, emailConfirmed: s.emailConfirmed },
          expiresAt: s.expiresAt,
        },
        200,
      );
    })
    .delete('/session', async (c) => {
      const s = c.get('session');
      if (s) await endSession(deps, s.tokenHash);
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    });
}
