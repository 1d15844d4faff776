/**
 * PERF-03 caseworker inbox: 1,000,000 work items in one jobcenter (6 Postkörbe, 100 caseworkers), then p50/p99 of
 * filtered, sorted pages of 50 through the repository's page function (listInboxRows: the query the route runs),
 * the open counts per Postkorb, and EXPLAIN of each page query with a check that it reads an index and needs no
 * full scan of work_items.
 *
 * Seeding is fast and faithful: the migrations create the real schema; the secondary indexes and the open-count
 * triggers of work_items are read from the catalogue and dropped (PostgreSQL: disabled), the rows inserted (SQLite:
 * one transaction with a prepared INSERT; PostgreSQL: INSERT … SELECT generate_series with the same formulas), the
 * indexes and triggers recreated from their own definitions and the open counts recounted. Both engines get identical
 * rows (checked on a sample). PostgreSQL then gets VACUUM ANALYZE (the state autovacuum reaches); SQLite keeps the
 * representative statistics its migration wrote (BENCH_SQLITE_ANALYZE=1: measured ones). SQLite runs on a temp
 * file, PostgreSQL (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) in a temp schema; both are removed after.
 *
 * Env: BENCH_INBOX_ITEMS (1,000,000), BENCH_INBOX_REPS (300 timed runs per query, after 30 warm-up runs).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo } from '../../server/db/seed.js';
import { type InboxFilter, type InboxKey, type InboxSort, inboxPageQuery, listInboxRows, openCountsByPostkorb } from '../../server/inbox/inbox.repository.js';
import { isBroadSearch } from '../../server/inbox/inbox.search.js';
import { foldSearch } from '../../server/inbox/search-key.js';

const N = Number(process.env.BENCH_INBOX_ITEMS ?? 1_000_000);
const REPS = Number(process.env.BENCH_INBOX_REPS ?? 300);
const WARMUP = 30;
const GOAL_P99_MS = 50;
const JC = 'musterstadt';
const POSTKOERBE = ['musterstadt-eingang', 'musterstadt-u25', 'musterstadt-international', 'musterstadt-nord', 'musterstadt-a-k', 'musterstadt-l-z'];
const STAFF = 100;
const ME = 'staff-bench-0';
const LEISTUNG = ['tda', 'ade', 'mws_reply'];
const BASE = Date.UTC(2023, 0, 1);
const SUR_A = ['Mel', 'Schm', 'Wag', 'Beck', 'Hoff', 'Schä', 'Koch', 'Bau', 'Richt', 'Klei', 'Wolf', 'Schrö', 'Neu', 'Schwa', 'Zimm', 'Braun', 'Krü', 'Hof', 'Hart', 'Lang', 'Wer', 'Kra', 'Leh', 'Köh', 'Ma', 'Kö', 'Hub', 'Kai', 'Fu', 'Pet', 'Lor', 'Jä', 'Frank', 'Ber', 'Gün', 'Dietr', 'Roth', 'Sch', 'Çel', 'Łuk', 'Öz', 'Yıl', 'Nowa', 'Kowal', 'Şah', 'Ahm', 'Hadd', 'Ivan', 'Petr', 'Bond'];
const SUR_B = ['er', 'mann', 'ner', 'idt', 'ke', 'ler', 'hold', 'berg', 'stein', 'ski', 'oğlu', 'enko', 'ow', 'ić', 'i', 'a', 'ert', 'feld', 'bach', 'mayer'];
const FIRST = ['Erika', 'Jürgen', 'Anna', 'Mehmet', 'Olena', 'Paul', 'Zoë', 'Lukas', 'Fatma', 'Sören', 'Marie', 'Ahmad', 'Ewa', 'Jonas', 'Leonie', 'Ali', 'Hanna', 'Björn', 'Sofia', 'Emil', 'Aylin', 'Noah', 'Mia', 'Ömer', 'Lena', 'Piotr', 'Clara', 'Yusuf', 'Greta', 'Malte'];
const LABEL: Record<string, [string, string]> = { tda: ['TdA', 'TDA'], ade: ['Antrag', 'ADE'], mws_reply: ['Antwort', 'MWS'], oap: ['OAP', 'OAP'] };

const folded = new Map<string, string>();
const fold = (s: string) => folded.get(s) ?? (folded.set(s, foldSearch(s)), folded.get(s)!);

/**
 * Work item number g (1-based) as both engines build it: 1 % "Müller", ~10 % names starting "Sch", 10 % of the items
 * open (the newest) plus 10 % of the older ones in progress, 2/3 assigned (100 caseworkers), deadlines on 1/47.
 */
