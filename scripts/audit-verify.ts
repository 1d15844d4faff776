/**
 * `npm run audit:verify`: checks the hash chain of the audit log (SEC-40) in DATABASE_URL (default: the SQLite file
 * under data/; DATABASE_SCHEMA selects a PostgreSQL schema). Prints one line; exits 0 when the chain is intact,
 * 1 when it is broken, 2 on an error (no database, no audit table).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyAuditChain } from '../server/audit/audit.js';
import { openDatabase } from '../server/db/database.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const url = process.env.DATABASE_URL ?? resolve(ROOT, 'data/jobcenter.sqlite');
const isPg = /^postgres(ql)?:\/\//.test(url);
if (!isPg && url !== ':memory:' && !existsSync(url.replace(/^sqlite:(\/\/)?/, ''))) {
  console.error(`audit:verify: no database at ${url}`);
  process.exit(2);
}
const db = openDatabase(url, { poolSize: 1, ...(process.env.DATABASE_SCHEMA ? { searchPath: process.env.DATABASE_SCHEMA } : {}) });
let code = 2;
try {
  const started = performance.now();
  const r = await verifyAuditChain(db.db);
  const ms = Math.round(performance.now() - started);
  if (r.ok) console.log(`audit chain ok: ${r.rows} rows verified (${db.dialect}, ${ms} ms)`);
  else console.error(`audit chain BROKEN at seq ${r.firstBrokenSeq} (${r.reason}); ${r.rows} rows verified before it (${db.dialect})`);
  code = r.ok ? 0 : 1;
} catch (err) {
  console.error(`audit:verify failed: ${(err as Error).message}`);
} finally {
  await db.close();
}
process.exit(code);
