import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, type AuditEntry, auditHash, GENESIS_HASH, verifyAuditChain } from '../../server/audit/audit.js';
import type { Db } from '../../server/db/database.js';
import { DIALECTS, openTestDb } from './harness.js';

const run = promisify(execFile);

const entry = (i: number): AuditEntry => ({
  at: new Date(Date.UTC(2026, 10, 25, 12, 0, i)).toISOString(),
  actorId: `staff-${i % 3}`,
  actorRole: 'leistung',
  action: i % 2 ? 'claim' : 'read',
  objectType: 'work_item',
  objectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  requestId: `req-${i}`,
});

async function append(db: Db, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) await db.db.transaction().execute((trx) => appendAudit(trx, entry(i)));
}

/** Runs scripts/audit-verify.ts against the test database; returns its exit code and output. */
async function verifyScript(db: Db): Promise<{ code: number; out: string }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>) };
  if (db.dialect === 'sqlite') {
    const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db.db);
    env.DATABASE_URL = rows[0].file;
  } else {
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db.db);
    env.DATABASE_URL = process.env.TEST_DATABASE_URL!;
    env.DATABASE_SCHEMA = rows[0].s;
  }
  try {
    const r = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each(DIALECTS)('audit log (SEC-40) on %s', (dialect) => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDb(dialect);
  });
  afterEach(() => db.close());

  it('chains each row to the one before and verifies', async () => {
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 0 });
    await append(db, 5);
    const rows = await db.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows[2].hash).toBe(auditHash({ ...rows[2] }));
    expect(await verifyAuditChain(db.db, 2)).toEqual({ ok: true, rows: 5 });
  });

  it('a manual edit of row 2 breaks the chain at seq 2; the check command exits 1', async () => {
    await append(db, 4);
    expect(await verifyScript(db)).toMatchObject({ code: 0 });
    await sql`update audit_log set actor_id = 'x' where seq = 2`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 1, firstBrokenSeq: 2, reason: 'hash' });
    const script = await verifyScript(db);
    expect(script.code).toBe(1);
    expect(script.out).toContain('BROKEN at seq 2');
  });

  it('an edit that also recomputes the row hash breaks the link of the next row', async () => {
    await append(db, 4);
    const row = await db.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, actor_id: 'x' };
    await sql`update audit_log set actor_id = 'x', hash = ${auditHash(forged)} where seq = 2`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'link' });
  });

  it('deleting a row in the middle or at the end fails the check', async () => {
    await append(db, 5);
    // Cut-off tail: the chain head still names seq 5.
    await sql`delete from audit_log where seq = 5`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 4, firstBrokenSeq: 5, reason: 'gap' });
    await sql`delete from audit_log where seq = 3`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: false, rows: 2, firstBrokenSeq: 3, reason: 'gap' });
  });

  it('a forged row before the chain is reported', async () => {
    await append(db, 2);
    await sql`insert into audit_log (seq, at, actor_id, actor_role, action, object_type, object_id, request_id, prev_hash, hash)
      values (0, '2026-01-01T00:00:00.000Z', 'x', 'leistung', 'read', 'work_item', null, null, ${GENESIS_HASH}, ${GENESIS_HASH})`.execute(db.db);
    expect(await verifyAuditChain(db.db)).toMatchObject({ ok: false, firstBrokenSeq: 0 });
  });

  it('20 parallel appends stay one chain (no fork, no gap, no duplicate seq)', async () => {
    await append(db, 3);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.db.transaction().execute(async (trx) => {
          // Some work before the append, as a real write does (the item update).
          await trx.selectFrom('work_items').select('id').limit(1).execute();
          return appendAudit(trx, entry(100 + i));
        }),
      ),
    );
    const rows = await db.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(23);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 23 });
    const head = await db.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: 23, hash: rows[22].hash });
  });

  it('a rolled-back transaction leaves neither a row nor a moved head', async () => {
    await append(db, 2);
    await expect(
      db.db.transaction().execute(async (trx) => {
        await appendAudit(trx, entry(9));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await append(db, 1, 3);
    expect(await verifyAuditChain(db.db)).toEqual({ ok: true, rows: 3 });
  });
});
