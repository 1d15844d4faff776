/**
 * `npm run backup -- [--out FILE]`: a consistent online backup of DATABASE_URL (default: the SQLite file under
 * data/; DATABASE_SCHEMA selects a PostgreSQL schema) while the server keeps running, plus `FILE.manifest.json`
 * (row counts and SHA-256 per table, migration version, file hash). Default FILE: data/backups/jobcenter-<time>.
 * Exits 0 on success, 2 on an error.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupDatabase, isPostgresUrl, manifestPath } from '../server/db/backup.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const url = process.env.DATABASE_URL ?? resolve(ROOT, 'data/jobcenter.sqlite');
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
if (args.some((a, i) => a !== '--out' && i !== outIdx + 1) || (outIdx >= 0 && !args[outIdx + 1])) {
  console.error('usage: npm run backup -- [--out FILE]');
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = resolve(outIdx >= 0 ? args[outIdx + 1] : resolve(ROOT, `data/backups/jobcenter-${stamp}${isPostgresUrl(url) ? '.jsonl.gz' : '.sqlite'}`));
try {
  mkdirSync(dirname(out), { recursive: true });
  const started = performance.now();
  const m = await backupDatabase(url, out, { schema: process.env.DATABASE_SCHEMA || undefined });
  const ms = Math.round(performance.now() - started);
  const rows = Object.values(m.tables).reduce((s, t) => s + t.rows, 0);
  console.log(`backup ok: ${out} (${m.dialect}, ${Object.keys(m.tables).length} tables, ${rows} rows, ${m.file.bytes} bytes, migration ${m.migration.latest}, ${ms} ms)`);
  console.log(`manifest: ${manifestPath(out)}`);
  process.exit(0);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exit(2);
}
