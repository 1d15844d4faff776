/** Opens the database (SQLite file or PostgreSQL URL) with the settings REL-04 asks for. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Compilable, type CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/** Which engine a database runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** An open database with its dialect and a way to close it. */
export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (count(*), bigserial) as strings; our ids and counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * Opens `url`: `postgres://…`/`postgresql://…` → PostgreSQL, anything else is a SQLite file path
 * (`sqlite:` prefix optional, `:memory:` allowed). `searchPath` scopes PostgreSQL to one schema (tests).
 */
export function openDatabase(url: string, opts: { searchPath?: string; poolSize?: number } = {}): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL + synchronous=FULL: an acknowledged commit survives kill -9 and power loss (REL-04).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a small query. Statements are
 * reused by SQL text (bounded). Safe because Kysely runs one query at a time on the single connection.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = sqlite.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/**
 * A query built and compiled once per Kysely instance (so per dialect); later calls only swap the parameters in.
 * Building and compiling a Kysely query costs about 10 µs, several times what a small indexed SQLite query costs,
 * which matters on paths every request takes (PERF-02). `build` gets placeholder strings for its arguments and must
 * pass them through unchanged as query parameters; anything else is refused when the query is first compiled.
 */
export function precompiled<A extends string[], O>(build: (db: Kysely<Database>, ...args: A) => Compilable<O>) {
  const cache = new WeakMap<Kysely<Database>, { query: CompiledQuery<O>; slots: number[] }>();
  return async (db: Kysely<Database>, ...args: A): Promise<O[]> => {
    let compiled = cache.get(db);
    if (!compiled) {
      const marks = args.map((_, i) => `\u0000precompiled-${i}\u0000`) as A;
      const query = build(db, ...marks).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' ? marks.indexOf(p) : -1));
      if (marks.some((m, i) => !slots.includes(i) || query.sql.includes(m))) {
        throw new Error('precompiled: every argument must be a plain query parameter');
      }
      compiled = { query, slots };
      cache.set(db, compiled);
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => (slots[i] === -1 ? p : args[slots[i]]));
    const { rows } = await db.executeQuery<O>({ ...query, parameters });
    return rows;
  };
}

/** True when a database error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