function itemOf(g: number) {
  const at = BASE + g * 90_000;
  const h = createHash('md5').update(String(g)).digest('hex');
  const type = g % 20 < 9 ? 'tda' : g % 20 < 18 ? 'ade' : g % 20 === 18 ? 'mws_reply' : 'oap';
  const surname = g % 97 === 0 ? 'Müller' : SUR_A[(g * 7919) % SUR_A.length] + SUR_B[(g * 104729) % SUR_B.length];
  const first = FIRST[(g * 31) % FIRST.length];
  const number = `${LABEL[type][1]}-2026-${String(g).padStart(7, '0')}`;
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`,
    jobcenter_id: JC,
    postkorb_id: POSTKOERBE[Math.floor(g / 7) % POSTKOERBE.length],
    type,
    status: g > N * 0.9 ? (g % 5 < 2 ? 'neu' : 'in_bearbeitung') : g % 10 === 0 ? 'in_bearbeitung' : 'erledigt',
    title: `${LABEL[type][0]} ${number} – ${surname}, ${first}`,
    created_at: new Date(at).toISOString(),
    version: 1,
    assignee_id: g % 3 === 0 ? null : `staff-bench-${Math.floor(g / 3) % STAFF}`,
    deadline: g % 47 === 0 ? new Date(at + 14 * 86_400_000).toISOString().slice(0, 10) : null,
    search_key: `${fold(surname)} ${fold(first)}`,
    search_number: number.toLowerCase(),
  };
}
const COLS = ['id', 'jobcenter_id', 'postkorb_id', 'type', 'status', 'ref_id', 'title', 'rule_id', 'created_at', 'version', 'assignee_id', 'deadline', 'search_key', 'search_number'];

const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
/** The same rows in SQL (g is bigint: g * 104729 overflows int4). */
function pgSeedSql(): string {
  const sur = `case when g % 97 = 0 then 'Müller' else (${arr(SUR_A)})[1 + (g * 7919) % ${SUR_A.length}] || (${arr(SUR_B)})[1 + (g * 104729) % ${SUR_B.length}] end`;
  const surF = `case when g % 97 = 0 then 'muller' else (${arr(SUR_A.map(foldSearch))})[1 + (g * 7919) % ${SUR_A.length}] || (${arr(SUR_B.map(foldSearch))})[1 + (g * 104729) % ${SUR_B.length}] end`;
  const first = `(${arr(FIRST)})[1 + (g * 31) % ${FIRST.length}]`;
  const firstF = `(${arr(FIRST.map(foldSearch))})[1 + (g * 31) % ${FIRST.length}]`;
  const type = `case when g % 20 < 9 then 'tda' when g % 20 < 18 then 'ade' when g % 20 = 18 then 'mws_reply' else 'oap' end`;
  const at = `(timestamp '2023-01-01 00:00:00' + g * interval '90 seconds')`;
  return `insert into work_items (${COLS.join(', ')})
    select id, '${JC}', (${arr(POSTKOERBE)})[1 + (g / 7) % ${POSTKOERBE.length}], type,
      case when g > ${N * 0.9} then (case when g % 5 < 2 then 'neu' else 'in_bearbeitung' end) when g % 10 = 0 then 'in_bearbeitung' else 'erledigt' end,
      id, label || ' ' || num || ' – ' || sur || ', ' || first, null, to_char(${at}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 1,
      case when g % 3 <> 0 then 'staff-bench-' || ((g / 3) % ${STAFF}) end,
      case when g % 47 = 0 then to_char(${at} + interval '14 days', 'YYYY-MM-DD') end,
      sur_f || ' ' || first_f, lower(num)
    from (select g, md5(g::text)::uuid::text as id, ${type} as type, ${sur} as sur, ${surF} as sur_f, ${first} as first, ${firstF} as first_f
          from generate_series(1::bigint, ${N}::bigint) g) s,
    lateral (select case s.type when 'tda' then 'TdA' when 'ade' then 'Antrag' when 'mws_reply' then 'Antwort' else 'OAP' end as label,
                    case s.type when 'tda' then 'TDA' when 'ade' then 'ADE' when 'mws_reply' then 'MWS' else 'OAP' end || '-2026-' || lpad(g::text, 7, '0') as num) l`;
}

interface Case {
  name: string;
  filter: Partial<InboxFilter>;
  sort: InboxSort;
  /** Follow the cursor to this page first (page 1 = no cursor). */
  page?: number;
}
const CASES: Case[] = [
  { name: 'Postkorb + status=neu, oldest', filter: { postkorbId: POSTKOERBE[0], status: 'neu' }, sort: 'oldest' },
  { name: 'Postkorb, newest', filter: { postkorbId: POSTKOERBE[0] }, sort: 'newest' },
  { name: 'Postkorb, oldest, page 200 via cursor', filter: { postkorbId: POSTKOERBE[0] }, sort: 'oldest', page: 200 },
  { name: 'jobcenter + status=in_bearbeitung, newest', filter: { status: 'in_bearbeitung' }, sort: 'newest' },
  { name: 'assignee=me, oldest', filter: { assigneeId: ME }, sort: 'oldest' },
  { name: 'assignee=none + Postkorb + status=neu', filter: { assigneeId: null, postkorbId: POSTKOERBE[1], status: 'neu' }, sort: 'oldest' },
  { name: 'q="müll" (name prefix, 1 %), oldest', filter: { q: foldSearch('müll') }, sort: 'oldest' },
  { name: 'q="Sch" (name prefix, 10 %), newest', filter: { q: foldSearch('Sch') }, sort: 'newest' },
  { name: 'q="TDA-2026-0912" (number prefix)', filter: { q: foldSearch('TDA-2026-0912') }, sort: 'oldest' },
  { name: 'olderThanDays=365 + status=neu, oldest', filter: { createdBefore: '2025-11-25T00:00:00.000Z', status: 'neu' }, sort: 'oldest' },
  { name: 'status=neu, by deadline', filter: { status: 'neu' }, sort: 'deadline' },
];

const r2 = (n: number) => Math.round(n * 100) / 100;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

function table(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/**
 * Drops what a bulk load would otherwise maintain row by row: the secondary indexes of work_items and the triggers
 * that keep the open counts. Returns the statements that rebuild them from their own definitions, recount the open
 * items as the migration's backfill does, and (SQLite) restore the migration's planner statistics, which DROP INDEX
 * deletes.
 */
async function dropDerived(db: Db): Promise<string[]> {
  const sqlite = db.dialect === 'sqlite';
  const defs = sqlite
    ? (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'index' and tbl_name = 'work_items' and sql is not null`.execute(db.db)).rows
    : (await sql<{ name: string; def: string }>`select i.indexname as name, i.indexdef as def from pg_indexes i
        where i.tablename = 'work_items' and i.schemaname = current_schema()
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db.db)).rows;
  const triggers = sqlite ? (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'trigger' and tbl_name = 'work_items'`.execute(db.db)).rows : [];
  const restore = [
    ...defs.map((d) => d.def),
    ...(sqlite ? triggers.map((t) => t.def) : ['alter table work_items enable trigger user']),
    'delete from postkorb_open_counts',
    `insert into postkorb_open_counts (postkorb_id, type, open) select postkorb_id, type, count(*) from work_items where status <> 'erledigt' group by postkorb_id, type`,
  ];
  if (sqlite) {
    const stats = (await sql<{ idx: string; stat: string }>`select idx, stat from sqlite_stat1 where tbl = 'work_items'`.execute(db.db)).rows;
    const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
    restore.push(`delete from sqlite_stat1 where tbl = 'work_items'`, ...stats.map((r) => `insert into sqlite_stat1 (tbl, idx, stat) values ('work_items', ${q(r.idx)}, ${q(r.stat)})`));
    restore.push(process.env.BENCH_SQLITE_ANALYZE ? 'analyze work_items' : 'analyze sqlite_schema');
    for (const t of triggers) await sql`drop trigger ${sql.ref(t.name)}`.execute(db.db);
  } else {
    await sql`alter table work_items disable trigger user`.execute(db.db);
  }
  for (const d of defs) await sql`drop index ${sql.ref(d.name)}`.execute(db.db);
  return restore;
}

