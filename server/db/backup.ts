/**
 * Backup and restore (REL-07). SQLite: `VACUUM INTO` (one read transaction = a consistent snapshot while the
 * server keeps writing under WAL), written atomically. PostgreSQL: every table of the schema exported with the
 * pg driver inside one REPEATABLE READ transaction to gzip JSON lines (values in PostgreSQL's text form, so
 * nothing is lost), restored into an empty, migrated schema in one transaction (parents before children) that
 * only commits when the manifest verifies. Both write a manifest next to the backup (`<file>.manifest.json`):
 * per table the row count and a SHA-256 over the rows ordered by primary key, the migration version and the
 * SHA-256 of the backup file. Documents stay encrypted: the key is configuration, not data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/** The manifest written next to a backup. */
export interface BackupManifest {
  format: 'jc-backup/1';
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  /** The newest applied migration and how many are applied. */
  migration: { latest: string | null; count: number };
  /** Per table (migration bookkeeping excluded): rows and SHA-256 over the canonicalised rows in primary-key order. */
  tables: Record<string, TableDigest>;
  /** The backup file itself. */
  file: { name: string; bytes: number; sha256: string };
}

/** Row count and content hash of one table. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

/** The database holds no migration bookkeeping in the table digests (the version is recorded on its own). */
const isBookkeeping = (t: string) => t.startsWith('kysely_migration');

/** Where the manifest of `file` lives. */
export const manifestPath = (file: string) => `${file}.manifest.json`;

/** A verification failure: what differs between the manifest and the database. */
export class BackupVerificationError extends Error {
  constructor(readonly differences: string[]) {
    super(`backup verification failed: ${differences.join('; ')}`);
    this.name = 'BackupVerificationError';
  }
}

/** Differences between the expected and the actual table digests and migration version. */
export function compareDigests(expected: Pick<BackupManifest, 'tables' | 'migration'>, actual: Pick<BackupManifest, 'tables' | 'migration'>): string[] {
  const out: string[] = [];
  if (expected.migration.latest !== actual.migration.latest) out.push(`migration ${actual.migration.latest} ≠ ${expected.migration.latest}`);
  for (const t of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const e = expected.tables[t];
    const a = actual.tables[t];
    if (!e) out.push(`${t}: not in the manifest`);
    else if (!a) out.push(`${t}: missing`);
    else if (e.rows !== a.rows) out.push(`${t}: ${a.rows} rows ≠ ${e.rows}`);
    else if (e.sha256 !== a.sha256) out.push(`${t}: content hash differs`);
  }
  return out;
}

/** SHA-256 and size of a file. */
export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const h = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    h.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: h.digest('hex') };
}

/** Reads a backup's manifest; throws when there is none. */
export function readManifest(file: string): BackupManifest {
  const path = manifestPath(file);
  if (!existsSync(path)) throw new Error(`no manifest at ${path}`);
  const m = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (m.format !== 'jc-backup/1') throw new Error(`${path}: unknown format ${String(m.format)}`);
  return m;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot open directories; the rename is still atomic.
  }
}

const tmpName = (target: string) => resolve(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

/** Writes JSON atomically (temp file, fsync, rename). */
function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = tmpName(path);
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fsyncFile(tmp);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

/** A canonical text for one SQLite row: JSON with blobs and big integers tagged. */
function canonSqlite(row: unknown[]): string {
  return JSON.stringify(
    row.map((v) => (v === null ? null : Buffer.isBuffer(v) ? { b: v.toString('base64') } : typeof v === 'bigint' ? { i: v.toString() } : v)),
  );
}

const q = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** Row counts and content hashes of every table of an open SQLite database, with the migration version. */
export function digestSqlite(db: SQLite.Database): Pick<BackupManifest, 'tables' | 'migration'> {
  const names = (db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  const tables: Record<string, TableDigest> = {};
  let migration: BackupManifest['migration'] = { latest: null, count: 0 };
  for (const t of names) {
    if (isBookkeeping(t)) {
      if (t === 'kysely_migration') {
        const r = db.prepare(`select max(name) as latest, count(*) as count from kysely_migration`).get() as { latest: string | null; count: number };
        migration = { latest: r.latest, count: r.count };
      }
      continue;
    }
    const info = db.prepare(`pragma table_info(${q(t)})`).all() as { name: string; pk: number }[];
    const cols = info.map((c) => c.name);
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    // Without a primary key, order by every column (rowids may change in VACUUM INTO).
    const order = (pk.length ? pk : cols).map(q).join(', ');
    const h = createHash('sha256').update(`${JSON.stringify(cols)}\n`);
    let rows = 0;
    const stmt = db.prepare(`select ${cols.map(q).join(', ')} from ${q(t)} order by ${order}`).raw(true).safeIntegers(true);
    for (const row of stmt.iterate() as Iterable<unknown[]>) {
      // Small integers hash as numbers, large ones tagged: the same on every run.
      h.update(`${canonSqlite(row.map((v) => (typeof v === 'bigint' && Number.isSafeInteger(Number(v)) ? Number(v) : v)))}\n`);
      rows++;
    }
    tables[t] = { rows, sha256: h.digest('hex') };
  }
  return { tables, migration };
}

/** Digests a SQLite file (opened read-only). */
export function digestSqliteFile(file: string): Pick<BackupManifest, 'tables' | 'migration'> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return digestSqlite(db);
  } finally {
    db.close();
  }
}

