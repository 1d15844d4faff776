/** Throttling of staff sign-in (SEC-01): the applicants' growing waits, under `staff:` keys of their own. */
import { recordFailure, throttleWait } from '../accounts/throttle.js';
import type { AppDeps } from '../context.js';
import { problem } from '../http/problem.js';

/** Throttle keys of a staff member's e-mail and the client address. */
export interface StaffThrottleKeys {
  account: string;
  ip: string;
}

/** The keys for an address and a client. */
export const staffThrottleKeys = (email: string, ip: string): StaffThrottleKeys => ({
  account: `staff:account:${email}`,
  ip: `staff:ip:${ip}`,
});

/** 429 with Retry-After while either key is blocked. */
export async function guardThrottle(deps: AppDeps, keys: StaffThrottleKeys, now: Date): Promise<void> {
  const db = deps.db.db;
  const wait = Math.max(await throttleWait(db, keys.account, now), await throttleWait(db, keys.ip, now));
  if (wait > 0) throw problem('too-many-requests', { headers: { 'retry-after': String(wait) } });
}

/** Counts a failure against the keys (the account only when known) and throws the 401 problem. */
export async function failAttempt(
  deps: AppDeps,
  keys: { account?: string; ip: string },
  now: Date,
  type: 'invalid-credentials' | 'invalid-code' | 'enrolment-code-invalid' | 'staff-challenge-invalid',
): Promise<never> {
  if (keys.account) await recordFailure(deps.db.db, keys.account, 'account', now);
  await recordFailure(deps.db.db, keys.ip, 'ip', now);
  throw problem(type);
}
