/**
 * Sign-in throttling per account and per client address (SEC-01): growing waits instead of a permanent
 * lock-out, so an attacker cannot lock a person out of her account for good.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { clearThrottle, findThrottle, saveThrottle } from './accounts.repository.js';

const WINDOW_MS = 15 * 60 * 1000;
/** Free failures before waits begin, per kind of key. */
const FREE = { account: 5, ip: 50 } as const;
const MAX_WAIT_MS = 15 * 60 * 1000;

/** Seconds to wait before the next attempt, or 0. */
export async function throttleWait(db: Kysely<Database>, key: string, now: Date): Promise<number> {
  const row = await findThrottle(db, key);
  if (!row?.blocked_until) return 0;
  const ms = Date.parse(row.blocked_until) - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Counts a failure; from the free limit on, each failure doubles the wait (30 s, 60 s … 15 min). */
export async function recordFailure(db: Kysely<Database>, key: string, kind: keyof typeof FREE, now: Date) {
  const row = await findThrottle(db, key);
  const fresh = !row || now.getTime() - Date.parse(row.window_start) > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const over = failures - FREE[kind];
  const blockedUntil = over > 0 ? new Date(now.getTime() + Math.min(30_000 * 2 ** (over - 1), MAX_WAIT_MS)) : null;
  await saveThrottle(db, {
    key,
    failures,
    window_start: fresh ? now.toISOString() : row.window_start,
    blocked_until: blockedUntil?.toISOString() ?? null,
  });
}

/** Forgets failures after a successful sign-in. */
export async function recordSuccess(db: Kysely<Database>, key: string): Promise<void> {
  await clearThrottle(db, key);
}