/**
 * Online backup of a SQLite database: `VACUUM INTO` a temp file next to `out` (a consistent snapshot; writers
 * continue under WAL), digest, fsync, rename; then the manifest (also atomically).
 */
export async function backupSqlite(source: string, out: string): Promise<BackupManifest> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  const tmp = tmpName(out);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    db.close();
  }
  try {
    const digest = digestSqliteFile(tmp);
    fsyncFile(tmp);
    const file = await fileDigest(tmp);
    renameSync(tmp, out);
    fsyncDir(dirname(out));
    const manifest: BackupManifest = { format: 'jc-backup/1', dialect: 'sqlite', createdAt: new Date().toISOString(), ...digest, file: { name: basename(out), ...file } };
    writeJsonAtomic(manifestPath(out), manifest);
    return manifest;
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Process ids (Linux /proc) that have `file` (or its WAL) open, this process included. */
export function processesHolding(file: string): number[] {
  if (!existsSync('/proc') || !existsSync(file)) return [];
  const target = realpathSync(file);
  const paths = new Set([target, `${target}-wal`, `${target}-shm`]);
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (paths.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          pids.push(Number(entry));
          break;
        }
      } catch {
        // gone or not ours to read
      }
    }
  }
  return pids;
}

/**
 * Throws when another connection holds the SQLite database: processes with the file open (/proc), and, where
 * /proc cannot see them, SQLite itself (leaving WAL mode needs the only connection).
 */
export function assertSqliteNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const pids = processesHolding(file);
  if (pids.length) {
    throw new Error(`database ${file} is in use by process ${pids.join(', ')}: stop the server before restoring`);
  }
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (String(mode).toLowerCase() === 'wal') throw new Error('still in WAL mode');
  } catch (err) {
    throw new Error(`database ${file} is in use (${(err as Error).message}): stop the server before restoring`);
  } finally {
    db.close();
  }
}

/**
 * Restores a SQLite backup over `target`: verifies the backup against its manifest, refuses a database in use,
 * copies atomically (temp file + rename, stale WAL removed) and verifies the restored database.
 */
