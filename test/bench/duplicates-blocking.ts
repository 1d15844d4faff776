/**
 * Duplicate check over a large register: 100,000 persons (the demo register's generator, planted twins included)
 * stored with their blocking keys; per probe the candidates read through the keys (persons.candidates.ts) against
 * the full scan the check did before. Prints candidates per check, p50/p99 ms of a check (query + scoring) and
 * whether both find the same likely duplicates. SQLite in a temp file; PostgreSQL in a temp schema when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set. `tsx test/bench/duplicates-blocking.ts` runs it alone.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import type { PersonData, PersonView } from '../../domain/person.js';
import { type Db, openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { DEMO_PROBES, demoPersons } from '../../server/persons/demo-persons.js';
import { candidatesFor } from '../../server/persons/persons.candidates.js';
import { insertPersons, listRegister, personRow } from '../../server/persons/persons.repository.js';
import { DEFAULT_THRESHOLD, rankCandidates } from '../../server/persons/scoring.js';

const N = Number(process.env.BENCH_PERSONS ?? 100_000);
const ROUNDS = 10;
const FULL_ROUNDS = 1;

/** Figures of one engine. */
export interface BlockingFigures {
  engine: string;
  register: number;
  keys: number;
  seedSeconds: number;
  candidatesMean: number;
  candidatesMax: number;
  blockedP50Ms: number;
  blockedP99Ms: number;
  fullScanP50Ms: number;
  /** Probes whose likely duplicates (score ≥ threshold) are the same through the keys as in the full scan. */
  sameLikelyDuplicates: number;
  probes: number;
  plantedFoundByKeys: number;
  planted: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const likely = (q: PersonData, persons: readonly PersonView[]) =>
  rankCandidates(q, persons, 10)
    .filter((c) => c.score >= DEFAULT_THRESHOLD)
    .map((c) => c.person.id)
    .join(',');

async function run(db: Db): Promise<BlockingFigures> {
  const t0 = performance.now();
  const now = new Date().toISOString();
  await db.db.transaction().execute((trx) =>
    insertPersons(
      trx,
      demoPersons(N - 12).map((p) => personRow(p, now)),
    ),
  );
  await db.db.executeQuery(
    CompiledQuery.raw(db.dialect === 'sqlite' ? 'analyze' : 'analyze persons, person_keys'),
  );
  const seedSeconds = (performance.now() - t0) / 1000;
  const count = async (table: 'persons' | 'person_keys') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const blocked: number[] = [];
  const sizes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const p of DEMO_PROBES) {
      const s = performance.now();
      const c = await candidatesFor(db.db, p.data);
      rankCandidates(p.data, c, 10);
      blocked.push(performance.now() - s);
      if (r === 0) sizes.push(c.length);
    }
  }
  const full: number[] = [];
  let same = 0;
  let found = 0;
  for (let r = 0; r < FULL_ROUNDS; r++) {
    for (const p of DEMO_PROBES) {
      const s = performance.now();
      const register = await listRegister(db.db);
      const viaScan = likely(p.data, register);
      full.push(performance.now() - s);
      if (r > 0) continue;
      const viaKeys = likely(p.data, await candidatesFor(db.db, p.data));
      if (viaKeys === viaScan) same++;
      if (p.expected && viaKeys.split(',').includes(p.expected)) found++;
    }
  }
  return {
    engine: db.dialect,
    register: await count('persons'),
    keys: await count('person_keys'),
    seedSeconds: r2(seedSeconds),
    candidatesMean: r2(sizes.reduce((a, b) => a + b, 0) / sizes.length),
    candidatesMax: Math.max(...sizes),
    blockedP50Ms: r2(pct(blocked, 50)),
    blockedP99Ms: r2(pct(blocked, 99)),
    fullScanP50Ms: r2(pct(full, 50)),
    sameLikelyDuplicates: same,
    probes: DEMO_PROBES.length,
    plantedFoundByKeys: found,
    planted: DEMO_PROBES.filter((p) => p.expected).length,
  };
}

async function sqlite(): Promise<BlockingFigures> {
  const dir = mkdtempSync(join(os.tmpdir(), 'jc-bench-dup-'));
  const db = openDatabase(join(dir, 'dup.sqlite'));
  try {
    await migrateToLatest(db.db);
    return await run(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(url: string): Promise<BlockingFigures> {
  const schema = `bench_dup_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = openDatabase(url, { searchPath: schema, poolSize: 4 });
  try {
    await migrateToLatest(db.db, { schema });
    return await run(db);
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** Runs the blocked check against the full scan on SQLite and, with a PostgreSQL URL, on PostgreSQL; prints a table. */
export async function benchDuplicateBlocking(): Promise<BlockingFigures[]> {
  const engines = [await sqlite()];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) engines.push(await postgres(url));
  else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  console.log(
    `\nblocking keys: ${N.toLocaleString('en')} register persons, ${DEMO_PROBES.length} probes; a check = candidate query + scoring (${ROUNDS} rounds), full scan = whole register + scoring (${FULL_ROUNDS} round)`,
  );
  for (const e of engines) {
    console.log(
      `${e.engine.padEnd(8)} persons ${e.register}, keys ${e.keys} (seeded in ${e.seedSeconds.toFixed(1)} s); candidates per check mean ${e.candidatesMean}, max ${e.candidatesMax}; ` +
        `check p50 ${e.blockedP50Ms} ms, p99 ${e.blockedP99Ms} ms vs full scan p50 ${e.fullScanP50Ms} ms; ` +
        `same likely duplicates ${e.sameLikelyDuplicates}/${e.probes}, planted twins found via keys ${e.plantedFoundByKeys}/${e.planted}`,
    );
  }
  return engines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDuplicateBlocking();
