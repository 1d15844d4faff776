/**
 * `npm run restore -- FILE`: restores a backup made by `npm run backup` into DATABASE_URL (default: the SQLite file
 * under data/; DATABASE_SCHEMA selects a PostgreSQL schema) and verifies row counts and hashes against
 * `FILE.manifest.json`. SQLite: the server must be stopped (a database held by a process is refused); the file
 * is replaced atomically. PostgreSQL: the schema is migrated if needed and must be empty; one transaction that
 * only commits when the verification passes. Exits 0 when verified, 1 when the verification fails, 2 on an error.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackupVerificationError, isPostgresUrl, restoreDatabase } from '../server/db/backup.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const url = process.env.DATABASE_URL ?? resolve(ROOT, 'data/jobcenter.sqlite');
const schema = process.env.DATABASE_SCHEMA || undefined;
const args = process.argv.slice(2);
if (args.length !== 1) {
  console.error('usage: npm run restore -- FILE');
  process.exit(2);
}
const file = resolve(args[0]);
try {
  const started = performance.now();
  if (isPostgresUrl(url)) {
    const db = openDatabase(url, { poolSize: 1, ...(schema ? { searchPath: schema } : {}) });
    try {
      await migrateToLatest(db.db, { schema });
    } finally {
      await db.close();
    }
  }
  const m = await restoreDatabase(url, file, { schema });
  const rows = Object.values(m.tables).reduce((s, t) => s + t.rows, 0);
  console.log(`restore ok: ${file} → ${isPostgresUrl(url) ? `PostgreSQL${schema ? ` schema ${schema}` : ''}` : url} (${Object.keys(m.tables).length} tables, ${rows} rows verified, migration ${m.migration.latest}, ${Math.round(performance.now() - started)} ms)`);
  process.exit(0);
} catch (err) {
  if (err instanceof BackupVerificationError) {
    console.error(`restore FAILED verification: ${err.differences.join('; ')}`);
    process.exit(1);
  }
  console.error(`restore failed: ${(err as Error).message}`);
  process.exit(2);
}