export async function restoreSqlite(backup: string, target: string): Promise<BackupManifest> {
  const manifest = readManifest(backup);
  if (manifest.dialect !== 'sqlite') throw new Error(`${backup} is a ${manifest.dialect} backup, not SQLite`);
  const file = await fileDigest(backup);
  if (file.sha256 !== manifest.file.sha256 || file.bytes !== manifest.file.bytes) throw new BackupVerificationError(['backup file hash differs from the manifest']);
  let before: string[];
  try {
    before = compareDigests(manifest, digestSqliteFile(backup));
  } catch (err) {
    throw new BackupVerificationError([`backup unreadable: ${(err as Error).message}`]);
  }
  if (before.length) throw new BackupVerificationError(before);
  assertSqliteNotInUse(target);
  const tmp = tmpName(target);
  copyFileSync(backup, tmp);
  fsyncFile(tmp);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  renameSync(tmp, target);
  fsyncDir(dirname(target));
  const after = compareDigests(manifest, digestSqliteFile(target));
  if (after.length) throw new BackupVerificationError(after);
  return manifest;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

/** Every value in PostgreSQL's text form: lossless (timestamps to the microsecond, bytea as hex) and canonical. */
const RAW_TYPES = { getTypeParser: () => (v: string) => v } as unknown as pg.CustomTypesConfig;

interface PgTable {
  name: string;
  columns: string[];
  pk: string[];
}

/** The app's tables of `schema` (bookkeeping excluded), parents before children. */
async function pgTables(client: pg.ClientBase, schema: string): Promise<PgTable[]> {
  const tables = (
    await client.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind in ('r', 'p') order by 1`, [schema])
  ).rows
    .map((r) => r.name)
    .filter((t) => !isBookkeeping(t));
  const cols = (
    await client.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by c.relname, a.attnum`,
      [schema],
    )
  ).rows;
  const pks = (
    await client.query<{ table: string; column: string }>(
      `select c.relname as table, a.attname as column from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(k.conkey) with ordinality as u(attnum, ord) join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum
        where n.nspname = $1 and k.contype = 'p' order by c.relname, u.ord`,
      [schema],
    )
  ).rows;
  const fks = (
    await client.query<{ child: string; parent: string }>(
      `select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and k.contype = 'f'`,
      [schema],
    )
  ).rows;
  const byName = new Map<string, PgTable>(tables.map((t) => [t, { name: t, columns: [], pk: [] }]));
  for (const c of cols) byName.get(c.table)?.columns.push(c.column);
  for (const c of pks) byName.get(c.table)?.pk.push(c.column);
  // Topological order (self-references ignored; ties alphabetical so the order is stable).
  const deps = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const f of fks) if (f.child !== f.parent && deps.has(f.child) && deps.has(f.parent)) deps.get(f.child)!.add(f.parent);
  const ordered: PgTable[] = [];
  const done = new Set<string>();
  while (done.size < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...deps.get(t)!].every((d) => done.has(d)));
    if (!ready.length) throw new Error(`foreign-key cycle among ${tables.filter((t) => !done.has(t)).join(', ')}`);
    for (const t of ready) {
      done.add(t);
      ordered.push(byName.get(t)!);
    }
  }
  return ordered;
}

async function pgMigration(client: pg.ClientBase, schema: string): Promise<BackupManifest['migration']> {
  const exists = await client.query(`select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = 'kysely_migration'`, [schema]);
  if (!exists.rowCount) return { latest: null, count: 0 };
  const r = await client.query<{ latest: string | null; count: string }>(`select max(name) as latest, count(*)::text as count from ${q(schema)}.kysely_migration`);
  return { latest: r.rows[0].latest, count: Number(r.rows[0].count) };
}

/** Streams the rows of a table (text form, primary-key order) through a cursor. */
async function* pgRows(client: pg.ClientBase, schema: string, t: PgTable): AsyncGenerator<(string | null)[]> {
  const order = t.pk.length ? t.pk.map(q).join(', ') : `${q(t.name)}::text`;
  const cursor = `c_${randomBytes(4).toString('hex')}`;
  await client.query(`declare ${cursor} no scroll cursor for select ${t.columns.map(q).join(', ')} from ${q(schema)}.${q(t.name)} order by ${order}`);
  try {
    for (;;) {
      const res = await client.query({ text: `fetch 1000 from ${cursor}`, rowMode: 'array', types: RAW_TYPES });
      for (const row of res.rows as (string | null)[][]) yield row;
      if (res.rows.length < 1000) break;
    }
  } finally {
    await client.query(`close ${cursor}`);
  }
}

const tableHash = (columns: string[]) => createHash('sha256').update(`${JSON.stringify(columns)}\n`);

/** Digests every table of `schema` with an open client (call inside a transaction for a consistent view). */
async function digestPgWith(client: pg.ClientBase, schema: string): Promise<Pick<BackupManifest, 'tables' | 'migration'>> {
  const tables: Record<string, TableDigest> = {};
  for (const t of await pgTables(client, schema)) {
    const h = tableHash(t.columns);
    let rows = 0;
    for await (const row of pgRows(client, schema, t)) {
      h.update(`${JSON.stringify(row)}\n`);
      rows++;
    }
    tables[t.name] = { rows, sha256: h.digest('hex') };
  }
  return { tables, migration: await pgMigration(client, schema) };
}

/**
 * Rows the migrations themselves insert (a freshly migrated schema has them): table → condition that the row is
 * still as migrated. Everything else must be empty for a restore.
 */
