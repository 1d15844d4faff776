/**
 * REL-07: `npm run backup` makes a consistent backup while the app writes; `npm run restore` into a fresh
 * database/schema gives the same counts and hashes; a manipulated backup fails the verification.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.js';
import {
  type BackupManifest,
  BackupVerificationError,
  digestPostgres,
  digestSqliteFile,
  fileDigest,
  manifestPath,
  readManifest,
  restorePostgres,
  restoreSqlite,
} from '../../server/db/backup.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { Agent, applicant, createTestApp, DIALECTS, GOOD_PASSWORD, staffAgent, tdaBody, type TestApp } from './harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/** Runs a script with tsx in a child process (really concurrent with the app in this process). */
function run(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(TSX, [resolve(ROOT, script), ...args], { cwd: ROOT, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      res({ code: err ? ((err as { code?: number }).code ?? 99) : 0, stdout, stderr });
    });
  });
}

describe.each(DIALECTS)('backup and restore on %s (REL-07)', (kind) => {
  let t: TestApp;
  let dir: string;
  /** Environment that points the scripts at the test database. */
  let env: Record<string, string>;
  let sqliteFile = '';
  let schema = '';
  const pgUrl = process.env.TEST_DATABASE_URL ?? '';
  const freshSchemas: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    dir = mkdtempSync(join(tmpdir(), 'jc-backup-'));
    if (kind === 'sqlite') {
      const rows = await sql<{ name: string; file: string }>`pragma database_list`.execute(t.deps.db.db);
      sqliteFile = rows.rows.find((r) => r.name === 'main')!.file;
      env = { DATABASE_URL: sqliteFile };
    } else {
      schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.deps.db.db)).rows[0].s;
      env = { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema };
    }
    // Data through the API: accounts, TdAs with their PDFs (documents) and work items.
    for (let i = 0; i < 3; i++) {
      const a = await applicant(t);
      const res = await a.post('/api/tda', tdaBody({ lastName: `Muster${i}` }), { 'idempotency-key': randomUUID() });
      expect(res.status).toBe(201);
    }
    await staffAgent(t, { email: 'leistung@musterstadt.example' }); // staff sign-in: audit log entries
    await t.outbox.drain();
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    if (freshSchemas.length) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      for (const s of freshSchemas) await admin.query(`drop schema if exists ${s} cascade`);
      await admin.end();
    }
  });

  /** A fresh, empty target: a SQLite path that does not exist yet, or a new, empty PostgreSQL schema. */
  async function freshTarget(): Promise<{ env: Record<string, string>; file: string; schema: string }> {
    if (kind === 'sqlite') {
      const file = join(dir, `restored-${randomUUID()}.sqlite`);
      return { env: { DATABASE_URL: file }, file, schema: '' };
    }
    const s = `r_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${s}`);
    await admin.end();
    freshSchemas.push(s);
    return { env: { DATABASE_URL: pgUrl, DATABASE_SCHEMA: s }, file: '', schema: s };
  }

  /** Recomputes counts and hashes of a restored target. */
  const digestOf = (target: { env: Record<string, string>; schema: string }) =>
    kind === 'sqlite' ? Promise.resolve(digestSqliteFile(target.env.DATABASE_URL)) : digestPostgres({ url: pgUrl, schema: target.schema });

  /** Restores in-process (for manipulated backups). */
  async function restoreInto(backup: string): Promise<void> {
    const target = await freshTarget();
    if (kind === 'sqlite') {
      try {
        await restoreSqlite(backup, target.file);
      } catch (err) {
        expect(existsSync(target.file)).toBe(false); // verified before anything is written
        throw err;
      }
      return;
    }
    const db = openDatabase(pgUrl, { searchPath: target.schema, poolSize: 1 });
    await migrateToLatest(db.db, { schema: target.schema });
    await db.close();
    try {
      await restorePostgres({ url: pgUrl, schema: target.schema }, backup);
    } catch (err) {
      // The failed restore rolled back: the schema is still empty.
      const d = await digestPostgres({ url: pgUrl, schema: target.schema });
      expect(Object.entries(d.tables).filter(([name, x]) => x.rows > 0 && name !== 'audit_head')).toEqual([]);
      throw err;
    }
  }

  let backup = '';
  let manifest: BackupManifest;

  it('backs up consistently while autosaves, sign-ups and TdAs keep writing, and restores to equal counts and hashes', async () => {
    backup = join(dir, kind === 'sqlite' ? 'backup.sqlite' : 'backup.jsonl.gz');
    // Writers: sign-ups and TdAs in three parallel loops until the backup has finished.
    const agents = await Promise.all([applicant(t), applicant(t), applicant(t)]);
    let stop = false;
    let during = 0;
    let written = 0;
    let backupRunning = false;
    const loops = agents.map(async (a, i) => {
      let n = 0;
      while (!stop) {
        n++;
        const up = await new Agent(t).post('/api/accounts', { email: `last-${i}-${n}-${randomUUID().slice(0, 6)}@beispiel.de`, password: GOOD_PASSWORD });
        const tda = await a.post('/api/tda', tdaBody({ lastName: `Schreiber${i}x${n}` }), { 'idempotency-key': randomUUID() });
        expect(up.status).toBe(202);
        expect(tda.status).toBe(201);
        written++;
        if (backupRunning) during += 2;
        await t.outbox.drain();
      }
    });
    // At least six TdAs before the backup starts, however slow the machine (the snapshot must hold them).
    while (written < 6) await new Promise((r) => setTimeout(r, 20));
    backupRunning = true;
    const res = await run('scripts/backup.ts', ['--out', backup], env);
    backupRunning = false;
    stop = true;
    await Promise.all(loops);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^backup ok: /);
    expect(during).toBeGreaterThan(0); // the app really wrote while the backup ran

    manifest = readManifest(backup);
    expect(manifest.dialect).toBe(kind);
    expect(manifest.migration.latest).toMatch(/^2026_/);
    for (const table of ['accounts', 'tda', 'documents', 'work_items', 'audit_log', 'staff_users']) {
      expect(manifest.tables[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(manifest.tables.accounts.rows).toBeGreaterThan(3);
    expect(await fileDigest(backup)).toEqual({ bytes: manifest.file.bytes, sha256: manifest.file.sha256 });
    // Consistent snapshot: every TdA in the backup has its account (the FK holds across tables).
    expect(manifest.tables.tda.rows).toBeGreaterThanOrEqual(6);

    const target = await freshTarget();
    const restored = await run('scripts/restore.ts', [backup], target.env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restore ok: /);
    const again = await digestOf(target);
    expect(again.tables).toEqual(manifest.tables);
    expect(again.migration).toEqual(manifest.migration);

    // The restored database is a working one: the audit chain verifies and the app's tables answer.
    const db = kind === 'sqlite' ? openDatabase(target.env.DATABASE_URL) : openDatabase(pgUrl, { searchPath: target.schema, poolSize: 1 });
    try {
      const chain = await verifyAuditChain(db.db);
      expect(chain.ok).toBe(true);
      const accounts = await db.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(accounts.n)).toBe(manifest.tables.accounts.rows);
      const orphans = await sql<{ n: number }>`select count(*) as n from tda where account_id not in (select id from accounts)`.execute(db.db);
      expect(Number(orphans.rows[0].n)).toBe(0);
      // The trigger-kept open counts match the work items: both tables come from the same instant.
      const counts = await sql<{ n: number }>`select count(*) as n from postkorb_open_counts c where c.open <> (select count(*) from work_items w
        where w.postkorb_id = c.postkorb_id and w.type = c.type and w.status <> 'erledigt')`.execute(db.db);
      expect(Number(counts.rows[0].n)).toBe(0);
      const open = await sql<{ n: number }>`select coalesce(sum(open), 0) as n from postkorb_open_counts`.execute(db.db);
      expect(Number(open.rows[0].n)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });

  it('refuses to restore over a database in use / not empty, and leaves it untouched', async () => {
    const before = kind === 'sqlite' ? digestSqliteFile(sqliteFile) : await digestPostgres({ url: pgUrl, schema });
    const res = await run('scripts/restore.ts', [backup], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(kind === 'sqlite' ? /in use by process \d+.*stop the server/ : /not empty/);
    const after = kind === 'sqlite' ? digestSqliteFile(sqliteFile) : await digestPostgres({ url: pgUrl, schema });
    expect(after).toEqual(before);
  });

  it('fails the verification when one byte of the backup is changed', async () => {
    const bad = join(dir, `byte-${kind}`);
    const bytes = readFileSync(backup);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(bad, bytes);
    copyFileSync(manifestPath(backup), manifestPath(bad));
    await expect(restoreInto(bad)).rejects.toThrow(BackupVerificationError);
    const target = await freshTarget();
    const res = await run('scripts/restore.ts', [bad], target.env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/FAILED verification/);
  });

  /** Writes a manipulated copy whose manifest still has a matching file hash, so only the content check can catch it. */
  async function manipulated(name: string, change: (file: string) => void): Promise<string> {
    const bad = join(dir, `${name}-${kind}`);
    copyFileSync(backup, bad);
    change(bad);
    const m = readManifest(backup);
    writeFileSync(manifestPath(bad), JSON.stringify({ ...m, file: { ...m.file, ...(await fileDigest(bad)) } }));
    return bad;
  }

  it('fails the verification when one row is removed, even with a recomputed file hash', async () => {
    const bad = await manipulated('row', (file) => {
      if (kind === 'sqlite') {
        const db = new SQLite(file);
        db.prepare(`delete from work_items where rowid = (select max(rowid) from work_items)`).run();
        db.close();
        return;
      }
      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const last = lines.findLastIndex((l) => l.startsWith('['));
      lines.splice(last, 1);
      writeFileSync(file, gzipSync(lines.join('\n')));
    });
    const err = await restoreInto(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupVerificationError);
    expect((err as BackupVerificationError).differences.join(' ')).toMatch(/rows ≠/);
  });

  it('fails the verification when one value is changed, even with a recomputed file hash', async () => {
    const bad = await manipulated('value', (file) => {
      if (kind === 'sqlite') {
        const db = new SQLite(file);
        db.prepare(`update accounts set email = 'x' || email where rowid = (select min(rowid) from accounts)`).run();
        db.close();
        return;
      }
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      writeFileSync(file, gzipSync(text.replace('@beispiel.de', '@beispiel.dd')));
    });
    const err = await restoreInto(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupVerificationError);
    expect((err as BackupVerificationError).differences.join(' ')).toMatch(/content hash differs/);
  });
});
