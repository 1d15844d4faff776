/**
 * The append-only, hash-chained audit log (SEC-40). Each row's hash covers the previous row's hash and the row
 * itself, so editing or deleting a row breaks the chain from there on. Appends run inside the caller's transaction:
 * the UPDATE of the chain-head row takes its row lock (PostgreSQL) or runs on SQLite's single writer, so two appends
 * can never read the same head and fork the chain. There is deliberately no update or delete code path here.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditLogTable } from './audit.table.js';

/** What an audit row records. Object ids only: never names, answers or other payload. */
export const AUDIT_ACTIONS = ['read', 'write', 'claim', 'assign', 'release', 'sign_in', 'reset_second_factor'] as const;
/** An audit action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** One entry to append. */
export interface AuditEntry {
  at: string;
  actorId: string;
  /** The actor's roles, comma-separated (e.g. "leistung,teamleitung"). */
  actorRole: string;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  requestId: string | null;
}

/** The hashed part of a row, with its keys in a fixed (sorted) order. */
function canonical(row: Omit<AuditLogTable, 'hash'>): string {
  return JSON.stringify({
    action: row.action,
    actor_id: row.actor_id,
    actor_role: row.actor_role,
    at: row.at,
    object_id: row.object_id ?? null,
    object_type: row.object_type,
    prev_hash: row.prev_hash,
    request_id: row.request_id ?? null,
    seq: Number(row.seq),
  });
}

/** sha256(prev_hash ‖ canonical JSON of the row without its hash), hex. */
export function auditHash(row: Omit<AuditLogTable, 'hash'>): string {
  return createHash('sha256').update(row.prev_hash).update(canonical(row)).digest('hex');
}

/** Appends one row inside `trx`; returns its seq. Call it last in the transaction: the head stays locked until commit. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<number> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq),
    at: entry.at,
    actor_id: entry.actorId,
    actor_role: entry.actorRole,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    request_id: entry.requestId,
    prev_hash: head.hash,
  };
  const hash = auditHash(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  return row.seq;
}

/** Result of a chain check; `firstBrokenSeq` is the first seq that cannot be verified. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBrokenSeq?: number;
  /** gap: a seq is missing; link: prev_hash differs; hash: the row was changed; head: the tail was cut off. */
  reason?: 'gap' | 'link' | 'hash' | 'head';
}

/**
 * Recomputes the chain up to the head read first (rows appended meanwhile are left for the next check):
 * seqs 1..n without gaps, each prev_hash equal to the hash before, each hash recomputed, the head's hash last.
 */
export async function verifyAuditChain(db: Kysely<Database>, batch = 1000): Promise<AuditVerification> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) return { ok: false, rows: 0, firstBrokenSeq: 1, reason: 'head' };
  const end = Number(head.seq);
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expected)
      .where('seq', '<=', end)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return { ok: false, rows: expected - 1, firstBrokenSeq: expected, reason: 'gap' };
      if (r.prev_hash !== prev) return { ok: false, rows: expected - 1, firstBrokenSeq: seq, reason: 'link' };
      if (auditHash(r) !== r.hash) return { ok: false, rows: expected - 1, firstBrokenSeq: seq, reason: 'hash' };
      prev = r.hash;
      expected++;
    }
    if (rows.length < batch) break;
  }
  // Rows before seq 1 are not part of any chain: a forged row there is reported too.
  const stray = await db.selectFrom('audit_log').select('seq').where('seq', '<', 1).limit(1).executeTakeFirst();
  if (stray) return { ok: false, rows: 0, firstBrokenSeq: Number(stray.seq), reason: 'gap' };
  if (expected - 1 !== end) return { ok: false, rows: expected - 1, firstBrokenSeq: expected, reason: expected - 1 < end ? 'gap' : 'head' };
  if (prev !== head.hash) return { ok: false, rows: end, firstBrokenSeq: end, reason: 'head' };
  return { ok: true, rows: end };
}