const MIGRATION_SEEDED: Record<string, string> = { audit_head: 'seq = 0' };

/** Where a PostgreSQL connection points. */
export interface PgTarget {
  url: string;
  /** The schema; default: the connection's current_schema(). */
  schema?: string;
}

async function connect(target: PgTarget): Promise<{ client: pg.Client; schema: string }> {
  const client = new pg.Client({ connectionString: target.url, ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}) });
  await client.connect();
  try {
    const schema = target.schema ?? (await client.query<{ s: string }>('select current_schema() as s')).rows[0].s;
    return { client, schema };
  } catch (err) {
    await client.end();
    throw err;
  }
}

/** Recomputes counts and hashes of a PostgreSQL schema in one snapshot. */
export async function digestPostgres(target: PgTarget): Promise<Pick<BackupManifest, 'tables' | 'migration'>> {
  const { client, schema } = await connect(target);
  try {
    await client.query('begin isolation level repeatable read read only');
    const d = await digestPgWith(client, schema);
    await client.query('commit');
    return d;
  } finally {
    await client.end();
  }
}

/** Writes a line to a stream, waiting when it is full. */
async function writeLine(stream: NodeJS.WritableStream, line: string): Promise<void> {
  if (!stream.write(`${line}\n`)) await new Promise<void>((r) => stream.once('drain', () => r()));
}

/**
 * Exports every table of the schema in one REPEATABLE READ (snapshot) transaction to gzip JSON lines:
 * a header, then per table `{"table","columns"}` followed by one JSON array per row, then `{"end":true}`.
 */
