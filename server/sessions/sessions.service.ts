/** Sessions (SEC-02): opaque 256-bit tokens stored as SHA-256, idle 30 min, absolute 12 h, rotation, revocation. */
import { createHash, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv, SessionInfo } from '../context.js';
import { problem } from '../http/problem.js';
import { findSessionWithAccount, insertSession, revokeSession, touchSession } from './sessions.repository.js';

/** Idle timeout. */
export const IDLE_MS = 30 * 60 * 1000;
/** Absolute lifetime. */
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Writing last_seen on every request would make every read a write; a minute of slack is harmless.
const TOUCH_EVERY_MS = 60 * 1000;

/** SHA-256 hex of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Cookie name: `__Host-` needs Secure, which browsers honour on https and on localhost. */
export function cookieName(deps: AppDeps): string {
  return secureCookies(deps) ? '__Host-jc_session' : 'jc_session';
}

const secureByUrl = new Map<string, boolean>();
/** True when cookies can carry Secure (https, or localhost where browsers honour it). */
export function secureCookies(deps: AppDeps): boolean {
  let secure = secureByUrl.get(deps.config.publicUrl);
  if (secure === undefined) {
    const url = new URL(deps.config.publicUrl);
    secure = url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    secureByUrl.set(deps.config.publicUrl, secure);
  }
  return secure;
}

/** Creates a session at the given level; returns the raw token (only ever seen by the client). */
export async function createSession(
  deps: AppDeps,
  accountId: string,
  level: number,
  transport: 'cookie' | 'bearer',
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ABSOLUTE_MS).toISOString();
  await insertSession(deps.db.db, {
    token_hash: hashToken(token),
    account_id: accountId,
    level,
    transport,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    revoked_at: null,
  });
  return { token, expiresAt };
}

/** Sets the session cookie (HttpOnly, SameSite=Strict, Secure where possible, Path=/). */
export function setSessionCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, cookieName(deps), token, {
    httpOnly: true,
    secure: secureCookies(deps),
    sameSite: 'Strict',
    path: '/',
    maxAge: ABSOLUTE_MS / 1000,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, cookieName(deps), { path: '/', secure: secureCookies(deps) });
}

/** The raw token of the request: Authorization Bearer first (cross-origin embedding), then the cookie. */
export function requestToken(c: Context, deps: AppDeps): { token: string; via: 'bearer' | 'cookie' } | null {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(auth);
    return m ? { token: m[1], via: 'bearer' } : null;
  }
  const cookie = getCookie(c, cookieName(deps));
  return cookie && /^[A-Za-z0-9_-]{20,100}$/.test(cookie) ? { token: cookie, via: 'cookie' } : null;
}

/** Middleware: resolves the session (or null) into `c.var.session`; expired sessions count as none. */
export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await resolveSession(c, deps);
    await next();
  };
}

/**
 * Sets `c.var.session` to the request's live session or null. Without a token it returns synchronously (no
 * promise to wait for): the API middleware runs this on every request (PERF-02).
 */
export function resolveSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> | undefined {
  c.set('session', null);
  const presented = requestToken(c, deps);
  return presented ? lookUpSession(c, deps, presented) : undefined;
}

/** Looks the presented token up; sets the session when it is live, touching it at most once a minute. */
async function lookUpSession(c: Context<AppEnv>, deps: AppDeps, presented: { token: string; via: 'bearer' | 'cookie' }) {
  const tokenHash = hashToken(presented.token);
  const row = await findSessionWithAccount(deps.db.db, tokenHash);
  if (!row || row.revoked_at || row.transport !== presented.via) return;
  const now = deps.clock.now().getTime();
  const expires = Date.parse(row.expires_at);
  const idle = now - Date.parse(row.last_seen_at);
  if (now >= expires || idle >= IDLE_MS) return;
  if (idle > TOUCH_EVERY_MS) await touchSession(deps.db.db, tokenHash, new Date(now).toISOString());
  const info: SessionInfo = {
    tokenHash,
    accountId: row.account_id,
    email: row.email,
    level: Number(row.level),
    emailConfirmed: row.email_confirmed_at !== null,
    expiresAt: new Date(Math.min(expires, now + IDLE_MS)).toISOString(),
    transport: row.transport as 'cookie' | 'bearer',
  };
  c.set('session', info);
}

/** The current session or a 401 problem. */
export function requireSession(c: Context<AppEnv>): SessionInfo {
  const session = c.get('session');
  if (!session) throw problem('unauthenticated');
  return session;
}

/** The current session if its level is at least `level`, else 401/403 with a step-up hint (SEC-03). */
export function requireLevel(c: Context<AppEnv>, level: number): SessionInfo {
  const session = requireSession(c);
  if (session.level < level) {
    throw problem('level-too-low', {
      requiredLevel: level,
      detail: session.emailConfirmed
        ? 'Ihre E-Mail-Adresse ist bestätigt. Bitte melden Sie sich erneut an, um Sicherheitsstufe 1 zu nutzen.'
        : 'Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in unserer E-Mail.',
    });
  }
  return session;
}

/** Ends a session (sign-out). */
export async function endSession(deps: AppDeps, tokenHash: string): Promise<void> {
  await revokeSession(deps.db.db, tokenHash, deps.clock.now().toISOString());
}
