/**
 * Staff sessions (SEC-02): their own table and cookie, never interchangeable with applicant sessions. Opaque
 * 256-bit tokens stored as SHA-256, idle 30 min, absolute 12 h, a new token at every sign-in, revoked at sign-out.
 */
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { STAFF_ROLES, type StaffRole } from '../../domain/staff.js';
import type { AppDeps, AppEnv, StaffInfo } from '../context.js';
import { ABSOLUTE_MS, IDLE_MS, hashToken, secureCookies } from '../sessions/sessions.service.js';
import { findStaffSession, insertStaffSession, revokeStaffSession, touchStaffSession } from './staff.repository.js';

const TOUCH_EVERY_MS = 60 * 1000;

/** Cookie name: `__Host-jc_staff` where Secure is possible, else `jc_staff` (plain-http development). */
export function staffCookieName(deps: AppDeps): string {
  return secureCookies(deps) ? '__Host-jc_staff' : 'jc_staff';
}

/** Parses the roles column, keeping only known roles (a stray value never grants anything). */
export function parseRoles(json: string): StaffRole[] {
  try {
    const roles: unknown = JSON.parse(json);
    return Array.isArray(roles) ? roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(r)) : [];
  } catch {
    return [];
  }
}

/** Creates a staff session; returns the raw token (only ever seen by the browser, as a cookie). */
export async function createStaffSession(deps: AppDeps, staffId: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  await insertStaffSession(deps.db.db, {
    token_hash: hashToken(token),
    staff_id: staffId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ABSOLUTE_MS).toISOString(),
    revoked_at: null,
  });
  // What the client should expect: the idle timeout ends the session first unless it stays active.
  return { token, expiresAt: new Date(now.getTime() + IDLE_MS).toISOString() };
}

/** Sets the staff cookie (HttpOnly, SameSite=Strict, Secure where possible, Path=/). */
export function setStaffCookie(c: Context, deps: AppDeps, token: string): void {
  setCookie(c, staffCookieName(deps), token, {
    httpOnly: true,
    secure: secureCookies(deps),
    sameSite: 'Strict',
    path: '/',
    maxAge: ABSOLUTE_MS / 1000,
  });
}

/** Removes the staff cookie. */
export function clearStaffCookie(c: Context, deps: AppDeps): void {
  deleteCookie(c, staffCookieName(deps), { path: '/', secure: secureCookies(deps) });
}

/** The hash of the presented staff token, or null. */
function presentedHash(c: Context, deps: AppDeps): string | null {
  const name = staffCookieName(deps);
  // Most /api requests carry no staff cookie: skip parsing the Cookie header when the name does not occur in it.
  if (!c.req.header('cookie')?.includes(name)) return null;
  const cookie = getCookie(c, name);
  return cookie && /^[A-Za-z0-9_-]{20,100}$/.test(cookie) ? hashToken(cookie) : null;
}

/** Middleware: resolves the staff cookie into `c.var.staff` (or null); no query at all without the cookie. */
export function staffSessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await resolveStaffSession(c, deps);
    await next();
  };
}

/** Sets `c.var.staff` to the signed-in staff member or null; synchronous (no promise) without a staff cookie. */
export function resolveStaffSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> | undefined {
  c.set('staff', null);
  const tokenHash = presentedHash(c, deps);
  return tokenHash ? lookUpStaffSession(c, deps, tokenHash) : undefined;
}

/** Looks the staff token up; sets `c.var.staff` when the session is live, touching it at most once a minute. */
async function lookUpStaffSession(c: Context<AppEnv>, deps: AppDeps, tokenHash: string) {
  const row = await findStaffSession(deps.db.db, tokenHash);
  const now = deps.clock.now().getTime();
  if (row && !row.revoked_at && now < Date.parse(row.expires_at) && now - Date.parse(row.last_seen_at) < IDLE_MS) {
    if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
      await touchStaffSession(deps.db.db, tokenHash, new Date(now).toISOString());
    }
    const info: StaffInfo = {
      id: row.staff_id,
      name: row.name,
      email: row.email,
      jobcenterId: row.jobcenter_id,
      roles: parseRoles(row.roles),
      tokenHash,
      expiresAt: new Date(Math.min(Date.parse(row.expires_at), now + IDLE_MS)).toISOString(),
    };
    c.set('staff', info);
  }
}

/** The hash of the staff token the request carries, valid or not (sign-in revokes it: rotation). */
export function presentedStaffTokenHash(c: Context, deps: AppDeps): string | null {
  return c.get('staff')?.tokenHash ?? presentedHash(c, deps);
}

/** Ends a staff session (sign-out). */
export async function endStaffSession(deps: AppDeps, tokenHash: string): Promise<void> {
  await revokeStaffSession(deps.db.db, tokenHash, deps.clock.now().toISOString());
}