export async function backupPostgres(target: PgTarget, out: string): Promise<BackupManifest> {
  const { client, schema } = await connect(target);
  const tmp = tmpName(out);
  try {
    await client.query('begin isolation level repeatable read read only');
    const migration = await pgMigration(client, schema);
    const tables = await pgTables(client, schema);
    const gzip = createGzip();
    const file = createWriteStream(tmp);
    const finished = new Promise<void>((res, rej) => {
      file.on('finish', () => res());
      file.on('error', rej);
      gzip.on('error', rej);
    });
    gzip.pipe(file);
    const digests: Record<string, TableDigest> = {};
    await writeLine(gzip, JSON.stringify({ format: 'jc-backup/1', dialect: 'postgres', schema, migration }));
    for (const t of tables) {
      await writeLine(gzip, JSON.stringify({ table: t.name, columns: t.columns }));
      const h = tableHash(t.columns);
      let rows = 0;
      for await (const row of pgRows(client, schema, t)) {
        const line = JSON.stringify(row);
        h.update(`${line}\n`);
        await writeLine(gzip, line);
        rows++;
      }
      digests[t.name] = { rows, sha256: h.digest('hex') };
    }
    await writeLine(gzip, JSON.stringify({ end: true }));
    gzip.end();
    await finished;
    await client.query('commit');
    fsyncFile(tmp);
    const fd = await fileDigest(tmp);
    renameSync(tmp, out);
    fsyncDir(dirname(out));
    const manifest: BackupManifest = { format: 'jc-backup/1', dialect: 'postgres', createdAt: new Date().toISOString(), migration, tables: digests, file: { name: basename(out), ...fd } };
    writeJsonAtomic(manifestPath(out), manifest);
    return manifest;
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Restores a PostgreSQL backup into an empty, migrated schema (same migration version) in one transaction,
 * parents before children; the transaction commits only when counts and hashes equal the manifest.
 */
export async function restorePostgres(target: PgTarget, backup: string): Promise<BackupManifest> {
  const manifest = readManifest(backup);
  if (manifest.dialect !== 'postgres') throw new Error(`${backup} is a ${manifest.dialect} backup, not PostgreSQL`);
  const fd = await fileDigest(backup);
  if (fd.sha256 !== manifest.file.sha256 || fd.bytes !== manifest.file.bytes) throw new BackupVerificationError(['backup file hash differs from the manifest']);
  const { client, schema } = await connect(target);
  try {
    await client.query('begin');
    await client.query('set constraints all deferred');
    const migration = await pgMigration(client, schema);
    if (migration.latest !== manifest.migration.latest) {
      throw new Error(`schema ${schema} is at migration ${migration.latest ?? 'none'}, the backup at ${manifest.migration.latest}: migrate (or use the matching release) first`);
    }
    const tables = new Map((await pgTables(client, schema)).map((t) => [t.name, t]));
    for (const t of tables.values()) {
      const seeded = MIGRATION_SEEDED[t.name];
      const r = await client.query(`select exists (select 1 from ${q(schema)}.${q(t.name)}${seeded ? ` where not (${seeded})` : ''}) as x`);
      if (r.rows[0].x) throw new Error(`schema ${schema} is not empty (table ${t.name} has rows): restore only into a freshly migrated schema`);
    }
    // Clear what the migrations seeded; user triggers (e.g. the open counts of work items) stay off while loading,
    // since their results are part of the backup. Foreign keys stay enforced.
    const all = [...tables.keys()].map((t) => `${q(schema)}.${q(t)}`);
    if (all.length) await client.query(`truncate ${all.join(', ')}`);
    for (const t of all) await client.query(`alter table ${t} disable trigger user`);
    let current: PgTable | undefined;
    let fileColumns: string[] = [];
    let batch: (string | null)[][] = [];
    let header = false;
    let ended = false;
    const flush = async () => {
      if (!current || !batch.length) return;
      const width = fileColumns.length;
      const values = batch.map((_, i) => `(${fileColumns.map((__, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
      await client.query(`insert into ${q(schema)}.${q(current.name)} (${fileColumns.map(q).join(', ')}) values ${values}`, batch.flat());
      batch = [];
    };
    const lines = createInterface({ input: createReadStream(backup).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      if (ended) throw new BackupVerificationError(['data after the end marker']);
      const v = JSON.parse(line) as unknown;
      if (!header) {
        header = true;
        if ((v as { format?: string }).format !== 'jc-backup/1') throw new BackupVerificationError(['not a jc-backup/1 file']);
        continue;
      }
      if (Array.isArray(v)) {
        if (!current) throw new BackupVerificationError(['row before a table header']);
        if (v.length !== fileColumns.length) throw new BackupVerificationError([`${current.name}: row with ${v.length} values, ${fileColumns.length} columns`]);
        batch.push(v as (string | null)[]);
        if ((batch.length + 1) * fileColumns.length > 60000 || batch.length >= 500) await flush();
        continue;
      }
      const rec = v as { table?: string; columns?: string[]; end?: boolean };
      await flush();
      if (rec.end) {
        ended = true;
        current = undefined;
        continue;
      }
      const t = rec.table ? tables.get(rec.table) : undefined;
      if (!t) throw new BackupVerificationError([`table ${rec.table} is not in schema ${schema}`]);
      const cols = rec.columns ?? [];
      const missing = cols.filter((c) => !t.columns.includes(c));
      if (missing.length) throw new BackupVerificationError([`${t.name}: unknown columns ${missing.join(', ')}`]);
      current = t;
      fileColumns = cols;
    }
    await flush();
    if (!ended) throw new BackupVerificationError(['backup file is truncated (no end marker)']);
    for (const t of all) await client.query(`alter table ${t} enable trigger user`);
    const diff = compareDigests(manifest, await digestPgWith(client, schema));
    if (diff.length) throw new BackupVerificationError(diff);
    await client.query('commit');
    return manifest;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Either engine

/** True for a PostgreSQL URL (as in openDatabase). */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
const sqliteFile = (url: string) => url.replace(/^sqlite:(\/\/)?/, '');

/** Backs up the database at `url` (SQLite file or PostgreSQL URL, `schema` optional) to `out`. */
export function backupDatabase(url: string, out: string, opts: { schema?: string } = {}): Promise<BackupManifest> {
  return isPostgresUrl(url) ? backupPostgres({ url, schema: opts.schema }, out) : backupSqlite(sqliteFile(url), out);
}

/** Restores `backup` into the database at `url` and verifies it; throws BackupVerificationError on a mismatch. */
export function restoreDatabase(url: string, backup: string, opts: { schema?: string } = {}): Promise<BackupManifest> {
  return isPostgresUrl(url) ? restorePostgres({ url, schema: opts.schema }, backup) : restoreSqlite(backup, sqliteFile(url));
}

/** Recomputes the digests of the database at `url`. */
export async function digestDatabase(url: string, opts: { schema?: string } = {}): Promise<Pick<BackupManifest, 'tables' | 'migration'>> {
  return isPostgresUrl(url) ? digestPostgres({ url, schema: opts.schema }) : digestSqliteFile(sqliteFile(url));
}