async function seedStaff(db: Db): Promise<void> {
  const rows = Array.from({ length: STAFF }, (_, i) => ({
    id: `staff-bench-${i}`, jobcenter_id: JC, email: `bench-${i}@musterstadt.example`, name: `Bench ${i}`, password_hash: 'x', roles: '["leistung"]',
    totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_codes: '[]', created_at: new Date(BASE).toISOString(), last_sign_in_at: null,
  }));
  await db.db.insertInto('staff_users').values(rows).execute();
}

interface EngineFigures {
  engine: string;
  items: number;
  seedSeconds: number;
  indexSeconds: number;
  cases: { name: string; rows: number; p50Ms: number; p99Ms: number; maxMs: number; indexOnly: boolean; ok: boolean; plan: string[] }[];
  counts: { p50Ms: number; p99Ms: number };
}

/** Seeds one engine, then measures every case. */
async function runEngine(db: Db, seed: () => Promise<void>): Promise<EngineFigures> {
  await migrateToLatest(db.db);
  await seedDemo(db.db);
  await seedStaff(db);
  const defs = await dropDerived(db);
  let t0 = performance.now();
  await seed();
  const seedSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (const def of defs) await db.db.executeQuery(CompiledQuery.raw(def));
  if (db.dialect === 'postgres') await sql`vacuum analyze work_items, postkorb_open_counts`.execute(db.db);
  const indexSeconds = (performance.now() - t0) / 1000;
  const sample = await db.db.selectFrom('work_items').select(COLS as never).where('id', 'in', [1, 97, 200, N].map((g) => itemOf(g).id)).execute();
  for (const g of [1, 97, 200, N]) {
    const want = { ...itemOf(g), ref_id: itemOf(g).id, rule_id: null };
    const got = (sample as Record<string, unknown>[]).find((r) => r.id === want.id);
    if (!got || COLS.some((c) => String(got[c]) !== String(want[c as keyof typeof want]))) throw new Error(`${db.dialect} row ${g} differs: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`);
  }

  const cases: EngineFigures['cases'] = [];
  for (const c of CASES) {
    const filter: InboxFilter = { jobcenterId: JC, types: LEISTUNG, ...c.filter };
    let after: InboxKey | undefined;
    for (let p = 1; p < (c.page ?? 1); p++) {
      const rows = await listInboxRows(db.db, filter, c.sort, 50, after);
      const last = rows[49];
      if (!last) break; // fewer items than pages (small BENCH_INBOX_ITEMS)
      after = { deadline: c.sort === 'deadline' ? last.deadline : null, createdAt: last.created_at, id: last.id };
    }
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < WARMUP + REPS; i++) {
      const s = performance.now();
      rows = (await listInboxRows(db.db, filter, c.sort, 50, after)).length;
      if (i >= WARMUP) times.push(performance.now() - s);
    }
    // The plan of the query listInboxRows runs (a common name prefix is walked, see inbox.search.ts).
    const planned = filter.q ? { ...filter, qScan: await isBroadSearch(db.db, JC, filter.q) } : filter;
    const q = inboxPageQuery(db.db, planned, { sort: c.sort, limit: 51, after, deadlinePhase: c.sort === 'deadline' }).compile();
    const explain = db.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, costs off, timing off, summary off) ';
    const res = await db.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain + q.sql, [...q.parameters]));
    const plan = res.rows.map((r) => String(db.dialect === 'sqlite' ? r.detail : r['QUERY PLAN']));
    const text = plan.join('\n');
    const indexed = db.dialect === 'sqlite' ? /USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(text) && !/SCAN work_items(?! USING)/.test(text) : /Index (Only )?Scan|Bitmap Index Scan/.test(text) && !/Seq Scan/.test(text);
    const p99 = pct(times, 99);
    cases.push({ name: c.name, rows: Math.min(rows, 50), p50Ms: r2(pct(times, 50)), p99Ms: r2(p99), maxMs: r2(Math.max(...times)), indexOnly: indexed, ok: indexed && p99 <= GOAL_P99_MS, plan });
  }
  const direct = await db.db.selectFrom('work_items').select((eb) => ['postkorb_id', eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'erledigt').where('type', 'in', LEISTUNG).groupBy('postkorb_id').execute();
  const counted = await openCountsByPostkorb(db.db, JC, LEISTUNG);
  for (const d of direct) if (counted.find((c) => c.id === d.postkorb_id)?.open !== Number(d.n)) throw new Error(`${db.dialect}: open count of ${d.postkorb_id} differs`);
  const countTimes: number[] = [];
  for (let i = 0; i < 10 + 50; i++) {
    const s = performance.now();
    await openCountsByPostkorb(db.db, JC, LEISTUNG);
    if (i >= 10) countTimes.push(performance.now() - s);
  }
  return { engine: db.dialect, items: N, seedSeconds: r2(seedSeconds), indexSeconds: r2(indexSeconds), cases, counts: { p50Ms: r2(pct(countTimes, 50)), p99Ms: r2(pct(countTimes, 99)) } };
}

