/**
 * Exactly-once submissions (REL-03). The key is reserved in its own short transaction (a concurrent
 * duplicate sees it and gets 409), the work commits its result together with the key's response (a
 * retry replays it), and the same key with another payload gets 422. A reservation whose worker died
 * expires after LOCK_MS and may be taken over; the work's own unique constraint guards that race.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../context.js';
import { isUniqueViolation } from '../db/database.js';
import { problem } from '../http/problem.js';

const LOCK_MS = 60 * 1000;

/** A stored response. */
export interface StoredResponse {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** SHA-256 hex of a value's canonical JSON (object keys sorted). */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON with sorted object keys, so equal data always hashes equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** The request's Idempotency-Key header, validated; 400 when missing or malformed. */
export function idempotencyKey(c: Context): string {
  const key = c.req.header('idempotency-key');
  if (!key || !/^[A-Za-z0-9_.:-]{8,100}$/.test(key)) throw problem('idempotency-key-missing');
  return key;
}

/**
 * Runs `work` at most once per (account, scope, key). `work` gets a `complete` function it must call
 * inside its own transaction with the response, so result and key commit atomically.
 */
export async function once(
  deps: AppDeps,
  ids: { accountId: string; scope: string; key: string; requestHash: string },
  work: (complete: (trx: Transaction<Database>, status: number, body: unknown) => Promise<void>) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  const db = deps.db.db;
  const now = deps.clock.now();
  const lockedUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  const where = (q: any) =>
    q.where('account_id', '=', ids.accountId).where('scope', '=', ids.scope).where('key', '=', ids.key);

  try {
    await db
      .insertInto('idempotency_keys')
      .values({
        account_id: ids.accountId,
        scope: ids.scope,
        key: ids.key,
        request_hash: ids.requestHash,
        state: 'pending',
        locked_until: lockedUntil,
        status_code: null,
        response: null,
        created_at: now.toISOString(),
      })
      .execute();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await where(db.selectFrom('idempotency_keys').selectAll()).executeTakeFirst();
    if (!existing) throw problem('idempotency-in-progress', { headers: { 'retry-after': '1' } });
    if (existing.request_hash !== ids.requestHash) throw problem('idempotency-key-reused');
    if (existing.state === 'done') {
      return { status: Number(existing.status_code), body: JSON.parse(existing.response), replayed: true };
    }
    if (Date.parse(existing.locked_until) > now.getTime()) {
      throw problem('idempotency-in-progress', { headers: { 'retry-after': '1' } });
    }
    const taken = await where(db.updateTable('idempotency_keys').set({ locked_until: lockedUntil }))
      .where('state', '=', 'pending')
      .where('locked_until', '=', existing.locked_until)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw problem('idempotency-in-progress', { headers: { 'retry-after': '1' } });
  }

  const complete = async (trx: Transaction<Database>, status: number, body: unknown) => {
    await where(
      trx.updateTable('idempotency_keys').set({ state: 'done', status_code: status, response: JSON.stringify(body) }),
    ).execute();
  };
  try {
    return await work(complete);
  } catch (err) {
    // Free the key so the client's retry can run the work again.
    await where(db.deleteFrom('idempotency_keys')).where('state', '=', 'pending').execute().catch(() => undefined);
    throw err;
  }
}

/** Type helper so callers can pass a plain Kysely where a transaction is expected in tests. */
export type Trx = Transaction<Database> | Kysely<Database>;