async function sqliteEngine(): Promise<EngineFigures> {
  const dir = mkdtempSync(join(os.tmpdir(), 'jc-bench-inbox-'));
  const file = join(dir, 'inbox.sqlite');
  const db = openDatabase(file);
  try {
    return await runEngine(db, async () => {
      // A second connection for the bulk load: one transaction, one prepared statement.
      const raw = new SQLite(file);
      raw.pragma('cache_size = -262144');
      const insert = raw.prepare(`insert into work_items (${COLS.join(', ')}) values (${COLS.map(() => '?').join(', ')})`);
      raw.transaction(() => {
        for (let g = 1; g <= N; g++) {
          const it = itemOf(g);
          insert.run(it.id, it.jobcenter_id, it.postkorb_id, it.type, it.status, it.id, it.title, null, it.created_at, 1, it.assignee_id, it.deadline, it.search_key, it.search_number);
        }
      })();
      raw.close();
    });
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresEngine(url: string): Promise<EngineFigures> {
  const schema = `bench_inbox_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = openDatabase(url, { searchPath: schema, poolSize: 4 });
  try {
    return await runEngine(db, async () => {
      await db.db.executeQuery(CompiledQuery.raw(pgSeedSql()));
    });
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** Runs PERF-03 on SQLite and, when a PostgreSQL URL is set, on PostgreSQL; prints tables and plans. */
export async function benchInbox(): Promise<EngineFigures[]> {
  const engines: EngineFigures[] = [await sqliteEngine()];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) engines.push(await postgresEngine(url));
  else console.log('PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  for (const e of engines) {
    console.log(`\n${e.engine}: ${e.items.toLocaleString('en')} work items seeded in ${e.seedSeconds.toFixed(1)} s, indexes built in ${e.indexSeconds.toFixed(1)} s; ${REPS} timed pages of 50 per query`);
    table(
      ['query (Leistung scope, limit 50)', 'rows', 'p50 ms', 'p99 ms', 'max ms', 'index', `p99 ≤ ${GOAL_P99_MS}`],
      e.cases.map((c) => [c.name, c.rows, c.p50Ms.toFixed(2), c.p99Ms.toFixed(2), c.maxMs.toFixed(2), c.indexOnly ? 'yes' : 'NO', c.ok ? 'OK' : 'OVER']),
    );
    console.log(`open counts per Postkorb (${POSTKOERBE.length} Postkörbe): p50 ${e.counts.p50Ms} ms, p99 ${e.counts.p99Ms} ms`);
    for (const c of e.cases) console.log(`  plan ${e.engine} · ${c.name}\n${c.plan.map((l) => `    ${l}`).join('\n')}`);
  }
  return engines;
}
